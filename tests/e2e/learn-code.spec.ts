/**
 * The self-paced lesson's closing exercise at /learn: write the spam detector's predict and
 * check it in this browser's Python (Pyodide from this server, the grading harness, the
 * server's judge), with the realtime connection refused and nothing fetched from another
 * site. A right predict passes all 14 tests; the results show what it called each labelled
 * example beside the label; a `>=` fails only the boundary test; a runaway loop is stopped;
 * the program and its result survive a reload. At 360×740, with an accessibility audit.
 * Set LEARN_SHOTS=<dir> to keep screenshots.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LESSON_STEPS } from "../../lib/lesson/steps";
import { seriousViolations } from "./support/axe";
import { editorText, GE_PREDICT, LOOPING_PREDICT, replaceCode, RIGHT_PREDICT } from "./support/code-question";

const SMALL = { width: 360, height: 740 };
const SHOTS = process.env.LEARN_SHOTS ?? null;
/** Loading Pyodide on a busy two-core machine takes a while. */
const PYTHON_MS = 90_000;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test("the spam exercise, written and checked in the browser's Python on a 360×740 phone", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: SMALL, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      foreign.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  await context.route("**/socket.io/**", (route) => route.abort("connectionrefused"));
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));

  // To the last section, through the step list.
  await page.goto("/learn");
  const last = LESSON_STEPS.at(-1)!;
  await page.getByText("All sections").click();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: last.title }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(last.title);

  const exercise = page.getByRole("article").filter({ hasText: "Write the code" });
  await expect(exercise.getByLabel("Question")).toContainText("Write predict(inputs, threshold)");
  const editor = exercise.getByRole("textbox", { name: "Your code" });
  await expect(editor).toBeVisible();
  expect(await editorText(editor)).toContain("def predict(inputs, threshold):");
  expect(parseFloat(await editor.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
  const check = exercise.getByRole("button", { name: "Check my code" });
  await exercise.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "learn-code-360-editor");
  const results = exercise.getByRole("region", { name: "Test results" });

  // A right predict, the last quote typed with the key row.
  await replaceCode(page, editor, RIGHT_PREDICT.slice(0, -1));
  await exercise.getByRole("button", { name: "Quote" }).click();
  expect(await editorText(editor)).toBe(RIGHT_PREDICT);
  await check.click();
  await expect(exercise.getByRole("button", { name: "Stop" })).toBeEnabled();
  await expect(results).toContainText("All 14 tests pass.", { timeout: PYTHON_MS });
  // The labelled examples: the network calls example 9 (labelled spam) not spam, and 10 the other way.
  const table = results.getByRole("table");
  const cells = (name: RegExp) => table.getByRole("row", { name }).getByRole("cell");
  await expect(cells(/^9 ?0\.7, 0\.3, 1/)).toHaveText(["spam", /^not spam ✓/]);
  await expect(cells(/^10 ?0\.1, 0\.6, 0/)).toHaveText(["not spam", /^spam ✓/]);
  await expect(cells(/^1 ?0\.9, 0\.8, 0/)).toHaveText(["spam", /^spam ✓/]);
  await expect(results).toContainText("Your predict agrees with the label on 8 of 10 examples");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL.width);
  expect(await seriousViolations(page), "the exercise with its results").toEqual([]);
  await results.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "learn-code-360-results");

  // `>=`: only the input whose score is exactly 0.5 fails.
  await replaceCode(page, editor, GE_PREDICT);
  await check.click();
  await expect(results).toContainText("13 of 14 tests pass.", { timeout: PYTHON_MS });
  await expect(results).toContainText("Exactly on the threshold · 0 of 1 pass");
  await expect(results).toContainText("Expected 'not spam', got 'spam'.");
  await results.getByText("Exactly on the threshold").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await shot(page, "learn-code-360-ge");

  // A loop that never ends: Stop ends it, in words.
  await replaceCode(page, editor, LOOPING_PREDICT);
  await check.click();
  await expect(exercise.getByRole("status")).toHaveText("Running the tests…", { timeout: PYTHON_MS });
  await exercise.getByRole("button", { name: "Stop" }).click();
  await expect(results).toContainText("You stopped your code after", { timeout: 15_000 });
  await expect(results).toContainText("None of the 14 tests ran.");
  await results.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "learn-code-360-stopped");

  // The next check works on a fresh worker; the program and its result survive a reload.
  await replaceCode(page, editor, RIGHT_PREDICT);
  await check.click();
  await expect(results).toContainText("All 14 tests pass.", { timeout: PYTHON_MS });
  await page.waitForTimeout(600); // the draft is kept a moment after typing stops
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(last.title);
  await expect.poll(() => editorText(exercise.getByRole("textbox", { name: "Your code" }))).toBe(RIGHT_PREDICT);
  await expect(results).toContainText("All 14 tests pass.");
  await exercise.getByText("Show a reference solution").click();
  await expect(exercise.getByLabel("Reference solution", { exact: true })).toContainText("def predict(inputs, threshold):");

  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
