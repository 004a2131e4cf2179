/**
 * Grading of every question kind with the lesson's own answers. Every expected value is typed
 * here from the lesson text (/work/shared/seed, the "Neural Networks & Deep Learning" lesson) or
 * computed by hand in a comment, or printed by python3 running the lesson's listing: nothing
 * is computed by lib/quiz, which is what is being tested.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { LESSON_QUIZ, STARTER_QUESTIONS } from "../../lib/lesson/quiz";
import { answerProblem, grade } from "../../lib/quiz/grade";
import { seeded } from "../../lib/quiz/parametric";
import { publicQuestion, shuffleFor } from "../../lib/quiz/public";
import type { Answer, Question, QuestionOf } from "../../lib/quiz/types";

function lessonQuestion<K extends Question["kind"]>(id: string, kind: K): QuestionOf<K> {
  const q = [...LESSON_QUIZ, ...STARTER_QUESTIONS].find((x) => x.id === id);
  if (!q || q.kind !== kind) throw new Error(`no ${kind} question ${id} in the lesson's quiz`);
  return q as QuestionOf<K>;
}

const num = (value: number): Answer => ({ kind: "number", value });
const text = (t: string): Answer => ({ kind: "text", text: t });

describe("numeric: the lesson's ReLU neuron", () => {
  // Lesson: "A neuron receives inputs [0.5, 1.0] with weights [2.0, −1.5] and a bias of 0.5. It uses ReLU."
  // By hand: 0.5 × 2.0 + 1.0 × (−1.5) + 0.5 = 1.0 − 1.5 + 0.5 = 0, and relu(0) = max(0, 0) = 0.
  const q = lessonQuestion("lesson-relu-neuron", "numeric");

  it("accepts 0, and a number within the stated tolerance of 0.01", () => {
    expect(q.tolerance).toBe(0.01);
    expect(grade(q, num(0))).toBe(true);
    expect(grade(q, num(0.004))).toBe(true);
    expect(grade(q, num(-0.01))).toBe(true);
    expect(grade(q, num(0.01))).toBe(true);
  });

  it("refuses numbers beyond the tolerance, including the usual slips", () => {
    expect(grade(q, num(0.011))).toBe(false);
    expect(grade(q, num(0.02))).toBe(false);
    // Forgetting the bias: 1.0 − 1.5 = −0.5.
    expect(grade(q, num(-0.5))).toBe(false);
    // Adding instead of multiplying: (0.5 + 2.0) + (1.0 − 1.5) + 0.5 = 2.5.
    expect(grade(q, num(2.5))).toBe(false);
    expect(grade(q, num(1))).toBe(false);
  });
});

describe("output: what the lesson's program prints", () => {
  const q = lessonQuestion("lesson-what-prints", "output");
  // The lesson's listing, as the lesson prints it (inputs [1.0, 2.0], weights [0.5, −1.0], bias 1.5).
  const LESSON_PROGRAM = [
    "def relu(x): return max(0, x)",
    "def neuron(inputs, weights, bias):",
    "    raw = sum(w * x for w, x in zip(weights, inputs)) + bias",
    "    return relu(raw)",
    "output = neuron(",
    "    inputs=[1.0, 2.0],",
    "    weights=[0.5, -1.0],",
    "    bias=1.5",
    ")",
    'print(f"Neuron output: {output:.1f}")',
  ].join("\n");

  it("asks about the lesson's program", () => {
    const lines = (code: string) => code.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    expect(lines(q.code)).toEqual(lines(LESSON_PROGRAM));
  });

  it("accepts exactly what python3 prints for it: Neuron output: 0.0", () => {
    // By hand: 1.0 × 0.5 + 2.0 × (−1.0) + 1.5 = 0.5 − 2.0 + 1.5 = 0; relu gives 0; :.1f gives "0.0".
    const printed = execFileSync("python3", ["-c", LESSON_PROGRAM], { encoding: "utf8" });
    expect(printed).toBe("Neuron output: 0.0\n");
    expect(grade(q, text(printed))).toBe(true);
    expect(grade(q, text("Neuron output: 0.0"))).toBe(true);
  });

  it("ignores spaces at the ends of the line and blank lines around it", () => {
    for (const variant of ["  Neuron output: 0.0  ", "\n\nNeuron output: 0.0\n\n", "\tNeuron output: 0.0\r\n", " \n Neuron output: 0.0 \n "]) {
      expect(grade(q, text(variant)), JSON.stringify(variant)).toBe(true);
    }
  });

  it("refuses a different letter case, number or punctuation", () => {
    // Python prints the f-string character for character: a capital N, a colon, one decimal
    // (:.1f). "neuron output: 0.0" is not what the program prints, so it is not its output;
    // the question's explanation tells students that letters, punctuation and the number count.
    for (const wrong of ["neuron output: 0.0", "NEURON OUTPUT: 0.0", "Neuron output: 0", "Neuron output: 0.00", "Neuron output 0.0", "0.0", "Neuron output: -1.5"]) {
      expect(grade(q, text(wrong)), wrong).toBe(false);
    }
  });
});

describe("bug: the line that adds instead of multiplying", () => {
  const q = lessonQuestion("lesson-spot-bug", "bug");
  // The lesson's buggy line, typed from the lesson.
  const BUGGY = "raw = sum(w + x for w, x in zip(weights, inputs)) + bias";
  const lines = q.code.split("\n");
  const buggyLine = lines.findIndex((l) => l.trim() === BUGGY);

  it("has the lesson's buggy line in its listing, once", () => {
    expect(buggyLine).toBeGreaterThanOrEqual(0);
    expect(lines.filter((l) => l.trim() === BUGGY)).toHaveLength(1);
  });

  it("accepts a tap on that line and no other", () => {
    expect(grade(q, { kind: "line", line: buggyLine })).toBe(true);
    const others = lines.map((_, i) => i).filter((i) => i !== buggyLine);
    expect(others.length).toBeGreaterThan(3);
    for (const i of others) expect(grade(q, { kind: "line", line: i }), `line ${i}: ${lines[i]}`).toBe(false);
  });
});

describe("blanks: ReLU's 0 and the sigmoid's -x", () => {
  const q = lessonQuestion("lesson-fill-activations", "blanks");
  const blanks = (...values: string[]): Answer => ({ kind: "blanks", values });

  it("has the lesson's two blanks: max(___, x) and math.exp(___)", () => {
    expect(q.code).toContain("max(___, x)");
    expect(q.code).toContain("math.exp(___)");
    expect(q.code.indexOf("max(___, x)")).toBeLessThan(q.code.indexOf("math.exp(___)"));
  });

  it("accepts 0 and -x, with spaces or brackets around the minus sign", () => {
    for (const [a, b] of [
      ["0", "-x"],
      ["0", "- x"],
      ["0", "(-x)"],
      [" 0 ", " -x "],
      ["0", "( - x )"],
    ]) {
      expect(grade(q, blanks(a!, b!)), `${a} / ${b}`).toBe(true);
    }
  });

  it("refuses x for -x (that sigmoid rises the wrong way), and anything but 0 for ReLU", () => {
    expect(grade(q, blanks("0", "x"))).toBe(false);
    expect(grade(q, blanks("0", "-y"))).toBe(false);
    expect(grade(q, blanks("1", "-x"))).toBe(false);
    expect(grade(q, blanks("x", "-x"))).toBe(false);
    expect(grade(q, blanks("-x", "0"))).toBe(false);
  });
});

describe("order: the forward pass through a shuffle", () => {
  const q = lessonQuestion("lesson-forward-order", "order");
  // The lines as the lesson prints them (scrambled), with their numbering comments.
  const AS_PRINTED = [
    "probs = softmax(raw_out) # 4. squash scores into probabilities",
    "h1 = [relu(sum(w*x for w,x in zip(row, inputs)) + b) for row, b in zip(W1, b1)] # 2. hidden layer, ReLU",
    "raw_out = [sum(w*x for w,x in zip(row, h1)) + b for row, b in zip(W2, b2)] # 3. output layer, raw scores",
    "inputs = [0.9, 0.4] # 1. raw input layer",
    "print('Prediction:', 'A' if probs[0] > probs[1] else 'B') # 5. pick the higher class",
  ];
  // The right order from the lesson's own numbers, and each line's code without its comment.
  const rightOrder = [...AS_PRINTED]
    .sort((a, b) => Number(/# (\d)\./.exec(a)![1]) - Number(/# (\d)\./.exec(b)![1]))
    .map((l) => l.slice(0, l.indexOf(" #")).trim());

  it("hides the numbers, and never shows the lines in the right order, over 2,000 shuffles", () => {
    const random = seeded(20240521);
    let shuffles = 0;
    for (let k = 0; k < 2_000; k++) {
      const shown = publicQuestion(q, shuffleFor(q.lines.length, random));
      if (shown.kind !== "order") throw new Error("not an ordering question");
      expect(shown.lines).toHaveLength(5);
      for (const line of shown.lines) expect(line).not.toMatch(/#\s*\d/);
      expect(shown.lines.map((l) => l.trim())).not.toEqual(rightOrder);
      expect([...shown.lines.map((l) => l.trim())].sort()).toEqual([...rightOrder].sort());
      shuffles++;
    }
    expect(shuffles).toBe(2_000);
  });

  it("grades the lesson's 1-2-3-4-5 right through any shuffle, and the shown order wrong", () => {
    const random = seeded(7);
    for (let k = 0; k < 500; k++) {
      const shuffle = shuffleFor(q.lines.length, random);
      const shown = publicQuestion(q, shuffle);
      if (shown.kind !== "order") throw new Error("not an ordering question");
      // The student sends the shown positions, first line first: found by the lines' text.
      const order = rightOrder.map((line) => shown.lines.findIndex((l) => l.trim() === line));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(grade(q, { kind: "order", order }, { shuffle })).toBe(true);
      expect(grade(q, { kind: "order", order: [0, 1, 2, 3, 4] }, { shuffle })).toBe(false);
      // Two neighbours swapped: the hidden layer before the inputs.
      const swapped = [order[1]!, order[0]!, ...order.slice(2)];
      expect(grade(q, { kind: "order", order: swapped }, { shuffle })).toBe(false);
    }
  });
});

describe("choice: one answer and select-all", () => {
  it("single: the forward pass only reads the weights", () => {
    // Lesson: "The forward pass only uses the weights the network already has. It doesn't update them."
    const q = lessonQuestion("lesson-forward-weights", "choice");
    const right = q.choices.findIndex((c) => /only read/.test(c));
    expect(right).toBeGreaterThanOrEqual(0);
    expect(grade(q, { kind: "choice", choices: [right] })).toBe(true);
    for (let i = 0; i < q.choices.length; i++) if (i !== right) expect(grade(q, { kind: "choice", choices: [i] })).toBe(false);
  });

  it("multiple: data, GPUs and training tricks, all three and nothing else", () => {
    // Lesson: "more data (the internet), more compute (GPUs …), and better tricks (ReLU, dropout, batch normalisation)".
    const q = lessonQuestion("lesson-why-2012", "choice");
    const find = (re: RegExp) => q.choices.findIndex((c) => re.test(c));
    const [data, gpus, tricks] = [find(/data/), find(/GPU/), find(/ReLU, dropout/)];
    const others = q.choices.map((_, i) => i).filter((i) => ![data, gpus, tricks].includes(i));
    expect(others).toHaveLength(2);
    const pick = (...choices: number[]): Answer => ({ kind: "choice", choices });
    expect(grade(q, pick(data, gpus, tricks))).toBe(true);
    expect(grade(q, pick(tricks, data, gpus))).toBe(true);
    // A partial selection is wrong, and so is one extra.
    expect(grade(q, pick(data, gpus))).toBe(false);
    expect(grade(q, pick(gpus))).toBe(false);
    expect(grade(q, pick(data, gpus, tricks, others[0]!))).toBe(false);
    expect(grade(q, pick(...others))).toBe(false);
  });
});

describe("poll", () => {
  it("has no right answer: every choice grades as null", () => {
    const q = lessonQuestion("poll-confidence", "poll");
    for (let i = 0; i < q.choices.length; i++) expect(grade(q, { kind: "choice", choices: [i] })).toBeNull();
  });
});

describe("answerProblem: an answer whose shape does not fit its question", () => {
  const numeric = lessonQuestion("lesson-relu-neuron", "numeric");
  const output = lessonQuestion("lesson-what-prints", "output");
  const bug = lessonQuestion("lesson-spot-bug", "bug");
  const blanks = lessonQuestion("lesson-fill-activations", "blanks");
  const order = lessonQuestion("lesson-forward-order", "order");
  const single = lessonQuestion("lesson-forward-weights", "choice");
  const multiple = lessonQuestion("lesson-why-2012", "choice");

  it("names the shape a question takes when another is sent", () => {
    expect(answerProblem(numeric, text("0"))).toBe("This question takes a number.");
    expect(answerProblem(output, num(0))).toBe("This question takes typed text.");
    expect(answerProblem(bug, { kind: "choice", choices: [0] })).toBe("This question takes a line of the listing.");
    expect(answerProblem(blanks, text("0"))).toBe("This question takes an answer for each blank.");
    expect(answerProblem(order, { kind: "line", line: 1 })).toBe("This question takes the lines in order.");
    expect(answerProblem(single, num(1))).toBe("This question takes a choice.");
  });

  it("refuses answers of the right kind that do not fit: out of range, repeated, missing parts", () => {
    expect(answerProblem(single, { kind: "choice", choices: [0, 1] })).toBe("Pick one choice.");
    expect(answerProblem(single, { kind: "choice", choices: [4] })).toBe("Pick from the choices shown.");
    expect(answerProblem(multiple, { kind: "choice", choices: [1, 1] })).toBe("Pick from the choices shown.");
    expect(answerProblem(bug, { kind: "line", line: bug.code.split("\n").length })).toBe("Tap one of the listing's lines.");
    expect(answerProblem(blanks, { kind: "blanks", values: ["0"] })).toBe("Fill in every blank.");
    expect(answerProblem(order, { kind: "order", order: [0, 1, 2, 3] })).toBe("Send every line once.");
    expect(answerProblem(order, { kind: "order", order: [0, 1, 2, 3, 3] })).toBe("Send every line once.");
    expect(answerProblem(order, { kind: "order", order: [0, 1, 2, 3, 5] })).toBe("Send every line once.");
    expect(answerProblem(output, text("   "))).toBe("Type what the program prints.");
  });

  it("lets every well-shaped answer through to grading, right or wrong", () => {
    expect(answerProblem(numeric, num(12))).toBeNull();
    expect(answerProblem(output, text("anything"))).toBeNull();
    expect(answerProblem(bug, { kind: "line", line: 0 })).toBeNull();
    expect(answerProblem(blanks, { kind: "blanks", values: ["1", "2"] })).toBeNull();
    expect(answerProblem(order, { kind: "order", order: [4, 3, 2, 1, 0] })).toBeNull();
    expect(answerProblem(multiple, { kind: "choice", choices: [3, 4] })).toBeNull();
  });
});
