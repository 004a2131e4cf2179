/**
 * The orchestrator's handle on one client worker process: bench/clients.ts by default (the
 * load and capacity scenarios), or another entry with its own messages (bench/flood-clients.ts).
 */
import type { ChildProcess } from "node:child_process";
import { forkWorker } from "./procs";
import type { FromWorker, ToWorker } from "./messages";

const now = () => performance.timeOrigin + performance.now();

type Message = { type: string };

export class Worker<In extends Message = ToWorker, Out extends Message = FromWorker> {
  readonly proc: ChildProcess;
  /** worker clock − our clock, ms. */
  offset = 0;
  private inbox: Out[] = [];
  private waiting: { type: Out["type"]; resolve: (m: Out) => void }[] = [];

  constructor(
    readonly label: string,
    maxSeconds: number,
    entry = "bench/clients.ts",
  ) {
    this.proc = forkWorker(entry, maxSeconds);
    this.proc.on("message", (msg: Out) => {
      if (msg.type === "error") {
        console.error(`bench: worker ${label}: ${(msg as { message?: string }).message}`);
        return;
      }
      const i = this.waiting.findIndex((w) => w.type === msg.type);
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(msg);
      else this.inbox.push(msg);
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  post(msg: In): void {
    this.proc.send(msg);
  }

  /** The next message of `type`, or an error after `timeoutMs`. */
  next<T extends Out["type"]>(type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>> {
    const i = this.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as Extract<Out, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker ${this.label}: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      const onExit = () => reject(new Error(`worker ${this.label} exited while waiting for "${type}"`));
      this.proc.once("exit", onExit);
      this.waiting.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          this.proc.off("exit", onExit);
          resolve(m as Extract<Out, { type: T }>);
        },
      });
    });
  }

  /** Measures the clock offset from the ping with the smallest round trip. */
  async calibrate(rounds = 25): Promise<{ offset: number; rtt: number }> {
    let best = { offset: 0, rtt: Infinity };
    for (let id = 0; id < rounds; id++) {
      const t0 = now();
      this.post({ type: "clock", id } as unknown as In);
      // The first reply also waits for the worker to load (slow on a busy machine).
      const reply = (await this.next("clock" as Out["type"], id === 0 ? 60_000 : 5000)) as unknown as { now: number };
      const t1 = now();
      if (t1 - t0 < best.rtt) best = { offset: reply.now - (t0 + t1) / 2, rtt: t1 - t0 };
    }
    this.offset = best.offset;
    return best;
  }

  async close(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.proc.once("exit", () => r()));
    this.post({ type: "close" } as In);
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  }
}
