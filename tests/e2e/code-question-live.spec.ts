/**
 * A code question in class (docs/quizzes.md, "Code questions"): the teacher launches the
 * lesson's spam exercise from "Lesson quiz"; students send programs on real sockets and the
 * server's sandbox grades them. The dashboard counts programs sent and being graded, students
 * passing every test and each test's pass rate, live: with one right `predict` and one that
 * uses `>=`, 2 sent, 1 passing every test and the boundary test at 50 %. While a slow program
 * is being graded, "Reveal answer" waits and says why. The projector shows only the prompt and
 * how many sent a program until the reveal, then the share passing every test, each test's
 * pass rate and the reference solution.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { EXAMPLES_GROUP, SPAM_EXERCISE, SPAM_REFERENCE } from "../../lib/lesson/code-exercise";
import { connect, send, syncState, type TestSocket } from "../helpers/socket-client";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { PROJECTOR } from "./support/viewports";

const LAPTOP = { width: 1280, height: 720 };
const GE = SPAM_REFERENCE.replace("output > threshold", "output >= threshold");
/** Right, but it spends two seconds before defining anything (the grader stops a program at 5 s). */
const SLOW = `import time\n_start = time.time()\nwhile time.time() - _start < 2:\n    pass\n${SPAM_REFERENCE}`;
const BOUNDARY = SPAM_EXERCISE.rows[10]!;
const visibleText = (page: Page) => page.locator("body").evaluate((body) => (body as HTMLElement).innerText);

/** A student joins over HTTP and sends programs on their own socket, as a phone does. */
async function student(page: Page, code: string, name: string): Promise<{ socket: TestSocket; submit(program: string): Promise<void> }> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`${origin}/api/join/${code}`, { data: { nickname: name } });
  expect(res.status()).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const socket = await connect(origin, { token });
  return {
    socket,
    async submit(program) {
      const { state } = await syncState(socket);
      const runId = state.quiz.run?.runId;
      if (!runId) throw new Error("no question is running");
      const ack = await send(socket, "quiz:answer", { runId, answer: { kind: "code", code: program } });
      if (!ack.ok) throw new Error(`${name}'s program was refused: ${ack.error.message}`);
    },
  };
}

async function openShow(browser: Browser, code: string): Promise<Page> {
  const show = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Join code", { exact: true })).toHaveText(code);
  return show;
}

test("the spam exercise: programs graded live on the dashboard, the reveal waits for grading, and the projector shows the pass rates", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const { teacher, code } = await hostClass(browser);
  await teacher.setViewportSize(LAPTOP);
  const ada = await student(teacher, code, "Ada");
  const ben = await student(teacher, code, "Ben");
  const cy = await student(teacher, code, "Cy");
  const show = await openShow(browser, code);

  await teacher.getByRole("button", { name: "Lesson quiz" }).click();
  await teacher.getByRole("listitem", { name: SPAM_EXERCISE.prompt }).getByRole("button", { name: "Launch" }).click();
  const sent = teacher.getByLabel("Answers", { exact: true });
  await expect(sent).toHaveText("0 of 3 sent a program");
  await expect(show.getByRole("group", { name: "Question", exact: true })).toHaveText(SPAM_EXERCISE.prompt);
  await expect(show.getByText("0 sent a program", { exact: true })).toBeVisible();
  await expect(teacher.getByRole("list", { name: "Programs" })).toContainText("No program graded yet");

  // The starter code folds on the dashboard.
  const starter = teacher.getByLabel("Starter code", { exact: true });
  await expect(starter).toBeHidden();
  await teacher.getByText(/^Starter code \(\d+ lines\)$/).click();
  await expect(starter).toContainText("def predict(inputs, threshold):");
  await teacher.getByText(/^Starter code \(\d+ lines\)$/).click();
  await expect(starter).toBeHidden();

  await ada.submit(SPAM_REFERENCE);
  await ben.submit(GE);
  await expect(sent).toHaveText("2 of 3 sent a program");
  const programs = teacher.getByRole("list", { name: "Programs" });
  await expect(programs).toContainText("0 being graded now");
  await expect(programs).toContainText("1 of 2 pass every test (50 %)");
  const rates = teacher.getByRole("region", { name: "Pass rate per test" });
  await expect(rates.getByRole("list", { name: "Exactly on the threshold" }).getByRole("listitem")).toHaveText(`${BOUNDARY.label}1 of 2 · 50 %`);
  await expect(rates.getByRole("list", { name: EXAMPLES_GROUP }).getByRole("listitem")).toHaveCount(10);
  for (const item of await rates.getByRole("list", { name: EXAMPLES_GROUP }).getByRole("listitem").all()) await expect(item).toContainText("2 of 2 · 100 %");
  await expect(teacher.getByRole("list", { name: "Not sent a program yet" })).toHaveText("Cy");

  // The projector: the count only, nobody's code or result.
  await expect(show.getByText("2 sent a program", { exact: true })).toBeVisible();
  const wall = await visibleText(show);
  expect(wall).not.toMatch(/pass every test|%|def predict|Reference solution/);
  await sent.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: info.outputPath("dashboard-code-live-1280x720.png") });
  await rates.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: info.outputPath("dashboard-code-rates-1280x720.png") });
  expect(await seriousViolations(teacher)).toEqual([]);

  // A slow program: Reveal waits, and says why.
  await cy.submit(SLOW);
  const reveal = teacher.getByRole("button", { name: "Reveal answer" });
  await expect(programs).toContainText("1 being graded now");
  await expect(reveal).toBeDisabled();
  await expect(teacher.getByText("1 program is still being graded: the answer can be revealed once it is.")).toBeVisible();
  await expect(reveal).toHaveAccessibleDescription("1 program is still being graded: the answer can be revealed once it is.");
  await expect(teacher.getByText("Everyone has sent a program.")).toBeVisible();
  await expect(programs).toContainText("2 of 3 pass every test (67 %)", { timeout: 30_000 });
  await expect(reveal).toBeEnabled();
  await reveal.click();

  await expect(teacher.getByText("Answer revealed")).toBeVisible();
  await expect(teacher.getByLabel("Reference solution", { exact: true })).toContainText("return 'spam' if output > threshold else 'not spam'");
  await expect(teacher.getByRole("region", { name: "Pass rate per test" }).getByRole("list", { name: "Exactly on the threshold" })).toContainText("2 of 3 · 67 %");

  const wallRates = show.getByRole("region", { name: "Pass rate per test" });
  await expect(show.getByText("2 of 3 pass every test (67 %)")).toBeVisible();
  await expect(wallRates.getByRole("list", { name: "Exactly on the threshold" }).getByRole("listitem")).toHaveText(`${BOUNDARY.label}2 of 3 · 67 %`);
  await expect(wallRates.getByRole("list", { name: "A stricter threshold (0.8)" }).getByRole("listitem")).toHaveCount(3);
  await expect(show.getByLabel("Reference solution", { exact: true })).toContainText("def predict(inputs, threshold):");
  const smallest = await wallRates.evaluate((el) => Math.min(...[...el.querySelectorAll("li > span")].map((s) => parseFloat(getComputedStyle(s).fontSize))));
  expect(smallest).toBeGreaterThanOrEqual(24);
  await show.screenshot({ path: info.outputPath("projector-code-reveal-1920x1080.png") });
  await show.setViewportSize(LAPTOP);
  await show.screenshot({ path: info.outputPath("projector-code-reveal-1280x720.png") });
  await teacher.screenshot({ path: info.outputPath("dashboard-code-reveal-1280x720.png") });
  expect(await seriousViolations(show)).toEqual([]);
  expect(await seriousViolations(teacher)).toEqual([]);

  for (const s of [ada, ben, cy]) s.socket.close();
  await closeAll(teacher, show);
});
