/**
 * The quiz domain's rules: the teacher launches, closes and reveals a question, shows the
 * leaderboard and sets the scoring switches; a student answers. A question's timer is
 * derived from the state, so a restart keeps its deadline.
 */
import { layerInputs } from "../../../engine/forward";
import { answerProblem, grade } from "../../../quiz/grade";
import { drawFor } from "../../../quiz/parametric";
import { publicQuestion, shuffleFor } from "../../../quiz/public";
import { answerPoints, NO_SCORE } from "../../../quiz/scoring";
import type { Draw, Question } from "../../../quiz/types";
import { forwardOf } from "../../derive";
import type { SessionEvent } from "../../events";
import { refuse } from "../../refuse";
import type { Rules, Timer } from "../../rule-types";
import { studentById } from "../../seat-ops";
import type { SessionState } from "../../state";
import type { QuestionRun } from "./state";

type QuizCommand = "quiz:launch" | "quiz:close" | "quiz:reveal" | "quiz:clear" | "quiz:leaderboard" | "quiz:settings" | "quiz:answer";

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A student's own neuron as a draw (inputs as they arrive now, their weights and bias),
 * or null when they have no seat or their layer is a softmax (its output needs the others).
 */
export function ownNeuronDraw(state: SessionState, studentId: string): Draw | null {
  const seat = studentById(state, studentId)?.seat;
  if (!seat) return null;
  const layer = state.network.layers[seat.layer];
  const neuron = layer?.neurons[seat.neuron];
  const result = forwardOf(state.network, state.inputs);
  if (!layer || !neuron || !result) return null;
  const activation = neuron.activation ?? layer.activation;
  if (activation === "softmax") return null;
  return {
    inputs: layerInputs(result, state.inputs, seat.layer).map(round3),
    weights: [...neuron.weights],
    bias: neuron.bias,
    activation,
  };
}

/** Parametric numbers for these students, from the run's seed. */
export function drawsFor(state: SessionState, question: Question, seed: number, studentIds: readonly string[]): Record<string, Draw> {
  const draws: Record<string, Draw> = {};
  if (question.kind !== "parametric") return draws;
  for (const id of studentIds) {
    const own = question.template === "my-neuron" ? ownNeuronDraw(state, id) : null;
    draws[id] = drawFor(question.template, seed, id, own);
  }
  return draws;
}

function openRun(state: SessionState): QuestionRun {
  const run = state.quiz.run;
  if (!run || run.status !== "open") refuse("INVALID", "No question is open.");
  return run;
}

function closeIfOpen(state: SessionState, at: number, reason: "teacher" | "reveal" | "launch"): SessionEvent[] {
  const run = state.quiz.run;
  return run?.status === "open" ? [{ type: "quiz.closed", payload: { runId: run.runId, at, reason } }] : [];
}

const presentIds = (state: SessionState) =>
  Object.values(state.students)
    .filter((s) => !s.removed)
    .map((s) => s.id);

export const quizRules: Rules<QuizCommand> = {
  "quiz:launch": {
    who: "teacher",
    run: (state, _actor, { question, options }, ctx) => {
      const number = state.quiz.launched + 1;
      const shuffle = question.kind === "order" ? shuffleFor(question.lines.length, ctx.random) : null;
      const seed = question.kind === "parametric" ? Math.floor(ctx.random() * 2 ** 31) : null;
      const draws = seed === null ? {} : drawsFor(state, question, seed, presentIds(state));
      return [
        ...closeIfOpen(state, ctx.now, "launch"),
        {
          type: "quiz.launched",
          payload: {
            runId: `q${number}`,
            number,
            shown: publicQuestion(question, shuffle),
            question,
            shuffle,
            seed,
            draws,
            launchedAt: ctx.now,
            timeLimitSec: options.timeLimitSec,
            closesAt: options.timeLimitSec === null ? null : ctx.now + options.timeLimitSec * 1000,
            allowChange: options.allowChange,
          },
        },
      ];
    },
  },
  "quiz:close": {
    who: "teacher",
    run: (state, _a, _p, ctx) => [{ type: "quiz.closed", payload: { runId: openRun(state).runId, at: ctx.now, reason: "teacher" } }],
  },
  "quiz:reveal": {
    who: "teacher",
    run: (state, _a, _p, ctx) => {
      const run = state.quiz.run;
      if (!run) refuse("INVALID", "No question has been launched.");
      if (run.status === "revealed") refuse("INVALID", "This answer is already revealed.");
      const grading = Object.keys(state.quiz.grading).length;
      if (grading > 0) refuse("INVALID", `${grading === 1 ? "One program is" : `${grading} programs are`} still being graded: reveal in a moment.`);
      return [...closeIfOpen(state, ctx.now, "reveal"), { type: "quiz.revealed", payload: { runId: run.runId, at: ctx.now } }];
    },
  },
  "quiz:clear": {
    who: "teacher",
    run: (state) => {
      const run = state.quiz.run;
      if (!run) refuse("INVALID", "No question is on the phones.");
      return [{ type: "quiz.cleared", payload: { runId: run.runId } }];
    },
  },
  "quiz:leaderboard": { who: "teacher", run: (_s, _a, { shown }) => [{ type: "quiz.leaderboard", payload: { shown } }] },
  "quiz:settings": { who: "teacher", run: (_s, _a, settings) => [{ type: "quiz.settings", payload: settings }] },
  "quiz:answer": {
    who: "student",
    run: (state, actor, { runId, answer }, ctx) => {
      const run = state.quiz.run;
      const student = studentById(state, actor.id ?? "");
      if (!student || student.removed) refuse("NOT_FOUND", "You are not in this class.");
      const me = student.id;
      if (!run || run.runId !== runId) refuse("QUESTION_CLOSED", "That question is no longer running.");
      if (run.status !== "open") refuse("QUESTION_CLOSED", "Answers are closed for this question.");
      const question = run.question;
      if (!question) refuse("INTERNAL", "The question's key is missing.");
      const sentAt = ctx.timing?.sentAt ?? run.launchedAt;
      const elapsedMs = Math.max(0, Math.round(ctx.now - Math.max(sentAt, run.launchedAt) - (ctx.timing?.oneWayMs ?? 0)));
      if (question.kind === "code") {
        const problem = answerProblem(question, answer);
        if (problem) refuse("BAD_REQUEST", problem);
        return [submission(state, runId, me, answer.kind === "code" ? answer.code : "", elapsedMs, ctx.now)];
      }
      const previous = Object.hasOwn(state.quiz.answers, me) ? state.quiz.answers[me]! : null;
      if (previous && !run.allowChange) refuse("ALREADY_ANSWERED", "Your answer is already in; this question takes one answer.");
      const draw = Object.hasOwn(run.draws, me) ? run.draws[me] : undefined;
      if (question.kind === "parametric" && !draw) refuse("INVALID", "Your numbers for this question are missing: reload the page.");
      const gradeCtx = { shuffle: run.shuffle ?? undefined, draw };
      const problem = answerProblem(question, answer, gradeCtx);
      if (problem) refuse("BAD_REQUEST", problem);
      const correct = grade(question, answer, gradeCtx);
      const streak = (Object.hasOwn(state.quiz.scores, me) ? state.quiz.scores[me]! : NO_SCORE).streak;
      const points = answerPoints({ correct, elapsedMs, timeLimitSec: run.timeLimitSec, streak }, state.quiz.settings);
      return [{ type: "quiz.answered", payload: { runId, studentId: me, answer, correct, points, elapsedMs, at: ctx.now } }];
    },
  },
};

/** Programs one student may send for one question. */
export const MAX_SUBMISSIONS = 50;

/** A student's program for the open code question, to be graded by the room (domains/quiz/grading.ts). */
function submission(state: SessionState, runId: string, studentId: string, code: string, elapsedMs: number, at: number): SessionEvent {
  if (Object.hasOwn(state.quiz.grading, studentId)) refuse("INVALID", "Your last program is still being graded: wait for its result.");
  const number = (Object.hasOwn(state.quiz.graded, studentId) ? state.quiz.graded[studentId]!.number : 0) + 1;
  if (number > MAX_SUBMISSIONS) refuse("RATE_LIMITED", `You have sent ${MAX_SUBMISSIONS} programs for this question: your best one counts.`);
  return { type: "quiz.submitted", payload: { runId, studentId, submissionId: `${runId}-${studentId}-${number}`, number, code, elapsedMs, at } };
}

/**
 * A student who arrives (or comes back) while a parametric question is open gets numbers.
 * @example
 * arrivalDraws(stateAfterJoin, "p9"); // [{ type: "quiz.drawn", ... }] or []
 */
export function arrivalDraws(state: SessionState, studentId: string): SessionEvent[] {
  const run = state.quiz.run;
  if (!run || run.status !== "open" || !run.question || run.seed === null || Object.hasOwn(run.draws, studentId)) return [];
  const draw = drawsFor(state, run.question, run.seed, [studentId])[studentId];
  return draw ? [{ type: "quiz.drawn", payload: { runId: run.runId, studentId, draw } }] : [];
}

/** An open question with a time limit closes itself at its deadline. */
export function quizTimers(state: SessionState): Timer[] {
  const run = state.quiz.run;
  if (!run || run.status !== "open" || run.closesAt === null || state.status !== "live") return [];
  const { runId, closesAt } = run;
  return [
    {
      key: `quiz:${runId}:${closesAt}`,
      at: closesAt,
      fire: (current, now) =>
        current.quiz.run?.runId === runId && current.quiz.run.status === "open"
          ? [{ type: "quiz.closed", payload: { runId, at: now, reason: "timer" } }]
          : [],
    },
  ];
}
