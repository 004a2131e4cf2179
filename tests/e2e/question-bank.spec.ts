/**
 * The teacher's own questions (SPEC feature 7 "Teachers can write their own questions and
 * reuse them"): a question of every kind written in the editor with a live preview, checked
 * with the question schema (problems by field), kept in this browser across a reload,
 * edited, launched, deleted, exported to a bank file and imported back; a bad file is
 * refused with the list of what is wrong, by path.
 */
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";

const LAPTOP = { width: 1280, height: 720 };

interface Written {
  kind: string;
  prompt: string;
  fill: (dialog: Locator) => Promise<void>;
  /** Something the preview shows once the fields are filled. */
  preview: string | RegExp;
}

const code = (dialog: Locator) => dialog.getByRole("textbox", { name: /^Code/ });

const QUESTIONS: Written[] = [
  {
    kind: "Multiple choice",
    prompt: "Which activation keeps negative sums at zero?",
    preview: "Softmax",
    fill: async (d) => {
      await d.getByLabel("Choice 1", { exact: true }).fill("ReLU");
      await d.getByLabel("Choice 2", { exact: true }).fill("Linear");
      await d.getByRole("button", { name: "Add choice" }).click();
      await d.getByLabel("Choice 3", { exact: true }).fill("Tanh");
      await d.getByRole("button", { name: "Add choice" }).click();
      await d.getByLabel("Choice 4", { exact: true }).fill("Softmax");
      await d.getByRole("button", { name: "Add choice" }).click();
      await d.getByRole("button", { name: "Remove choice 5" }).click();
      await d.getByRole("radio", { name: "Choice 1 is right" }).check();
    },
  },
  {
    kind: "Multiple choice",
    prompt: "Which of these are activations? Select all.",
    preview: "Select all that apply.",
    fill: async (d) => {
      await d.getByRole("switch", { name: "Select all that apply" }).click();
      await d.getByLabel("Choice 1", { exact: true }).fill("ReLU");
      await d.getByLabel("Choice 2", { exact: true }).fill("Bias");
      await d.getByRole("button", { name: "Add choice" }).click();
      await d.getByLabel("Choice 3", { exact: true }).fill("Sigmoid");
      await d.getByRole("checkbox", { name: "Choice 1 is right" }).check();
      await d.getByRole("checkbox", { name: "Choice 3 is right" }).check();
    },
  },
  {
    kind: "Numeric answer",
    prompt: "Weights [1, 1], inputs [0.5, 0.5], bias 0, ReLU: the output?",
    preview: "Students type a number.",
    fill: async (d) => {
      await d.getByLabel("Answer", { exact: true }).fill("1");
      await d.getByLabel("Tolerance", { exact: true }).fill("0,05");
    },
  },
  {
    kind: "What does this code print?",
    prompt: "What does this print?",
    preview: "print(max(0, -2))",
    fill: async (d) => {
      await code(d).fill("print(max(0, -2))");
      await d.getByLabel("Printed output", { exact: true }).fill("0");
      await d.getByRole("button", { name: "Accept another output" }).click();
      await d.getByLabel("Also accept 1", { exact: true }).fill("0.0");
    },
  },
  {
    kind: "Spot the bug",
    prompt: "Tap the line that breaks the neuron.",
    preview: "return max(1, raw)",
    fill: async (d) => {
      await code(d).fill("def neuron(x, w, b):\n    raw = sum(a * c for a, c in zip(w, x)) + b\n    return max(1, raw)");
      await d.getByRole("combobox", { name: "Line with the bug" }).selectOption({ label: "3: return max(1, raw)" });
    },
  },
  {
    kind: "Fill in the blanks",
    prompt: "Complete the weighted sum.",
    preview: "zip(weights, inputs)",
    fill: async (d) => {
      await code(d).fill("raw = sum(w ___ x for w, x in zip(weights, inputs)) + ___");
      await d.getByRole("textbox", { name: /^Answers for blank 1/ }).fill("*");
      await d.getByRole("textbox", { name: /^Answers for blank 2/ }).fill("bias\nb");
    },
  },
  {
    kind: "Put the lines in order",
    prompt: "Order the steps of one neuron.",
    preview: "out = relu(raw)",
    fill: async (d) => {
      await d.getByRole("textbox", { name: /^Lines, in the right order/ }).fill("raw = w1*x1 + w2*x2  # 1.\nraw = raw + bias  # 2.\nout = relu(raw)  # 3.");
    },
  },
  {
    kind: "Poll (no right answer)",
    prompt: "Ready for the next section?",
    preview: "Not yet",
    fill: async (d) => {
      await d.getByLabel("Choice 1", { exact: true }).fill("Yes");
      await d.getByLabel("Choice 2", { exact: true }).fill("Not yet");
    },
  },
  {
    kind: "Own numbers for every student",
    prompt: "Find the bias that makes your neuron hit the target.",
    preview: /types the bias/,
    fill: async (d) => {
      await d.getByRole("combobox", { name: /^Numbers/ }).selectOption({ label: "Find the bias that hits a target" });
      await d.getByRole("textbox", { name: /^Tolerance/ }).fill("0.02");
    },
  },
];

async function openMine(teacher: Page): Promise<Locator> {
  await teacher.getByRole("button", { name: "My questions" }).click();
  return teacher.getByRole("list", { name: "My questions" });
}

test("the teacher writes a question of every kind with a preview, keeps them across a reload, edits, launches and deletes one", async ({ browser }, info) => {
  test.setTimeout(90_000);
  const { teacher } = await hostClass(browser);
  await teacher.setViewportSize(LAPTOP);
  await teacher.getByRole("button", { name: "My questions" }).click();
  await expect(teacher.getByText("No questions of your own yet.")).toBeVisible();

  // A question with problems is not saved: they are listed by field, in words.
  await teacher.getByRole("button", { name: "New question" }).click();
  const dialog = teacher.getByRole("dialog", { name: "New question" });
  await dialog.getByRole("button", { name: "Save question" }).click();
  const problems = dialog.getByRole("list", { name: "Problems" });
  await expect(problems).toContainText("Question (prompt): must not be empty");
  await expect(problems).toContainText("Choice 1 (choices[0]): must not be empty");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);

  for (const [i, q] of QUESTIONS.entries()) {
    await teacher.getByRole("button", { name: "New question" }).click();
    await dialog.getByLabel("Kind").selectOption({ label: q.kind });
    await dialog.getByLabel("Question", { exact: true }).fill(q.prompt);
    await q.fill(dialog);
    await dialog.getByRole("textbox", { name: /^Explanation/ }).fill(`Explained ${i + 1}.`);
    const preview = dialog.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("group", { name: "Preview of the question" })).toHaveText(q.prompt);
    await expect(preview).toContainText(q.preview);
    if (i === 4) {
      await teacher.screenshot({ path: info.outputPath("bank-editor-1280x720.png") });
      expect(await seriousViolations(teacher)).toEqual([]);
    }
    await dialog.getByRole("button", { name: "Save question" }).click();
    await expect(dialog).toHaveCount(0);
  }
  const mine = teacher.getByRole("list", { name: "My questions" });
  await expect(mine.getByRole("listitem")).toHaveCount(QUESTIONS.length);
  // The list shows prompts, never answers (the dashboard may be on the projector).
  expect(await mine.innerText()).not.toMatch(/Explained|return max\(1, raw\)/);

  await teacher.reload();
  const again = await openMine(teacher);
  await expect(again.getByRole("listitem")).toHaveText(QUESTIONS.map((q) => new RegExp(escape(q.prompt))));
  await teacher.screenshot({ path: info.outputPath("my-questions-1280x720.png") });
  expect(await seriousViolations(teacher)).toEqual([]);

  // Edit: the fields come back as saved.
  await again.getByRole("listitem", { name: QUESTIONS[2]!.prompt }).getByRole("button", { name: "Edit" }).click();
  const edit = teacher.getByRole("dialog", { name: "Edit question" });
  await expect(edit.getByLabel("Tolerance", { exact: true })).toHaveValue("0.05");
  await edit.getByLabel("Question", { exact: true }).fill("Weights [1, 1], inputs [0.5, 0.5], bias 0.5, ReLU: the output?");
  await edit.getByLabel("Answer", { exact: true }).fill("1.5");
  await edit.getByRole("button", { name: "Save question" }).click();
  await expect(again.getByRole("listitem").nth(2)).toContainText("bias 0.5");

  // Launch from the bank.
  await again.getByRole("listitem", { name: QUESTIONS[6]!.prompt }).getByRole("button", { name: "Launch" }).click();
  await expect(teacher.getByRole("group", { name: "Question", exact: true })).toHaveText(QUESTIONS[6]!.prompt);
  await expect(teacher.getByLabel("Answers", { exact: true })).toHaveText("0 of 0 answered");
  expect(await teacher.locator("main").innerText()).not.toContain("# 1.");

  // Delete asks first.
  const poll = again.getByRole("listitem", { name: QUESTIONS[7]!.prompt });
  await poll.getByRole("button", { name: "Delete" }).click();
  await poll.getByRole("button", { name: "Delete" }).click();
  await expect(again.getByRole("listitem")).toHaveCount(QUESTIONS.length - 1);

  await closeAll(teacher);
});

test("the bank goes out as a file and comes back in another browser; a bad file lists what is wrong by path", async ({ browser }, info) => {
  const { teacher } = await hostClass(browser);
  const mine = await openMine(teacher);
  for (const q of QUESTIONS.slice(0, 3)) {
    await teacher.getByRole("button", { name: "New question" }).click();
    const dialog = teacher.getByRole("dialog", { name: "New question" });
    await dialog.getByLabel("Kind").selectOption({ label: q.kind });
    await dialog.getByLabel("Question", { exact: true }).fill(q.prompt);
    await q.fill(dialog);
    await dialog.getByRole("button", { name: "Save question" }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(mine.getByRole("listitem")).toHaveCount(3);

  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("button", { name: "Export bank" }).click()]);
  expect(download.suggestedFilename()).toBe("synapse-questions.json");
  const file = info.outputPath("bank.json");
  await download.saveAs(file);
  const bank = JSON.parse(await readFile(file, "utf8"));
  expect(bank.format).toBe("synapse-question-bank");
  expect(bank.version).toBe(1);
  expect(bank.questions.map((q: { prompt: string }) => q.prompt)).toEqual(QUESTIONS.slice(0, 3).map((q) => q.prompt));
  expect(bank.questions[0]).toMatchObject({ kind: "choice", choices: ["ReLU", "Linear", "Tanh", "Softmax"], correct: [0], multiple: false });
  expect(bank.questions[2]).toMatchObject({ kind: "numeric", answer: 1, tolerance: 0.05 });

  // Another browser (an empty bank) imports the file.
  const other = await hostClass(browser);
  const theirs = await openMine(other.teacher);
  const [chooser] = await Promise.all([other.teacher.waitForEvent("filechooser"), other.teacher.getByRole("button", { name: "Import bank" }).click()]);
  await chooser.setFiles(file);
  await expect(theirs.getByRole("listitem")).toHaveText(QUESTIONS.slice(0, 3).map((q) => new RegExp(escape(q.prompt))));
  await expect(other.teacher.getByText("Imported 3 questions.")).toBeVisible();

  // A bad file: nothing imported, every problem named by its path in the file.
  const bad = {
    format: "synapse-question-bank",
    version: 1,
    questions: [
      { id: "a", kind: "choice", prompt: "", choices: ["x", "y"], correct: [3] },
      { id: "b", kind: "riddle", prompt: "?" },
      { id: "c", kind: "numeric", prompt: "n", answer: "one" },
    ],
  };
  await other.teacher.getByLabel("Bank file to import").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  const listed = other.teacher.getByRole("list", { name: "Problems in the file" });
  await expect(listed.getByRole("listitem")).toHaveText([
    "questions[0].prompt: must not be empty",
    "questions[0].correct[0]: there is no choice 4",
    /^questions\[1\]\.kind: kind must be one of/,
    "questions[2].answer: expected a number",
  ]);
  await expect(theirs.getByRole("listitem")).toHaveCount(3);
  await other.teacher.screenshot({ path: info.outputPath("bank-import-problems-1920x1080.png") });
  expect(await seriousViolations(other.teacher)).toEqual([]);

  await closeAll(teacher, other.teacher);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
