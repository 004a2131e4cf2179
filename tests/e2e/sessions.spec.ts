/**
 * "Past sessions" in the browser (SPEC feature 9, issue 17): two classes hosted from one
 * teacher browser, phones join and one class answers a question; the list shows both with
 * their counts and state and leads to the dashboard, the replay and the report; the event log
 * downloaded from the report is imported back as a new row; a session is deleted after its
 * dialog is cancelled once; another browser adds a session by pasting its teacher link, and
 * a session deleted meanwhile shows as gone and is removed from the list. Axe audits.
 * Set SESSIONS_SHOTS=<dir> to keep screenshots.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";
import { hostIn, quizRound, RIGHT_CHOICE, WRONG_CHOICE } from "./support/past-sessions";

const SHOTS = process.env.SESSIONS_SHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const rowsOf = (page: Page): Locator => page.getByRole("list", { name: "Sessions" }).getByRole("listitem");
const rowOf = (page: Page, code: string): Locator => rowsOf(page).filter({ hasText: `Code ${code}` });
const fact = (row: Locator, label: string): Locator => row.locator(`dt:text-is("${label}") + dd`);

test("past sessions: both classes with their counts, open, replay and report, import a log, delete with a confirmation", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const quiz = await hostIn(context);
  const quiet = await hostIn(context);
  const phones = await quizRound(browser, quiz, [
    ["Ada", RIGHT_CHOICE],
    ["Bo", WRONG_CHOICE],
  ]);
  phones.push(await joinOnPhone(browser, quiet.code, "Cy", phoneContext(SMALL_PHONE)));
  // The quiz class ends; the quiet one stays live.
  await quiz.teacher.getByRole("button", { name: "End session" }).click();
  await quiz.teacher.getByRole("group", { name: "End the session for everyone?" }).getByRole("button", { name: "End session" }).click();
  await expect(quiz.teacher.getByRole("status").filter({ hasText: "This session has ended" })).toBeVisible();

  // From the dashboard's header to the list, in a new tab.
  await quiet.teacher.getByRole("banner").getByRole("button", { name: "Look back" }).click();
  const [page] = await Promise.all([
    quiet.teacher.waitForEvent("popup"),
    quiet.teacher.getByRole("banner").getByRole("link", { name: "Past sessions" }).click(),
  ]);
  await expect(page.getByRole("heading", { level: 1, name: "Past sessions" })).toBeVisible();
  await expect(rowsOf(page)).toHaveCount(2);
  const ended = rowOf(page, quiz.code);
  const live = rowOf(page, quiet.code);
  await expect(ended).toContainText("Ended");
  await expect(fact(ended, "Students")).toHaveText("2");
  await expect(fact(ended, "Questions")).toHaveText("1");
  await expect(live).toContainText("Live");
  await expect(fact(live, "Students")).toHaveText("1");
  await expect(fact(live, "Questions")).toHaveText("0");
  // Newest first; only a live session can be opened on its dashboard.
  await expect(rowsOf(page).first()).toContainText(`Code ${quiet.code}`);
  await expect(ended.getByRole("link", { name: "Open" })).toHaveCount(0);
  await shot(page, "sessions-1280");
  expect(await seriousViolations(page), "past sessions at 1280×720").toEqual([]);

  await live.getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(new RegExp(`/teach/${quiet.sessionId}$`));
  await expect(page.getByLabel("Join code", { exact: true })).toHaveText(quiet.code);
  await page.goto("/sessions");
  await ended.getByRole("link", { name: "Replay" }).click();
  await expect(page).toHaveURL(new RegExp(`/replay/${quiz.sessionId}$`));
  await expect(page.getByRole("slider", { name: "Timeline" })).toBeVisible();
  // The teacher's replay leads to the report and back to the list.
  await page.getByRole("banner").getByRole("link", { name: "Report" }).click();
  await expect(page).toHaveURL(new RegExp(`/report/${quiz.sessionId}$`));
  await expect(page.getByText(`Report · code ${quiz.code}`)).toBeVisible();
  await page.goto(`/replay/${quiz.sessionId}`);
  await page.getByRole("banner").getByRole("link", { name: "Past sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Past sessions" })).toBeVisible();

  // The report, and its event log downloaded to be imported back.
  await ended.getByRole("link", { name: "Report" }).click();
  await expect(page).toHaveURL(new RegExp(`/report/${quiz.sessionId}$`));
  await expect(page.getByText(`Report · code ${quiz.code}`)).toBeVisible();
  const [log] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download event log (JSON)" }).click()]);
  // Saved under the server's name, as a browser would.
  const logPath = path.join(test.info().outputDir, log.suggestedFilename());
  await log.saveAs(logPath);
  expect(log.suggestedFilename()).toBe(`synapse-${quiz.code}-log.json`);
  await page.getByRole("navigation", { name: "Teacher pages" }).getByRole("link", { name: "Past sessions" }).click();
  await expect(rowsOf(page)).toHaveCount(2);

  // Import: a file that is not a log is refused with a reason; the real log becomes a new row.
  const picker = page.getByLabel("Import a session log");
  await picker.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("just some notes") });
  await expect(page.getByRole("alert").filter({ hasText: "Not imported (notes.json)" })).toBeVisible();
  await picker.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format": "nothing we know"}') });
  await expect(page.getByRole("alert").filter({ hasText: "Not imported (broken.json)" })).toBeVisible();
  await picker.setInputFiles(logPath);
  const imported = page.getByRole("status").filter({ hasText: /^Imported/ });
  await expect(imported).toBeVisible();
  await expect(rowsOf(page)).toHaveCount(3);
  const importedCode = /session ([A-Z0-9]+) with/.exec((await imported.textContent()) ?? "")?.[1];
  expect(importedCode).toBeTruthy();
  const copy = rowOf(page, importedCode!);
  await expect(copy).toContainText("Ended");
  await expect(copy).toContainText("Imported copy");
  await expect(fact(copy, "Students")).toHaveText("2");
  await expect(fact(copy, "Questions")).toHaveText("1");
  const importedId = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("synapse:teacher:")).map((k) => k.slice("synapse:teacher:".length)),
  );
  const newId = importedId.find((id) => id !== quiz.sessionId && id !== quiet.sessionId);
  expect(newId, "the imported session's teacher pass is kept").toBeTruthy();

  // Delete the live class: the dialog names it; Cancel keeps it, the second time it goes.
  await live.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(`Delete session ${quiet.code} of`) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await shot(page, "sessions-delete-dialog");
  expect(await seriousViolations(page), "the delete dialog").toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rowsOf(page)).toHaveCount(3);
  await live.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete session" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Deleted session ${quiet.code}` })).toBeVisible();
  await expect(rowsOf(page)).toHaveCount(2);
  expect(await page.evaluate((k) => localStorage.getItem(k), `synapse:teacher:${quiet.sessionId}`)).toBeNull();
  const gone = await page.request.get(`/api/sessions/${quiet.sessionId}/summary`, { headers: { authorization: `Bearer ${quiet.token}` } });
  // Its teacher pass went with it: the server knows neither (401 for the pass, 404 for the session).
  expect([401, 404]).toContain(gone.status());

  // On a phone-sized screen the list still reads and passes the audit.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await expect(rowsOf(page)).toHaveCount(2);
  await shot(page, "sessions-360");
  expect(await seriousViolations(page), "past sessions at 360×740").toEqual([]);

  // Another browser: from the home page, paste teacher links; a session deleted meanwhile shows as gone.
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await other.goto("/");
  await other.getByRole("link", { name: /^Past sessions/ }).click();
  await expect(other.getByText("No sessions in this browser yet")).toBeVisible();
  await shot(other, "sessions-empty");
  const linkBox = other.getByRole("textbox", { name: "Teacher link" });
  const open = other.getByRole("button", { name: "Open", exact: true });
  await linkBox.fill(`http://example.org/replay/${quiz.sessionId}#r=abc`);
  await open.click();
  await expect(other.getByRole("alert").filter({ hasText: "This is not a teacher link" })).toBeVisible();
  await linkBox.fill(`${new URL(page.url()).origin}/teach/${quiz.sessionId}#t=${quiz.token}`);
  await open.click();
  await expect(other.getByRole("status").filter({ hasText: `Session ${quiz.code} is in the list.` })).toBeVisible();
  await expect(fact(rowOf(other, quiz.code), "Students")).toHaveText("2");
  const importedToken = await page.evaluate((k) => localStorage.getItem(k), `synapse:teacher:${newId}`);
  await linkBox.fill(`/teach/${newId}#t=${importedToken}`);
  await open.press("Enter");
  await expect(rowsOf(other)).toHaveCount(2);

  // The first browser deletes the imported copy; the other sees it gone and forgets it.
  await rowOf(page, importedCode!).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete session" }).click();
  await expect(rowsOf(page)).toHaveCount(1);
  await other.reload();
  const stale = rowsOf(other).filter({ hasText: "No longer on the server" });
  await expect(stale).toHaveCount(1);
  expect(await seriousViolations(other), "a gone session").toEqual([]);
  await stale.getByRole("button", { name: "Remove from this list" }).click();
  await expect(rowsOf(other)).toHaveCount(1);
  expect(await other.evaluate((k) => localStorage.getItem(k), `synapse:teacher:${newId}`)).toBeNull();

  for (const p of phones) await p.context().close();
  await other.context().close();
  await context.close();
});
