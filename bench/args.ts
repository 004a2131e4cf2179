/** The bench's flags (`npm run bench -- --help`), checked, and the limits derived from them. */
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    students: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    rate: { type: "string", default: "5" },
    jitter: { type: "string", default: "0.5" },
    warmup: { type: "string", default: "2" },
    repeat: { type: "string", default: "3" },
    "quiet-wait": { type: "string", default: "60" },
    "max-other": { type: "string", default: "40" },
    "client-procs": { type: "string", default: "2" },
    capacity: { type: "string", default: "10000" },
    "session-size": { type: "string", default: "100" },
    only: { type: "string", default: "all" },
    "flood-seconds": { type: "string", default: "3" },
    flooders: { type: "string", default: "5" },
    "flood-stay-away": { type: "boolean", default: false },
    "durable-sessions": { type: "string", default: "100" },
    "durable-batch": { type: "string", default: "10" },
    "durable-seconds": { type: "string", default: "5" },
    "no-write": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--students 200] [--seconds 10] [--rate 5] [--jitter 0.5]
  [--warmup 2]        seconds of moves before the measured window
  [--repeat 3]        runs of each server, alternating; the table shows the run with the median p99
  [--quiet-wait 60]   before each run, wait up to this many seconds for other processes to go quiet
  [--max-other 40]    a run during which other processes used more than this % of a core is
                      discarded and run again (at most 3 tries per run)
  [--client-procs 2]   student sockets split across this many processes (the teacher has its own)
  [--capacity 10000]   idle students for the capacity check (0 skips it)
  [--session-size 100] students per session in the capacity check
  [--flood-seconds 3]  the flood scenario: one class of 5 times its acknowledgements while
  [--flooders 5]       this many students of another class flood from 5 sockets each
                       (5 moves per socket every 10 ms: 12,500 a second for 5 students)
  [--flood-stay-away]  cut-off flooders stay away (by default they connect again at once)
  [--durable-sessions 100] [--durable-batch 10] [--durable-seconds 5]
                       durable writes: sessions each appending a tick of this many events and
                       waiting for the commit, on PGlite and PostgreSQL (bench/durable-writes.ts)
  [--only all|load|synapse|bare|capacity|multi|flood|durable|quiz|grading|engine]   load: scenario A for both servers alone; multi: several processes sharing one class (needs DATABASE_URL and REDIS_URL); durable: the durable writes alone; flood: the flood scenario; quiz: the answer burst (bench/quiz-burst.ts), alone; grading: scenario A with and without 50 programs graded at once; engine: forward passes per second (bench/engine.ts)
  [--no-write]         do not append to docs/benchmarks.md`);
  process.exit(0);
}

const positive = (name: string, raw: string, max: number): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > max) {
    console.error(`--${name} must be a number from 0 to ${max}`);
    process.exit(2);
  }
  return n;
};
export const STUDENTS = Math.round(positive("students", args.students!, 2000));
export const SECONDS = positive("seconds", args.seconds!, 120);
export const RATE = positive("rate", args.rate!, 20);
export const JITTER = Math.min(0.9, positive("jitter", args.jitter!, 1));
export const CLIENT_PROCS = Math.max(1, Math.round(positive("client-procs", args["client-procs"]!, 8)));
export const CAPACITY = Math.round(positive("capacity", args.capacity!, 10_000));
export const SESSION_SIZE = Math.max(1, Math.round(positive("session-size", args["session-size"]!, 500)));
export const ONLY = args.only!;
export const WARMUP = positive("warmup", args.warmup!, 60);
export const REPEAT = Math.max(1, Math.round(positive("repeat", args.repeat!, 10)));
export const QUIET_WAIT = positive("quiet-wait", args["quiet-wait"]!, 600);
export const MAX_OTHER = positive("max-other", args["max-other"]!, 1000);
export const TRIES = 3;
export const NO_WRITE = args["no-write"]!;
export const FLOOD_SECONDS = positive("flood-seconds", args["flood-seconds"]!, 60);
export const FLOODERS = Math.max(1, Math.round(positive("flooders", args.flooders!, 40)));
export const DURABLE_SESSIONS = Math.max(1, Math.round(positive("durable-sessions", args["durable-sessions"]!, 2000)));
export const DURABLE_BATCH = Math.max(1, Math.round(positive("durable-batch", args["durable-batch"]!, 1000)));
export const DURABLE_SECONDS = Math.max(1, positive("durable-seconds", args["durable-seconds"]!, 120));
export const FLOOD_RECONNECT = !args["flood-stay-away"]!;

/** The whole run's hard limit; children's watchdogs use it too. */
export const HARD_LIMIT_S = Math.ceil(
  240 + 4 * (DURABLE_SECONDS + 30) + 2 * REPEAT * TRIES * (WARMUP + SECONDS + 90 + QUIET_WAIT) + (CAPACITY > 0 ? 300 + CAPACITY / 20 : 0) + 2 * REPEAT * TRIES * (FLOOD_SECONDS + 90 + QUIET_WAIT),
);
