/**
 * The spam detector shows its threshold and its verdict (SPEC feature 3 and "The spam
 * detector"): at SPEC's four checked inputs, typed into the teacher's "Input 1…3", the dashboard
 * and the projector view read SPEC's scores and the strict "above the threshold" verdicts.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { PROJECTOR } from "./support/viewports";

async function setInputs(teacher: Page, values: string[]) {
  for (const [i, value] of values.entries()) {
    const field = teacher.getByRole("textbox", { name: `Input ${i + 1}`, exact: true });
    await field.fill(value);
    await field.press("Enter");
  }
}

async function expectReading(pages: Page[], score: string, threshold: string, verdict: "spam" | "not spam") {
  for (const page of pages) {
    const output = page.getByLabel("Network output");
    await expect(output).toContainText(`spam score ${score}`);
    await expect(output).toContainText(`Threshold ${threshold}`);
    await expect(output).toContainText(`Verdict: ${verdict}`);
  }
}

test("the spam detector reads SPEC's checked scores with its threshold and verdict, on the dashboard and the wall", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  await teacher.getByRole("group", { name: "Lesson presets" }).getByRole("button", { name: /Spam detector/ }).click();
  const show = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  await show.goto(`/show/${code}`);
  const screens = [teacher, show];

  // [0.9, 0.8, 0] gives 0.99478: spam.
  await setInputs(teacher, ["0.9", "0.8", "0"]);
  await expectReading(screens, "0.995", "0.50", "spam");
  expect(await seriousViolations(teacher)).toEqual([]);
  expect(await seriousViolations(show)).toEqual([]);

  // [0.1, 0.1, 1] gives 0.00816: not spam.
  await setInputs(teacher, ["0,1", "0,1", "1"]);
  await expectReading(screens, "0.008", "0.50", "not spam");

  // [0.5, 0.2, 0] gives 0.73106: spam at 0.5, not spam at 0.8.
  await setInputs(teacher, ["0.5", "0.2", "0"]);
  await expectReading(screens, "0.731", "0.50", "spam");
  const threshold = teacher.getByRole("textbox", { name: "Threshold", exact: true });
  await threshold.fill("0,8");
  await threshold.press("Enter");
  await expectReading(screens, "0.731", "0.80", "not spam");

  // [0.45, 0, 0] gives exactly 0.5, which is not above a threshold of 0.5.
  await threshold.fill("0.5");
  await threshold.press("Enter");
  await setInputs(teacher, ["0.45", "0", "0"]);
  await expectReading(screens, "0.500", "0.50", "not spam");

  await closeAll(show, teacher);
});
