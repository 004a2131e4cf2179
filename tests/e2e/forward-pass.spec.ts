/**
 * The forward pass on every screen (SPEC feature 5): the teacher's "Play forward pass", "Next
 * layer" and "Stop" light the same column of the diagram on the dashboard, in its projector mode
 * and on the second screen; with `prefers-reduced-motion` nothing pulses or fades.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { PROJECTOR } from "./support/viewports";

async function openShow(browser: Browser, code: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PROJECTOR });
  const show = await context.newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Join code", { exact: true })).toHaveText(code);
  return show;
}

const figure = (page: Page) => page.locator("figure[data-lit-column]");
const passStatus = (page: Page) => page.getByRole("status").filter({ hasText: /^Forward pass/ });

/** What each screen says about the pass: the lit column (data attribute) and the words. */
async function expectLit(pages: Page[], column: string, words: string | null) {
  for (const page of pages) {
    await expect(figure(page)).toHaveAttribute("data-lit-column", column);
    if (words) await expect(passStatus(page)).toHaveText(words);
    else await expect(passStatus(page)).toHaveCount(0);
  }
}

/** CSS animations and transitions running on the page right now. */
const runningAnimations = (page: Page) => page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length);

test("“Play forward pass”, “Next layer” and “Stop” light the same column on the dashboard and the second screen", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const show = await openShow(browser, code);
  const screens = [teacher, show];
  await expectLit(screens, "none", null);

  await teacher.getByRole("button", { name: "Play forward pass" }).click();
  // The pass starts at the inputs and moves on by itself; every screen shows where it is.
  for (const page of screens) await expect(figure(page)).toHaveAttribute("data-lit-column", /^[0-2]$/);
  await expect(passStatus(show)).toHaveText(/^Forward pass: (inputs|Hidden layer|Output layer)$/);

  await teacher.getByRole("button", { name: "Stop" }).click();
  await expectLit(screens, "none", null);
  await expect(teacher.getByRole("button", { name: "Stop" })).toBeDisabled();

  const next = teacher.getByRole("button", { name: "Next layer" });
  await next.click();
  await expectLit(screens, "0", "Forward pass: inputs");
  await next.click();
  await expectLit(screens, "1", "Forward pass: Hidden layer");
  expect(await seriousViolations(show)).toEqual([]);
  await next.click();
  await expectLit(screens, "2", "Forward pass: Output layer");
  // Past the output layer it starts again from the inputs.
  await next.click();
  await expectLit(screens, "0", "Forward pass: inputs");
  expect(await seriousViolations(teacher)).toEqual([]);

  // The dashboard's projector mode follows the same pass, with its own (keyboard) controls.
  await teacher.getByRole("button", { name: "Projector view" }).click();
  await expect(teacher.getByRole("button", { name: /Exit projector view/ })).toBeVisible();
  await expectLit(screens, "0", "Forward pass: inputs");
  await teacher.keyboard.press("n");
  await expectLit(screens, "1", "Forward pass: Hidden layer");
  await teacher.getByRole("button", { name: "Stop" }).click();
  await expectLit(screens, "none", null);

  await closeAll(show, teacher);
});

test("with reduced motion nothing pulses or fades while the pass plays, on the dashboard and the second screen", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const show = await openShow(browser, code);
  await teacher.emulateMedia({ reducedMotion: "reduce" });
  await show.emulateMedia({ reducedMotion: "reduce" });

  await teacher.getByRole("button", { name: "Play forward pass" }).click();
  for (const page of [teacher, show]) {
    await expect(figure(page)).toHaveAttribute("data-lit-column", /^[0-2]$/);
    expect(await runningAnimations(page), "running animations").toBe(0);
  }
  await teacher.getByRole("button", { name: "Stop" }).click();
  await teacher.getByRole("button", { name: "Next layer" }).click();
  await teacher.getByRole("button", { name: "Next layer" }).click();
  for (const page of [teacher, show]) {
    await expect(figure(page)).toHaveAttribute("data-lit-column", "1");
    expect(await runningAnimations(page), "running animations").toBe(0);
  }

  // The same screen without the preference does pulse: the check above can see motion.
  await show.emulateMedia({ reducedMotion: "no-preference" });
  await expect.poll(() => runningAnimations(show)).toBeGreaterThan(0);

  await closeAll(show, teacher);
});
