/**
 * A class through the real UI: a teacher hosts on a projector-sized screen, three students
 * join on phones by typing the code, take their neurons, drag and type, and every screen
 * shows the numbers the lesson's formula gives (python3 reference, not the engine).
 */
import { expect, test } from "@playwright/test";
import { pythonForward } from "../helpers/python-reference";
import { seriousViolations } from "./support/axe";
import { defaultClassifier, hostClass, joinAsStudent, openNicknameForm, percent } from "./support/classroom-ui";
import { PHONE_CONTEXT } from "./support/viewports";

test("a teacher hosts, three phones become neurons, and every screen agrees", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/); // no look-alike characters
  // The teacher's token never stays in the address bar (the screen is on the projector).
  await expect(teacher).not.toHaveURL(/#t=/);
  await expect(teacher.getByLabel("Network output")).toContainText("60.1 %");
  await expect(teacher.getByLabel("Network output")).toContainText("39.9 %");
  expect(await seriousViolations(teacher)).toEqual([]);

  const ada = await joinAsStudent(browser, code, "Ada");
  const ben = await joinAsStudent(browser, code, "Ben");
  const cy = await joinAsStudent(browser, code, "Cy");
  // The default seating order: hidden neurons 1, 2, 3 read 0.920, 0.970, 0.190.
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.920");
  await expect(ben.getByLabel("Neuron output")).toHaveText("0.970");
  await expect(cy.getByLabel("Neuron output")).toHaveText("0.190");
  expect(await seriousViolations(ada)).toEqual([]);

  // Ada types a bias; Ben drags Weight 1 up by ten steps of 0.01 with the keyboard;
  // Cy types Weight 2 with a decimal comma.
  const adaBias = ada.getByRole("textbox", { name: "Bias" });
  await adaBias.fill("0.5");
  await adaBias.press("Enter");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420"); // 1.2×0.9 − 0.4×0.4 + 0.5

  const benSlider = ben.getByRole("slider", { name: "Weight 1" });
  await benSlider.focus();
  for (let i = 0; i < 10; i++) await benSlider.press("ArrowRight");
  await expect(benSlider).toHaveValue("0.6");
  await expect(ben.getByLabel("Neuron output")).toHaveText("1.060"); // 0.6×0.9 + 1.8×0.4 − 0.2

  const cyWeight = cy.getByRole("textbox", { name: "Weight 2" });
  await cyWeight.fill("1,5");
  await cyWeight.press("Enter");
  await expect(cy.getByLabel("Neuron output")).toHaveText("0.430"); // −0.3×0.9 + 1.5×0.4 + 0.1

  // The classifier with the three students' changes applied by hand.
  const network = defaultClassifier();
  network.layers[0]!.neurons[0]!.bias = 0.5;
  network.layers[0]!.neurons[1]!.weights[0] = 0.6;
  network.layers[0]!.neurons[2]!.weights[1] = 1.5;
  const [reference] = pythonForward([{ network, inputs: [0.9, 0.4] }]);
  const [pA, pB] = reference!.layers[1]!.output.map(percent);
  await expect(teacher.getByLabel("Network output")).toContainText(pA!);
  await expect(teacher.getByLabel("Network output")).toContainText(pB!);
  await expect(teacher.getByText("Ada", { exact: true }).filter({ visible: true }).first()).toBeVisible();

  // A reload (or a phone waking up) comes back to the same neuron and values.
  await ada.reload();
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420");
  await expect(ada.getByRole("textbox", { name: "Bias" })).toHaveValue(/^0[.,]5/);

  for (const page of [ada, ben, cy]) await page.context().close();
  await teacher.context().close();
});

test("the join page refuses an unknown code clearly and passes the audit", async ({ browser }) => {
  const context = await browser.newContext(PHONE_CONTEXT);
  const page = await context.newPage();
  await page.goto("/join/AAAAAA");
  await expect(page.getByText(/No class is running with the code AAAAAA/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("the nickname form passes the audit on a phone", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const page = await openNicknameForm(browser, code);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
  await teacher.context().close();
});
