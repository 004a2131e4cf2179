/**
 * The grader with real bubblewrap and real Pyodide, no server: the lesson's `predict` graded
 * right and wrong, errors as a student sees them, the limits (wall clock, memory, output) with
 * the pool still working after each, what every escape attempt sees from inside the sandbox,
 * forged results, 50 grades at once, the queue's bound, and a machine without bubblewrap.
 * Prints the timings it measures (bench/grader.ts measures them properly).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { predictSpam, SPAM_EXAMPLES } from "../../lib/lesson/presets";
import { HARNESS_PY, STDOUT_CUT_MARK } from "../../lib/quiz/code-harness";
import { STDOUT_LIMIT, type CodeJob, type HarnessResult, type JsonValue, type RunOutcome } from "../../lib/quiz/code-run";
import { Grader, GraderBusyError } from "../../server/grader";
import { processTree } from "../../server/grader/proc-tree";
import { childProgram, INSIDE, sandboxCommand, sandboxPaths } from "../../server/grader/sandbox";
import { WarmChild } from "../../server/grader/warm-child";
import { waitFor } from "../helpers/wait";
import { SPAM_REFERENCE } from "../../lib/lesson/code-exercise";

/** The lesson's spam detector, as a student would write it (the exercise's reference), with `cmp` as its comparison. */
const spamSource = (cmp: ">" | ">=") => SPAM_REFERENCE.replace("output > threshold", `output ${cmp} threshold`);

const SPAM_CALLS = [...SPAM_EXAMPLES.map((e) => ({ args: [[...e.inputs], 0.5] as JsonValue[] })), { args: [[0.45, 0, 0], 0.5] }];
const job = (source: string, calls: CodeJob["calls"] = SPAM_CALLS, asserts: string[] = []): CodeJob => ({ source, entry: "predict", calls, asserts });
/** One call of `predict()` with no arguments: how the escape attempts report what they saw. */
const probe = (source: string): CodeJob => job(source, [{ args: [] }]);
/** Python that has the child's real `process` in `p`. */
const PROCESS = "import js\np = js.constructor.constructor('return process')()\n";

let grader: Grader;
const timings: Record<string, string> = {};
/** A snapshot directory as a process killed before it closed its grader leaves it. */
let staleDir = "";

beforeAll(async () => {
  const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
  staleDir = path.join(os.tmpdir(), `synapse-grader-${dead}-test`);
  fs.mkdirSync(staleDir, { recursive: true });
  fs.writeFileSync(path.join(staleDir, "pyodide.snap"), "old");
  grader = new Grader();
  const began = performance.now();
  await grader.warm();
  const first = await grader.run(job(spamSource(">")));
  expect(first.kind).toBe("done");
  timings["cold start, first grade (sandbox check + snapshot + first child)"] = `${Math.round(performance.now() - began)} ms`;
}, 120_000);

afterAll(async () => {
  await grader?.close();
  console.log(`grader timings on this machine:\n${Object.entries(timings).map(([k, v]) => `  ${k}: ${v}`).join("\n")}`);
});

async function outcome(j: CodeJob): Promise<RunOutcome> {
  return grader.run(j);
}

async function result(j: CodeJob): Promise<HarnessResult> {
  const o = await outcome(j);
  if (o.kind !== "done") throw new Error(`expected a result, got ${JSON.stringify(o)}`);
  return o.result;
}

/** What the one call of a probe returned. */
async function saw(source: string): Promise<JsonValue> {
  const r = await result(probe(source));
  expect(r.error).toBeNull();
  const call = r.calls[0]!;
  if (!call.ok) throw new Error(`the probe raised ${JSON.stringify(call.error)}`);
  return call.value;
}

const returned = (r: HarnessResult) => r.calls.map((c) => (c.ok ? c.value : `raised ${c.error.type}`));

/** The sandboxed Node processes under this test (their command line names the child script). */
function sandboxNodes(): number[] {
  return processTree(process.pid).filter((pid) => {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return cmd[0]?.endsWith("node") && cmd.includes("/grader/child.mjs");
    } catch {
      return false;
    }
  });
}

/** CPU ticks a process has used, or -1 when it is gone. */
function cpuTicks(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return -1;
  }
}

/** Whether a process is gone (or a zombie: dead, waiting to be reaped). */
function dead(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
  } catch {
    return true;
  }
}

describe("grading the lesson's predict", () => {
  it("reports what a correct predict returns, which matches the lesson's own", async () => {
    const r = await result(job(spamSource(">")));
    expect(r.error).toBeNull();
    expect(returned(r)).toEqual(SPAM_CALLS.map((c) => predictSpam(c.args[0] as number[], c.args[1] as number)));
    expect(r.calls.at(-1)).toEqual({ ok: true, json: true, value: "not spam", repr: "'not spam'" });
  });

  it("reports what a wrong predict (>= instead of >) returns: spam for a score of exactly 0.5", async () => {
    const r = await result(job(spamSource(">=")));
    expect(r.calls.at(-1)).toMatchObject({ ok: true, value: "spam" });
    expect(predictSpam([0.45, 0, 0], 0.5)).toBe("not spam");
  });

  it("reports a syntax error with its type and line", async () => {
    const r = await result(job("def relu(x):\n    return max(0, x)\n\ndef predict(inputs, threshold)\n    return 'spam'\n"));
    expect(r.error).toMatchObject({ type: "SyntaxError", line: 4 });
    expect(r.calls).toEqual([]);
  });

  it("reports an exception with its type, message and line, while loading and in each call", async () => {
    const loading = await result(job("x = 1\ny = x / 0\n"));
    expect(loading.error).toEqual({ type: "ZeroDivisionError", message: "division by zero", line: 2 });
    const calling = await result(job("def predict(inputs, threshold):\n    links = inputs[0]\n    return inputs[7]\n", [{ args: [[0.9, 0.8, 0], 0.5] }]));
    expect(calling.error).toBeNull();
    expect(calling.calls[0]).toEqual({ ok: false, error: { type: "IndexError", message: "list index out of range", line: 3 } });
  });

  it("says when predict is missing", async () => {
    const r = await result(job("def predikt(inputs, threshold):\n    return 'spam'\n"));
    expect(r.error).toEqual({ type: "NameError", message: "Define a function named predict.", line: null });
  });

  it("runs asserts in the student's namespace, and returns that are not plain JSON are only repr'd", async () => {
    const source = "class Always(str):\n    def __eq__(self, other):\n        return True\n\ndef predict(inputs, threshold):\n    return Always('spam') if inputs else {1, 2}\n";
    const r = await result(job(source, [{ args: [[1], 0.5] }, { args: [[], 0.5] }], ["assert predict([], 0.5) == {1, 2}", "assert predict([], 0.5) == 3, 'not three'"]));
    expect(r.calls).toEqual([
      { ok: true, json: false, value: null, repr: "'spam'" },
      { ok: true, json: false, value: null, repr: "{1, 2}" },
    ]);
    expect(r.asserts).toEqual([{ ok: true }, { ok: false, error: { type: "AssertionError", message: "not three", line: null } }]);
  });
});

describe("limits", () => {
  it("kills an infinite loop at the wall clock, and the pool grades on", async () => {
    const running = outcome(job("while True:\n    pass\n"));
    await new Promise((r) => setTimeout(r, 1_500));
    const before = new Map(sandboxNodes().map((pid) => [pid, cpuTicks(pid)]));
    await new Promise((r) => setTimeout(r, 500));
    const busy = [...before].sort((a, b) => cpuTicks(b[0]) - b[1] - (cpuTicks(a[0]) - a[1]))[0]![0];
    const o = await running;
    expect(o).toMatchObject({ kind: "timeout", limitMs: 5_000 });
    if (o.kind === "timeout") expect(o.ms).toBeGreaterThanOrEqual(4_990);
    await waitFor("the looping child to be dead", () => dead(busy), { timeoutMs: 3_000 });
    expect((await result(job(spamSource(">")))).error).toBeNull();
  });

  it("kills a memory bomb (bytearray of 1 GiB), and the pool grades on", async () => {
    const o = await outcome(job("x = bytearray(2 ** 30)\n"));
    expect(o).toMatchObject({ kind: "memory", limitMb: 512 });
    expect((await result(job(spamSource(">")))).error).toBeNull();
  });

  it("stops a list bomb: killed at the cap or a MemoryError, and the pool grades on", async () => {
    const o = await outcome(job("x = []\nwhile True:\n    x.append([0] * 1_000_000)\n"));
    if (o.kind === "done") expect(o.result.error?.type).toBe("MemoryError");
    else expect(o).toMatchObject({ kind: "memory" });
    const huge = await outcome(job("x = [0] * (2 ** 31)\n"));
    expect(huge.kind === "memory" || (huge.kind === "done" && ["MemoryError", "OverflowError"].includes(huge.result.error?.type ?? ""))).toBe(true);
    expect((await result(job(spamSource(">")))).error).toBeNull();
  });

  it("keeps the first STDOUT_LIMIT characters of a megabyte printed", async () => {
    const r = await result(job("print('x' * 1_000_000)\n" + spamSource(">")));
    expect(r.stdout.length).toBe(STDOUT_LIMIT);
    expect(r.stdout.endsWith(STDOUT_CUT_MARK)).toBe(true);
    expect(r.calls).toHaveLength(SPAM_CALLS.length);
  });

  it("kills a child that writes a megabyte straight to its stdout: no result, forged or not", async () => {
    const o = await outcome(probe(`${PROCESS}p.stdout.write('{"x":1}' * 150_000 + '\\n')\ndef predict():\n    return 1\n`));
    expect(["output", "crashed"]).toContain(o.kind);
    expect((await result(job(spamSource(">")))).error).toBeNull();
  });
});

describe("escape attempts: what the student's code sees", () => {
  it("through `js` to Node's process: only the sandbox's, with no environment, no host files, nothing writable that matters", async () => {
    const seen = (await saw(`${PROCESS}fs = p.getBuiltinModule('fs')

def attempt(action):
    try:
        action()
        return "done"
    except Exception as e:
        return str(e)[:70]

def predict():
    return {
        "env": js.JSON.stringify(p.env),
        "pid": p.pid,
        "uid": p.getuid(),
        "root": list(fs.readdirSync('/')),
        "host files": [f for f in ['/etc/passwd', '/etc/shadow', '/work', '/root', '/home', '/var'] if fs.existsSync(f)],
        "processes": [d for d in fs.readdirSync('/proc') if d.isdigit()],
        "write /usr": attempt(lambda: fs.writeFileSync('/usr/x', 'x')),
        "write /proc/sys": attempt(lambda: fs.writeFileSync('/proc/sys/vm/drop_caches', '1')),
        "write 20 MB to /tmp": attempt(lambda: fs.writeFileSync('/tmp/x', 'x' * (20 * 1024 * 1024))),
    }
`)) as Record<string, JsonValue>;
    console.log("js → process saw:", JSON.stringify(seen));
    expect(Object.keys(JSON.parse(seen.env as string)).filter((k) => k !== "PWD")).toEqual([]);
    expect(seen.pid).toBeLessThan(10);
    expect(seen.uid).not.toBe(0);
    expect(seen.root).toEqual(expect.arrayContaining(["proc", "pyodide", "tmp", "usr"]));
    expect(seen.root).not.toContain("etc");
    expect(seen.root).not.toContain("work");
    expect(seen["host files"]).toEqual([]);
    expect((seen.processes as string[]).every((pid) => Number(pid) < 10)).toBe(true);
    expect(seen["write /usr"]).toContain("EROFS");
    expect(seen["write /proc/sys"]).toMatch(/EACCES|EROFS/);
    expect(seen["write 20 MB to /tmp"]).toContain("ENOSPC");
  });

  it("through `pyodide_js`: Pyodide's own API and its in-memory file system, nothing of the host", async () => {
    const seen = (await saw("import pyodide_js\ndef predict():\n    return [pyodide_js.version, list(pyodide_js.FS.readdir('/'))]\n")) as [string, string[]];
    console.log("pyodide_js saw:", JSON.stringify(seen));
    expect(seen[1]).not.toContain("work");
    expect(seen[1]).not.toContain("etc");
  });

  it("open('/etc/passwd') fails", async () => {
    const seen = await saw("def predict():\n    try:\n        return open('/etc/passwd').read()\n    except OSError as e:\n        return type(e).__name__\n");
    expect(seen).toBe("FileNotFoundError");
  });

  it("a request to a server on the host's 127.0.0.1 never arrives (a worker thread's fetch, waited for)", async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end("hello");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const fetchInWorker = (url: string) => `
const { Worker } = process.getBuiltinModule('worker_threads');
const flag = new Int32Array(new SharedArrayBuffer(4));
const out = new Uint8Array(new SharedArrayBuffer(256));
new Worker("const { workerData: d } = require('worker_threads');" +
  "fetch(d.url).then(r => 'status ' + r.status, e => 'failed: ' + ((e.cause && e.cause.code) || e.message))" +
  ".then(s => { new TextEncoder().encodeInto(s, d.out); Atomics.store(d.flag, 0, 1); Atomics.notify(d.flag, 0); });",
  { eval: true, workerData: { url: ${JSON.stringify(url)}, flag, out } });
Atomics.wait(flag, 0, 0, 3000);
return new TextDecoder().decode(out).replace(/\\0+$/, '') || 'no answer';`;
      const seen = await saw(`${PROCESS}def predict():
    return [js.constructor.constructor(${JSON.stringify(fetchInWorker(`http://127.0.0.1:${port}/`))})(),
            js.constructor.constructor(${JSON.stringify(fetchInWorker(`http://localhost:${port}/`))})()]
`);
      console.log("fetch from inside saw:", JSON.stringify(seen));
      expect(seen).toEqual([expect.stringMatching(/^failed/), expect.stringMatching(/^failed/)]);
      await new Promise((r) => setTimeout(r, 200));
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it("starting a program is refused (seccomp): no shell, no nested sandbox", async () => {
    const seen = await saw(`${PROCESS}cp = p.getBuiltinModule('child_process')
def predict():
    out = []
    for args in (['/bin/sh', ['-c', 'id']], ['/usr/bin/unshare', ['-U', 'id']]):
        try:
            out.append(str(cp.execFileSync(args[0], args[1])))
        except Exception as e:
            out.append(str(e)[:60])
    return out
`);
    console.log("starting programs saw:", JSON.stringify(seen));
    expect(seen).toEqual([expect.stringContaining("EPERM"), expect.stringContaining("EPERM")]);
  });

  it("a result line written to stdout is not taken for the result, with or without exiting at once", async () => {
    const fake = JSON.stringify({ nonce: "0".repeat(32), result: { error: null, calls: [{ ok: true, json: true, value: "spam", repr: "'spam'" }], asserts: [], stdout: "" } });
    for (const after of ["", "p.exit(0)\n", "p.reallyExit(0)\n"]) {
      const o = await outcome(probe(`${PROCESS}p.stdout.write(${JSON.stringify(fake)} + '\\n')\n${after}def predict():\n    return 'not spam'\n`));
      expect(o.kind).toBe("crashed");
    }
  });

  it("code that rewrites the harness can make the result say what it likes: the limit docs/security.md states", async () => {
    const source = `import __main__
__main__._outcome = lambda value, budget: {"ok": True, "json": True, "value": "spam", "repr": "'spam'"}
__main__._run_assert = lambda text, namespace: {"ok": True}
def predict(inputs, threshold):
    return "not spam"
`;
    const r = await result(job(source, [{ args: [[0.45, 0, 0], 0.5] }], ["assert predict([0, 0, 0], 0.5) == 'spam'"]));
    // Values the function did not return, and an assert that failed reported as passed: the
    // calls are judged outside against answers that never entered the sandbox, so this buys no
    // more than a function returning "spam"; assert verdicts are only as good as the harness.
    expect(r.calls[0]).toMatchObject({ ok: true, value: "spam" });
    expect(r.asserts).toEqual([{ ok: true }]);
  });
});

describe("load", () => {
  // About 0.7 s of CPU a grade (each child loads Python): 20 to 30 s on two idle cores, more on a busy machine.
  it("grades 50 jobs submitted at once, all of them", async () => {
    const began = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => outcome(job(spamSource(">")))));
    const ms = performance.now() - began;
    timings["50 grades at once (pool of 2)"] = `${Math.round(ms)} ms`;
    expect(outcomes.map((o) => o.kind)).toEqual(Array(50).fill("done"));
    const warm = outcomes.map((o) => (o.kind === "done" ? o.ms : 0)).sort((a, b) => a - b);
    timings["grade on a warm child, median of 50"] = `${warm[25]} ms`;
    expect(grader.status()).toMatchObject({ available: true, queued: 0, running: 0 });
  }, 180_000);

  it("refuses past the queue's bound with GraderBusyError, except forced jobs; closing answers the waiting ones", async () => {
    const small = new Grader({ poolSize: 1, maxQueued: 2 });
    const accepted = [small.run(job(spamSource(">"))), small.run(job(spamSource(">")))];
    await expect(small.run(job(spamSource(">")))).rejects.toBeInstanceOf(GraderBusyError);
    accepted.push(small.run(job(spamSource(">")), { force: true }));
    expect(small.status()).toMatchObject({ queued: 3, running: 0 });
    // Closed while it still makes its snapshot: the snapshot's child is killed, nothing is left waiting.
    await small.close();
    const outcomes = await Promise.all(accepted);
    expect(outcomes).toEqual(Array(3).fill({ kind: "unavailable", reason: "The grader has shut down." }));
    expect(small.status()).toMatchObject({ queued: 0, running: 0, warm: 0, starting: 0 });
  });
});

describe("snapshots", () => {
  it("the snapshot directory of a process that is gone is removed when the next grader makes its own", () => {
    expect(fs.existsSync(staleDir)).toBe(false);
  });

  it("a child given a snapshot it cannot load loads Python the ordinary way instead, says so, and grades", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-bad-snapshot-"));
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, "pyodide.snap");
    fs.writeFileSync(file, Buffer.alloc(1024 * 1024, 7), { mode: 0o644 });
    const paths = sandboxPaths();
    const child = new WarmChild(sandboxCommand(paths, childProgram(paths, ["--snapshot", INSIDE.snapshot]), file), HARNESS_PY, 60_000);
    try {
      expect(await child.ready).toEqual({ fromSnapshot: false });
      expect(child.stderrText).toContain("loading from the snapshot failed");
      const o = await child.run(job(spamSource(">")), { timeoutMs: 5_000, memoryBytes: 512 * 2 ** 20, outputBytes: 256 * 1024, pollMs: 50 });
      expect(o.kind === "done" && o.result.calls.at(-1)).toMatchObject({ value: "not spam" });
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
