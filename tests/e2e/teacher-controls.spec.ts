/**
 * The teacher's controls (SPEC features 1, 3, 5 and 10) through the real UI: the teacher on a
 * projector-sized dashboard, students on phones. Every check is something a teacher or a
 * student sees; expected numbers come from the lesson's Python formula or hand arithmetic.
 */
import { expect, test } from "@playwright/test";
import { pythonForward } from "../helpers/python-reference";
import { seriousViolations } from "./support/axe";
import {
  closeAll,
  defaultClassifier,
  hostClass,
  joinAsStudent,
  openNicknameForm,
  percent,
  typeOnPhone,
} from "./support/classroom-ui";

test("typing Input 1 with a decimal comma updates the prediction and the phones", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.920");

  const input1 = teacher.getByRole("textbox", { name: "Input 1", exact: true });
  await input1.fill("0,5");
  await input1.press("Enter");

  const [reference] = pythonForward([{ network: defaultClassifier(), inputs: [0.5, 0.4] }]);
  const [pA, pB] = reference!.layers[1]!.output.map(percent);
  const output = teacher.getByLabel("Network output");
  await expect(output).toContainText(`Class A ${pA}`);
  await expect(output).toContainText(`Class B ${pB}`);
  await expect(output).not.toContainText("60.1 %");

  // Ada sits on hidden neuron 1: 1.2 × 0.5 − 0.4 × 0.4 + 0 = 0.440.
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.440");
  await expect(ada.getByLabel("Network output")).toContainText(pA!);
  // Leaving the field shows the value as the class now uses it.
  await input1.press("Tab");
  await expect(input1).toHaveValue("0.5");

  await closeAll(ada, teacher);
});

test("loading the “bright and edgy” preset reseats the student on the single neuron", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");
  await expect(ada.getByRole("slider", { name: /^Weight \d+$/ })).toHaveCount(2);

  await teacher.getByRole("group", { name: "Lesson presets" }).getByRole("button", { name: /bright and edgy/ }).click();
  await teacher.getByRole("dialog", { name: "Replace the class network?" }).getByRole("button", { name: "Replace the network" }).click(); // Ada is seated

  // The lesson's neuron: 1.5 × 0.8 + 2.0 × 0.6 − 1.0 = 1.400.
  await expect(teacher.getByLabel("Network output")).toContainText("1.400");
  await expect(teacher.getByLabel("Network output")).not.toContainText("%");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.400");
  await expect(ada.getByRole("slider", { name: /^Weight \d+$/ })).toHaveCount(2);
  await expect(ada.getByRole("textbox", { name: "Weight 1", exact: true })).toHaveValue("1.500");
  await expect(ada.getByRole("textbox", { name: "Weight 2", exact: true })).toHaveValue("2.000");
  await expect(ada.getByRole("textbox", { name: "Bias", exact: true })).toHaveValue("-1.000");

  await closeAll(ada, teacher);
});

test("locking a layer, the whole network or pausing phones disables the phone's controls, with a reason", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada"); // hidden layer, neuron 1
  const biasBox = ada.getByRole("textbox", { name: "Bias", exact: true });
  const biasSlider = ada.getByRole("slider", { name: "Bias", exact: true });
  await expect(biasBox).toBeEnabled();

  const cases = [
    { control: "Lock hidden layer", message: /locked your layer/ },
    { control: "Lock the whole network", message: /locked the network/ },
    { control: "Pause phones", message: /paused the phones/ },
  ];
  for (const { control, message } of cases) {
    const toggle = teacher.getByRole("switch", { name: control });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(ada.getByText(message)).toBeVisible();
    await expect(biasBox).toBeDisabled();
    await expect(biasSlider).toBeDisabled();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect(ada.getByText(message)).toBeHidden();
    await expect(biasBox).toBeEnabled();
    await expect(biasSlider).toBeEnabled();
  }

  // Locking the other layer leaves Ada's hidden neuron free.
  const outputLock = teacher.getByRole("switch", { name: "Lock output layer" });
  await outputLock.click();
  await expect(outputLock).toHaveAttribute("aria-checked", "true");
  await expect(teacher.getByRole("status").filter({ hasText: "Output layer locked." })).toBeVisible();
  await expect(biasBox).toBeEnabled();

  // Unlocked again, the phone really changes the class network: 1.2 × 0.9 − 0.4 × 0.4 + 0.5.
  await typeOnPhone(ada, "Bias", "0,5");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420");

  await closeAll(ada, teacher);
});

test("moving a student with the roster's menu, by keyboard, moves their phone", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.920");

  const seat = teacher.getByRole("combobox", { name: "Neuron for Ada" });
  await expect(seat).toHaveValue("0:0");
  await seat.focus();
  await seat.press("ArrowDown");
  // Hidden neuron 2: 0.5 × 0.9 + 1.8 × 0.4 − 0.2 = 0.970.
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.970");
  await seat.press("ArrowDown");
  // Hidden neuron 3: −0.3 × 0.9 + 0.9 × 0.4 + 0.1 = 0.190.
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.190");
  await expect(seat).toHaveValue("0:2");
  await expect(teacher.getByRole("list", { name: "Students" })).toContainText("H1 · 3");
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText("You are neuron 3 of the hidden layer");

  await closeAll(ada, teacher);
});

test("removing a student (with confirmation) shows it on their phone; “Let back in” lets a reload return", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");

  await teacher.getByRole("button", { name: "Remove Ada" }).click();
  const ask = teacher.getByRole("group", { name: "Remove Ada from the class?" });
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(teacher.getByRole("list", { name: "Students" })).toContainText("Ada");
  await expect(ada.getByLabel("Neuron output")).toBeVisible();

  await teacher.getByRole("button", { name: "Remove Ada" }).click();
  await ask.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(ada.getByRole("heading", { name: "The teacher removed you from this class" })).toBeVisible();
  await expect(ada.getByLabel("Neuron output")).toHaveCount(0);

  // A reload does not sneak back in while removed.
  await ada.reload();
  await expect(ada.getByRole("heading", { name: "The teacher removed you from this class" })).toBeVisible();

  await teacher.getByRole("button", { name: "Let back in Ada" }).click();
  await expect(teacher.getByRole("list", { name: "Students" })).toContainText("Ada");
  await ada.reload();
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.920");

  await closeAll(ada, teacher);
});

test("a locked room turns a new phone away with a clear message", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const lock = teacher.getByRole("switch", { name: "Lock room" });
  await lock.click();
  await expect(lock).toHaveAttribute("aria-checked", "true");
  await expect(teacher.getByText("Room locked: no new students can join.")).toBeVisible();

  const late = await openNicknameForm(browser, code);
  await late.getByRole("textbox", { name: "Nickname" }).fill("Late Larry");
  await late.getByRole("button", { name: "Join" }).click();
  await expect(late.getByRole("alert").filter({ hasText: /locked/i })).toBeVisible();
  await expect(late.getByLabel("Neuron output")).toHaveCount(0);
  await expect(teacher.getByText("Nobody has joined yet.", { exact: false })).toBeVisible();

  // Unlocked, the same phone gets in by pressing Join again.
  await lock.click();
  await expect(lock).toHaveAttribute("aria-checked", "false");
  await late.getByRole("button", { name: "Join" }).click();
  await expect(late.getByLabel("Neuron output")).toHaveText("0.920");

  await closeAll(late, teacher);
});

test("ending the session (with confirmation) tells the phones the class has ended", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");

  await teacher.getByRole("button", { name: "End session" }).click();
  const ask = teacher.getByRole("group", { name: "End the session for everyone?" });
  await expect(ask).toBeVisible();
  await expect(ada.getByLabel("Neuron output")).toBeVisible(); // nothing happens before confirming
  await ask.getByRole("button", { name: "End session" }).click();

  await expect(ada.getByRole("heading", { name: "This class has ended" })).toBeVisible();
  await expect(teacher.getByRole("status").filter({ hasText: "This session has ended." }).first()).toBeVisible();
  await expect(teacher.getByRole("button", { name: "End session" })).toHaveCount(0);

  await closeAll(ada, teacher);
});

test("the dashboard with students in it passes the accessibility audit", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");
  const ben = await joinAsStudent(browser, code, "Ben");
  const students = teacher.getByRole("list", { name: "Students" });
  await expect(students.getByRole("listitem")).toHaveCount(2);
  await expect(students).toContainText("Ada");
  await expect(students).toContainText("Ben");
  expect(await seriousViolations(teacher)).toEqual([]);

  await closeAll(ada, ben, teacher);
});
