/**
 * Everything that can happen to a session, as events. Each domain owns its events' zod
 * schemas (domains/<name>/events.ts); the types here are inferred from them, with type-only
 * imports so nothing of zod reaches a browser bundle that only folds events.
 *
 * The server decides events (decide.ts), appends them with a gap-free seq, and every screen
 * folds them with the same reducer. Payloads carry every number they need (random weights,
 * the time a timer fired), so a replay reproduces exactly what the class saw.
 */
import type { z } from "zod";
import type { animationEvents } from "./domains/animation/events";
import type { lessonEvents } from "./domains/lesson/events";
import type { networkEvents } from "./domains/network/events";
import type { quizEvents } from "./domains/quiz/events";
import type { roomEvents } from "./domains/room/events";
import type { rosterEvents } from "./domains/roster/events";
import type { trainingEvents } from "./domains/training/events";

type EventSchemas = typeof networkEvents & typeof rosterEvents & typeof roomEvents & typeof animationEvents & typeof quizEvents & typeof lessonEvents & typeof trainingEvents;

export type SessionEventType = keyof EventSchemas;

export type SessionEvent = { [K in SessionEventType]: { type: K; payload: z.output<EventSchemas[K]> } }[SessionEventType];

/** A whole network set-up: the engine's JSON plus the inputs and labels that travel beside it. */
export type NetworkSetup = z.output<EventSchemas["network.loaded"]>;

/** An event as stored and broadcast: with its place in the log, who caused it, and when (ms). */
export type LoggedEvent = SessionEvent & { seq: number; actor: string | null; at?: number };
