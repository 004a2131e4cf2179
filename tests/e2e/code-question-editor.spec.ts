/**
 * Writing a code question in the question editor (docs/quizzes.md, "Your own questions"): the
 * teacher picks the code kind, names the function, writes the starter code and a reference
 * solution in the code editors, types two test rows as Python literals (a value that does not
 * read is named in words at once), checks the tests against the reference solution in the
 * server's sandbox (both pass), breaks a row and sees it fail with its message, and saves the
 * question: it comes back in the editor as typed and goes out in the bank file as rows of values.
 */
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";

const LAPTOP = { width: 1280, height: 720 };
const PROMPT = "Write double(x): it returns twice x.";

/** Types into one of the editor's CodeMirror editors (replacing what is there). */
async function typeCode(page: Page, dialog: Locator, name: string, code: string): Promise<void> {
  await dialog.getByRole("textbox", { name, exact: true }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

const row = (dialog: Locator, n: number) => dialog.getByRole("group", { name: `Test ${n}`, exact: true });

test("the teacher writes a code question, checks its tests against the reference solution, sees a broken test fail, and saves it", async ({ browser }, info) => {
  test.setTimeout(90_000);
  const { teacher } = await hostClass(browser);
  await teacher.setViewportSize(LAPTOP);
  await teacher.getByRole("button", { name: "My questions" }).click();
  await teacher.getByRole("button", { name: "New question" }).click();
  const dialog = teacher.getByRole("dialog", { name: "New question" });
  await dialog.getByLabel("Kind").selectOption({ label: "Write a function (code)" });
  await dialog.getByLabel("Question", { exact: true }).fill(PROMPT);
  await dialog.getByLabel("Function name", { exact: true }).fill("double");
  await typeCode(teacher, dialog, "Starter code", "def double(x):\n    pass\n");

  // Two rows; a value that does not read is named at once; a third row is added and removed.
  await row(dialog, 1).getByLabel("Arguments", { exact: true }).fill("3");
  await row(dialog, 1).getByLabel("Expected value", { exact: true }).fill("six");
  await expect(row(dialog, 1)).toContainText("Expected value: six is not a value: put text in quotes ('six')");
  await row(dialog, 1).getByLabel("Expected value", { exact: true }).fill("6");
  await expect(row(dialog, 1)).toContainText("double(3) → 6");
  await dialog.getByRole("button", { name: "Add test" }).click();
  await row(dialog, 2).getByLabel("Arguments", { exact: true }).fill("-0.5");
  await row(dialog, 2).getByLabel("Expected value", { exact: true }).fill("-1");
  await row(dialog, 2).getByLabel("Label (optional)", { exact: true }).fill("A negative number");
  await row(dialog, 2).getByLabel("Group (optional)", { exact: true }).fill("Edge cases");
  await dialog.getByRole("button", { name: "Add test" }).click();
  await dialog.getByRole("button", { name: "Remove test 3" }).click();
  await expect(row(dialog, 3)).toHaveCount(0);

  // No reference solution yet: nothing is sent, and the editor says why.
  const check = dialog.getByRole("button", { name: "Check my tests against my reference solution" });
  const result = dialog.getByRole("region", { name: "Check against the reference solution" });
  await check.click();
  await expect(result.getByRole("status")).toContainText("Write a reference solution first");

  await typeCode(teacher, dialog, "Reference solution", "def double(x):\n    return 2 * x\n");
  await check.click();
  await expect(result.getByRole("status")).toContainText("All 2 tests pass");
  const each = result.getByRole("list", { name: "Each test against the reference solution" }).getByRole("listitem");
  await expect(each).toHaveText([/^✓ Passed\s*double\(3\)\s*Returned 6\.$/, /^✓ Passed\s*A negative number\s*Returned -1(\.0)?\.$/]);
  await expect(dialog.getByRole("region", { name: "Preview" })).toContainText("2 tests check it");
  await result.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: info.outputPath("code-editor-check-1280x720.png") });
  expect(await seriousViolations(teacher)).toEqual([]);

  // A wrong expected value: the check is marked out of date, then the row fails with its message.
  await row(dialog, 2).getByLabel("Expected value", { exact: true }).fill("-2");
  await expect(result).toContainText("You have changed the question since this check");
  await check.click();
  await expect(result.getByRole("status")).toContainText("1 of 2 tests fail");
  await expect(each.nth(0)).toContainText("✓ Passed");
  await expect(each.nth(1)).toHaveText(/^✗ Failed\s*A negative number\s*Expected -2, got -1(\.0)?\.$/);
  await teacher.screenshot({ path: info.outputPath("code-editor-check-failed-1280x720.png") });

  await row(dialog, 2).getByLabel("Expected value", { exact: true }).fill("-1");
  await dialog.getByRole("textbox", { name: /^Explanation/ }).fill("Twice x is 2 * x.");
  await dialog.getByRole("button", { name: "Save question" }).click();
  await expect(dialog).toHaveCount(0);
  const mine = teacher.getByRole("list", { name: "My questions" });
  await expect(mine.getByRole("listitem")).toHaveText([new RegExp(`${PROMPT.replace(/[()]/g, "\\$&")}\\s*Write a function`)]);

  // It comes back in the editor as typed.
  await mine.getByRole("listitem", { name: PROMPT }).getByRole("button", { name: "Edit" }).click();
  const edit = teacher.getByRole("dialog", { name: "Edit question" });
  await expect(edit.getByLabel("Function name", { exact: true })).toHaveValue("double");
  await expect(row(edit, 2).getByLabel("Arguments", { exact: true })).toHaveValue("-0.5");
  await expect(row(edit, 2).getByLabel("Group (optional)", { exact: true })).toHaveValue("Edge cases");
  await expect(edit.getByRole("textbox", { name: "Reference solution", exact: true })).toContainText("return 2 * x");
  await edit.getByRole("button", { name: "Cancel" }).click();

  // The bank file holds the rows as values.
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("button", { name: "Export bank" }).click()]);
  const file = info.outputPath("bank.json");
  await download.saveAs(file);
  const bank = JSON.parse(await readFile(file, "utf8"));
  expect(bank.questions).toEqual([
    {
      id: expect.any(String),
      kind: "code",
      prompt: PROMPT,
      explanation: "Twice x is 2 * x.",
      entry: "double",
      starter: "def double(x):\n    pass\n",
      reference: "def double(x):\n    return 2 * x\n",
      rows: [
        { args: [3], expected: 6 },
        { args: [-0.5], expected: -1, label: "A negative number", group: "Edge cases" },
      ],
      asserts: [],
      tolerance: 0.000001,
    },
  ]);

  await closeAll(teacher);
});
