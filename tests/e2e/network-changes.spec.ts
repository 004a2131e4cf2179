/**
 * Changing the class network from the dashboard (SPEC features 3 and 10, "The engine"):
 * replacing it once students have entered values asks first; a bare engine JSON file loads with
 * default names; "Randomise weights" really changes the weights, on the dashboard and the phones.
 * Expected numbers are the lesson's or hand arithmetic.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass, joinAsStudent, typeOnPhone } from "./support/classroom-ui";
import { loadNetworkFile } from "./support/network-file";

test("replacing the network once a student has entered values asks first; Cancel keeps the student's value", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");
  // Ada sits on hidden neuron 1: 1.2 × 0.9 − 0.4 × 0.4 + 0.5 = 1.420.
  await typeOnPhone(ada, "Bias", "0,5");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420");

  const preset = teacher.getByRole("group", { name: "Lesson presets" }).getByRole("button", { name: /bright and edgy/ });
  const dialog = teacher.getByRole("dialog", { name: "Replace the class network?" });
  await preset.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("This replaces the class's entries");
  expect(await seriousViolations(teacher)).toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420");
  await expect(teacher.getByLabel("Network output")).toContainText("%");

  // Escape is a Cancel too; so is Cancel on "Build this network".
  await preset.click();
  await expect(dialog).toBeVisible();
  await teacher.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await teacher.getByText("Design your own network").click();
  await teacher.getByRole("button", { name: "Build this network" }).click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420");

  await preset.click();
  await dialog.getByRole("button", { name: "Replace the network" }).click();
  // The lesson's neuron: 1.5 × 0.8 + 2.0 × 0.6 − 1.0 = 1.400.
  await expect(teacher.getByLabel("Network output")).toContainText("1.400");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.400");

  await closeAll(ada, teacher);
});

test("SPEC's bare engine JSON loads through “Load network” with default names; a file's own names are kept", async ({ browser }) => {
  const { teacher } = await hostClass(browser);
  await loadNetworkFile(teacher, "neuron.json", { layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }] });

  const diagram = teacher.getByRole("img", { name: "Network diagram: 2 inputs, output layer of 1" });
  await expect(diagram).toBeVisible();
  await expect(teacher.getByRole("button", { name: "Dismiss" })).toHaveCount(0); // no error notice
  await expect(diagram).toContainText("Input 1");
  await expect(diagram).toContainText("Input 2");
  // Inputs start at zero: relu(−1.0) = 0.
  const output = teacher.getByLabel("Network output");
  await expect(output).toContainText("Output 1 0.000");
  for (const [name, value] of [["Input 1", "0.8"], ["Input 2", "0.6"]]) {
    const field = teacher.getByRole("textbox", { name: name!, exact: true });
    await field.fill(value!);
    await field.press("Enter");
  }
  await expect(output).toContainText("Output 1 1.400");

  const named = {
    network: { layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }] },
    inputs: [0.8, 0.6],
    inputLabels: ["brightness", "edge strength"],
    outputLabels: ["bright and edgy"],
  };
  await loadNetworkFile(teacher, "named.json", named);
  await expect(output).toContainText("bright and edgy 1.400");
  await expect(diagram).toContainText("brightness");
  await expect(diagram).toContainText("edge strength");

  await closeAll(teacher);
});

test("“Randomise weights” changes the weights on the dashboard, and a student's phone shows their neuron's new ones", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada"); // hidden neuron 1
  const weight = (k: number) => ada.getByRole("textbox", { name: `Weight ${k}`, exact: true });
  await expect(weight(1)).toHaveValue("1.200");
  await expect(weight(2)).toHaveValue("-0.400");

  const labels = teacher.locator("[data-weight]");
  await expect(labels).toHaveCount(12);
  const before = await labels.allTextContents();
  expect(before).toEqual(["1.200", "-0.400", "0.500", "1.800", "-0.300", "0.900", "1.000", "0.200", "-0.500", "-0.300", "0.800", "1.100"]);

  await teacher.getByRole("button", { name: "Randomise weights" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Weights randomised." })).toBeVisible();
  await expect(teacher.getByRole("button", { name: "Dismiss" })).toHaveCount(0); // no error notice
  await expect.poll(() => labels.allTextContents()).not.toEqual(before);
  const after = await labels.allTextContents();
  expect(after).toHaveLength(12);

  // Ada's phone shows the same new weights for her neuron as the dashboard draws on her lines.
  const ownWeights = [await teacher.locator('[data-weight="0-0-0"]').textContent(), await teacher.locator('[data-weight="0-0-1"]').textContent()];
  expect(ownWeights).not.toEqual(["1.200", "-0.400"]);
  await expect(weight(1)).toHaveValue(ownWeights[0]!);
  await expect(weight(2)).toHaveValue(ownWeights[1]!);

  await closeAll(ada, teacher);
});
