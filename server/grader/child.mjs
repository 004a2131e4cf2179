/**
 * The grader's child: one Pyodide interpreter that grades one student's code, then exits. It
 * runs inside bubblewrap (server/grader/sandbox.ts), where there is no repo and no tsx: only
 * /usr, Pyodide at /pyodide, this file and the memory snapshot, all read-only. Plain ESM.
 *
 *   node child.mjs --make-snapshot      load Python and the harness, write the memory snapshot to stdout
 *   node child.mjs [--snapshot <file>]  load Python (from the snapshot when given), then grade once
 *
 * One JSON line at a time on stdin and stdout:
 *   ← {"harness":<Python source>}    first, in both modes (lib/quiz/code-harness.ts)
 *   → {"ready":true,"snapshot":<loaded from it>}   Python and the harness are loaded and warmed
 *   ← {"job":<CodeJob>,"nonce":<string>}
 *   → {"nonce":…,"result":<HarnessResult>}  or  {"nonce":…,"failed":<why>}
 * Nothing else is written to stdout by this file: Pyodide's own output and the console go to
 * a discard or stderr. The nonce never enters Python, so a student's code cannot simply print
 * a result line of its own (docs/security.md says what it can do).
 */
import fs from "node:fs";

const PYODIDE = "/pyodide/";
const MAX_JOB_BYTES = 4 * 1024 * 1024;
/**
 * A job run before the ready line: the first compile and run of a Pyodide that was just
 * loaded costs about 150 ms (WebAssembly compiled lazily), better spent before a student waits.
 */
const WARM_UP_JOB = {
  source: "def f(x):\n    print(x)\n    return [x, 0.5, None, {'k': (x, 'v')}]\n",
  entry: "f",
  calls: [{ args: [1] }],
  asserts: ["assert f(1)[0] == 1"],
};

// Captured before anything else runs: what the student's code may replace later is not used.
const writeSync = fs.writeSync;
const readSync = fs.readSync;
const exit = process.exit.bind(process);
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

// bubblewrap's --new-session gives this process a session, hence a scheduler autogroup, of its
// own: with autogroups on (Linux's default) the scheduler weighs that group like the server's,
// whatever the niceness inside it. Niceness 19 for the group keeps grading behind the realtime
// loop when both want a core. Best effort: without autogroups the file is absent.
try {
  fs.writeFileSync("/proc/self/autogroup", "19");
} catch {
  // not available here
}

/** Sleeps synchronously (a pipe that is full, or empty, in non-blocking mode). */
function pause(ms) {
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** Writes all of `bytes` to `fd`, waiting while a non-blocking pipe is full. */
function writeAll(fd, bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (err) {
      if (err?.code !== "EAGAIN") throw err;
      pause(2);
    }
  }
}

/** Writes one line of JSON text to stdout. */
function sendLine(text) {
  writeAll(1, Buffer.from(`${text}\n`, "utf8"));
}

/** Reads stdin up to the first newline (at most MAX_JOB_BYTES). */
function readLine() {
  const chunks = [];
  let size = 0;
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    let n;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      if (err?.code !== "EAGAIN") throw err;
      pause(2);
      continue;
    }
    if (n === 0) throw new Error("stdin closed before a job arrived");
    const newline = buffer.subarray(0, n).indexOf(10);
    chunks.push(Buffer.from(buffer.subarray(0, newline === -1 ? n : newline)));
    size += n;
    if (newline !== -1) return Buffer.concat(chunks).toString("utf8");
    if (size > MAX_JOB_BYTES) throw new Error("the job is too large");
  }
}

/** Everything the console would print goes to stderr, never to the result channel. */
function quietConsole() {
  const toStderr = (...args) => {
    try {
      writeAll(2, Buffer.from(`${args.map(String).join(" ")}\n`, "utf8"));
    } catch {
      // stderr gone: nothing to tell.
    }
  };
  for (const name of ["log", "info", "debug", "warn", "error", "trace", "dir"]) console[name] = toStderr;
}

const discard = () => {};

/**
 * Loads Pyodide. `_makeSnapshot` and `_loadSnapshot` are private options of the pinned
 * version (pyodide 314.0.7): when loading from the snapshot throws, Python is loaded the
 * ordinary way (about 3 s instead of 0.4 s) and the ready line says so.
 */
async function load({ snapshotFile, makeSnapshot }) {
  const { loadPyodide } = await import(`${PYODIDE}pyodide.mjs`);
  const options = { indexURL: PYODIDE, stdout: discard, stderr: discard };
  if (makeSnapshot) return { py: await loadPyodide({ ...options, _makeSnapshot: true }), fromSnapshot: false };
  if (snapshotFile) {
    try {
      const bytes = fs.readFileSync(snapshotFile);
      return { py: await loadPyodide({ ...options, _loadSnapshot: bytes }), fromSnapshot: true };
    } catch (err) {
      console.error(`loading from the snapshot failed, loading Pyodide normally: ${err?.message ?? err}`);
    }
  }
  return { py: await loadPyodide(options), fromSnapshot: false };
}

async function main(argv) {
  quietConsole();
  const { harness } = JSON.parse(readLine());
  if (argv[0] === "--make-snapshot") {
    // The harness is defined (and its modules imported) in the snapshot: children do not compile it.
    const { py } = await load({ makeSnapshot: true });
    py.runPython(harness);
    writeAll(1, py.makeMemorySnapshot());
    exit(0);
  }
  const snapshotFile = argv[0] === "--snapshot" ? argv[1] : undefined;
  const { py, fromSnapshot } = await load({ snapshotFile });
  if (!fromSnapshot) py.runPython(harness);
  const runJob = py.globals.get("run_job");
  runJob(JSON.stringify(WARM_UP_JOB));
  sendLine(JSON.stringify({ ready: true, snapshot: fromSnapshot }));

  const { job, nonce } = JSON.parse(readLine());
  const prefix = `{"nonce":${JSON.stringify(String(nonce))},`;
  let line;
  try {
    const result = runJob(JSON.stringify(job));
    line = `${prefix}"result":${typeof result === "string" ? result : "null"}}`;
  } catch (err) {
    line = `${prefix}"failed":${JSON.stringify(String(err?.message ?? err).slice(0, 500))}}`;
  }
  sendLine(line);
  exit(0);
}

main(process.argv.slice(2)).catch((err) => {
  try {
    writeAll(2, Buffer.from(`grader child: ${err?.stack ?? err}\n`, "utf8"));
  } finally {
    exit(1);
  }
});
