/**
 * Class training mode (issue 19) through the real screens: the teacher opens "Training mode",
 * picks the spam set and starts (its network is loaded; it gets SPEC's 8 of 10 right); a phone
 * shows a nudge for every weight and the bias; moving one number along its nudge says "Helped"
 * on the phone and changes the dashboard's loss (and the wall's); a round starts and ends; the
 * comparison with an automatic step shows both sides, and applying the step changes the loss;
 * the learning rate is set; a CSV table with a mistake shows the parser's words before anything
 * is sent, a good one starts; a network with a step output gets the note that the step function
 * gives no gradient (every nudge holds); training stops; the replay and a reloaded dashboard
 * draw the loss from the rounds and the step. Axe audits the dashboard at 1280×720 and the
 * phone at 360×740. Set TRAINING_SHOTS=<dir> to keep screenshots.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BUILT_IN_DATASETS } from "../../lib/training/datasets";
import { seriousViolations } from "./support/axe";
import { loadNetworkFile } from "./support/network-file";
import { closeAll, hostClass } from "./support/classroom-ui";
import { joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";
import { PROJECTOR } from "./support/viewports";

const LAPTOP = { width: 1280, height: 720 };
const SPAM = BUILT_IN_DATASETS.find((d) => d.id === "spam")!;

const SHOTS = process.env.TRAINING_SHOTS;
async function shot(page: Page, name: string, target?: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  if (target) await page.locator(target).screenshot({ path: path.join(SHOTS, `${name}.png`) });
  else await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const loss = (page: Page) => page.getByLabel("Loss", { exact: true });
const CONTROLS = ["Weight 1", "Weight 2", "Weight 3", "Bias"];

/** The slope a phone shows for one number: "↓ lower … slope 0.123" → 0.123 (a real minus read as -). */
async function slopeOf(phone: Page, control: string): Promise<number> {
  const text = (await phone.getByLabel(`Nudge for ${control}`, { exact: true }).textContent()) ?? "";
  const match = /slope\s*([−-]?\d+\.\d{3})/.exec(text);
  if (!match) throw new Error(`no slope in "${text}"`);
  return Number(match[1]!.replace("−", "-"));
}

/** Moves the number with the steepest slope a little down its slope, by typing; returns its name. */
async function followNudge(phone: Page, size = 0.1): Promise<string> {
  let best = CONTROLS[0]!;
  let steepest = 0;
  for (const control of CONTROLS) {
    const slope = await slopeOf(phone, control);
    if (Math.abs(slope) > Math.abs(steepest)) [best, steepest] = [control, slope];
  }
  expect(Math.abs(steepest)).toBeGreaterThan(0);
  const box = phone.getByRole("textbox", { name: best, exact: true });
  const now = Number((await box.inputValue()).replace("−", "-"));
  const next = Math.round((now - Math.sign(steepest) * size) * 100) / 100;
  await box.fill(String(next));
  await box.press("Enter");
  return best;
}

test("training mode: nudges on the phone, the loss on the dashboard, rounds, the automatic step, a CSV of one's own", async ({ browser }) => {
  test.setTimeout(180_000);
  const { teacher, code } = await hostClass(browser);
  await teacher.setViewportSize(LAPTOP);

  await teacher.getByRole("button", { name: "Training mode" }).click();
  await shot(teacher, "training-open-1280");
  await teacher.getByRole("combobox", { name: "Data set" }).selectOption({ label: SPAM.title });
  await teacher.getByRole("button", { name: "Start training" }).click();
  await expect(teacher.getByLabel("Accuracy", { exact: true })).toHaveText("8 of 10 right");
  await expect(loss(teacher)).toHaveText(/^\d+\.\d{3}$/);
  await expect(teacher.getByLabel("Round", { exact: true })).toHaveText("none yet");
  const predictions = teacher.getByRole("table", { name: "Predictions" });
  await expect(predictions.getByRole("row")).toHaveCount(SPAM.examples.length + 1);
  await expect(predictions.getByRole("cell", { name: "wrong" })).toHaveCount(2);
  await expect(teacher.getByRole("img", { name: "Loss over time" })).toBeVisible();

  const show = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Accuracy", { exact: true })).toHaveText("8 of 10 right");

  const phone = await joinOnPhone(browser, code, "Ada", phoneContext(SMALL_PHONE));
  for (const control of CONTROLS) {
    await expect(phone.getByLabel(`Nudge for ${control}`, { exact: true })).toContainText(/↑ ?raise|↓ ?lower|hold/);
    await expect(phone.getByLabel(`Nudge for ${control}`, { exact: true })).toContainText(/slope [−-]?\d+\.\d{3}/);
  }
  await expect(phone.getByLabel("Your nudge", { exact: true })).toHaveCount(0);
  await shot(phone, "training-phone-360-top");

  // One move down the slope: it helps, and the dashboard and the wall see the new loss.
  const before = (await loss(teacher).textContent())!;
  await followNudge(phone);
  await expect(phone.getByLabel("Your nudge", { exact: true })).toHaveText(/^Helped: loss \d\.\d{3} → \d\.\d{3}$/);
  await expect(loss(teacher)).not.toHaveText(before);
  const afterMove = (await loss(teacher).textContent())!;
  expect(Number(afterMove)).toBeLessThan(Number(before));
  await expect(loss(show)).toHaveText(afterMove);
  await shot(show, "training-wall-1920");

  expect(await seriousViolations(phone)).toEqual([]);
  // Every word of training mode on the phone is at least 16 px.
  const smallest = await phone.evaluate(() => {
    const parts = document.querySelectorAll('[aria-labelledby="training-heading"], [aria-label^="Nudge for"], output[aria-label="Your nudge"]');
    let min = Infinity;
    for (const part of parts) {
      for (const el of [part, ...part.querySelectorAll("*")]) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "");
        if (own && !el.closest(".sr-only")) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(16);
  await phone.getByLabel("Your nudge", { exact: true }).scrollIntoViewIfNeeded();
  await shot(phone, "training-phone-360");

  // A round: everyone nudges once.
  await teacher.getByRole("button", { name: "Start round" }).click();
  await expect(teacher.getByLabel("Round", { exact: true })).toHaveText("1, in progress");
  await expect(show.getByLabel("Round", { exact: true })).toHaveText("Round 1");
  await phone.waitForTimeout(1600); // a new move, not the end of the last one
  await followNudge(phone);
  await expect(phone.getByLabel("Your nudge", { exact: true })).toHaveText(/^Helped/);
  await expect(loss(teacher)).not.toHaveText(afterMove);
  await teacher.getByRole("button", { name: "End round" }).click();
  await expect(teacher.getByLabel("Round", { exact: true })).toHaveText("1, ended");

  // The class's round beside one automatic step from the same start.
  await teacher.getByRole("button", { name: "Compare with an automatic step" }).click();
  const comparison = teacher.getByRole("region", { name: "Class round and automatic step" });
  await expect(comparison).toContainText("The class's round 1");
  await expect(comparison).toContainText("One automatic step");
  await expect(comparison).toContainText(/\d\.\d{3} → \d\.\d{3}/);
  await shot(teacher, "training-dashboard-1280", "#training-panel");
  await shot(teacher, "training-dashboard-1280-screen");
  expect(await seriousViolations(teacher)).toEqual([]);

  const learningRate = teacher.getByRole("spinbutton", { name: "Learning rate" });
  await learningRate.fill("1");
  await learningRate.press("Enter");
  await expect(teacher.getByRole("status").filter({ hasText: "Learning rate 1." })).toBeVisible();
  await expect(comparison).toContainText("learning rate 1");

  const beforeStep = (await loss(teacher).textContent())!;
  await teacher.getByRole("button", { name: "Apply automatic step" }).click();
  await expect(loss(teacher)).not.toHaveText(beforeStep);
  expect(Number(await loss(teacher).textContent())).toBeLessThan(Number(beforeStep));
  // The phone's numbers followed the step, and its nudges are still there.
  await expect(phone.getByLabel("Nudge for Bias", { exact: true })).toBeVisible();

  // The replay, at its end, draws the loss from the rounds and the step, with the loss there.
  const lossNow = (await loss(teacher).textContent())!;
  const replay = await teacher.context().newPage();
  await replay.setViewportSize(LAPTOP);
  await replay.goto(`/replay/${new URL(teacher.url()).pathname.split("/").pop()}`);
  const timeline = replay.getByRole("slider", { name: "Timeline" });
  await timeline.focus();
  await timeline.press("End");
  const training = replay.getByRole("region", { name: "Training" });
  await expect(training.getByRole("img", { name: "Loss over time" })).toBeVisible();
  await expect(training.getByLabel("Loss at the cursor")).toHaveText(lossNow);
  await expect(training.getByRole("list", { name: "Rounds" })).toContainText(/Round 1: \d\.\d{3} → \d\.\d{3}/);
  // Its timeline marks training's moments: a legend entry, and Previous mark goes to the last one.
  await expect(replay.getByRole("list", { name: "Kinds of marks" })).toContainText("Training");
  const previous = replay.getByRole("button", { name: "Previous mark" });
  await expect(previous).toHaveAttribute("title", /^(Automatic step|Round 1 ended): loss \d\.\d{3} → \d\.\d{3}$/);
  await training.scrollIntoViewIfNeeded();
  await shot(replay, "training-replay-1280");
  expect(await seriousViolations(replay)).toEqual([]);
  await previous.click();
  await expect(replay.getByLabel("Event at the cursor")).toHaveText(/^(Automatic step: loss|Training round 1 ended)/);
  await replay.close();

  // A reloaded dashboard opens on training, its chart drawn from the rounds and the step.
  await teacher.reload();
  await expect(loss(teacher)).toHaveText(lossNow);
  await expect(teacher.getByLabel("Round", { exact: true })).toHaveText("1, ended");
  await expect(teacher.getByRole("img", { name: "Loss over time" }).locator("path")).toHaveCount(1);

  await teacher.getByRole("button", { name: "Stop training" }).click();
  await expect(teacher.getByRole("button", { name: "Start training" })).toBeVisible();
  await expect(phone.getByLabel("Nudge for Bias", { exact: true })).toHaveCount(0);

  // The teacher's own table: a mistake is named before anything is sent; a good table starts.
  await teacher.getByRole("combobox", { name: "Data set" }).selectOption({ label: "My own table (CSV)" });
  const csv = teacher.getByRole("textbox", { name: "Data set CSV" });
  await csv.fill("links,shouting,known sender,label\n0.9,0.8,0,1\n0.1,abc,1,0");
  await expect(teacher.getByText(/Line 3: "abc" is not a number/)).toBeVisible();
  await expect(teacher.getByRole("button", { name: "Start training" })).toBeDisabled();
  await shot(teacher, "training-csv-error-1280", "#training-panel");
  expect(await seriousViolations(teacher)).toEqual([]);
  await csv.fill("links,shouting,known sender,label\n0.9,0.8,0,1\n0.1,0.1,1,0\n0.8,0.1,0,1");
  await expect(teacher.getByText("3 examples ready.")).toBeVisible();
  await teacher.getByRole("button", { name: "Start training" }).click();
  await expect(teacher.getByLabel("Accuracy", { exact: true })).toHaveText(/^\d of 3 right$/);
  await expect(phone.getByLabel("Nudge for Weight 1", { exact: true })).toBeVisible();

  // A step output gives no gradient: the dashboard says so and suggests sigmoid; every nudge holds.
  await loadNetworkFile(teacher, "step.json", {
    layers: [
      { activation: "sigmoid", neurons: [{ weights: [1, 1, -1], bias: 0 }, { weights: [1, -1, 1], bias: 0 }] },
      { activation: "step", neurons: [{ weights: [1, 1], bias: -1 }] },
    ],
  });
  await teacher.getByRole("dialog", { name: "Replace the class network?" }).getByRole("button", { name: "Replace the network" }).click();
  await expect(teacher.getByRole("note")).toContainText("The step function gives no gradient");
  await expect(teacher.getByRole("note")).toContainText("sigmoid");
  await expect(phone.getByText(/step function, which has no slope/)).toBeVisible();
  for (const control of ["Weight 1", "Weight 2", "Weight 3", "Bias"]) {
    await expect(phone.getByLabel(`Nudge for ${control}`, { exact: true })).toContainText("hold");
  }

  await teacher.getByRole("button", { name: "Stop training" }).click();
  await expect(teacher.getByRole("button", { name: "Start training" })).toBeVisible();
  await teacher.getByRole("button", { name: "Close" }).click();
  await expect(teacher.getByRole("combobox", { name: "Data set" })).toHaveCount(0);

  await closeAll(phone, show, teacher);
});
