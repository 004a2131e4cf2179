/**
 * A recorded answer as a short text for the replay's table of answers by student.
 * @example
 * answerText({ kind: "choice", choices: [1] }, shown); // "B. Nothing: they are only read"
 */
import type { Answer, PublicQuestion } from "../../../lib/quiz/types";
import { choiceLabel } from "../quiz/dash-tally";

export function answerText(answer: Answer, shown: PublicQuestion): string {
  switch (answer.kind) {
    case "choice":
      return "choices" in shown ? answer.choices.map((i) => choiceLabel(shown.choices, i)).join("; ") : answer.choices.map((i) => String.fromCharCode(65 + i)).join(", ");
    case "number":
      return String(Math.round(answer.value * 1000) / 1000);
    case "text":
      return answer.text;
    case "line":
      return `Line ${answer.line + 1}`;
    case "blanks":
      return answer.values.join(" · ");
    case "order":
      return answer.order.map((i) => i + 1).join(", ");
    case "code":
      return `A program of ${answer.code.split("\n").length} lines`;
  }
}
