/**
 * SPEC "The spam detector" on the phone of the student who is its output neuron: the phone
 * shows the threshold and the verdict with the strict rule (spam only when the score is above
 * the threshold), at SPEC's checked values. The teacher's side (preset, seat, inputs,
 * threshold) goes through the teacher's own socket, one command per change, so each step is
 * one state of the class; the dashboard's own controls have their own tests.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { IPHONE_13, joinOnPhone, phoneContext } from "./support/phone-screen";
import { teacherSocket } from "./support/teacher-socket";

test("the output neuron's phone shows the spam threshold and verdict at SPEC's checked values", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinOnPhone(browser, code, "Ada", phoneContext(IPHONE_13));
  const control = await teacherSocket(teacher);
  await control.command("network:load-preset", { presetId: "spam" });
  await expect(ada.getByRole("slider", { name: /^Weight \d$/ })).toHaveCount(3);

  // On a hidden neuron: the class's verdict in the bar, but no threshold card of my own.
  await expect(ada.getByLabel("Network output")).toContainText("→ spam");
  await expect(ada.getByLabel("Verdict")).toHaveCount(0);

  await control.command("student:move", { studentId: await control.studentId("Ada"), seat: { layer: 1, neuron: 0 } });
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText("You are neuron 1 of the output layer");
  const output = ada.getByLabel("Neuron output");
  const verdict = ada.getByLabel("Verdict");
  const threshold = ada.getByLabel("Threshold");

  // [0.9, 0.8, 0]: hidden ReLUs 2.0·0.9 + 1.5·0.8 − 0.5 = 2.5 and 0; sigmoid(2.5·2.5 − 1) = 0.99478.
  await control.command("network:set-inputs", { inputs: [0.9, 0.8, 0] });
  await expect(output).toHaveText("0.995");
  await expect(threshold).toHaveText("0.500");
  await expect(verdict).toHaveText("spam");

  // [0.1, 0.1, 1]: SPEC's 0.00816, not spam.
  await control.command("network:set-inputs", { inputs: [0.1, 0.1, 1] });
  await expect(output).toHaveText("0.008");
  await expect(verdict).toHaveText("not spam");
  await expect(ada.getByLabel("Network output")).toContainText("→ not spam");

  // [0.5, 0.2, 0]: SPEC's 0.73106, spam at 0.5 and not spam at 0.8.
  await control.command("network:set-inputs", { inputs: [0.5, 0.2, 0] });
  await expect(output).toHaveText("0.731");
  await expect(verdict).toHaveText("spam");
  await control.command("network:threshold", { threshold: 0.8 });
  await expect(threshold).toHaveText("0.800");
  await expect(verdict).toHaveText("not spam");
  expect(await seriousViolations(ada)).toEqual([]);

  // [0.45, 0, 0]: exactly 0.5, which is not above a 0.5 threshold.
  await control.command("network:threshold", { threshold: 0.5 });
  await control.command("network:set-inputs", { inputs: [0.45, 0, 0] });
  await expect(output).toHaveText("0.500");
  await expect(threshold).toHaveText("0.500");
  await expect(verdict).toHaveText("not spam");

  control.close();
  await closeAll(ada, teacher);
});
