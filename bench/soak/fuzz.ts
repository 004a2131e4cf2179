/**
 * The socket fuzz at soak scale: tests/helpers/fuzz-messages.ts draws the messages (valid
 * and mutated commands, unknown events, commands without an acknowledgement) for a teacher,
 * many students, a projector view and a socket without a token, each paced under its command
 * budget so the messages meet the rules rather than the rate limit. Every answer must be an
 * acknowledgement with a known code and a message; every event the log gained must parse,
 * with gap-free seqs; after a restart the session loads into the same state.
 */
import { isDeepStrictEqual } from "node:util";
import { errorCodeSchema } from "../../lib/protocol";
import { eventSchemas } from "../../lib/session/event-schemas";
import type { LoggedEvent } from "../../lib/session/events";
import type { SessionState } from "../../lib/session/state";
import { hostSession, joinStudent } from "../../tests/helpers/classroom";
import { tempDataDir } from "../../tests/helpers/databases";
import { fuzzMessage } from "../../tests/helpers/fuzz-messages";
import { seeded } from "../../tests/helpers/seeded";
import { startServer } from "../../tests/helpers/server-process";
import { connect, onUpdate, sendUnchecked, syncState, untyped, type TestSocket } from "../../tests/helpers/socket-client";
import { sleep, type Deadline } from "./common";

export interface FuzzFigures {
  sent: number;
  seconds: number;
  /** Acknowledged answers by outcome: "ok" or the refusal's code. */
  outcomes: Record<string, number>;
  withoutAck: number;
  unknownEvents: number;
  systemErrors: number;
  eventsLogged: number;
  problems: string[];
}

const codes = new Set<string>(errorCodeSchema.options);

/** The path of the first difference between two JSON values, with both sides. */
function firstDifference(a: unknown, b: unknown, path = "state"): string {
  if (isDeepStrictEqual(a, b)) return "none";
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = (a as Record<string, unknown>)[key];
      const y = (b as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${key}`);
    }
  }
  return `${path}: before ${JSON.stringify(a)?.slice(0, 200)}, after ${JSON.stringify(b)?.slice(0, 200)}`;
}
/** Each participant's sends stay under its budget of 40 commands a second. */
const PER_SENDER_MS = 35;

export async function fuzzPhase(messages: number, students: number, seed: number, deadline: Deadline): Promise<FuzzFigures> {
  const dir = tempDataDir("synapse-soak-fuzz-");
  let server = await startServer({ DATA_DIR: dir.dir, LOG_LEVEL: "error" });
  const problems: string[] = [];
  const sockets: TestSocket[] = [];
  try {
    const r = seeded(seed);
    const host = await hostSession(server.url);
    const log: LoggedEvent[] = [];
    const teacher = await connect(server.url, { token: host.teacherToken }, (s) => onUpdate(s, (u) => log.push(...(u.events as LoggedEvent[]))));
    const ids: string[] = [];
    const senders: TestSocket[] = [teacher];
    for (let k = 1; k <= students; k++) {
      const pass = await joinStudent(server.url, host.code, `Soak ${k}`);
      ids.push(pass.studentId);
      senders.push(await connect(server.url, { token: pass.token }));
    }
    senders.push(await connect(server.url, { watch: host.code }), await connect(server.url));
    sockets.push(...senders);
    let systemErrors = 0;
    for (const s of senders) untyped(s).on("system:error", () => systemErrors++);
    const start = await syncState(teacher);
    let state: SessionState = start.state;

    const outcomes: Record<string, number> = {};
    let sent = 0;
    let withoutAck = 0;
    let unknownEvents = 0;
    const started = performance.now();
    const more = () => sent < messages && deadline.left();
    const lanes = senders.map(async (socket, lane) => {
      while (more()) {
        const t0 = performance.now();
        const m = fuzzMessage(r, state, ids);
        if (m.kind === "too-big") continue; // tests/integration/fuzz-sockets.test.ts covers those
        sent++;
        if (m.kind === "unknown" || m.kind === "no-ack") {
          if (m.kind === "unknown") unknownEvents++;
          else withoutAck++;
          untyped(socket).emit(m.name, m.payload);
        } else {
          const ack = (await sendUnchecked(socket, m.name, m.payload, 15_000).catch((err: Error) => ({ ok: false, error: { code: "NO_ANSWER", message: err.message } }))) as {
            ok: boolean;
            error?: { code?: string; message?: string };
          };
          const outcome = ack.ok === true ? "ok" : String(ack.error?.code);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          if (ack.ok !== true && (!codes.has(outcome) || !ack.error?.message?.trim())) {
            if (problems.length < 20) problems.push(`lane ${lane}: ${m.name} (${m.mutation}) answered ${JSON.stringify(ack).slice(0, 200)}`);
          }
        }
        if (lane === 0 && sent % 2000 < senders.length) state = (await syncState(teacher)).state;
        if (lane === 0 && sent % 20_000 < senders.length) console.log(`  fuzz: ${sent} messages, ${JSON.stringify(outcomes)}`);
        await sleep(Math.max(0, PER_SENDER_MS - (performance.now() - t0)));
      }
    });
    await Promise.all(lanes);
    const seconds = (performance.now() - started) / 1000;
    for (const [k, s] of senders.entries()) if (!s.connected) problems.push(`sender ${k} was disconnected`);

    await sleep(300);
    const before = await syncState(teacher);
    for (const e of log) {
      if (!Object.hasOwn(eventSchemas, e.type) || !eventSchemas[e.type as keyof typeof eventSchemas].safeParse(e.payload).success) {
        problems.push(`event ${e.seq} (${e.type}) does not parse`);
      }
    }
    const gained = log.filter((e) => e.seq > start.seq);
    gained.forEach((e, i) => {
      if (e.seq !== start.seq + 1 + i && problems.length < 40) problems.push(`seq gap: event ${i} after ${start.seq} has seq ${e.seq}`);
    });
    if ((gained.at(-1)?.seq ?? start.seq) !== before.seq) problems.push(`the log ends at ${gained.at(-1)?.seq}, the session at ${before.seq}`);

    // The log loads again after a restart, into the same state.
    for (const s of sockets.splice(0)) s.close();
    await server.stop();
    server = await startServer({ DATA_DIR: dir.dir, LOG_LEVEL: "error" });
    const again = await connect(server.url, { token: host.teacherToken });
    sockets.push(again);
    const after = await syncState(again);
    // Compared as JSON, which is what reaches a screen (an absent field and an undefined one are the same).
    const [was, is] = [JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after))];
    if (after.seq !== before.seq || !isDeepStrictEqual(is.state, was.state)) problems.push(`the session read back after a restart differs: ${firstDifference(was.state, is.state)}`);
    return { sent, seconds, outcomes, withoutAck, unknownEvents, systemErrors, eventsLogged: gained.length, problems };
  } finally {
    for (const s of sockets) s.close();
    await server.stop();
    dir.remove();
  }
}
