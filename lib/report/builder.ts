/**
 * A session's report, built by folding its log one event at a time with the session's own
 * reducer: feed it the events page by page (`add`), then ask for the report (`finish`). It
 * keeps the current state and what the report needs (each question's answers, each
 * student's count of moves), never the log, so a long session's report takes little memory.
 *
 * A question's answers live in the quiz state while it runs and are dropped when the next
 * question is launched or the phones are cleared; the builder copies them just before.
 *
 * Slider moves are most of a long log: a run of them is folded as the room batches a tick
 * (lib/session/move-run.ts), one fold per student instead of one per move (200,000 moves
 * of 200 students: 10 s → well under 1 s).
 */
import type { QuestionReport, SessionReport, StudentAnswerReport, StudentReport } from "./types";
import { answerText, distribution, mean, median, seatLabel, type RunFacts } from "./answers";
import { rankScores } from "../quiz/scoring";
import type { QuestionRun, RecordedAnswer } from "../session/domains/quiz/state";
import { joinOrder } from "../session/domains/quiz/views";
import type { LoggedEvent } from "../session/events";
import { MoveRun } from "../session/move-run";
import { applyEvent, createState } from "../session/reducer";
import type { NeuronValues, SessionState } from "../session/state";

/** One question as the log left it: what was asked, and every answer. */
interface CapturedRun extends RunFacts {
  number: number;
  launchedAt: number;
  students: number;
  revealed: boolean;
  answers: Record<string, RecordedAnswer>;
}

export class ReportBuilder {
  private state: SessionState | null = null;
  private lastSeq = 0;
  private firstAt: number | null = null;
  private lastAt: number | null = null;
  private readonly runs = new Map<string, CapturedRun>();
  private readonly moves = new Map<string, number>();
  private readonly lastValues = new Map<string, NeuronValues>();
  /** The current run of slider moves (lib/session/move-run.ts). */
  private readonly entries = new MoveRun();

  /** How many events were folded. */
  get events(): number {
    return this.lastSeq;
  }

  /** The state after the last event folded (null before the first). */
  get current(): SessionState | null {
    this.foldEntries();
    return this.state;
  }

  private foldEntries(): void {
    if (this.entries.size > 0 && this.state !== null) this.state = this.entries.foldInto(this.state);
  }

  /**
   * Folds one event (in seq order).
   * @throws Error when the log does not start with session.created.
   */
  add(event: LoggedEvent): void {
    if (event.at !== undefined) {
      this.firstAt ??= event.at;
      this.lastAt = event.at;
    }
    this.lastSeq = event.seq;
    if (this.state === null) {
      if (event.type !== "session.created") throw new Error(`event ${event.seq}: a session's log must start with session.created, not ${event.type}`);
      this.state = createState(event);
      return;
    }
    if (event.type === "entry.set") {
      const { studentId, values } = event.payload;
      this.moves.set(studentId, (this.moves.get(studentId) ?? 0) + 1);
      this.lastValues.set(studentId, values);
      this.entries.take(event);
      return;
    }
    this.foldEntries();
    if (event.type === "quiz.launched" || event.type === "quiz.cleared") this.capture();
    this.state = applyEvent(this.state, event);
    if (event.type === "quiz.launched") this.captureLaunch(this.state.quiz.run!);
  }

  private captureLaunch(run: QuestionRun): void {
    const students = Object.values(this.state!.students).filter((s) => !s.removed).length;
    this.runs.set(run.runId, { number: run.number, shown: run.shown, question: run.question, launchedAt: run.launchedAt, students, revealed: false, answers: {} });
  }

  /** Copies the running question's answers before the state lets go of them. */
  private capture(): void {
    const run = this.state?.quiz.run;
    const captured = run ? this.runs.get(run.runId) : undefined;
    if (!run || !captured) return;
    captured.answers = { ...this.state!.quiz.answers };
    captured.revealed = run.status === "revealed";
  }

  /**
   * The report of everything folded so far.
   * @example
   * const builder = new ReportBuilder();
   * for (const e of events) builder.add(e);
   * builder.finish({ sessionId, code });
   */
  finish(session: { sessionId: string; code: string }): SessionReport {
    const state = this.current;
    if (!state) throw new Error("no events to report on");
    this.capture();
    const runs = [...this.runs.values()].sort((a, b) => a.number - b.number);
    return {
      sessionId: session.sessionId,
      code: session.code,
      createdAt: this.firstAt ?? 0,
      endAt: this.lastAt ?? this.firstAt ?? 0,
      questions: runs.map(questionReport),
      students: this.studentReports(state, runs),
    };
  }

  private studentReports(state: SessionState, runs: readonly CapturedRun[]): StudentReport[] {
    const order = joinOrder(state);
    const present = order.filter((id) => !state.students[id]!.removed);
    const ranks = new Map(rankScores(state.quiz.scores, present).map((r) => [r.studentId, r.rank]));
    const layerCount = state.network.layers.length;
    return order.map((id): StudentReport => {
      const student = state.students[id]!;
      const answers = runs.flatMap((run): StudentAnswerReport[] => {
        const a = Object.hasOwn(run.answers, id) ? run.answers[id]! : null;
        if (!a) return [];
        // Points count once the question is revealed (lib/session/domains/quiz/fold.ts, `scored`).
        return [{ number: run.number, answer: answerText(run, a), correct: a.correct, points: run.revealed ? a.points : 0, elapsedMs: a.elapsedMs }];
      });
      const last = student.entry ?? this.lastValues.get(id) ?? null;
      return {
        studentId: id,
        nickname: student.nickname,
        seat: student.seat && !student.removed ? seatLabel(student.seat, layerCount) : null,
        score: Object.hasOwn(state.quiz.scores, id) ? state.quiz.scores[id]!.points : 0,
        rank: ranks.get(id) ?? null,
        answers,
        moves: this.moves.get(id) ?? 0,
        lastWeights: last ? [...last.weights] : null,
        lastBias: last ? last.bias : null,
      };
    });
  }
}

function questionReport(run: CapturedRun): QuestionReport {
  const answers = Object.values(run.answers);
  const graded = run.shown.kind !== "poll";
  const correct = graded ? answers.filter((a) => a.correct === true).length : null;
  const times = answers.map((a) => a.elapsedMs);
  return {
    number: run.number,
    questionId: run.shown.id,
    kind: run.question?.kind ?? run.shown.kind,
    prompt: run.shown.prompt,
    launchedAt: run.launchedAt,
    students: run.students,
    answered: answers.length,
    correct,
    shareCorrect: correct === null || answers.length === 0 ? null : correct / answers.length,
    medianMs: median(times),
    meanMs: mean(times),
    distribution: distribution(run, answers),
  };
}

/**
 * The report of a whole list of events (tests, small logs).
 * @example
 * reportOf(events, { sessionId: "s1", code: "ABCDEF" }).questions[0].shareCorrect; // 0.5
 */
export function reportOf(events: Iterable<LoggedEvent>, session: { sessionId: string; code: string }): SessionReport {
  const builder = new ReportBuilder();
  for (const e of events) builder.add(e);
  return builder.finish(session);
}
