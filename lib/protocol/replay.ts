import { z } from "zod";

/**
 * The HTTP bodies of looking back at a session: the teacher's list of past sessions, the
 * replay (meta, the state at a seq, events to play forward, a neuron's history, the class
 * prediction over time), read-only replay links, and the report. `docs/protocol.md`
 * describes each route; `docs/export.md` the JSON log and the CSV files.
 *
 * Who may read a replay: the session's teacher (`Authorization: Bearer <teacher token>`),
 * or anyone holding a replay link of that session (`Authorization: Bearer <link token>`),
 * who sees what the projector may show (no key before the reveal, no other answers, names
 * blank when the link hides them) and can change nothing.
 */

/** `200` of `GET /api/sessions/:sessionId/summary` (teacher): one row of "Past sessions". */
export const sessionSummarySchema = z.strictObject({
  sessionId: z.string(),
  code: z.string(),
  status: z.enum(["live", "ended"]),
  /** ISO times. */
  createdAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  /** Time of the last event (the creation time when none). */
  lastEventAt: z.iso.datetime(),
  /** From creation to the end (or the last event while live), in ms. */
  durationMs: z.number().int().nonnegative(),
  /** Students who ever joined. */
  students: z.number().int().nonnegative(),
  /** Questions launched. */
  questions: z.number().int().nonnegative(),
  /** Events in the log. */
  events: z.number().int().nonnegative(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** `200` of `DELETE /api/sessions/:sessionId` (teacher): the session, its log, its links are gone. */
export const deletedResponseSchema = z.strictObject({ deleted: z.literal(true) });

/** `POST /api/sessions/:sessionId/replay-links` body (teacher). */
export const replayLinkRequestSchema = z.strictObject({ hideNames: z.boolean() });
/** `201`: the read-only link; the token is returned once, here only (stored hashed). */
export const replayLinkResponseSchema = z.strictObject({
  /** `<origin>/replay/<sessionId>#r=<token>`: the token stays in the hash, never sent as a page request. */
  url: z.string(),
  token: z.string(),
  hideNames: z.boolean(),
});
export type ReplayLinkResponse = z.infer<typeof replayLinkResponseSchema>;

export const MARK_KINDS = ["start", "step", "join", "launch", "close", "reveal", "training", "end"] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** A moment worth jumping to on the timeline. */
export const replayMarkSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  /** Epoch ms. */
  at: z.number(),
  kind: z.enum(MARK_KINDS),
  /**
   * "Step 3: The bias", "Ada joined", "Question 2 launched" (blank names when hidden),
   * "Round 2 ended: loss 0.172 → 0.166" (training mode's marks are all of kind `training`).
   */
  label: z.string(),
});
export type ReplayMark = z.infer<typeof replayMarkSchema>;

/** `200` of `GET /api/sessions/:sessionId/replay` (teacher or link). */
export const replayMetaSchema = z.strictObject({
  sessionId: z.string(),
  code: z.string(),
  /** Who is looking: the session's teacher, or someone with a read-only link. */
  viewer: z.enum(["teacher", "link"]),
  hideNames: z.boolean(),
  status: z.enum(["live", "ended"]),
  /** The log's last seq (0 when empty) and its time span, epoch ms. */
  headSeq: z.number().int().nonnegative(),
  startAt: z.number(),
  endAt: z.number(),
  marks: z.array(replayMarkSchema),
  /**
   * Time → seq, for a scrubbed slider: at most 2,000 points, increasing in both; the seq
   * at a time t is the last point's seq with at ≤ t (exact at every mark and at the ends).
   */
  timeline: z.array(z.tuple([z.number(), z.number().int().nonnegative()])),
});
export type ReplayMeta = z.infer<typeof replayMetaSchema>;

/**
 * `200` of `GET /api/sessions/:sessionId/replay/state?seq=N`: the session as it was just
 * after event N (0: before any), projected for the viewer. `state` is a `SessionState`
 * (lib/session/state.ts), checked on the client by its shape's version.
 */
export const replayStateSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  /** Epoch ms of event `seq` (the session's creation for 0). */
  at: z.number(),
  state: z.record(z.string(), z.unknown()),
});

/**
 * `200` of `GET /api/sessions/:sessionId/replay/events?after=N&limit=L` (L ≤ 2,000): the
 * events after N in order, projected for the viewer, each a `LoggedEvent` with `at`; fold
 * them with `reduce`. `next` is the seq to ask after next, or null at the head. An event a
 * link may not see arrives as `event.redacted` with its seq, like the projector's.
 */
export const replayEventsSchema = z.strictObject({
  events: z.array(z.record(z.string(), z.unknown())),
  next: z.number().int().nonnegative().nullable(),
});

/** One point of a neuron's history: its values and output just after event `seq`. */
export const neuronPointSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  at: z.number(),
  weights: z.array(z.number()),
  bias: z.number(),
  /** The neuron's activation for the session's inputs at that moment. */
  output: z.number(),
});

/** `200` of `GET /api/sessions/:sessionId/replay/neurons/:layer/:neuron`. */
export const neuronHistorySchema = z.strictObject({
  layer: z.number().int().nonnegative(),
  neuron: z.number().int().nonnegative(),
  /** At most 400 points, evenly spread in time, always including the first and the last change. */
  points: z.array(neuronPointSchema),
  /** Who sat on the neuron and when (epoch ms; `to` null while still there). Blank names when hidden. */
  holders: z.array(
    z.strictObject({ studentId: z.string(), nickname: z.string(), from: z.number(), to: z.number().nullable() }),
  ),
});
export type NeuronHistory = z.infer<typeof neuronHistorySchema>;

/**
 * `200` of `GET /api/sessions/:sessionId/replay/prediction`: the network's output over the
 * session (at most 400 points in time), for the picture of the class prediction.
 * `outputs` holds every output neuron's value; `labels` names them.
 */
export const predictionSeriesSchema = z.strictObject({
  labels: z.array(z.string()),
  points: z.array(z.strictObject({ seq: z.number().int().nonnegative(), at: z.number(), outputs: z.array(z.number()) })),
});
export type PredictionSeries = z.infer<typeof predictionSeriesSchema>;

/** Per question: what a report shows and the CSV holds. */
export const questionReportSchema = z.strictObject({
  number: z.number().int().positive(),
  questionId: z.string(),
  kind: z.string(),
  prompt: z.string(),
  launchedAt: z.number(),
  /** Students in the class when it was launched, and how many answered. */
  students: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  /** Answers graded right (null for a poll, which has no right answer). */
  correct: z.number().int().nonnegative().nullable(),
  /** correct / answered, 0..1, null when nothing is graded or nobody answered. */
  shareCorrect: z.number().nullable(),
  /** Server-measured time to answer, ms (null when nobody answered). */
  medianMs: z.number().nullable(),
  meanMs: z.number().nullable(),
  /** The distribution: one bar per choice (or per test, or right/wrong), each with its label and count. */
  distribution: z.array(z.strictObject({ label: z.string(), count: z.number().int().nonnegative() })),
});
export type QuestionReport = z.infer<typeof questionReportSchema>;

/** One student's answer to one question, as the report lists it. */
export const studentAnswerSchema = z.strictObject({
  number: z.number().int().positive(),
  /** The answer as text ("B: 0.920", "3, 1, 2", the program's best grade "12 of 14 tests"). */
  answer: z.string(),
  correct: z.boolean().nullable(),
  points: z.number(),
  elapsedMs: z.number(),
});

/** Per student. */
export const studentReportSchema = z.strictObject({
  studentId: z.string(),
  nickname: z.string(),
  /** "Hidden layer 1, neuron 2" or "Output neuron 1" at the end (null when removed or unseated). */
  seat: z.string().nullable(),
  score: z.number(),
  rank: z.number().int().positive().nullable(),
  answers: z.array(studentAnswerSchema),
  /** Their neuron's history in a few numbers: how many changes they made, and their last values. */
  moves: z.number().int().nonnegative(),
  lastWeights: z.array(z.number()).nullable(),
  lastBias: z.number().nullable(),
});
export type StudentReport = z.infer<typeof studentReportSchema>;

/** `200` of `GET /api/sessions/:sessionId/report` (teacher). */
export const sessionReportSchema = z.strictObject({
  sessionId: z.string(),
  code: z.string(),
  createdAt: z.number(),
  endAt: z.number(),
  questions: z.array(questionReportSchema),
  students: z.array(studentReportSchema),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;

/** `201` of `POST /api/sessions/import`: a new, ended session holding the imported log, to replay. */
export const importResponseSchema = z.strictObject({
  sessionId: z.string(),
  code: z.string(),
  teacherToken: z.string(),
  events: z.number().int().nonnegative(),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;
