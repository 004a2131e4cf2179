/**
 * The lesson's Python examples as "Try it live" shows them: run by the machine's own Python
 * (`python3`, independent of the browser's Pyodide), each prints exactly the lines the lesson
 * says it prints, so the restored indentation is the lesson's.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PYTHON_EXAMPLES } from "../../lib/lesson/examples";

describe("the lesson's Python examples", () => {
  it("are the lesson's three, in its order", () => {
    expect(PYTHON_EXAMPLES.map((e) => e.id)).toEqual(["neuron", "layers", "forward-pass"]);
  });

  for (const example of PYTHON_EXAMPLES) {
    it(`"${example.title}" prints what the lesson prints, run by python3`, () => {
      const printed = execFileSync("python3", ["-c", example.code], { encoding: "utf8" });
      expect(printed).toBe(example.prints.map((line) => `${line}\n`).join(""));
    });
  }

  it("prints the lesson's numbers", () => {
    expect(PYTHON_EXAMPLES.flatMap((e) => e.prints)).toEqual([
      "Neuron output: 1.400",
      "Layer 1: [0.9, 0.86, 0.02]",
      "Layer 2: [1.074, 0]",
      "Class A: 60.1%",
      "Class B: 39.9%",
      "Prediction: A",
    ]);
  });
});
