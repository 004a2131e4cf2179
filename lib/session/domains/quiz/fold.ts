/** How the quiz events change the state (immutably). */
import { better } from "../../../quiz/code-judge";
import { ACTIVATION_CHOICES } from "../../../quiz/parametric";
import { revealedKey } from "../../../quiz/public";
import { NO_SCORE, type Score } from "../../../quiz/scoring";
import type { Question } from "../../../quiz/types";
import type { Folds } from "../../rule-types";
import type { SessionState } from "../../state";
import type { QuestionRun, RecordedAnswer, RunSummary } from "./state";

type QuizEventType =
  | "quiz.launched"
  | "quiz.drawn"
  | "quiz.answered"
  | "quiz.submitted"
  | "quiz.graded"
  | "quiz.tallied"
  | "quiz.closed"
  | "quiz.revealed"
  | "quiz.cleared"
  | "quiz.leaderboard"
  | "quiz.settings";

/** The state with the current run changed by `change`, if `runId` is the current run. */
function onRun(state: SessionState, runId: string, change: (run: QuestionRun) => Partial<QuestionRun>): SessionState {
  const run = state.quiz.run;
  if (!run || run.runId !== runId) return state;
  return { ...state, quiz: { ...state.quiz, run: { ...run, ...change(run) } } };
}

const MAX_VALUES = 500;

/** Students with an answer in, or a program waiting to be graded. */
function answeredCount(state: SessionState): number {
  const ids = new Set(Object.keys(state.quiz.answers));
  for (const id of Object.keys(state.quiz.grading)) ids.add(id);
  return ids.size;
}

/**
 * What the class answered, as the reveal shows it.
 * @example
 * summarise(question, answers).counts; // [12, 3, 0, 1]
 */
export function summarise(question: Question | null, answers: Readonly<Record<string, RecordedAnswer>>): RunSummary {
  const list = Object.values(answers);
  const width =
    question?.kind === "choice" || question?.kind === "poll"
      ? question.choices.length
      : question?.kind === "parametric"
        ? ACTIVATION_CHOICES.length
        : question?.kind === "code"
          ? question.rows.length + question.asserts.length
          : 0;
  const counts = new Array<number>(width).fill(0);
  const values: number[] = [];
  for (const { answer, tests } of list) {
    if (answer.kind === "choice") for (const c of answer.choices) if (c < width) counts[c]!++;
    if (tests) tests.forEach((passed, i) => passed && i < width && counts[i]!++);
    if (answer.kind === "number" && values.length < MAX_VALUES) values.push(answer.value);
  }
  const counted = question?.kind === "parametric" && counts.every((c) => c === 0) ? [] : counts;
  return { answered: list.length, correct: list.filter((a) => a.correct === true).length, counts: counted, values };
}

/** Adds a revealed question's answers to the scores; a graded question nobody... answered breaks a streak. */
function scored(state: SessionState, graded: boolean): Record<string, Score> {
  const scores = { ...state.quiz.scores };
  for (const [id, student] of Object.entries(state.students)) {
    if (student.removed && !Object.hasOwn(state.quiz.answers, id)) continue;
    const before = Object.hasOwn(scores, id) ? scores[id]! : NO_SCORE;
    const answer = Object.hasOwn(state.quiz.answers, id) ? state.quiz.answers[id]! : null;
    if (!graded) {
      if (answer) scores[id] = { ...before, answered: before.answered + 1 };
      continue;
    }
    const right = answer?.correct === true;
    scores[id] = {
      points: before.points + (answer?.points ?? 0),
      streak: right ? before.streak + 1 : 0,
      correct: before.correct + (right ? 1 : 0),
      answered: before.answered + (answer ? 1 : 0),
    };
  }
  return scores;
}

export const quizFolds: Folds<QuizEventType> = {
  "quiz.launched": (state, p) => ({
    ...state,
    quiz: {
      ...state.quiz,
      launched: p.number,
      leaderboard: false,
      answers: {},
      grading: {},
      graded: {},
      run: {
        runId: p.runId,
        number: p.number,
        status: "open",
        shown: p.shown,
        question: p.question,
        shuffle: p.shuffle,
        seed: p.seed,
        draws: p.draws,
        launchedAt: p.launchedAt,
        timeLimitSec: p.timeLimitSec,
        closesAt: p.closesAt,
        closedAt: null,
        allowChange: p.allowChange,
        answered: 0,
        key: null,
        explanation: null,
        summary: null,
      },
    },
  }),
  "quiz.drawn": (state, { runId, studentId, draw }) => onRun(state, runId, (run) => ({ draws: { ...run.draws, [studentId]: draw } })),
  "quiz.answered": (state, { runId, studentId, ...recorded }) => {
    if (state.quiz.run?.runId !== runId) return state;
    const answers = { ...state.quiz.answers, [studentId]: recorded };
    const next = { ...state, quiz: { ...state.quiz, answers } };
    return onRun(next, runId, () => ({ answered: answeredCount(next) }));
  },
  "quiz.submitted": (state, { runId, studentId, ...pending }) => {
    if (state.quiz.run?.runId !== runId) return state;
    const grading = { ...state.quiz.grading, [studentId]: { runId, ...pending } };
    const next = { ...state, quiz: { ...state.quiz, grading } };
    return onRun(next, runId, () => ({ answered: answeredCount(next) }));
  },
  "quiz.graded": (state, { runId, studentId, submissionId, grade, points, at }) => {
    const pending = Object.hasOwn(state.quiz.grading, studentId) ? state.quiz.grading[studentId]! : null;
    if (state.quiz.run?.runId !== runId || pending?.submissionId !== submissionId) return state;
    const { [studentId]: _done, ...grading } = state.quiz.grading;
    const graded = { ...state.quiz.graded, [studentId]: { submissionId, number: pending.number, grade } };
    const best = Object.hasOwn(state.quiz.answers, studentId) ? state.quiz.answers[studentId]! : null;
    const bestPassed = best?.tests ? { passed: best.tests.filter(Boolean).length } : null;
    const answers = better(grade, bestPassed)
      ? {
          ...state.quiz.answers,
          [studentId]: {
            answer: { kind: "code" as const, code: pending.code },
            correct: grade.status === "graded" && grade.passed === grade.total,
            points,
            elapsedMs: pending.elapsedMs,
            at,
            tests: grade.tests.map((t) => t.passed),
          },
        }
      : state.quiz.answers;
    return { ...state, quiz: { ...state.quiz, grading, graded, answers } };
  },
  "quiz.tallied": (state, { runId, answered }) => onRun(state, runId, () => ({ answered })),
  "quiz.closed": (state, { runId, at }) => onRun(state, runId, () => ({ status: "closed", closedAt: at })),
  "quiz.revealed": (state, { runId }) => {
    const run = state.quiz.run;
    if (!run || run.runId !== runId || run.status === "revealed") return state;
    const graded = run.question !== null && run.question.kind !== "poll";
    const scores = run.question ? scored(state, graded) : state.quiz.scores;
    return {
      ...state,
      quiz: {
        ...state.quiz,
        scores,
        run: {
          ...run,
          status: "revealed",
          key: run.question ? revealedKey(run.question) : null,
          explanation: run.question ? run.question.explanation : null,
          summary: summarise(run.question, state.quiz.answers),
        },
      },
    };
  },
  "quiz.cleared": (state, { runId }) =>
    state.quiz.run?.runId === runId ? { ...state, quiz: { ...state.quiz, run: null, answers: {}, grading: {}, graded: {} } } : state,
  "quiz.leaderboard": (state, { shown }) => ({ ...state, quiz: { ...state.quiz, leaderboard: shown } }),
  "quiz.settings": (state, settings) => ({ ...state, quiz: { ...state.quiz, settings: { ...settings } } }),
};
