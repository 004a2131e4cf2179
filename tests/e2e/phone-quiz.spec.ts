/**
 * SPEC feature 7 on the phone: every question kind answered through a phone's UI (taps and
 * the keyboard), sent with "Submit answer", and after the reveal the "Result" against the
 * lesson's own answers (written here from the lesson text, never computed by the code under
 * test); parametric questions with each student's own numbers; a late joiner; the draft kept
 * across a reload; the countdown; "Your rank"; and an axe audit of each quiz view.
 *
 * The teacher's side goes through the teacher's own socket (launch, reveal, clear,
 * leaderboard); the dashboard's quiz controls have their own tests.
 * Set PHONE_QUIZ_SHOTS=<dir> to keep 360×740 screenshots of the quiz screens.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LESSON_QUIZ, STARTER_QUESTIONS } from "../../lib/lesson/quiz";
import type { Question } from "../../lib/quiz/types";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";
import { teacherSocket, type TeacherSocket } from "./support/teacher-socket";

const SHOTS = process.env.PHONE_QUIZ_SHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const lesson = (id: string): Question => {
  const q = [...LESSON_QUIZ, ...STARTER_QUESTIONS].find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

const SMALL = phoneContext(SMALL_PHONE);

async function launch(control: TeacherSocket, id: string, options: { timeLimitSec?: number | null; allowChange?: boolean } = {}) {
  await control.command("quiz:launch", { question: lesson(id), options: { timeLimitSec: options.timeLimitSec ?? null, allowChange: options.allowChange ?? false } });
}

async function expectQuestion(phone: Page, startsWith: string) {
  await expect(phone.getByLabel("Question", { exact: true })).toContainText(startsWith);
}

async function expectSent(phone: Page) {
  await expect(phone.getByRole("status").filter({ hasText: "Answer sent" })).toBeVisible();
}

async function expectAudited(phone: Page, what: string) {
  expect(await seriousViolations(phone), what).toEqual([]);
}

async function expectResult(phone: Page, start: "Correct" | "Not quite") {
  await expect(phone.getByLabel("Result", { exact: true })).toHaveText(new RegExp(`^\\W*${start}`));
}

test("every lesson question answered on a phone, by tap and by keyboard, and graded at the reveal", async ({ browser }) => {
  test.setTimeout(240_000);
  const { teacher, code } = await hostClass(browser);
  const ada = await joinOnPhone(browser, code, "Ada", SMALL);
  const bo = await joinOnPhone(browser, code, "Bo", SMALL);
  const control = await teacherSocket(teacher);
  const submit = (p: Page) => p.getByRole("button", { name: "Submit answer" });

  // Numeric: the lesson's ReLU neuron outputs 0 (0.5·2.0 + 1.0·(−1.5) + 0.5 = 0). Ada taps, Bo types and presses Enter.
  await launch(control, "lesson-relu-neuron");
  for (const p of [ada, bo]) await expectQuestion(p, "A ReLU neuron gets the inputs [0.5, 1.0]");
  await expect(ada.getByLabel("Neuron output")).toHaveCount(0);
  await expect(ada.getByText("within ±0.01")).toBeVisible();
  await expectAudited(ada, "numeric question");
  await shot(ada, "1-numeric-open");
  await ada.getByRole("textbox", { name: "Your answer" }).fill("0,0");
  await submit(ada).click();
  await expectSent(ada);
  await expect(ada.getByRole("textbox", { name: "Your answer" })).toHaveValue("0,0");
  await expect(ada.getByRole("textbox", { name: "Your answer" })).toBeDisabled();
  await shot(ada, "2-numeric-sent");
  await bo.getByRole("textbox", { name: "Your answer" }).fill("-0,5");
  await bo.getByRole("textbox", { name: "Your answer" }).press("Enter");
  await expectSent(bo);
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, "Not quite");
  await expect(ada.getByText("0 (within ±0.01)")).toBeVisible();
  await expect(ada.getByText("The bias of 0.5 brings the total to exactly 0")).toBeVisible();
  await expect(ada.getByLabel("Your rank")).toContainText("1st of 2");
  await expect(bo.getByLabel("Your rank")).toContainText("2nd of 2");
  await expectAudited(ada, "numeric revealed");
  await shot(ada, "3-numeric-correct");
  await shot(bo, "4-numeric-not-quite");
  await control.command("quiz:clear", {});
  await expect(ada.getByLabel("Neuron output")).toBeVisible();

  // One answer: "Nothing: they are only read". Bo picks another by keyboard only.
  await launch(control, "lesson-forward-weights");
  await expectQuestion(ada, "While a forward pass runs");
  await ada.getByRole("radio", { name: "Nothing: they are only read" }).click();
  await submit(ada).click();
  await bo.getByRole("radio", { name: "Nothing: they are only read" }).focus();
  await bo.keyboard.press("ArrowDown");
  await expect(bo.getByRole("radio", { name: "Each one is nudged to shrink the error" })).toBeChecked();
  await bo.keyboard.press("Enter");
  await expectSent(bo);
  await expectSent(ada);
  await expectAudited(bo, "choice question");
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, "Not quite");
  await shot(bo, "5-choice-revealed");
  await control.command("quiz:clear", {});

  // Select all that apply: data, GPUs and training tricks. Bo ticks one with the space bar.
  await launch(control, "lesson-why-2012");
  await expectQuestion(ada, "What made deep networks practical");
  await expect(ada.getByRole("checkbox")).toHaveCount(5);
  for (const name of ["Much more data to learn from", "GPUs doing matrix arithmetic", "Better training tricks"]) await ada.getByRole("checkbox", { name }).click();
  await shot(ada, "6-select-all");
  await submit(ada).click();
  await bo.getByRole("checkbox", { name: "GPUs doing matrix arithmetic" }).focus();
  await bo.keyboard.press("Space");
  await expect(bo.getByRole("checkbox", { name: "GPUs doing matrix arithmetic" })).toBeChecked();
  await submit(bo).focus();
  await bo.keyboard.press("Enter");
  for (const p of [ada, bo]) await expectSent(p);
  await expectAudited(ada, "select-all question");
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, "Not quite");
  await control.command("quiz:clear", {});

  // What does it print: "Neuron output: 0.0"; spaces at the ends of a line do not count.
  await launch(control, "lesson-what-prints");
  await expectQuestion(ada, "This neuron adds up its weighted inputs");
  await expect(ada.getByText('print(f"Neuron output: {output:.1f}")')).toBeVisible();
  await expect(ada.getByText("Spaces at the start and end of a line")).toBeVisible();
  await ada.getByRole("textbox", { name: "Your answer" }).fill("Neuron output: 0.0   ");
  await shot(ada, "7-output");
  await submit(ada).click();
  await bo.getByRole("textbox", { name: "Your answer" }).fill("Neuron output: 0");
  await submit(bo).click();
  for (const p of [ada, bo]) await expectSent(p);
  await expectAudited(ada, "output question");
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, "Not quite");
  await control.command("quiz:clear", {});

  // Spot the bug: line 5, "raw = sum(w + x …". Ada taps it; Bo moves through the lines with the arrow keys.
  await launch(control, "lesson-spot-bug");
  await expectQuestion(ada, "The neuron should compute");
  const lines = ada.getByRole("radio", { name: /^Line \d+:/ });
  await expect(lines).toHaveCount(5); // six lines, one blank
  // A tap anywhere on the line picks it.
  await ada.locator("label").filter({ has: ada.getByRole("radio", { name: /^Line 5: raw = sum\(w \+ x/ }) }).tap();
  await expect(ada.getByRole("radio", { name: /^Line 5:/ })).toBeChecked();
  await shot(ada, "8-bug-picked");
  await submit(ada).click();
  await bo.getByRole("radio", { name: /^Line 1:/ }).focus();
  await bo.keyboard.press("ArrowDown");
  await bo.keyboard.press("ArrowDown");
  await expect(bo.getByRole("radio", { name: /^Line 4: # weighted sum/ })).toBeChecked();
  await submit(bo).click();
  for (const p of [ada, bo]) await expectSent(p);
  await expectAudited(ada, "bug question");
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, "Not quite");
  await expect(bo.getByText("Line 5: raw = sum(w + x for w, x in zip(weights, inputs)) + bias")).toBeVisible();
  await shot(bo, "9-bug-revealed");
  await control.command("quiz:clear", {});

  // Fill in the blanks: max(0, x) and math.exp(-x).
  await launch(control, "lesson-fill-activations");
  await expectQuestion(ada, "Complete the lesson's two activations");
  await ada.getByRole("textbox", { name: "Blank 1" }).fill("0");
  await ada.getByRole("textbox", { name: "Blank 2" }).fill("- x");
  await shot(ada, "10-blanks");
  await submit(ada).click();
  await bo.getByRole("textbox", { name: "Blank 1" }).fill("1");
  await bo.keyboard.press("Tab");
  await bo.keyboard.type("x");
  await expect(bo.getByRole("textbox", { name: "Blank 2" })).toHaveValue("x");
  await submit(bo).click();
  for (const p of [ada, bo]) await expectSent(p);
  await expectAudited(ada, "blanks question");
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, "Not quite");
  await control.command("quiz:clear", {});

  // Put the lines in order: 1 inputs, 2 hidden layer, 3 output layer, 4 softmax, 5 print.
  // Ada by keyboard alone with Move up; the numbering comments are not shown.
  await launch(control, "lesson-forward-order");
  await expectQuestion(ada, "Put these lines in order");
  const rightOrder = ["inputs = [0.9, 0.4]", "h1 = [relu(", "raw_out = [sum(", "probs = softmax(raw_out)", "print('Prediction:'"];
  const items = ada.getByRole("list", { name: "Lines to put in order" }).getByRole("listitem");
  await expect(items).toHaveCount(5);
  await expect(ada.getByRole("list", { name: "Lines to put in order" })).not.toContainText("# 1.");
  await expect(ada.getByRole("button", { name: "Move up" })).toHaveCount(5);
  await expect(ada.getByRole("button", { name: "Move down" })).toHaveCount(5);
  const shownOrder = async (p: Page) => (await p.getByRole("list", { name: "Lines to put in order" }).getByRole("listitem").allTextContents()).map((t) => rightOrder.findIndex((start) => t.includes(start)));
  for (let target = 0; target < 5; target++) {
    const now = await shownOrder(ada);
    const at = now.indexOf(target);
    if (at === target) continue;
    await items.nth(at).getByRole("button", { name: "Move up" }).focus();
    // Focus stays on the moved line's button: Enter again moves the same line on up.
    for (let k = at; k > target; k--) await ada.keyboard.press("Enter");
    expect((await shownOrder(ada)).indexOf(target)).toBe(target);
  }
  expect(await shownOrder(ada)).toEqual([0, 1, 2, 3, 4]);
  await expect(ada.locator("[aria-live=polite]")).toContainText("to place");
  await shot(ada, "11-order-sorted");
  await submit(ada).focus();
  await ada.keyboard.press("Enter");
  // Bo drags the first line to the bottom by its grip.
  const before = await shownOrder(bo);
  const boItems = bo.getByRole("list", { name: "Lines to put in order" }).getByRole("listitem");
  const grip = await boItems.nth(0).locator("[aria-hidden=true]").first().boundingBox();
  const last = await boItems.nth(4).boundingBox();
  await bo.mouse.move(grip!.x + grip!.width / 2, grip!.y + grip!.height / 2);
  await bo.mouse.down();
  for (let step = 1; step <= 8; step++) await bo.mouse.move(grip!.x + grip!.width / 2, grip!.y + ((last!.y + last!.height - 4 - grip!.y) * step) / 8);
  await bo.mouse.up();
  const dragged = [...before.slice(1), before[0]!];
  expect(await shownOrder(bo)).toEqual(dragged);
  await submit(bo).click();
  for (const p of [ada, bo]) await expectSent(p);
  await expectAudited(ada, "order question");
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, dragged.every((v, i) => v === i) ? "Correct" : "Not quite");
  await shot(bo, "12-order-revealed");
  await control.command("quiz:clear", {});

  // A poll: no right answer, so no "Correct" either.
  await launch(control, "poll-confidence");
  await expectQuestion(ada, "How sure do you feel");
  await ada.getByRole("radio", { name: "Fairly sure" }).click();
  await submit(ada).click();
  await expectSent(ada);
  await expectAudited(ada, "poll");
  await control.command("quiz:reveal", {});
  await expect(ada.getByLabel("Result", { exact: true })).toContainText("Thanks for voting");
  await expect(ada.getByLabel("Result", { exact: true })).not.toContainText("Correct");
  await expectAudited(ada, "poll revealed");
  await control.command("quiz:clear", {});
  await expect(bo.getByLabel("Neuron output")).toBeVisible();

  control.close();
  await closeAll(ada, bo, teacher);
});

/** The student's own numbers as the phone shows them (the table and the rows under it). */
async function numbersOn(phone: Page) {
  const card = phone.getByLabel("Your numbers");
  await expect(card.getByRole("table")).toBeVisible();
  const read = (t: string) => Number(t.trim().replace("\u2212", "-"));
  const rows = await card.locator("tbody tr").all();
  const inputs: number[] = [];
  const weights: number[] = [];
  for (const row of rows) {
    const cells = await row.locator("td").allTextContents();
    inputs.push(read(cells[0]!));
    weights.push(read(cells[1]!));
  }
  const field = async (name: string) => {
    const dd = card.locator("div", { has: phone.getByText(name, { exact: true }) }).locator("dd");
    return (await dd.count()) ? (await dd.first().textContent())!.trim() : null;
  };
  return { inputs, weights, bias: await field("Bias b"), activation: await field("Activation"), text: await card.textContent() };
}

test("parametric questions: two phones, two sets of numbers, each graded on its own", async ({ browser }) => {
  test.setTimeout(120_000);
  const { teacher, code } = await hostClass(browser);
  const ada = await joinOnPhone(browser, code, "Ada", SMALL);
  const bo = await joinOnPhone(browser, code, "Bo", SMALL);
  const control = await teacherSocket(teacher);

  await launch(control, "drill-neuron-output");
  await expectQuestion(ada, "Compute your neuron's output");
  const a = await numbersOn(ada);
  const b = await numbersOn(bo);
  expect(a.text).not.toEqual(b.text);
  await shot(ada, "13-parametric");
  await expectAudited(ada, "parametric question");

  // The test's own arithmetic, from the numbers on each screen.
  const act: Record<string, (s: number) => number> = {
    ReLU: (s) => Math.max(0, s),
    sigmoid: (s) => 1 / (1 + Math.exp(-s)),
    tanh: Math.tanh,
    linear: (s) => s,
    step: (s) => (s > 0 ? 1 : 0),
  };
  const outputOf = (n: typeof a) => act[n.activation!]!(n.inputs.reduce((s, x, i) => s + x * n.weights[i]!, 0) + Number(n.bias!.replace("\u2212", "-")));
  const right = outputOf(a);
  await ada.getByRole("textbox", { name: "Your answer" }).fill(right.toFixed(3).replace(".", ","));
  await ada.getByRole("button", { name: "Submit answer" }).click();
  await bo.getByRole("textbox", { name: "Your answer" }).fill(String(Math.round((outputOf(b) + 5) * 100) / 100));
  await bo.getByRole("button", { name: "Submit answer" }).click();
  for (const p of [ada, bo]) await expectSent(p);
  await control.command("quiz:reveal", {});
  await expectResult(ada, "Correct");
  await expectResult(bo, "Not quite");
  await expect(bo.getByRole("region", { name: "The answer" }).getByRole("listitem")).toHaveText(String(Math.round(outputOf(b) * 1000) / 1000));
  await expectAudited(bo, "parametric revealed");
  await shot(bo, "14-parametric-not-quite");

  // Which activation: the five activations as radios; the bias to find: a number.
  await launch(control, "drill-which-activation");
  await expectQuestion(ada, "Which activation turns this neuron's sum");
  for (const name of ["relu", "sigmoid", "tanh", "linear", "step"]) await expect(ada.getByRole("radio", { name, exact: true })).toBeVisible();
  await expect(ada.getByLabel("Your numbers")).toContainText("Output");
  await expectAudited(ada, "which-activation");
  await shot(ada, "15-which-activation");
  await launch(control, "drill-fire-bias");
  await expect(ada.getByLabel("Your numbers")).toContainText("Target output");
  await expect(ada.getByRole("textbox", { name: "Your answer" })).toBeVisible();

  // The leaderboard shown over the neuron screen: my own standing, on my phone only.
  await control.command("quiz:clear", {});
  await control.command("quiz:leaderboard", { shown: true });
  await expect(ada.getByLabel("Neuron output")).toBeVisible();
  await expect(ada.getByLabel("Your rank")).toContainText("1st of 2");
  await expect(bo.getByLabel("Your rank")).toContainText("2nd of 2");

  control.close();
  await closeAll(ada, bo, teacher);
});

test("a late joiner gets the open question; a timed question counts down; a draft survives a reload; answers may change when allowed", async ({ browser }) => {
  test.setTimeout(120_000);
  const { teacher, code } = await hostClass(browser);
  const ada = await joinOnPhone(browser, code, "Ada", SMALL);
  const control = await teacherSocket(teacher);

  await launch(control, "lesson-relu-neuron", { timeLimitSec: 120, allowChange: true });
  await expectQuestion(ada, "A ReLU neuron");
  await expect(ada.getByRole("timer")).toHaveText(/^Time left [12]:\d\d$/);

  // Cy joins while it is open: the question, not the neuron. Cy's phone clock is ten minutes
  // fast; the countdown follows the server's clock all the same.
  const cy = await (await browser.newContext(SMALL)).newPage();
  await cy.addInitScript(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 600_000;
  });
  await cy.goto("/");
  await cy.getByRole("textbox", { name: "Join code" }).fill(code);
  await cy.getByRole("button", { name: "Join" }).click();
  await cy.getByRole("textbox", { name: "Nickname" }).fill("Cy");
  await cy.getByRole("button", { name: "Join" }).click();
  await expectQuestion(cy, "A ReLU neuron");
  await expect(cy.getByRole("timer")).toHaveText(/^Time left 1:\d\d$/);

  // A draft typed but not sent is still there after a reload.
  await cy.getByRole("textbox", { name: "Your answer" }).fill("0,25");
  await cy.reload();
  await expect(cy.getByRole("textbox", { name: "Your answer" })).toHaveValue("0,25");

  // Allowed to change: send, change, send again.
  await cy.getByRole("button", { name: "Submit answer" }).click();
  await expectSent(cy);
  await cy.getByRole("textbox", { name: "Your answer" }).fill("0");
  await expect(cy.getByRole("status").filter({ hasText: "press Submit answer to send the change" })).toBeVisible();
  await cy.getByRole("button", { name: "Submit answer" }).click();
  await expectSent(cy);
  await shot(cy, "16-timed-changeable");

  // Closed: the answer stays, the form locks.
  await control.command("quiz:close", {});
  await expect(cy.getByRole("status").filter({ hasText: "Answers are closed" })).toBeVisible();
  await expect(cy.getByRole("textbox", { name: "Your answer" })).toHaveValue("0");
  await expect(cy.getByRole("button", { name: "Submit answer" })).toHaveCount(0);
  await expectAudited(cy, "closed");
  await shot(ada, "17-closed-unanswered");
  await control.command("quiz:reveal", {});
  await expectResult(cy, "Correct");
  await expectResult(ada, "Not quite");
  await control.command("quiz:clear", {});
  await expect(cy.getByLabel("Neuron output")).toBeVisible();

  control.close();
  await closeAll(ada, cy, teacher);
});
