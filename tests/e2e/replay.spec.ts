/**
 * Looking back at a class (SPEC feature 9, "Accessible names of … replays"): a class is run for
 * real (two phones join and move their sliders, a question is launched, answered on the phones
 * and revealed, then a slider moves again), and its replay shows the class as it was: the
 * "Next mark" jumps reach the reveal, where the diagram's "Network output" reads what the class
 * computed then (python3 reference) and the question's results are those of that moment;
 * "Play" at 4× moves the time on; a neuron's history names who held it; a shared link opens a
 * read-only replay in a fresh browser, with names hidden when asked. Axe audits every screen.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { LESSON_QUIZ } from "../../lib/lesson/quiz";
import { pythonForward } from "../helpers/python-reference";
import { seriousViolations } from "./support/axe";
import { closeAll, defaultClassifier, hostClass, joinAsStudent, percent, typeOnPhone } from "./support/classroom-ui";

const LAPTOP = { width: 1280, height: 720 };
const SMALL_PHONE = { width: 360, height: 740 };
const QUESTION = LESSON_QUIZ.find((q) => q.id === "lesson-forward-weights")!;

/** Class A's share for the default classifier with these changes (lesson's formula, python3). */
function classA(changes: { adaBias: number; benWeight1: number }): string {
  const network = defaultClassifier();
  network.layers[0]!.neurons[0]!.bias = changes.adaBias;
  network.layers[0]!.neurons[1]!.weights[0] = changes.benWeight1;
  const [result] = pythonForward([{ network, inputs: [0.9, 0.4] }]);
  return percent(result!.layers[1]!.output[0]!);
}

const eventText = (page: Page) => page.getByLabel("Event at the cursor");
const output = (page: Page) => page.getByLabel("Network output", { exact: true });

/** Presses "Next mark" until the event under the cursor reads `text`. */
async function nextMarkUntil(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const shown = (await eventText(page).textContent())?.trim() ?? "";
    if (shown === text) return;
    await page.getByRole("button", { name: "Next mark" }).click();
    // Each mark of this class reads differently: wait for the next one's state to arrive.
    await expect(eventText(page)).not.toHaveText(shown);
    await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toHaveCount(0);
  }
  await expect(eventText(page)).toHaveText(text);
}

/** Whether an element lies wholly inside the first screen. */
async function onFirstScreen(locator: Locator, height: number): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

test("a class looked back on: marks, the diagram and results as they were, play at 4×, a neuron's history, a read-only shared link", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const { teacher, code } = await hostClass(browser);
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;
  const ada = await joinAsStudent(browser, code, "Ada");
  const ben = await joinAsStudent(browser, code, "Ben");
  await typeOnPhone(ada, "Bias", "1");
  await typeOnPhone(ben, "Weight 1", "1");
  const atReveal = classA({ adaBias: 1, benWeight1: 1 });
  await expect(output(teacher)).toContainText(atReveal);

  // The question: Ada right, Ben wrong; revealed from the dashboard.
  await teacher.getByRole("button", { name: "Lesson quiz" }).click();
  await teacher.getByRole("listitem", { name: QUESTION.prompt }).getByRole("button", { name: "Launch" }).click();
  for (const [phone, choice] of [[ada, "Nothing: they are only read"], [ben, "They are drawn again at random"]] as const) {
    await phone.getByRole("radio", { name: choice }).click();
    await phone.getByRole("button", { name: "Submit answer" }).click();
  }
  await expect(teacher.getByLabel("Answers", { exact: true })).toHaveText("2 of 2 answered");
  await teacher.getByRole("button", { name: "Close question" }).click();
  await teacher.getByRole("button", { name: "Reveal answer" }).click();
  await expect(teacher.getByText("1 of 2 correct (50 %)")).toBeVisible();
  await teacher.getByRole("button", { name: "Back to the network" }).click();
  // After the reveal the class moves on: the end of the replay differs from the reveal.
  await expect(ada.getByRole("textbox", { name: "Bias", exact: true })).toBeVisible();
  await typeOnPhone(ada, "Bias", "-1");
  const atEnd = classA({ adaBias: -1, benWeight1: 1 });
  await expect(output(teacher)).toContainText(atEnd);
  expect(atEnd).not.toBe(atReveal);

  // The teacher opens the replay from the browser that hosted the class.
  const replay = await teacher.context().newPage();
  await replay.setViewportSize(LAPTOP);
  await replay.goto(`/replay/${sessionId}`);
  const timeline = replay.getByRole("slider", { name: "Timeline" });
  await expect(timeline).toBeVisible();
  await expect(eventText(replay)).toHaveText("Session started");
  const play = replay.getByRole("button", { name: "Play", exact: true });
  // The first screen holds the diagram, the timeline and its controls.
  for (const part of [replay.getByRole("img", { name: /network/i }).first(), timeline, play, replay.getByRole("button", { name: "Next mark" })]) {
    expect(await onFirstScreen(part, LAPTOP.height)).toBe(true);
  }

  await nextMarkUntil(replay, "Question 1 revealed");
  await expect(output(replay)).toContainText(atReveal);
  await expect(replay.getByRole("group", { name: "Question", exact: true })).toHaveText(QUESTION.prompt);
  await expect(replay.getByLabel("Answers", { exact: true })).toHaveText("2 of 2 answered");
  await expect(replay.getByText("1 of 2 correct (50 %)")).toBeVisible();
  const bars = replay.getByRole("list", { name: "How the class answered" });
  await expect(bars.getByRole("listitem")).toHaveCount(QUESTION.kind === "choice" ? QUESTION.choices.length : 0);
  await expect(bars.getByRole("listitem").first()).toContainText("1");
  const byStudent = replay.getByRole("table", { name: "Answers by student at this moment" });
  await expect(byStudent.getByRole("row", { name: /Ada/ })).toContainText("A. Nothing: they are only read");
  await expect(byStudent.getByRole("row", { name: /Ben/ })).toContainText("C. They are drawn again at random");
  await replay.screenshot({ path: info.outputPath("replay-reveal-1280x720.png") });
  await replay.screenshot({ path: info.outputPath("replay-reveal-1280-full.png"), fullPage: true });
  expect(await seriousViolations(replay)).toEqual([]);

  // One mark back is the close: the results are not out yet there.
  await replay.getByRole("button", { name: "Previous mark" }).click();
  await expect(eventText(replay)).toHaveText("Question 1 closed");
  await expect(replay.getByText("1 of 2 correct (50 %)")).toHaveCount(0);
  await nextMarkUntil(replay, "Question 1 revealed");

  // Every speed; then from the start at 4×: the time moves on, the class's moves come back in
  // order, and it stops by itself at the end.
  for (const speed of ["1×", "2×", "8×", "4×"]) {
    await replay.getByRole("button", { name: speed, exact: true }).click();
    await expect(replay.getByRole("button", { name: speed, exact: true })).toHaveAttribute("aria-pressed", "true");
  }
  await expect(replay.getByRole("button", { name: "1×", exact: true })).toHaveAttribute("aria-pressed", "false");
  const clock = replay.getByLabel("Time from the start");
  await timeline.focus();
  await timeline.press("Home");
  await expect(clock).toHaveText("0:00");
  await expect(eventText(replay)).toHaveText("Session started");
  await play.click();
  await expect(clock).not.toHaveText("0:00");
  await expect(output(replay)).toContainText(atEnd);
  await expect(eventText(replay)).toHaveText("Ada moved Hidden 1 · neuron 1");
  await expect(play).toBeVisible();
  expect(await timeline.getAttribute("aria-valuenow")).toBe(await timeline.getAttribute("aria-valuemax"));

  // Pause stops it where it is (at 1×, from the start again, well before the end).
  await replay.getByRole("button", { name: "1×", exact: true }).click();
  await play.click();
  await replay.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(play).toBeVisible();
  await expect(output(replay)).not.toContainText(atEnd);

  // The keyboard moves the timeline: Home is the start, End the end.
  await timeline.focus();
  await timeline.press("Home");
  await expect(timeline).toHaveAttribute("aria-valuenow", "0");
  await expect(eventText(replay)).toHaveText("Session started");
  await timeline.press("ArrowRight");
  await expect(timeline).toHaveAttribute("aria-valuenow", "1");
  await timeline.press("End");
  await expect(output(replay)).toContainText(atEnd);

  // A neuron's history, opened on the diagram: Ada held it, its bias went 1 then -1.
  await replay.getByRole("button", { name: /^Show the history of neuron H1 · 1/ }).click();
  const history = replay.getByRole("region", { name: "History of Hidden 1 · neuron 1" });
  await expect(history.getByRole("list", { name: "Who held it" })).toContainText("Ada");
  await expect(history.getByRole("img", { name: /Weights, bias and output of Hidden 1 · neuron 1/ })).toBeVisible();
  await expect(history.getByRole("listitem").filter({ hasText: "Bias" })).toContainText("-1.000");
  await replay.getByLabel("Neuron (or pick one on the diagram)").selectOption({ label: "Hidden 1 · neuron 2" });
  await expect(replay.getByRole("region", { name: "History of Hidden 1 · neuron 2" }).getByRole("list", { name: "Who held it" })).toContainText("Ben");
  await expect(replay.getByRole("img", { name: /The network's outputs over the session/ })).toBeVisible();
  await replay.screenshot({ path: info.outputPath("replay-history-1280-full.png"), fullPage: true });
  expect(await seriousViolations(replay)).toEqual([]);
  await replay.getByRole("button", { name: "Close history" }).click();
  await expect(replay.getByRole("region", { name: /History of/ })).toHaveCount(0);

  // Share, names hidden; copy the link.
  await replay.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await replay.getByRole("button", { name: "Share" }).click();
  await expect(replay.getByRole("switch", { name: "Hide names" })).toHaveAttribute("aria-checked", "true");
  await replay.getByRole("switch", { name: "Hide names" }).click();
  await expect(replay.getByRole("switch", { name: "Hide names" })).toHaveAttribute("aria-checked", "false");
  await replay.getByRole("switch", { name: "Hide names" }).click();
  await replay.getByRole("button", { name: "Create link" }).click();
  const linkBox = replay.getByRole("textbox", { name: "Replay link (names hidden)" });
  await expect(linkBox).toHaveValue(new RegExp(`/replay/${sessionId}#r=.+`));
  const url = await linkBox.inputValue();
  await replay.getByRole("button", { name: "Copy" }).click();
  await expect(replay.getByText("Link copied.")).toBeVisible();
  expect(await seriousViolations(replay)).toEqual([]);
  await replay.getByRole("button", { name: "Done" }).click();
  await expect(linkBox).toHaveCount(0);

  // The link in a fresh browser: read-only, no names, the token gone from the address bar.
  const guestContext = await browser.newContext({ viewport: LAPTOP });
  const guest = await guestContext.newPage();
  await guest.goto(url.replace(/^https?:\/\/[^/]+/, ""));
  await expect(guest.getByText("Read-only replay · names hidden")).toBeVisible();
  await expect.poll(() => guest.evaluate(() => window.location.hash)).toBe("");
  await expect(guest.getByRole("button", { name: "Share" })).toHaveCount(0);
  await nextMarkUntil(guest, "Question 1 revealed");
  await expect(output(guest)).toContainText(atReveal);
  await expect(guest.getByText("1 of 2 correct (50 %)")).toBeVisible();
  await expect(guest.getByRole("table", { name: "Answers by student at this moment" })).toHaveCount(0);
  await guest.getByRole("button", { name: /^Show the history of neuron H1 · 1/ }).click();
  await expect(guest.getByRole("region", { name: "History of Hidden 1 · neuron 1" }).getByRole("list", { name: "Who held it" })).toBeVisible();
  const text = await guest.locator("body").innerText();
  expect(text).not.toMatch(/Ada|Ben/);
  expect(await seriousViolations(guest)).toEqual([]);
  await guest.screenshot({ path: info.outputPath("replay-link-1280-full.png"), fullPage: true });

  // On a small phone everything stacks and still works.
  await guest.setViewportSize(SMALL_PHONE);
  await guest.evaluate(() => window.scrollTo(0, 0));
  await expect(guest.getByRole("slider", { name: "Timeline" })).toBeVisible();
  expect(await onFirstScreen(guest.getByRole("slider", { name: "Timeline" }), SMALL_PHONE.height)).toBe(true);
  const width = await guest.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(SMALL_PHONE.width);
  await guest.screenshot({ path: info.outputPath("replay-link-360x740.png") });
  await guest.screenshot({ path: info.outputPath("replay-link-360-full.png"), fullPage: true });
  expect(await seriousViolations(guest)).toEqual([]);

  // Without a pass the page says what to do.
  const stranger = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  await stranger.goto(`/replay/${sessionId}`);
  await expect(stranger.getByRole("heading", { name: "Replay link needed" })).toBeVisible();
  // A pass that is not this class's is refused plainly.
  const wrong = await stranger.context().newPage();
  await wrong.goto(`/replay/${sessionId}#r=not-a-real-link`);
  await expect(wrong.getByRole("heading", { name: "This link does not open this replay" })).toBeVisible();
  expect(await seriousViolations(wrong)).toEqual([]);

  await closeAll(teacher, ada, ben, guest, stranger);
});
