/** What the soak's phases share: the time limit, the test build, and waiting for a command to land. */
import fs from "node:fs";
import path from "node:path";
import type { LiveClient } from "../../tests/helpers/classroom";
import type { FaultLedger } from "../../tests/helpers/fault-ledger";
import { ROOT } from "../../tests/helpers/server-process";

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The soak's hard time limit: phases check it between cycles and stop early. */
export class Deadline {
  constructor(private readonly at: number) {}
  left(): boolean {
    return Date.now() < this.at;
  }
}

/** The server under test runs from the tests' build (.next-test), made here when missing. */
export async function ensureTestBuild(): Promise<void> {
  const built = (file: string) => fs.existsSync(path.join(ROOT, ".next-test", file));
  if (built("BUILD_ID") && built("phone/manifest.json")) return;
  const script = new URL("../../scripts/test-e2e.mjs", import.meta.url).href;
  const { buildForTests } = (await import(script)) as { buildForTests(): Promise<void> | void };
  await buildForTests();
}

/** Sends through the ledger until a command is acknowledged; the ms it took. Throws when the session stays frozen. */
export async function untilAccepted(ledger: FaultLedger, teacher: LiveClient, limitMs = 10_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await ledger.send(teacher)) === "ok") return Math.round(performance.now() - started);
    await sleep(100);
  }
  throw new Error(`no command accepted within ${limitMs} ms: the session is frozen`);
}

/** min / median / max of a list, for the report. */
export function spread(values: number[]): string {
  if (values.length === 0) return "–";
  const s = [...values].sort((a, b) => a - b);
  return `${Math.round(s[0]!)} / ${Math.round(s[Math.floor((s.length - 1) / 2)]!)} / ${Math.round(s.at(-1)!)}`;
}
