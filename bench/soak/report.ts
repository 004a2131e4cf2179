/** The soak's figures on the console and as an entry appended to docs/reliability.md. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../../tests/helpers/server-process";
import { spread } from "./common";
import type { CrashFigures } from "./crashes";
import type { FlapFigures } from "./flaps";
import type { FuzzFigures } from "./fuzz";

export interface SoakFigures {
  crashes: CrashFigures[];
  flaps?: FlapFigures;
  fuzz?: FuzzFigures;
  skipped: string[];
  command: string;
  seconds: number;
}

/** Every broken promise of the run; none means the soak passed. */
export function problemsOf(f: SoakFigures): string[] {
  return [
    ...f.crashes.flatMap((c) => c.problems.map((p) => `${c.db} kill -9: ${p}`)),
    ...(f.flaps?.problems ?? []).map((p) => `flaps: ${p}`),
    ...(f.fuzz?.problems ?? []).map((p) => `fuzz: ${p}`),
  ];
}

export function soakLines(f: SoakFigures): string[] {
  const lines: string[] = [];
  for (const c of f.crashes) {
    lines.push(
      `kill -9 on ${c.db}: ${c.cycles} cycles survived; ${c.counts.acked} commands acknowledged, acknowledged events lost: ${c.problems.length}; ` +
        `back and accepting after a kill (min / median / max): ${spread(c.backMs)} ms; handshakes refused after a restart (tried again): ${JSON.stringify(c.refusedHandshakes)}.`,
    );
    for (const e of c.serverErrors.slice(0, 3)) lines.push(`  ${c.db} server error after a restart: \`${e.replace(/`/g, "'")}\``);
  }
  if (f.flaps) {
    const x = f.flaps;
    lines.push(
      `PostgreSQL through the proxy: ${x.flaps} flaps of 150 ms, first command accepted ${x.afterFlapsMs} ms after the last; ${x.outages} outages of ${x.outageMs / 1000} s, ` +
        `first command accepted after each (min / median / max): ${spread(x.recoveryMs)} ms; answers ${JSON.stringify(x.counts)}, slowest ${Math.round(x.slowestAnswerMs)} ms; broken promises: ${x.problems.length}.`,
    );
  }
  if (f.fuzz) {
    const z = f.fuzz;
    const refusals = Object.entries(z.outcomes).filter(([k]) => k !== "ok").sort((a, b) => b[1] - a[1]);
    lines.push(
      `Fuzz: ${z.sent} messages in ${Math.round(z.seconds)} s (${Math.round(z.sent / z.seconds)}/s; ${z.withoutAck} without an ack, ${z.unknownEvents} unknown events); ` +
        `${z.outcomes.ok ?? 0} accepted, refusals by code: ${refusals.map(([k, v]) => `${k} ${v}`).join(", ") || "none"}; ${z.systemErrors} system:error; ` +
        `${z.eventsLogged} events logged, all parsed, seqs gap-free, same state after a restart: ${z.problems.length === 0 ? "yes" : `no (${z.problems.length} problems)`}.`,
    );
  }
  for (const s of f.skipped) lines.push(`Skipped: ${s}.`);
  return lines;
}

function codeVersion(): string {
  const git = (...a: string[]) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git("rev-parse", "--short", "HEAD") || "unknown";
  const dirty = git("status", "--porcelain", "--", "server", "lib", "db").split("\n").filter(Boolean).length;
  return dirty ? `${commit} with ${dirty} uncommitted file(s) in server/, lib/, db/` : commit;
}

/** Appends the run to docs/reliability.md under "Soak runs"; returns the file. */
export function writeSoakEntry(f: SoakFigures): string {
  const file = path.join(ROOT, "docs", "reliability.md");
  let text = fs.readFileSync(file, "utf8").trimEnd();
  if (!text.includes("\n## Soak runs\n")) {
    text += "\n\n## Soak runs\n\n`npm run soak` (bench/soak.ts) appends an entry here after each run; the newest is last.";
  }
  const problems = problemsOf(f);
  const entry = [
    `### ${new Date().toISOString().slice(0, 10)}: \`${f.command}\``,
    "",
    `- Machine: ${os.cpus().length} cores, Node ${process.version}; code ${codeVersion()}; ${Math.round(f.seconds)} s in all.`,
    ...soakLines(f).map((l) => `- ${l}`),
    `- Result: ${problems.length === 0 ? "every promise held" : `${problems.length} broken promise(s): ${problems.slice(0, 5).join("; ")}`}.`,
  ];
  fs.writeFileSync(file, `${text}\n\n${entry.join("\n")}\n`);
  return file;
}
