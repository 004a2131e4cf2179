/**
 * The quiz part of a session's state. The teacher's copy holds everything; what students
 * and the projector get is cut down by lib/session/views.ts (no key, no draws, no answers
 * of others), and each phone gets its own part through `myQuiz` (mine.ts).
 */
import type { CodeGrade } from "../../../quiz/code-judge";
import type { Answer, Draw, PublicQuestion, Question, QuizSettings, RevealedKey } from "../../../quiz/types";
import type { Score } from "../../../quiz/scoring";

export interface QuizState {
  settings: QuizSettings;
  /** The question launched last (open, closed or revealed), or null when phones show their neuron. */
  run: QuestionRun | null;
  /** The current question's answers by student id: the teacher's copy only. */
  answers: Record<string, RecordedAnswer>;
  /** Standing over the revealed questions, by student id: the teacher's copy (the projector gets the top five). */
  scores: Record<string, Score>;
  /** Whether the leaderboard is shown (projector: top five; phones: their own rank). */
  leaderboard: boolean;
  /** How many questions have been launched in this session. */
  launched: number;
  /** Code question: programs waiting for the sandbox, by student (teacher copy; the room grades them). */
  grading: Record<string, PendingGrade>;
  /** Code question: each student's latest graded program (teacher copy; each phone gets its own). */
  graded: Record<string, LatestGrade>;
}

/** A program the room still has to grade. */
export interface PendingGrade {
  runId: string;
  submissionId: string;
  number: number;
  code: string;
  elapsedMs: number;
  at: number;
}

/** A student's latest graded program. */
export interface LatestGrade {
  submissionId: string;
  number: number;
  grade: CodeGrade;
}

export interface QuestionRun {
  runId: string;
  /** 1 for the session's first question. */
  number: number;
  status: "open" | "closed" | "revealed";
  /** What phones and the projector show while it is open. */
  shown: PublicQuestion;
  /** The question with its key: the teacher's copy only (null elsewhere). */
  question: Question | null;
  /** Ordering question: shown line i is line `shuffle[i]` of the question (teacher only). */
  shuffle: number[] | null;
  /** Parametric: the seed every student's numbers were drawn from, and the draws (teacher only). */
  seed: number | null;
  draws: Record<string, Draw>;
  launchedAt: number;
  timeLimitSec: number | null;
  /** When the timer closes it (server clock), or null for "when the teacher closes it". */
  closesAt: number | null;
  closedAt: number | null;
  allowChange: boolean;
  /** How many students have answered (everyone sees this count). */
  answered: number;
  /** Filled in at the reveal, for everyone. */
  key: RevealedKey | null;
  explanation: string | null;
  summary: RunSummary | null;
}

/** An answer as the log keeps it: everything a report needs. */
export interface RecordedAnswer {
  answer: Answer;
  correct: boolean | null;
  points: number;
  /** Server-measured: received − sent to that phone − half its median round trip. */
  elapsedMs: number;
  at: number;
  /** Code question: which tests the best program passed, in order. */
  tests?: boolean[];
}

/** The class's answers at the reveal: how many picked each choice (or were right/wrong). */
export interface RunSummary {
  answered: number;
  correct: number;
  /** Per choice for choice, poll and which-activation questions; per test for a code question (how many passed it); empty otherwise. */
  counts: number[];
  /** Numbers given (numeric and parametric), for the histogram; at most 500. */
  values: number[];
}
