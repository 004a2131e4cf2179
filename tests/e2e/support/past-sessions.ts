/**
 * Classes for the past-sessions and report tests: several hosted from one teacher browser
 * (they share its localStorage, as a teacher's laptop does), phones that join and answer a
 * lesson question, and a small CSV reader to check downloaded files cell by cell.
 */
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { LESSON_QUIZ } from "../../../lib/lesson/quiz";
import { joinOnPhone, phoneContext, SMALL_PHONE } from "./phone-screen";
import { teacherSocket } from "./teacher-socket";

export interface HostedClass {
  teacher: Page;
  code: string;
  sessionId: string;
  token: string;
}

/** Hosts a class from the home page in this (teacher's) browser context. */
export async function hostIn(context: BrowserContext): Promise<HostedClass> {
  const teacher = await context.newPage();
  await teacher.goto("/");
  await teacher.getByRole("button", { name: "Host a class" }).click();
  const codeBox = teacher.getByLabel("Join code", { exact: true });
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;
  const token = await teacher.evaluate((key) => localStorage.getItem(key), `synapse:teacher:${sessionId}`);
  if (!token) throw new Error("the dashboard kept no teacher token");
  return { teacher, code: (await codeBox.textContent())!.trim(), sessionId, token };
}

/** The lesson's question on the forward pass: one right choice of four. */
export const WEIGHTS_QUESTION = (() => {
  const q = LESSON_QUIZ.find((x) => x.id === "lesson-forward-weights");
  if (!q || q.kind !== "choice") throw new Error("the lesson's forward-pass question is missing");
  return q;
})();
export const RIGHT_CHOICE = "Nothing: they are only read";
export const WRONG_CHOICE = "They are drawn again at random";

/**
 * Phones join under these nicknames; the question is launched, each phone answers the choice
 * given (or nothing), and the answer is revealed. Returns the phones.
 */
export async function quizRound(browser: Browser, hosted: HostedClass, answers: [nickname: string, choice: string | null][]): Promise<Page[]> {
  const phones: Page[] = [];
  for (const [nickname] of answers) phones.push(await joinOnPhone(browser, hosted.code, nickname, phoneContext(SMALL_PHONE)));
  const control = await teacherSocket(hosted.teacher);
  try {
    await control.command("quiz:launch", { question: WEIGHTS_QUESTION, options: { timeLimitSec: null, allowChange: false } });
    for (const [i, [, choice]] of answers.entries()) {
      const phone = phones[i]!;
      await expect(phone.getByLabel("Question", { exact: true })).toContainText(WEIGHTS_QUESTION.prompt);
      if (choice === null) continue;
      await phone.getByRole("radio", { name: choice }).check();
      await phone.getByRole("button", { name: "Submit answer" }).click();
      await expect(phone.getByRole("status").filter({ hasText: "Answer sent" })).toBeVisible();
    }
    await control.command("quiz:reveal", {});
    for (const [i, [, choice]] of answers.entries()) {
      if (choice !== null) await expect(phones[i]!.getByLabel("Result", { exact: true })).toBeVisible();
    }
  } finally {
    control.close();
  }
  return phones;
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A cell a spreadsheet would run as a formula (OWASP's list of leading characters). */
export const isFormula = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell);
