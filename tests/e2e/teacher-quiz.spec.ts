/**
 * Running a quiz from the dashboard (SPEC feature 7, "Accessible names of quizzes", feature 1
 * "no correct answer before the reveal", feature 10 hidden names): the teacher opens "Lesson
 * quiz" and launches in two clicks, students answer on real sockets, the dashboard counts
 * "N of M answered" without giving the answer away (it is mirrored on the projector), closes,
 * reveals with the explanation, and shows a leaderboard whose order is worked out by hand;
 * the projector view shows the question, the reveal and the top five only.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { LESSON_QUIZ, STARTER_QUESTIONS } from "../../lib/lesson/quiz";
import type { Answer } from "../../lib/quiz/types";
import { connect, send, syncState, type TestSocket } from "../helpers/socket-client";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { PROJECTOR } from "./support/viewports";

const LAPTOP = { width: 1280, height: 720 };
const visibleText = (page: Page) => page.locator("body").evaluate((body) => (body as HTMLElement).innerText);

interface Phone {
  name: string;
  socket: TestSocket;
  answer(answer: Answer): Promise<void>;
}

/** A student joins over HTTP and connects with their token, as a phone does. */
async function phone(page: Page, code: string, name: string): Promise<Phone> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`${origin}/api/join/${code}`, { data: { nickname: name } });
  expect(res.status()).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const socket = await connect(origin, { token });
  return {
    name,
    socket,
    async answer(answer) {
      const { state } = await syncState(socket);
      const runId = state.quiz.run?.runId;
      if (!runId) throw new Error("no question is running");
      const ack = await send(socket, "quiz:answer", { runId, answer });
      if (!ack.ok) throw new Error(`${name}'s answer was refused: ${ack.error.message}`);
    },
  };
}

async function openShow(browser: Browser, code: string): Promise<Page> {
  const show = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Join code", { exact: true })).toHaveText(code);
  return show;
}

/** The "Launch" button of the question whose prompt starts with `prompt`. */
const launchOf = (teacher: Page, prompt: string) => teacher.getByRole("listitem", { name: prompt }).getByRole("button", { name: "Launch" });

const number = (n: number) => ({ kind: "number", value: n }) as const;
const pick = (...choices: number[]) => ({ kind: "choice", choices }) as const;

test("the teacher launches the lesson quiz in two clicks, sees answers arrive without the answer, reveals, and shows the leaderboard", async ({ browser }, info) => {
  const { teacher, code } = await hostClass(browser);
  await teacher.setViewportSize(LAPTOP);
  const names = ["Ada", "Ben", "Cy", "Dee", "Eve", "Fay"];
  const phones: Phone[] = [];
  for (const name of names) phones.push(await phone(teacher, code, name));
  const [ada, ben, cy, dee, eve, fay] = phones as [Phone, Phone, Phone, Phone, Phone, Phone];
  const show = await openShow(browser, code);

  // Scoring: speed points off (so the points can be worked out by hand), streak points on.
  const speed = teacher.getByRole("switch", { name: "Speed points" });
  const streak = teacher.getByRole("switch", { name: "Streak points" });
  await expect(speed).toHaveAttribute("aria-checked", "true");
  await speed.click();
  await expect(speed).toHaveAttribute("aria-checked", "false");
  await streak.click();
  await expect(streak).toHaveAttribute("aria-checked", "false");
  await streak.click();
  await expect(streak).toHaveAttribute("aria-checked", "true");

  // Two clicks: "Lesson quiz", then the first question's "Launch".
  const q1 = LESSON_QUIZ[0]!;
  await teacher.getByRole("button", { name: "Lesson quiz" }).click();
  await expect(teacher.getByRole("list", { name: "Lesson quiz" }).getByRole("listitem")).toHaveCount(LESSON_QUIZ.length);
  await teacher.getByRole("list", { name: "Lesson quiz" }).scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: info.outputPath("quiz-panel-1280x720.png") });
  expect(await seriousViolations(teacher)).toEqual([]);
  const allowChange = teacher.getByRole("switch", { name: "Allow changing answers" });
  await allowChange.click();
  await expect(allowChange).toHaveAttribute("aria-checked", "true");
  await allowChange.click();
  await expect(allowChange).toHaveAttribute("aria-checked", "false");
  await launchOf(teacher, q1.prompt).click();

  const answers = teacher.getByLabel("Answers", { exact: true });
  await expect(answers).toHaveText("0 of 6 answered");
  await expect(teacher.getByRole("group", { name: "Question", exact: true })).toHaveText(q1.prompt);
  await expect(show.getByRole("group", { name: "Question", exact: true })).toHaveText(q1.prompt);

  await ada.answer(number(0));
  await ben.answer(number(0));
  await cy.answer(number(0.5));
  await dee.answer(number(0.001));
  await eve.answer(number(-0.5));
  await expect(answers).toHaveText("5 of 6 answered");
  await expect(show.getByText("5 answered", { exact: true })).toBeVisible();
  const waiting = teacher.getByRole("list", { name: "Not answered yet" });
  await expect(waiting).toHaveText("Fay");

  // Before the reveal: no explanation, no share correct, no right/wrong marks, on either screen.
  const explanation = q1.explanation.slice(0, 40);
  for (const page of [teacher, show]) {
    const text = await visibleText(page);
    expect(text).not.toContain(explanation);
    expect(text).not.toMatch(/correct \(|✓|Answer revealed|Not right/);
  }
  await teacher.getByLabel("Answers", { exact: true }).scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: info.outputPath("live-question-1280x720.png") });
  await show.screenshot({ path: info.outputPath("projector-question-1920x1080.png") });
  expect(await seriousViolations(teacher)).toEqual([]);
  expect(await seriousViolations(show)).toEqual([]);

  await teacher.getByRole("button", { name: "Close question" }).click();
  await expect(teacher.getByText("Closed: no more answers")).toBeVisible();
  await expect(show.getByText("Answers closed")).toBeVisible();
  expect(await visibleText(teacher)).not.toContain(explanation);

  await teacher.getByRole("button", { name: "Reveal answer" }).click();
  await expect(teacher.getByText(q1.explanation)).toBeVisible();
  await expect(show.getByText(q1.explanation)).toBeVisible();
  await expect(teacher.getByText("3 of 5 correct (60 %)")).toBeVisible();
  await expect(show.getByText("3 of 5 correct (60 %)")).toBeVisible();
  await expect(teacher.getByRole("list", { name: "How the class answered" })).toContainText("0.5");
  await teacher.screenshot({ path: info.outputPath("reveal-1280x720.png") });
  await show.screenshot({ path: info.outputPath("projector-reveal-1920x1080.png") });
  expect(await seriousViolations(teacher)).toEqual([]);
  expect(await seriousViolations(show)).toEqual([]);

  // The second question runs on a 30 s timer; the reveal closes it.
  const q2 = LESSON_QUIZ[1]!;
  await teacher.getByLabel("Time limit").selectOption({ label: "30 s" });
  await launchOf(teacher, q2.prompt).click();
  await expect(teacher.getByRole("group", { name: "Question", exact: true })).toHaveText(q2.prompt);
  await expect(teacher.getByRole("timer", { name: "Time left" })).toHaveText(/^0:(30|2\d)$/);
  await expect(show.getByRole("timer", { name: "Time left" })).toBeVisible();
  await expect(answers).toHaveText("0 of 6 answered");
  for (const [p, c] of [[ada, 0], [ben, 1], [cy, 0], [dee, 0], [eve, 0], [fay, 0]] as const) await p.answer(pick(c));
  await expect(answers).toHaveText("6 of 6 answered");
  await expect(teacher.getByText("Everyone has answered.")).toBeVisible();
  for (const page of [teacher, show]) expect(await visibleText(page)).not.toMatch(/✓|correct \(/);
  await teacher.getByRole("button", { name: "Reveal answer" }).click();
  await expect(teacher.getByText("5 of 6 correct (83 %)")).toBeVisible();
  await expect(show.getByText(q2.explanation)).toBeVisible();

  // By hand, speed points off, streak points on (100 per right answer in a row before):
  // Q1 right: Ada, Ben, Dee → 1000 each. Q2 right: Ada (streak 1) 1100, Cy 1000, Dee (streak 1) 1100,
  // Eve 1000, Fay 1000; Ben wrong. Totals: Ada 2100, Dee 2100, Ben 1000, Cy 1000, Eve 1000, Fay 1000;
  // ties share a rank and follow the joining order.
  await teacher.getByRole("button", { name: "Leaderboard" }).click();
  const board = teacher.getByRole("list", { name: "Leaderboard" });
  await expect(board.getByRole("listitem")).toHaveText([
    /^Rank 1\s*Ada\s*2,100 pts$/,
    /^Rank 1\s*Dee\s*2,100 pts$/,
    /^Rank 3\s*Ben\s*1,000 pts$/,
    /^Rank 3\s*Cy\s*1,000 pts$/,
    /^Rank 3\s*Eve\s*1,000 pts$/,
    /^Rank 3\s*Fay\s*1,000 pts$/,
  ]);
  const wall = show.getByRole("list", { name: "Leaderboard" });
  await expect(wall.getByRole("listitem")).toHaveText([/Ada/, /Dee/, /Ben/, /Cy/, /Eve/]);
  expect(await visibleText(show)).not.toMatch(/\bFay\b/);
  await board.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: info.outputPath("leaderboard-1280x720.png") });
  await show.screenshot({ path: info.outputPath("projector-leaderboard-1920x1080.png") });
  expect(await seriousViolations(teacher)).toEqual([]);
  expect(await seriousViolations(show)).toEqual([]);

  // Names hidden: the wall shows no name at all, the dashboard numbers the students.
  await teacher.getByRole("switch", { name: "Hide names" }).click();
  await expect(wall.getByRole("listitem")).toHaveText([/Student 1\b/, /Student 4\b/, /Student 2\b/, /Student 3\b/, /Student 5\b/]);
  await expect(board.getByRole("listitem").first()).toContainText("Student 1");
  for (const page of [teacher, show]) await expect.poll(() => visibleText(page)).not.toMatch(/\b(Ada|Ben|Cy|Dee|Eve|Fay)\b/);
  await show.screenshot({ path: info.outputPath("projector-leaderboard-hidden-names-1920x1080.png") });

  await teacher.getByRole("button", { name: "Hide leaderboard" }).click();
  await expect(board).toHaveCount(0);
  await expect(wall).toHaveCount(0);
  await expect(show.getByText(q2.explanation)).toBeVisible();

  await teacher.getByRole("button", { name: "Back to the network" }).click();
  await expect(answers).toHaveCount(0);
  await expect(show.getByLabel("Network output")).toBeVisible();
  await expect(show.getByRole("group", { name: "Question", exact: true })).toHaveCount(0);

  for (const p of phones) p.socket.close();
  await closeAll(show, teacher);
});

test("no question of the lesson, the drills or the poll shows its answer before the reveal, on the dashboard or the projector", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await phone(teacher, code, "Ada");
  const ben = await phone(teacher, code, "Ben");
  const show = await openShow(browser, code);
  await teacher.getByRole("button", { name: "Lesson quiz" }).click();
  const answers = teacher.getByLabel("Answers", { exact: true });

  for (const q of LESSON_QUIZ.slice(2)) {
    await launchOf(teacher, q.prompt).click();
    await expect(teacher.getByRole("group", { name: "Question", exact: true })).toHaveText(q.prompt);
    await expect(show.getByRole("group", { name: "Question", exact: true })).toHaveText(q.prompt);
    await expect(answers).toHaveText(q.kind === "code" ? "0 of 2 sent a program" : "0 of 2 answered");
    const secret = q.explanation.slice(0, 40);
    const keyed = q.kind === "output" ? q.answers[0]! : q.kind === "blanks" ? "-1*x" : null;
    for (const page of [teacher, show]) {
      const text = await visibleText(page);
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/✓|correct \(/);
      if (keyed) expect(text).not.toContain(keyed);
      // The ordering question's lines come without the numbers that give the order away.
      if (q.kind === "order") expect(text).not.toContain("# 1.");
    }
    await teacher.getByRole("button", { name: "Reveal answer" }).click();
    await expect(teacher.getByText(q.explanation)).toBeVisible();
    await expect(show.getByText(q.explanation)).toBeVisible();
    if (keyed) await expect(show.getByText(keyed, { exact: false }).first()).toBeVisible();
  }

  // A poll shows its raw answers live (it has no right answer); a drill gives every phone its own numbers.
  await teacher.getByRole("button", { name: "Drills and poll" }).click();
  const poll = STARTER_QUESTIONS.find((q) => q.kind === "poll")!;
  await launchOf(teacher, poll.prompt).click();
  // The phones answer once the launch is stored (the dashboard shows only what is).
  await expect(teacher.getByRole("group", { name: "Question", exact: true })).toHaveText(poll.prompt);
  await ada.answer(pick(2));
  await ben.answer(pick(0));
  await expect(answers).toHaveText("2 of 2 answered");
  const live = teacher.getByRole("list", { name: "Poll answers so far" });
  await expect(live.getByRole("listitem")).toHaveText([/Very sure\s*1$/, /Fairly sure\s*0$/, /Not yet\s*1$/]);
  await teacher.getByRole("button", { name: "Reveal answer" }).click();
  await expect(show.getByRole("list", { name: "How the class answered" }).getByRole("listitem")).toHaveText([/Very sure\s*1$/, /Fairly sure\s*0$/, /Not yet\s*1$/]);

  const drill = STARTER_QUESTIONS[0]!;
  await launchOf(teacher, drill.prompt).click();
  await expect(teacher.getByRole("group", { name: "Question", exact: true })).toHaveText(drill.prompt);
  await expect(teacher.getByText(/Each phone shows its own inputs/)).toBeVisible();
  await expect(answers).toHaveText("0 of 2 answered");

  ada.socket.close();
  ben.socket.close();
  await closeAll(show, teacher);
});
