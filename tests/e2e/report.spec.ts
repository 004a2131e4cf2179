/**
 * A session's report in the browser (SPEC feature 9, issue 17 "Reports"): a class answers a
 * lesson question, the teacher opens the report from the dashboard (its header while live, the
 * ended banner after), sees each question's numbers and its bars, the class table, and
 * downloads both CSV files and the event log, whose contents are checked cell by cell; a
 * nickname written as a spreadsheet formula comes out neutralised. Axe audits at 360×740 and
 * 1280×720. Set SESSIONS_SHOTS=<dir> to keep screenshots.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Download, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { hostIn, isFormula, parseCsv, quizRound, RIGHT_CHOICE, WEIGHTS_QUESTION, WRONG_CHOICE } from "./support/past-sessions";

const SHOTS = process.env.SESSIONS_SHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const FORMULA_NICK = '=HYPERLINK("x")';

async function download(page: Page, button: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const saved = await file.path();
  return { file, text: fs.readFileSync(saved, "utf8") };
}

test("the report shows each question's numbers and bars and the class, and downloads CSV and JSON a spreadsheet can trust", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const hosted = await hostIn(context);
  const phones = await quizRound(browser, hosted, [
    ["Ada", RIGHT_CHOICE],
    [FORMULA_NICK, WRONG_CHOICE],
    ["Cy", null],
  ]);
  const { teacher, sessionId, code } = hosted;

  // While live: the dashboard's header opens the report in a new tab, from "Look back"
  // (keyboard: Enter opens it, Escape closes it and gives the focus back).
  await shot(teacher, "dashboard-live");
  const header = teacher.getByRole("banner");
  const lookBack = header.getByRole("button", { name: "Look back" });
  await lookBack.focus();
  await teacher.keyboard.press("Enter");
  await expect(lookBack).toHaveAttribute("aria-expanded", "true");
  await expect(header.getByRole("link", { name: "Replay" })).toHaveAttribute("href", `/replay/${sessionId}`);
  await shot(teacher, "dashboard-look-back");
  await teacher.keyboard.press("Escape");
  await expect(header.getByRole("link", { name: "Report" })).toBeHidden();
  await expect(lookBack).toBeFocused();
  await lookBack.click();
  const [live] = await Promise.all([teacher.waitForEvent("popup"), header.getByRole("link", { name: "Report" }).click()]);
  await expect(live.getByText(`Report · code ${code}`)).toBeVisible();
  await live.close();
  await expect(header.getByRole("link", { name: "Report" }), "the menu closes once a page is picked").toBeHidden();

  // Ended: the banner points to the report and the replay.
  await teacher.getByRole("button", { name: "End session" }).click();
  await teacher.getByRole("group", { name: "End the session for everyone?" }).getByRole("button", { name: "End session" }).click();
  const ended = teacher.getByRole("status").filter({ hasText: "This session has ended" });
  await expect(ended.getByRole("link", { name: "Replay" })).toHaveAttribute("href", `/replay/${sessionId}`);
  await shot(teacher, "dashboard-ended");
  const [report] = await Promise.all([teacher.waitForEvent("popup"), ended.getByRole("link", { name: "Report" }).click()]);

  // Headline numbers: 3 students, 1 question, 1 right of 2 graded answers.
  await expect(report.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(report.getByText(`Report · code ${code}`)).toBeVisible();
  await expect(report.getByRole("main").getByRole("link", { name: "Replay" })).toHaveAttribute("href", `/replay/${sessionId}`);
  const headline = (label: string) => report.locator(`dt:text-is("${label}") + dd`);
  await expect(headline("Students")).toHaveText("3");
  await expect(headline("Questions")).toHaveText("1");
  await expect(headline("Answers right")).toHaveText("50 %");

  // The class prediction over time: the default classifier, untouched, ends on 60.1 % / 39.9 % (SPEC).
  await expect(report.getByRole("img", { name: "The network's outputs over the session: Class A, Class B" })).toBeVisible();
  const key = report.getByRole("region", { name: "Class prediction over time" });
  await expect(key.getByRole("listitem").filter({ hasText: "Class A" })).toContainText("60.1 %");
  await expect(key.getByRole("listitem").filter({ hasText: "Class B" })).toContainText("39.9 %");

  // The question: its prompt, 2 of 3 answered, 50 % correct, and one bar per choice.
  const question = report.getByRole("listitem", { name: "Question 1" });
  await expect(question).toContainText(WEIGHTS_QUESTION.prompt);
  await expect(question.locator('dt:text-is("Answered") + dd')).toHaveText("2of 3");
  await expect(question.locator('dt:text-is("Correct") + dd')).toHaveText("50 %1 right");
  const bars = question.getByRole("figure", { name: "Answers of question 1" });
  const counts = await bars.locator("svg[data-bar]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-bar"))));
  expect(counts).toEqual([1, 0, 1, 0]);
  await expect(bars.getByRole("listitem").filter({ hasText: RIGHT_CHOICE })).toContainText("50 %");
  // A bar's drawn width follows its count: the chosen ones full, the others empty.
  const widths = await bars.locator("svg[data-bar] rect:nth-child(2)").evaluateAll((els) => els.map((e) => e.getAttribute("width")));
  expect(widths).toEqual(["100%", "100%"]);

  // The class: ranked, the formula nickname shown as plain text.
  const table = report.getByRole("table");
  const row = (nick: string) => table.getByRole("row").filter({ has: report.getByRole("rowheader", { name: nick, exact: true }) });
  await expect(row("Ada").getByRole("cell")).toHaveText(["1", /neuron 1/i, /\d/, "1", "0", "0"]);
  await expect(row(FORMULA_NICK).getByRole("cell").nth(4)).toHaveText("1");
  await expect(row("Cy")).toBeVisible();
  await shot(report, "report-1280");
  expect(await seriousViolations(report), "report at 1280×720").toEqual([]);

  // Questions CSV: a header row, then question 1 with its counts.
  const questions = await download(report, "Download questions CSV");
  expect(questions.file.suggestedFilename()).toMatch(/\.csv$/);
  const qRows = parseCsv(questions.text).filter((r) => r.some((c) => c !== ""));
  expect(qRows.length).toBe(2);
  const qHead = qRows[0]!.map((h) => h.toLowerCase());
  const qCell = (name: RegExp) => qRows[1]![qHead.findIndex((h) => name.test(h))];
  expect(qCell(/prompt/)).toBe(WEIGHTS_QUESTION.prompt);
  expect(qCell(/^answered/)).toBe("2");
  expect(qCell(/^students/)).toBe("3");
  expect(qCell(/^correct$/)).toBe("1");
  await expect(report.getByRole("status").filter({ hasText: `Saved ${questions.file.suggestedFilename()}` })).toBeVisible();

  // Students CSV: every student once, and the formula nickname cannot run in a spreadsheet.
  const students = await download(report, "Download students CSV");
  expect(students.file.suggestedFilename()).toMatch(/\.csv$/);
  const sRows = parseCsv(students.text).filter((r) => r.some((c) => c !== ""));
  const sHead = sRows[0]!.map((h) => h.toLowerCase());
  const nickCol = sHead.findIndex((h) => /nickname/.test(h));
  expect(nickCol).toBeGreaterThanOrEqual(0);
  const nicks = sRows.slice(1).map((r) => r[nickCol]!);
  expect(nicks).toContain("Ada");
  expect(nicks).toContain("Cy");
  const formula = nicks.find((n) => n.includes("HYPERLINK"));
  expect(formula, "the formula nickname is in the file").toBeDefined();
  expect(isFormula(formula!), `neutralised: ${formula}`).toBe(false);
  expect(formula).toContain(FORMULA_NICK);
  for (const r of sRows) for (const cell of r) if (cell.includes("HYPERLINK")) expect(isFormula(cell)).toBe(false);

  // The event log: JSON naming this session, with the students' joins in it.
  const log = await download(report, "Download event log (JSON)");
  expect(log.file.suggestedFilename()).toMatch(/\.json$/);
  const parsed = JSON.parse(log.text) as unknown;
  expect(JSON.stringify(parsed)).toContain(sessionId);
  expect(log.text).toContain("Ada");

  // On a phone-sized screen the same report reads and passes the audit.
  await report.setViewportSize({ width: 360, height: 740 });
  await expect(question.getByRole("figure")).toBeVisible();
  await expect(report.getByRole("region", { name: "Students table" })).toBeVisible();
  await shot(report, "report-360");
  expect(await seriousViolations(report), "report at 360×740").toEqual([]);

  for (const p of phones) await p.context().close();
  await context.close();
});

test("a browser without the session's teacher pass is told so, and a teacher link brings it in", async ({ browser }) => {
  const host = await browser.newContext();
  const hosted = await hostIn(host);
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/report/${hosted.sessionId}`);
  await expect(stranger.getByRole("heading", { name: "Teacher link needed" })).toBeVisible();
  expect(await seriousViolations(stranger)).toEqual([]);
  await stranger.goto(`/report/${hosted.sessionId}#t=${hosted.token}`);
  await expect(stranger.getByText(`Report · code ${hosted.code}`)).toBeVisible();
  await expect(stranger.getByText("No question was launched in this session.")).toBeVisible();
  await expect(stranger.getByText("Nobody joined this session.")).toBeVisible();
  expect(new URL(stranger.url()).hash, "the pass leaves the address bar").toBe("");
  await stranger.context().close();
  await host.close();
});
