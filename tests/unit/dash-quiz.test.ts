/**
 * The dashboard's and projector's quiz helpers: what a distribution may show before and after
 * the reveal, the key in words, the leaderboard rows, and the bank editor's and bank file's
 * checks, problems named by path.
 */
import { describe, expect, it } from "vitest";
import { LESSON_QUIZ, STARTER_QUESTIONS } from "../../lib/lesson/quiz";
import { publicQuestion, revealedKey } from "../../lib/quiz/public";
import type { Question } from "../../lib/quiz/types";
import type { QuestionRun, RecordedAnswer } from "../../lib/session/domains/quiz/state";
import { summarise } from "../../lib/session/domains/quiz/fold";
import { candidateOf, checkDraft, draftOf, emptyDraft, fieldWords, previewOf } from "../../app/components/quiz/bank-draft";
import { bankFileText, loadBank, mergeQuestions, readBankFile, storeBank, BANK_STORAGE_KEY } from "../../app/components/quiz/bank-store";
import { clock, distribution, keyLines, leaderRows, secondsLeft, shareCorrect, spread } from "../../app/components/quiz/dash-tally";

const byId = (id: string) => [...LESSON_QUIZ, ...STARTER_QUESTIONS].find((q) => q.id === id)!;

function recorded(answer: RecordedAnswer["answer"], correct: boolean | null): RecordedAnswer {
  return { answer, correct, points: correct ? 1000 : 0, elapsedMs: 1000, at: 0 };
}

function runOf(question: Question, status: QuestionRun["status"], answers: Record<string, RecordedAnswer>): Pick<QuestionRun, "status" | "shown" | "answered" | "key" | "summary"> {
  const revealed = status === "revealed";
  return {
    status,
    shown: publicQuestion(question, null),
    answered: Object.keys(answers).length,
    key: revealed ? revealedKey(question) : null,
    summary: revealed ? summarise(question, answers) : null,
  };
}

describe("distribution", () => {
  const choice = byId("lesson-forward-weights");
  const answers = { a: recorded({ kind: "choice", choices: [0] }, true), b: recorded({ kind: "choice", choices: [1] }, false), c: recorded({ kind: "choice", choices: [0] }, true) };

  it("shows nothing of a graded question before the reveal, even to the teacher", () => {
    expect(distribution(runOf(choice, "open", answers), answers)).toEqual([]);
    expect(distribution(runOf(choice, "closed", answers), answers)).toEqual([]);
  });

  it("shows a poll's raw choices while it is open, from the teacher's answers only", () => {
    const poll = byId("poll-confidence");
    const pollAnswers = { a: recorded({ kind: "choice", choices: [2] }, null), b: recorded({ kind: "choice", choices: [2] }, null) };
    const bars = distribution(runOf(poll, "open", pollAnswers), pollAnswers);
    expect(bars.map((b) => [b.label, b.count, b.correct])).toEqual([
      ["A. Very sure", 0, null],
      ["B. Fairly sure", 0, null],
      ["C. Not yet", 2, null],
    ]);
    expect(distribution(runOf(poll, "open", pollAnswers), null)).toEqual([]);
  });

  it("after the reveal, counts each choice and marks the right one", () => {
    const bars = distribution(runOf(choice, "revealed", answers), null);
    expect(bars.map((b) => [b.count, b.correct])).toEqual([
      [2, true],
      [1, false],
      [0, false],
      [0, false],
    ]);
  });

  it("counts the lines picked for a bug question when the teacher has the answers, else right and not right", () => {
    const bug = byId("lesson-spot-bug");
    const picks = { a: recorded({ kind: "line", line: 4 }, true), b: recorded({ kind: "line", line: 2 }, false) };
    const bars = distribution(runOf(bug, "revealed", picks), picks);
    expect(bars.map((b) => [b.label.slice(0, 6), b.count, b.correct])).toEqual([
      ["Line 3", 1, false],
      ["Line 5", 1, true],
    ]);
    expect(distribution(runOf(bug, "revealed", picks), null).map((b) => [b.label, b.count])).toEqual([
      ["Right", 1],
      ["Not right", 1],
    ]);
  });

  it("spreads numbers, most given first, marked by the tolerance", () => {
    expect(spread([0, 0, 0.5, 0.004], { answer: 0, tolerance: 0.01 })).toEqual([
      { label: "0", count: 2, correct: true },
      { label: "0.004", count: 1, correct: true },
      { label: "0.5", count: 1, correct: false },
    ]);
    const many = spread([1, 2, 3, 4, 5, 6, 7, 8], null);
    expect(many).toHaveLength(7);
    expect(many[6]).toEqual({ label: "Other (2 values)", count: 2, correct: null });
  });
});

describe("the key in words", () => {
  it("names the right choice, the buggy line, the blanks and the order", () => {
    const choice = byId("lesson-forward-weights");
    expect(keyLines(revealedKey(choice), publicQuestion(choice, null))).toEqual(["A. Nothing: they are only read"]);
    const bug = byId("lesson-spot-bug");
    expect(keyLines(revealedKey(bug), publicQuestion(bug, null))).toEqual(["Line 5: raw = sum(w + x for w, x in zip(weights, inputs)) + bias"]);
    const blanks = byId("lesson-fill-activations");
    expect(keyLines(revealedKey(blanks), publicQuestion(blanks, null))).toEqual(["Blank 1: 0 or 0.0", "Blank 2: -x or -1*x or -1.0*x"]);
    const order = byId("lesson-forward-order");
    expect(keyLines(revealedKey(order), publicQuestion(order, null))[0]).toBe("1. inputs = [0.9, 0.4]");
    const numeric = byId("lesson-relu-neuron");
    expect(keyLines(revealedKey(numeric), publicQuestion(numeric, null))).toEqual(["0 (± 0.01)"]);
  });

  it("writes shares, clocks and the time left", () => {
    expect(shareCorrect(7, 10)).toBe("7 of 10 correct (70 %)");
    expect(shareCorrect(0, 0)).toBe("Nobody answered");
    expect(clock(65)).toBe("1:05");
    expect(secondsLeft({ status: "open", closesAt: 31_000 }, 10_500)).toBe(21);
    expect(secondsLeft({ status: "closed", closesAt: 31_000 }, 10_500)).toBeNull();
    expect(secondsLeft({ status: "open", closesAt: null }, 0)).toBeNull();
  });
});

describe("leaderRows", () => {
  const students = {
    a: { id: "a", nickname: "Ada", removed: false, joinIndex: 1 },
    b: { id: "b", nickname: "Ben", removed: false, joinIndex: 2 },
    c: { id: "c", nickname: "Cy", removed: true, joinIndex: 3 },
    d: { id: "d", nickname: "Dee", removed: false, joinIndex: 4 },
  };
  const scores = { a: { points: 900 }, b: { points: 1200 }, c: { points: 5000 }, d: { points: 900 } };

  it("ranks by points, ties share a rank in joining order, removed students left out", () => {
    expect(leaderRows(scores, students, false).map((r) => [r.rank, r.name, r.points])).toEqual([
      [1, "Ben", 1200],
      [2, "Ada", 900],
      [2, "Dee", 900],
    ]);
  });

  it("numbers students instead of naming them while names are hidden, and cuts to the limit", () => {
    expect(leaderRows(scores, students, true, 2).map((r) => r.name)).toEqual(["Student 2", "Student 1"]);
    const blank = { ...students, a: { ...students.a, nickname: "" } };
    expect(leaderRows(scores, blank, false).map((r) => r.name)).toContain("Student 1");
  });
});

describe("the bank editor's draft", () => {
  it("round-trips every lesson and starter question through the editor's fields", () => {
    for (const q of [...LESSON_QUIZ, ...STARTER_QUESTIONS]) {
      const checked = checkDraft(draftOf(q));
      expect(checked.ok ? checked.question : checked.problems).toEqual(q);
    }
  });

  it("names what is wrong by field, in words", () => {
    const d = { ...emptyDraft("x"), choices: ["Yes", ""], correct: [] };
    const checked = checkDraft(d);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toContainEqual({ field: "Question", path: "prompt", message: "must not be empty" });
    expect(checked.problems).toContainEqual({ field: "Choice 2", path: "choices[1]", message: "must not be empty" });
    expect(checked.problems.map((p) => p.field)).toContain("Correct choices");
  });

  it("reads typed numbers with a decimal comma and asks for a number when there is none", () => {
    const d = { ...emptyDraft("n"), kind: "numeric" as const, prompt: "Output?", answer: "0,5", tolerance: "" };
    expect(candidateOf(d)).toMatchObject({ answer: 0.5 });
    const checked = checkDraft(d);
    expect(checked.ok ? [] : checked.problems).toEqual([{ field: "Tolerance", path: "tolerance", message: "type a number" }]);
  });

  it("asks for the buggy line and for each blank's answers", () => {
    const bug = checkDraft({ ...emptyDraft("b"), kind: "bug", prompt: "Which line?", code: "a = 1\nb = a +* 2" });
    expect(bug.ok ? [] : bug.problems).toEqual([{ field: "Line with the bug", path: "line", message: "pick the line with the bug" }]);
    const blanks = checkDraft({ ...emptyDraft("k"), kind: "blanks", prompt: "Fill", code: "max(___, x)", blankAnswers: [""] });
    expect(blanks.ok ? [] : blanks.problems).toEqual([{ field: "Blank 1", path: "blanks[0]", message: "give at least one accepted answer" }]);
  });

  it("previews as the phone shows it, even before it is valid", () => {
    const p = previewOf({ ...emptyDraft("o"), kind: "order", prompt: "", lines: "a = 1  # 1.\nb = 2  # 2.\n" });
    expect(p).toEqual({ id: "o", kind: "order", prompt: "(Write the question)", lines: ["a = 1", "b = 2"] });
    expect(fieldWords(["blanks", 0, 2])).toBe("Blank 1, answer 3");
  });
});

describe("the bank file and the browser's copy", () => {
  it("exports and imports the same questions", () => {
    const text = bankFileText(LESSON_QUIZ);
    expect(readBankFile(text)).toEqual({ ok: true, questions: LESSON_QUIZ });
  });

  it("lists a bad file's problems by path, in words", () => {
    const bad = JSON.stringify({
      format: "synapse-question-bank",
      version: 1,
      questions: [{ id: "a", kind: "choice", prompt: "", choices: ["x", "y"], correct: [3] }, { id: "b", kind: "riddle", prompt: "?" }],
    });
    const result = readBankFile(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: "questions[0].prompt", message: "must not be empty" });
    expect(result.problems).toContainEqual({ path: "questions[0].correct[0]", message: "there is no choice 4" });
    expect(result.problems.find((p) => p.path === "questions[1].kind")?.message).toMatch(/^kind must be one of/);
    expect(readBankFile("{oops")).toMatchObject({ ok: false, problems: [{ path: "(file)" }] });
    expect(readBankFile(JSON.stringify({ format: "other", version: 1, questions: [] }))).toEqual({
      ok: false,
      problems: [{ path: "format", message: 'must be "synapse-question-bank"' }],
    });
  });

  it("keeps the bank in storage, dropping only the questions that no longer validate", () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(storeBank(storage, LESSON_QUIZ.slice(0, 2))).toBe(true);
    expect(loadBank(storage)).toEqual(LESSON_QUIZ.slice(0, 2));
    const stored = JSON.parse(data.get(BANK_STORAGE_KEY)!);
    stored.questions[0].prompt = "";
    data.set(BANK_STORAGE_KEY, JSON.stringify(stored));
    expect(loadBank(storage)).toEqual([LESSON_QUIZ[1]]);
    expect(loadBank({ getItem: () => "not json", setItem: () => {} })).toEqual([]);
  });

  it("merges an import: same id replaced in place, new ones at the end", () => {
    const [a, b, c] = LESSON_QUIZ;
    const b2 = { ...b!, prompt: "changed" } as Question;
    expect(mergeQuestions([a!, b!], [b2, c!])).toEqual([a, b2, c]);
  });
});
