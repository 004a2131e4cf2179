/** Scenarios A and B: the same load and the same measurement against either server. */
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import os from "node:os";
import { CLIENT_PROCS, HARD_LIMIT_S, JITTER, RATE, SECONDS, STUDENTS, WARMUP } from "./args";
import { log, now } from "./log";
import { quietBeforeRun } from "./quiet";
import type { LoadResult } from "./results";
import { host, joinAll, startBare, startSynapse } from "./servers";
import { gradingLoad, type GradingLoad } from "./grading-load";
import type { ClientSpec } from "./lib/messages";
import { cpuSeconds, machineCpu, majorFaults, descendantsCpuSeconds, rssMb, sleep, watchRss } from "./lib/procs";
import { fmt, summarize } from "./lib/stats";
import { Worker } from "./lib/worker";

const TICK_MS = 25;

/**
 * @param options.grading Synapse only: a second class sends 50 programs to the sandbox 2 s
 *   into the measured window (bench/grading-load.ts).
 */
export async function loadScenario(kind: "synapse" | "bare", options: { grading?: boolean } = {}): Promise<LoadResult> {
  await quietBeforeRun(kind);
  log(`${kind}: starting the server`);
  const server = kind === "synapse" ? await startSynapse() : await startBare();
  const workers: Worker[] = [];
  try {
    // Who is in the class.
    let teacherAuth: Record<string, unknown>;
    let studentAuths: Record<string, unknown>[];
    let joinMs = 0;
    let joinFailures: Record<string, number> = {};
    if (kind === "synapse") {
      const session = await host(server.url);
      teacherAuth = { protocolVersion: PROTOCOL_VERSION, token: session.teacherToken };
      log(`synapse: joining ${STUDENTS} students over HTTP`);
      const joins = await joinAll(server.url, Array(STUDENTS).fill(session.code), 8);
      joinMs = joins.ms;
      joinFailures = joins.failures;
      if (joins.joined.some((j) => !j)) throw new Error(`joins failed: ${JSON.stringify(joins.failures)}`);
      studentAuths = joins.joined.map((j) => ({ protocolVersion: PROTOCOL_VERSION, token: j!.token }));
    } else {
      teacherAuth = { room: "bench", id: "teacher", role: "teacher" };
      studentAuths = Array.from({ length: STUDENTS }, (_, i) => ({ room: "bench", id: `student-${i}`, role: "student" }));
    }

    // The teacher gets a process of its own so that its receive times are not delayed by
    // the students' work; the students are split across CLIENT_PROCS processes.
    const teacher = new Worker("teacher", HARD_LIMIT_S);
    workers.push(teacher);
    const studentWorkers = Array.from({ length: Math.min(CLIENT_PROCS, Math.max(1, STUDENTS)) }, (_, w) => new Worker(`students-${w + 1}`, HARD_LIMIT_S));
    workers.push(...studentWorkers);
    let clockRttMs = 0;
    for (const w of workers) clockRttMs = Math.max(clockRttMs, (await w.calibrate()).rtt);

    const connectStarted = now();
    teacher.post({
      type: "connect",
      url: server.url,
      specs: [{ role: "teacher", index: -1, group: 0, auth: teacherAuth }],
      concurrency: 1,
      timeoutMs: 20_000,
    });
    const teacherConnected = await teacher.next("connected", 30_000);
    if (teacherConnected.ok !== 1) throw new Error(`teacher could not connect: ${teacherConnected.errors.join("; ")}`);
    studentWorkers.forEach((w, wi) => {
      const specs: ClientSpec[] = [];
      studentAuths.forEach((auth, i) => {
        if (i % studentWorkers.length === wi) specs.push({ role: "student", index: i, group: 0, auth });
      });
      w.post({ type: "connect", url: server.url, specs, concurrency: 20, timeoutMs: 20_000 });
    });
    const connected = await Promise.all(studentWorkers.map((w) => w.next("connected", 120_000)));
    const connectMs = now() - connectStarted;
    const connectFailed = connected.reduce((a, c) => a + c.failed, 0);
    log(`${kind}: ${STUDENTS - connectFailed}/${STUDENTS} students connected in ${fmt(connectMs, 0)} ms`);
    await sleep(1500); // let the presence updates of the connections settle

    // The load.
    const perStudent = Math.ceil((WARMUP + SECONDS) * RATE * (1 + JITTER) * 1.2) + 5;
    const slots = Math.max(1, STUDENTS * perStudent);
    // Moves start WARMUP seconds before the measured window, so that neither server is
    // measured while its code paths are still cold.
    const startAt = now() + 1000 + WARMUP * 1000;
    const windowEnd = startAt + SECONDS * 1000;
    const grading: GradingLoad | null = options.grading && kind === "synapse" ? await gradingLoad(server.url, startAt + 2000) : null;
    for (const w of studentWorkers) {
      w.post({
        type: "run",
        plan: { startAt: startAt - WARMUP * 1000 + w.offset, seconds: WARMUP + SECONDS, rate: RATE, jitter: JITTER, base: -4.99, step: 9.98 / slots, perStudent },
      });
    }
    teacher.post({ type: "run", plan: { startAt: startAt + teacher.offset, seconds: 0, rate: 1, jitter: 0, base: 0, step: 0, perStudent: 0 } });
    await teacher.next("sent", 5000);

    const pids = [server.pid, ...workers.map((w) => w.pid)];
    const rssBefore = rssMb(server.pid);
    await sleep(startAt - now());
    const cpuStart = pids.map(cpuSeconds);
    const childrenStart = descendantsCpuSeconds(server.pid);
    const faultsStart = pids.map(majorFaults);
    const machineStart = machineCpu();
    const selfStart = process.cpuUsage();
    const rss = watchRss(server.pid);
    await sleep(windowEnd - now());
    const cpuEnd = pids.map(cpuSeconds);
    const childrenCpu = descendantsCpuSeconds(server.pid) - childrenStart;
    const faults = pids.map((pid, i) => majorFaults(pid) - faultsStart[i]!);
    const machineEnd = machineCpu();
    const self = process.cpuUsage(selfStart);
    const loadAvg = os.loadavg()[0]!;
    const { peak: rssPeak } = rss.stop();
    await Promise.all(studentWorkers.map((w) => w.next("sent", 30_000)));
    await sleep(1500); // the last moves' updates and acks
    const gradingResult = grading ? await grading.finish() : undefined;

    const results = await Promise.all(
      workers.map((w) => {
        w.post({ type: "collect", windowStart: startAt + w.offset, windowEnd: windowEnd + w.offset });
        return w.next("result", 30_000);
      }),
    );
    const cpuPct = (i: number) => ((cpuEnd[i]! - cpuStart[i]!) / SECONDS) * 100;

    // Latency: join each sent value with the moment the teacher saw it (in our clock).
    const teacherResult = results[0]!;
    const seenAt = new Map<number, number>();
    teacherResult.seenValues.forEach((v, i) => {
      if (!seenAt.has(v)) seenAt.set(v, teacherResult.seenAt[i]! - teacher.offset);
    });
    const latencies: number[] = [];
    const bySecond: number[][] = Array.from({ length: Math.ceil(SECONDS) }, () => []);
    const acks: number[] = [];
    let sent = 0;
    const refused: Record<string, number> = {};
    let folded = 0;
    let unexplained = 0;
    results.slice(1).forEach((r, wi) => {
      const offset = studentWorkers[wi]!.offset;
      const inWindow = (i: number) => r.sentAt[i]! - offset >= startAt;
      // Each student's moves in order: an unseen move followed by one acknowledged with the
      // same seq was folded into it (same tick), as the server is meant to do.
      const byStudent = new Map<number, number[]>();
      r.sentBy.forEach((student, i) => {
        const list = byStudent.get(student) ?? [];
        list.push(i);
        byStudent.set(student, list);
      });
      for (const list of byStudent.values()) {
        list.forEach((i, k) => {
          if (!inWindow(i) || seenAt.has(r.sentValues[i]!)) return;
          const later = list[k + 1];
          if (later !== undefined && r.ackSeq[i]! >= 0 && r.ackSeq[later] === r.ackSeq[i]) folded++;
          else unexplained++;
        });
      }
      r.sentValues.forEach((v, i) => {
        if (!inWindow(i)) return;
        sent++;
        const seen = seenAt.get(v);
        const sentAt = r.sentAt[i]! - offset;
        if (seen !== undefined) {
          latencies.push(seen - sentAt);
          bySecond[Math.min(bySecond.length - 1, Math.max(0, Math.floor((sentAt - startAt) / 1000)))]!.push(seen - sentAt);
        }
        if (r.ackMs[i]! >= 0) acks.push(r.ackMs[i]!);
      });
      for (const [code, n] of Object.entries(r.refused)) refused[code] = (refused[code] ?? 0) + n;
    });

    const teacherSocket = teacherResult.sockets[0]!;
    const studentSockets = results.slice(1).flatMap((r) => r.sockets);
    const allSockets = [teacherSocket, ...studentSockets];
    const perS = (n: number) => n / SECONDS;
    const studentRates = studentSockets.map((s) => perS(s.updates));
    return {
      name: grading ? `${kind}+grading` : kind,
      ...(gradingResult ? { grading: gradingResult } : {}),
      joinMs,
      joinFailures,
      connectMs,
      connectFailed,
      connectErrors: connected.flatMap((c) => c.errors),
      clockRttMs,
      latency: summarize(latencies),
      p99BySecond: bySecond.map((l) => summarize(l).p99),
      sent,
      acked: acks.length,
      seen: latencies.length,
      folded,
      unexplained,
      refused,
      ack: summarize(acks),
      windowS: SECONDS,
      teacherUpdatesPerS: perS(teacherSocket.updates),
      teacherEventsPerS: perS(teacherSocket.events),
      studentUpdatesPerS: {
        mean: studentRates.reduce((a, b) => a + b, 0) / Math.max(1, studentRates.length),
        min: Math.min(...studentRates),
        max: Math.max(...studentRates),
      },
      updatesPerTick: Math.max(...allSockets.map((s) => s.updates)) / ((SECONDS * 1000) / TICK_MS),
      maxPer25ms: Math.max(...allSockets.map((s) => s.maxPer25ms)),
      maxPer250ms: Math.max(...allSockets.map((s) => s.maxPer250ms)),
      clientsOver1Per25ms: allSockets.filter((s) => s.maxPer25ms > 1).length,
      minGapMs: Math.min(...allSockets.map((s) => s.minGapMs)),
      seqGaps: allSockets.reduce((a, s) => a + s.seqGaps, 0),
      serverCpuPct: cpuPct(0),
      rssBefore,
      rssPeak,
      serverMajorFaults: faults[0]!,
      machineCpuPct: ((machineEnd.busy - machineStart.busy) / SECONDS) * 100,
      otherCpuPct:
        ((machineEnd.busy - machineStart.busy - cpuEnd.reduce((a, c, i) => a + c - cpuStart[i]!, 0) - childrenCpu - (self.user + self.system) / 1e6) / SECONDS) * 100,
      serverChildrenCpuPct: (childrenCpu / SECONDS) * 100,
      loadAvg,
      workers: workers.map((w, i) => ({
        label: w.label,
        sockets: results[i]!.sockets.length,
        cpuPct: cpuPct(i + 1),
        loopP99: results[i]!.eventLoopDelay.p99,
        loopMax: results[i]!.eventLoopDelay.max,
        majorFaults: faults[i + 1]!,
      })),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close().catch(() => {})));
    await server.stop();
  }
}
