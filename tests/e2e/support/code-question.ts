/**
 * The code questions' editor in the browser tests, phone and self-paced lesson alike: replace
 * its text as a student would (select all, then type or paste), read it back, and the
 * lesson's spam exercise solved by hand (written out here, not the app's reference), with a
 * `>=` that fails only the test whose score is exactly 0.5.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { SPAM_EXERCISE } from "../../../lib/lesson/code-exercise";

/** The starter's network (W1, b1, W2, b2, relu, sigmoid), without its empty predict. */
const STARTER_TOP = SPAM_EXERCISE.starter.slice(0, SPAM_EXERCISE.starter.indexOf("def predict"));

/** A right predict, loops written out. */
export const RIGHT_PREDICT = `${STARTER_TOP}def predict(inputs, threshold):
    hidden = []
    for row, b in zip(W1, b1):
        hidden.append(relu(sum(w * x for w, x in zip(row, inputs)) + b))
    out = sigmoid(W2[0] * hidden[0] + W2[1] * hidden[1] + b2)
    if out > threshold:
        return 'spam'
    return 'not spam'`;

/** The same with `>=`: (0.45, 0, 0) scores exactly 0.5 and becomes spam. */
export const GE_PREDICT = RIGHT_PREDICT.replace("out > threshold", "out >= threshold");

/** A predict that never returns. */
export const LOOPING_PREDICT = `def predict(inputs, threshold):
    while True:
        pass`;

/** The editor's text as CodeMirror holds it (one line per .cm-line). */
export async function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((el) => [...el.querySelectorAll(".cm-line")].map((l) => l.textContent ?? "").join("\n"));
}

/** Replaces the editor's whole text: select all, then the text arrives as typed input. */
export async function replaceCode(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
  await expect.poll(() => editorText(editor)).toBe(code);
}

/**
 * Records every text a status element shows from now on (a grading state may last only a
 * moment); read it back with `seenStatuses`.
 */
export async function watchStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    const note = () => {
      for (const el of document.querySelectorAll("[role=status], button")) {
        const text = el.textContent?.trim();
        if (text && !seen.includes(text)) seen.push(text);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function seenStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __statuses?: string[] }).__statuses ?? []);
}
