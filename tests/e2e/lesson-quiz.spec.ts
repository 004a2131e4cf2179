/**
 * The lesson's quiz as a class runs it, through the real screens on both sides: the teacher
 * launches from the dashboard ("Lesson quiz", then "Launch"), three phones answer through
 * their own UI (numeric, one answer, order by keyboard, spot the bug, fill in the blanks),
 * the teacher reveals each, and the leaderboard and each phone's rank agree with a hand
 * computation. The right answers are written here from the lesson's text.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";

const LAPTOP = { width: 1280, height: 720 };
const PHONE = phoneContext(SMALL_PHONE);

/** The lesson's five forward-pass lines in their right order (by how each begins). */
const RIGHT_ORDER = ["inputs = [0.9, 0.4]", "h1 = [relu(", "raw_out = [sum(", "probs = softmax(raw_out)", "print('Prediction:'"];

const launch = (teacher: Page, promptStart: string) =>
  teacher.getByRole("listitem", { name: new RegExp(`^${promptStart.replace(/[[\]().?*+^$]/g, "\\$&")}`) }).getByRole("button", { name: "Launch" }).click();

async function submit(phone: Page): Promise<void> {
  await phone.getByRole("button", { name: "Submit answer" }).click();
  await expect(phone.getByRole("status").filter({ hasText: "Answer sent" })).toBeVisible();
}

async function result(phone: Page, start: "Correct" | "Not quite"): Promise<void> {
  await expect(phone.getByLabel("Result", { exact: true })).toHaveText(new RegExp(`^\\W*${start}`));
}

/** Picks a line of the bug listing by tapping it, as a thumb does. */
async function pickLine(phone: Page, name: RegExp): Promise<void> {
  const radio = phone.getByRole("radio", { name });
  await phone.locator("label").filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

async function reveal(teacher: Page, answered: string): Promise<void> {
  await expect(teacher.getByLabel("Answers", { exact: true })).toHaveText(answered);
  await teacher.getByRole("button", { name: "Reveal answer" }).click();
}

/** Puts the shown lines in the lesson's order with "Move up" alone, by keyboard. */
async function orderByKeyboard(phone: Page): Promise<void> {
  const list = phone.getByRole("list", { name: "Lines to put in order" });
  const shown = async () => (await list.getByRole("listitem").allTextContents()).map((t) => RIGHT_ORDER.findIndex((s) => t.includes(s)));
  for (let target = 0; target < RIGHT_ORDER.length; target++) {
    const at = (await shown()).indexOf(target);
    if (at === target) continue;
    await list.getByRole("listitem").nth(at).getByRole("button", { name: "Move up" }).focus();
    for (let k = at; k > target; k--) await phone.keyboard.press("Enter");
  }
  expect(await shown()).toEqual([0, 1, 2, 3, 4]);
}

test("a teacher runs the lesson's quiz with three phones through reveal and leaderboard", async ({ browser }) => {
  test.setTimeout(240_000);
  const { teacher, code } = await hostClass(browser);
  await teacher.setViewportSize(LAPTOP);
  const ada = await joinOnPhone(browser, code, "Ada", PHONE);
  const ben = await joinOnPhone(browser, code, "Ben", PHONE);
  const cy = await joinOnPhone(browser, code, "Cy", PHONE);

  // Speed points off, so the points can be worked out by hand; streak points stay on.
  await teacher.getByRole("switch", { name: "Speed points" }).click();
  await expect(teacher.getByRole("switch", { name: "Speed points" })).toHaveAttribute("aria-checked", "false");
  await teacher.getByRole("button", { name: "Lesson quiz" }).click();

  // 1. Numeric: 0.5 × 2.0 + 1.0 × (−1.5) + 0.5 = 0, and ReLU(0) = 0.
  await launch(teacher, "A ReLU neuron gets the inputs");
  for (const p of [ada, ben, cy]) await expect(p.getByLabel("Question", { exact: true })).toContainText("A ReLU neuron gets the inputs [0.5, 1.0]");
  await ada.getByRole("textbox", { name: "Your answer" }).fill("0");
  await submit(ada);
  await ben.getByRole("textbox", { name: "Your answer" }).fill("0.0");
  await submit(ben);
  await cy.getByRole("textbox", { name: "Your answer" }).fill("-0.5");
  await submit(cy);
  await reveal(teacher, "3 of 3 answered");
  await result(ada, "Correct");
  await result(ben, "Correct");
  await result(cy, "Not quite");

  // 2. One answer: a forward pass only reads the weights.
  await launch(teacher, "While a forward pass runs");
  await ada.getByRole("radio", { name: "Nothing: they are only read" }).click();
  await submit(ada);
  await ben.getByRole("radio", { name: "Each one is nudged to shrink the error" }).click();
  await submit(ben);
  await cy.getByRole("radio", { name: "Nothing: they are only read" }).click();
  await submit(cy);
  await reveal(teacher, "3 of 3 answered");
  await result(ada, "Correct");
  await result(ben, "Not quite");
  await result(cy, "Correct");

  // 3. Spot the bug: the line that adds w + x instead of multiplying.
  await launch(teacher, "The neuron should compute activation");
  await pickLine(ada, /^Line \d+: raw = sum\(w \+ x/);
  await submit(ada);
  await pickLine(ben, /^Line \d+: raw = sum\(w \+ x/);
  await submit(ben);
  await pickLine(cy, /^Line \d+: return relu\(raw\)/);
  await submit(cy);
  await reveal(teacher, "3 of 3 answered");
  await result(ada, "Correct");
  await result(ben, "Correct");
  await result(cy, "Not quite");

  // 4. Fill in the blanks: max(0, x) and math.exp(-x).
  await launch(teacher, "Complete the lesson's two activations");
  for (const [p, first, second] of [[ada, "0", "-x"], [ben, "0", "x"], [cy, "0", "- x"]] as const) {
    await p.getByRole("textbox", { name: "Blank 1" }).fill(first);
    await p.getByRole("textbox", { name: "Blank 2" }).fill(second);
    await submit(p);
  }
  await reveal(teacher, "3 of 3 answered");
  await result(ada, "Correct");
  await result(ben, "Not quite");
  await result(cy, "Correct");

  // 5. The forward pass in order 1-2-3-4-5; Ada and Cy by keyboard, Ben sends the shuffle as shown.
  await launch(teacher, "Put these lines in order");
  await expect(ada.getByRole("list", { name: "Lines to put in order" })).not.toContainText("# 1.");
  await orderByKeyboard(ada);
  await submit(ada);
  await orderByKeyboard(cy);
  await submit(cy);
  await submit(ben); // the server never shows the lines in the right order
  await reveal(teacher, "3 of 3 answered");
  await result(ada, "Correct");
  await result(ben, "Not quite");
  await result(cy, "Correct");
  expect(await seriousViolations(ada)).toEqual([]);
  expect(await seriousViolations(teacher)).toEqual([]);

  // By hand, 1000 a right answer and 100 per right answer in a row before it (up to 5):
  // Ada right ×5: 1000 + 1100 + 1200 + 1300 + 1400 = 6000.
  // Ben right, wrong, right, wrong, wrong: 1000 + 0 + 1000 + 0 + 0 = 2000.
  // Cy wrong, right, wrong, right, right: 0 + 1000 + 0 + 1000 + 1100 = 3100.
  await teacher.getByRole("button", { name: "Leaderboard" }).click();
  await expect(teacher.getByRole("list", { name: "Leaderboard" }).getByRole("listitem")).toHaveText([
    /^Rank 1\s*Ada\s*6,000 pts$/,
    /^Rank 2\s*Cy\s*3,100 pts$/,
    /^Rank 3\s*Ben\s*2,000 pts$/,
  ]);
  await expect(ada.getByLabel("Your rank")).toContainText("1st of 3");
  await expect(cy.getByLabel("Your rank")).toContainText("2nd of 3");
  await expect(ben.getByLabel("Your rank")).toContainText("3rd of 3");

  await closeAll(ada, ben, cy, teacher);
});
