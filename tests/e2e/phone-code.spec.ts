/**
 * A code question on a 360×740 phone, graded by the server's real sandbox: the teacher
 * launches the lesson's spam exercise; the phone fetches the editor's chunk only then; its
 * first screen shows the prompt and the editor with the key row (text 16 px or more, keys 44 px
 * or more); the student types a right predict (the last quote from the key row), submits,
 * sees "grading…" and then "All 14 tests pass."; a `>=` version passes 13 of 14 with the
 * boundary test failing, and the best (14 of 14) is kept; the program survives a reload; after
 * the reveal the result and the reference solution. The expected results are SPEC's (written
 * out in the test's own predict and its messages), never computed by the code under test.
 * Set PHONE_CODE_SHOTS=<dir> to keep screenshots.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { phoneJsSize } from "../../bench/phone-size";
import { SPAM_EXERCISE } from "../../lib/lesson/code-exercise";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { editorText, GE_PREDICT, replaceCode, RIGHT_PREDICT, seenStatuses, watchStatuses } from "./support/code-question";
import { expectOnScreen, joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";
import { teacherSocket } from "./support/teacher-socket";

const SHOTS = process.env.PHONE_CODE_SHOTS;
/** The sandbox's first grade on a busy two-core machine (warm children may still be starting). */
const GRADE_MS = 60_000;

/** Scrolls an element to the top of the screen, below the sticky quiz strip. */
async function scrollBelowStrip(page: Page, target: Locator) {
  await target.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64));
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test("the spam exercise on a phone: written with the key row, graded by the sandbox, the best kept, the draft across a reload", async ({ browser }) => {
  test.setTimeout(240_000);
  const { teacher, code } = await hostClass(browser);
  const phone = await joinOnPhone(browser, code, "Ada", phoneContext(SMALL_PHONE));
  const chunks: string[] = [];
  phone.on("request", (r) => {
    if (/\/_phone\/chunk-/.test(r.url())) chunks.push(new URL(r.url()).pathname);
  });
  const errors: string[] = [];
  phone.on("pageerror", (e) => errors.push(e.message));
  const control = await teacherSocket(teacher);

  await control.command("quiz:launch", { question: SPAM_EXERCISE, options: { timeLimitSec: null, allowChange: false } });
  const question = phone.getByLabel("Question", { exact: true });
  await expect(question).toContainText("Write predict(inputs, threshold) for the spam detector");
  const editor = phone.getByRole("textbox", { name: "Your code" });
  await expect(editor).toBeVisible();
  expect(chunks.length, "the editor's chunk is fetched when the code question arrives").toBeGreaterThan(0);
  expect(await editorText(editor)).toBe(SPAM_EXERCISE.starter.replace(/\n$/, ""));

  // The first screen: the prompt and the editor; readable text; big keys.
  await phone.evaluate(() => window.scrollTo(0, 0));
  await expectOnScreen(phone, question, "the prompt");
  const editorBox = (await editor.boundingBox())!;
  expect(editorBox.y + 120, "at least a few lines of the editor on the first screen").toBeLessThanOrEqual(SMALL_PHONE.height);
  expect(parseFloat(await editor.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
  const keys = phone.getByRole("group", { name: "Keys for code" }).getByRole("button");
  await expect(keys).toHaveCount(9);
  for (const key of await keys.all()) {
    const box = (await key.boundingBox())!;
    expect(Math.min(box.width, box.height), `${await key.getAttribute("aria-label")} is a big enough target`).toBeGreaterThanOrEqual(44);
  }
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL_PHONE.width);
  expect(await seriousViolations(phone), "the code question").toEqual([]);
  await shot(phone, "1-code-question");

  // A right predict, its last quote typed with the key row; Tab from the key row indents by four.
  await replaceCode(phone, editor, `${RIGHT_PREDICT.slice(0, -1)}`);
  await phone.getByRole("button", { name: "Quote" }).click();
  await expect.poll(() => editorText(editor)).toBe(RIGHT_PREDICT);
  await expect(editor).toBeFocused();
  await phone.keyboard.press("Enter");
  const lastLine = async () => (await editorText(editor)).split("\n").at(-1)!;
  const indent = await lastLine();
  await phone.getByRole("button", { name: "Tab (indent)" }).click();
  await expect.poll(lastLine).toBe(`${indent}${" ".repeat(4 - (indent.length % 4))}`);
  await replaceCode(phone, editor, RIGHT_PREDICT);
  await phone.evaluate(() => window.scrollTo(0, 0));
  await shot(phone, "2-code-typed");

  await watchStatuses(phone);
  await phone.getByRole("button", { name: "Submit code" }).click();
  await shot(phone, "2b-code-grading");
  const results = phone.getByRole("region", { name: "Test results" });
  await expect(results).toContainText("All 14 tests pass.", { timeout: GRADE_MS });
  expect((await seenStatuses(phone)).filter((t) => /grading/i.test(t)).length, "a grading state was shown").toBeGreaterThan(0);
  await expect(results).toContainText("1 program sent · Best: 14 of 14");
  const table = results.getByRole("table");
  await expect(table.getByRole("row", { name: /^9 ?0\.7, 0\.3, 1/ }).getByRole("cell")).toHaveText(["spam", /^not spam ✓/]);
  await expect(results).toContainText("Your predict agrees with the label on 8 of 10 examples");
  expect(await seriousViolations(phone), "the results").toEqual([]);
  await scrollBelowStrip(phone, results);
  await shot(phone, "3-code-all-pass");

  // `>=`: only the input whose score is exactly 0.5 fails; the best stays 14 of 14.
  await replaceCode(phone, editor, GE_PREDICT);
  await phone.getByRole("button", { name: "Submit again" }).click();
  await expect(results).toContainText("13 of 14 tests pass.", { timeout: GRADE_MS });
  await expect(results).toContainText("2 programs sent · Best: 14 of 14");
  await expect(results).toContainText("Exactly on the threshold · 0 of 1 pass");
  await expect(results.getByRole("listitem").filter({ hasText: "scores exactly 0.5" })).toContainText("Expected 'not spam', got 'spam'.");
  await results.getByText("Exactly on the threshold").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await shot(phone, "4-code-13-of-14");

  // An empty program is refused on the phone, in words.
  await replaceCode(phone, editor, "   ");
  await phone.getByRole("button", { name: "Submit again" }).click();
  await expect(phone.getByRole("alert")).toHaveText("Write your function first.");
  await replaceCode(phone, editor, GE_PREDICT);

  // A reload keeps the program as typed and shows the grades again.
  await phone.waitForTimeout(300);
  await phone.reload();
  await expect(phone.getByRole("textbox", { name: "Your code" })).toBeVisible();
  await expect.poll(() => editorText(phone.getByRole("textbox", { name: "Your code" }))).toBe(GE_PREDICT);
  await expect(results).toContainText("2 programs sent · Best: 14 of 14");

  // The reveal: correct (the best program passed everything), and the reference solution, read-only.
  await control.command("quiz:reveal", {});
  await expect(phone.getByLabel("Result", { exact: true })).toHaveText(/^\W*Correct/);
  await expect(phone.getByText("Your best program passed 14 of 14 tests.")).toBeVisible();
  await expect(phone.getByLabel("Reference solution", { exact: true })).toContainText("def predict(inputs, threshold):");
  await expect(phone.getByRole("button", { name: /^Submit/ })).toHaveCount(0);
  await expect(phone.getByRole("group", { name: "Keys for code" })).toHaveCount(0);
  expect(await seriousViolations(phone), "revealed").toEqual([]);
  await phone.evaluate(() => window.scrollTo(0, 0));
  await shot(phone, "5-code-revealed");
  await scrollBelowStrip(phone, phone.getByRole("heading", { name: "A reference solution" }));
  await shot(phone, "6-code-reference");

  expect(errors).toEqual([]);
  control.close();
  await closeAll(phone, teacher);
});

test("a phone that cannot fetch the editor's chunk shows the question and its starter code, and says to reload", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const phone = await joinOnPhone(browser, code, "Bo", phoneContext(SMALL_PHONE));
  const lazy = phoneJsSize(path.resolve(".next-test")).lazy.map((c) => c.file);
  await phone.route(
    (url) => lazy.includes(url.pathname),
    (route) => route.abort("connectionreset"),
  );
  const control = await teacherSocket(teacher);
  await control.command("quiz:launch", { question: SPAM_EXERCISE, options: { timeLimitSec: null, allowChange: false } });
  await expect(phone.getByLabel("Question", { exact: true })).toContainText("Write predict(inputs, threshold)");
  await expect(phone.getByText("The code editor could not be loaded")).toBeVisible();
  await expect(phone.getByLabel("Starter code")).toContainText("def predict(inputs, threshold):");
  await expect(phone.getByRole("button", { name: "Reload the page" })).toBeVisible();
  control.close();
  await closeAll(phone, teacher);
});
