/**
 * The machine's quietness: before each load run, wait for other processes to go quiet,
 * and run again a run they disturbed.
 */
import { MAX_OTHER, QUIET_WAIT, TRIES } from "./args";
import { log, now } from "./log";
import { machineCpu, sleep } from "./lib/procs";
import { fmt } from "./lib/stats";

/**
 * This machine may be shared: waits, at most `QUIET_WAIT` seconds, until the processes
 * that are not this bench use less than 30% of one core over 2 s. Nothing of ours runs
 * between scenarios, so the machine's busy time is theirs.
 */
export async function waitForQuiet(): Promise<number> {
  const deadline = now() + QUIET_WAIT * 1000;
  for (;;) {
    const m0 = machineCpu();
    const s0 = process.cpuUsage();
    await sleep(2000);
    const self = process.cpuUsage(s0);
    const others = ((machineCpu().busy - m0.busy - (self.user + self.system) / 1e6) / 2) * 100;
    if (others < 30 || now() >= deadline) return others;
  }
}

/** Waits for quiet (unless --quiet-wait 0) and says how busy the other processes were. */
export async function quietBeforeRun(kind: "synapse" | "bare"): Promise<void> {
  if (QUIET_WAIT > 0) {
    const started = now();
    const others = await waitForQuiet();
    log(`${kind}: other processes at ${fmt(others, 0)}% of a core (waited ${fmt((now() - started) / 1000, 0)} s for quiet)`);
  }
}

/** Runs `scenario`, again (at most `TRIES` times in all) while other processes disturbed it. */
export async function measured<R extends { otherCpuPct: number }>(
  kind: "synapse" | "bare",
  scenario: (kind: "synapse" | "bare") => Promise<R>,
  discarded: R[],
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const r = await scenario(kind);
    if (r.otherCpuPct <= MAX_OTHER || attempt >= TRIES) return r;
    log(`${kind}: other processes used ${fmt(r.otherCpuPct, 0)}% of a core during the run: discarded, running it again`);
    discarded.push(r);
  }
}
