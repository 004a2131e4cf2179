/**
 * The second-screen projector view, /show/<code> (SPEC features 1, 3, 5 and 10): read-only,
 * no teacher token in its address, the code, the diagram and the prediction, live as students
 * type, and the dashboard's "Hide names" taking nicknames off the wall.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pythonForward } from "../helpers/python-reference";
import { seriousViolations } from "./support/axe";
import { closeAll, defaultClassifier, hostClass, joinAsStudent, percent, typeOnPhone } from "./support/classroom-ui";
import { PROJECTOR } from "./support/viewports";

/** Opens the projector view in a browser of its own: it holds no teacher token. */
async function openSecondScreen(browser: Browser, teacher: Page, code: string): Promise<Page> {
  const link = teacher.getByRole("link", { name: "Open on a second screen" });
  await expect(link).toHaveAttribute("href", `/show/${code}`);
  const context = await browser.newContext({ viewport: PROJECTOR });
  const show = await context.newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Join code", { exact: true })).toHaveText(code);
  return show;
}

test("the second screen shows the code, the diagram and the live prediction, with no controls", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const show = await openSecondScreen(browser, teacher, code);
  await expect(show).not.toHaveURL(/#t=|token/i);

  const diagram = show.getByRole("img", { name: "Network diagram: 2 inputs, hidden layer of 3, output layer of 2" });
  await expect(diagram).toBeVisible();
  await expect(diagram).toHaveAccessibleDescription(/0\.920, 0\.970, 0\.190/);
  const output = show.getByLabel("Network output");
  await expect(output).toContainText("Class A 60.1 %");
  await expect(output).toContainText("Class B 39.9 %");
  await expect(output).toContainText("Prediction: Class A");

  // Read-only: none of the teacher's controls are on the wall.
  await expect(show.getByRole("button", { name: "End session" })).toHaveCount(0);
  await expect(show.getByRole("button", { name: /Reset weights|Remove|Let back in/ })).toHaveCount(0);
  await expect(show.getByRole("switch")).toHaveCount(0);
  await expect(show.getByRole("textbox")).toHaveCount(0);
  await expect(show.getByRole("combobox")).toHaveCount(0);

  // A student joins and types a bias: the wall follows without a reload.
  const ada = await joinAsStudent(browser, code, "Ada");
  await expect(show.getByText("1 student has joined")).toBeVisible();
  await typeOnPhone(ada, "Bias", "0,5");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420");

  const network = defaultClassifier();
  network.layers[0]!.neurons[0]!.bias = 0.5;
  const [reference] = pythonForward([{ network, inputs: [0.9, 0.4] }]);
  const [pA, pB] = reference!.layers[1]!.output.map(percent);
  expect(pA).not.toBe("60.1 %");
  await expect(output).toContainText(`Class A ${pA}`);
  await expect(output).toContainText(`Class B ${pB}`);
  const hidden = reference!.layers[0]!.output.map((v) => v.toFixed(3)).join(", ");
  await expect(diagram).toHaveAccessibleDescription(new RegExp(hidden.replace(/\./g, "\\.")));

  expect(await seriousViolations(show)).toEqual([]);
  await closeAll(ada, show, teacher);
});

test("“Hide names” on the dashboard takes nicknames off the second screen", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const zoltan = await joinAsStudent(browser, code, "Zoltan");
  const show = await openSecondScreen(browser, teacher, code);
  const diagram = show.getByRole("img", { name: /^Network diagram/ });
  await expect(diagram).toContainText("Zoltan");

  const hide = teacher.getByRole("switch", { name: "Hide names" });
  await hide.click();
  await expect(hide).toHaveAttribute("aria-checked", "true");
  await expect(diagram).not.toContainText("Zoltan");
  await expect(diagram).toContainText("1 student");
  await expect(show.locator("body")).not.toContainText("Zoltan");

  await hide.click();
  await expect(hide).toHaveAttribute("aria-checked", "false");
  await expect(diagram).toContainText("Zoltan");

  await closeAll(zoltan, show, teacher);
});

test("the second screen of an unknown code says so plainly", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PROJECTOR });
  const show = await context.newPage();
  await show.goto("/show/AAAAAA");
  await expect(show.getByText(/No class is running with this code/)).toBeVisible();
  await expect(show.getByLabel("Network output")).toHaveCount(0);
  await context.close();
});
