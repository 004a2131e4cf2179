import { describe, expect, it } from "vitest";
import type { PublicQuestion } from "../../lib/quiz/types";
import { MAX_ANSWER_CODE } from "../../lib/quiz/schema";
import {
  answerFromDraft,
  answerShape,
  clockText,
  draftFits,
  draftFromAnswer,
  emptyDraft,
  KIND_TEXT,
  keyLines,
  MAX_CODE_CHARS,
  moveItem,
  ordinal,
  toggleChoice,
} from "../../app/components/student/quiz-answer";

const order: PublicQuestion = { id: "o", kind: "order", prompt: "p", lines: ["c", "a", "b"] };
const blanks: PublicQuestion = { id: "b", kind: "blanks", prompt: "p", code: "max(___, x)\nexp(___)", blanks: 2 };
const multi: PublicQuestion = { id: "m", kind: "choice", prompt: "p", choices: ["a", "b", "c"], multiple: true };

describe("the phone's quiz answers", () => {
  it("takes the answer shape the server grades", () => {
    expect(answerShape({ id: "n", kind: "numeric", prompt: "p", tolerance: 0.01 }, null)).toBe("number");
    expect(answerShape({ id: "p", kind: "parametric", prompt: "p", template: "which-activation", tolerance: 0.001 }, null)).toBe("choice");
    expect(answerShape({ id: "p", kind: "parametric", prompt: "p", template: "fire-bias", tolerance: 0.01 }, null)).toBe("number");
    expect(answerShape(order, null)).toBe("order");
  });

  it("starts an ordering question in the order shown and blanks empty", () => {
    expect(emptyDraft(order, "order")).toEqual({ kind: "order", order: [0, 1, 2] });
    expect(emptyDraft(blanks, "blanks")).toEqual({ kind: "blanks", values: ["", ""] });
  });

  it("reads typed numbers with a decimal comma and a real minus, and says what is missing", () => {
    expect(answerFromDraft({ kind: "text", text: " \u22120,5 " }, "number")).toEqual({ answer: { kind: "number", value: -0.5 } });
    expect(answerFromDraft({ kind: "text", text: "abc" }, "number")).toEqual({ problem: '"abc" is not a number. Type one such as -1,5 or 0.75.' });
    expect(answerFromDraft({ kind: "text", text: "  " }, "text")).toEqual({ problem: "Type your answer first." });
    expect(answerFromDraft({ kind: "blanks", values: ["0", " "] }, "blanks")).toEqual({ problem: "Fill in blank 2 first." });
    expect(answerFromDraft({ kind: "blanks", values: [" 0 ", "-x"] }, "blanks")).toEqual({ answer: { kind: "blanks", values: ["0", "-x"] } });
    expect(answerFromDraft({ kind: "line", line: null }, "line")).toEqual({ problem: "Tap the line with the bug first." });
    expect(answerFromDraft({ kind: "choice", choices: [] }, "choice")).toEqual({ problem: "Pick an answer first." });
  });

  it("keeps printed text as typed (the server compares it)", () => {
    expect(answerFromDraft({ kind: "text", text: "Neuron output: 0.0\n" }, "text")).toEqual({ answer: { kind: "text", text: "Neuron output: 0.0\n" } });
  });

  it("toggles choices only for select-all questions", () => {
    expect(toggleChoice([0, 2], 2, true)).toEqual([0]);
    expect(toggleChoice([2], 0, true)).toEqual([0, 2]);
    expect(toggleChoice([2], 0, false)).toEqual([0]);
  });

  it("moves a line up, down and to any place", () => {
    expect(moveItem([0, 1, 2, 3], 3, 1)).toEqual([0, 3, 1, 2]);
    expect(moveItem([0, 1, 2, 3], 0, 1)).toEqual([1, 0, 2, 3]);
    expect(moveItem([0, 1, 2], 2, 9)).toEqual([0, 1, 2]);
  });

  it("keeps a stored draft only when it fits the question", () => {
    expect(draftFits({ kind: "order", order: [2, 0, 1] }, order, "order")).toBe(true);
    expect(draftFits({ kind: "order", order: [0, 0, 1] }, order, "order")).toBe(false);
    expect(draftFits({ kind: "choice", choices: [5] }, multi, "choice")).toBe(false);
    expect(draftFits({ kind: "text", text: "1" }, multi, "choice")).toBe(false);
    expect(draftFits(draftFromAnswer({ kind: "number", value: -0.5 }), { id: "n", kind: "numeric", prompt: "p", tolerance: 0.01 }, "number")).toBe(true);
  });

  it("writes the revealed key for people", () => {
    expect(keyLines({ kind: "numeric", answer: 0, tolerance: 0.01 }, { id: "n", kind: "numeric", prompt: "p", tolerance: 0.01 }, null)).toEqual(["0 (within ±0.01)"]);
    expect(keyLines({ kind: "choice", correct: [0, 2] }, multi, null)).toEqual(["a", "c"]);
    expect(keyLines({ kind: "bug", line: 1 }, { id: "b", kind: "bug", prompt: "p", code: "a\n    b = 1" }, null)).toEqual(["Line 2: b = 1"]);
    expect(keyLines({ kind: "blanks", blanks: [["0", "0.0"], ["-x"]] }, blanks, null)).toEqual(["Blank 1: 0 or 0.0", "Blank 2: -x"]);
    expect(keyLines({ kind: "parametric", tolerance: 0.01 }, multi, "1.25")).toEqual(["1.25"]);
  });

  it("writes ranks and time left", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]);
    expect(clockText(65_400)).toBe("1:06");
    expect(clockText(-5)).toBe("0:00");
  });

  it("starts a program from the starter code, keeps it as typed, and says when it is empty or too long", () => {
    const code: PublicQuestion = { id: "c", kind: "code", prompt: "p", starter: "def predict(inputs, threshold):\n    pass\n", entry: "predict", tests: 14 };
    expect(answerShape(code, null)).toBe("code");
    expect(KIND_TEXT.code).toBe("Write the code");
    expect(emptyDraft(code, "code")).toEqual({ kind: "code", code: "def predict(inputs, threshold):\n    pass" });
    expect(answerFromDraft({ kind: "code", code: "  def f():\n\treturn 1  " }, "code")).toEqual({ answer: { kind: "code", code: "  def f():\n\treturn 1  " } });
    expect(answerFromDraft({ kind: "code", code: " \n " }, "code")).toEqual({ problem: "Write your function first." });
    expect(answerFromDraft({ kind: "code", code: "x".repeat(MAX_CODE_CHARS + 1) }, "code")).toEqual({ problem: "Your code is too long: at most 8000 characters." });
    expect(draftFromAnswer({ kind: "code", code: "print(1)" })).toEqual({ kind: "code", code: "print(1)" });
    expect(draftFits({ kind: "code", code: "print(1)" }, code, "code")).toBe(true);
    expect(draftFits({ kind: "code", code: 3 }, code, "code")).toBe(false);
    expect(draftFits({ kind: "text", text: "print(1)" }, code, "code")).toBe(false);
    expect(keyLines({ kind: "code", reference: "def predict(): ...", tests: [] }, code, null)).toEqual([]);
  });

  it("takes programs as long as the server does", () => {
    expect(MAX_CODE_CHARS).toBe(MAX_ANSWER_CODE);
  });
});
