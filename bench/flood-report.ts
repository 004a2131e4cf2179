/** The flood scenario's table, one-line summaries and interpretation (console and docs/benchmarks.md). */
import { FLOOD_RECONNECT, FLOOD_SECONDS, FLOODERS } from "./args";
import type { FloodResult } from "./results";
import { fmt } from "./lib/stats";

const TARGET_MS = 100;

export function floodTable(a: FloodResult | undefined, b: FloodResult | undefined): string[][] {
  const rows: string[][] = [["", "Synapse", "bare Socket.IO"]];
  const row = (label: string, get: (r: FloodResult) => string) => rows.push([label, a ? get(a) : "–", b ? get(b) : "–"]);
  const ms = (x: number) => fmt(x, 1);
  row("bystander ack p50 / p99 / max before the flood, ms", (r) => `${ms(r.before.p50)} / ${ms(r.before.p99)} / ${ms(r.before.max)}`);
  row("bystander ack p50 / p99 / max, first 500 ms of the flood", (r) => `${ms(r.onset.p50)} / ${ms(r.onset.p99)} / ${ms(r.onset.max)}`);
  row("**bystander ack p99 during the flood, ms**", (r) => `**${ms(r.during.p99)}**`);
  row("bystander ack p50 / max during the flood, ms", (r) => `${ms(r.during.p50)} / ${ms(r.during.max)} (at +${fmt(r.slowestAtMs, 0)} ms)`);
  row("bystander ack p50 / p99 after the flood, ms", (r) => `${ms(r.after.p50)} / ${ms(r.after.p99)}`);
  row("bystander moves acknowledged (during the flood)", (r) => `${r.before.n + r.during.n + r.after.n} (${r.during.n})`);
  row("bystander moves refused", (r) => JSON.stringify(r.bystanderRefused));
  row("flood messages sent while connected (per second of the flood)", (r) => `${r.sent} (${fmt(r.offeredPerS, 0)})`);
  row("flood acks by outcome", (r) => JSON.stringify(r.acks));
  row("flooding sockets cut off: first / last, ms after the start", (r) => `${fmt(r.firstCutMs, 0)} / ${fmt(r.lastCutMs, 0)}`);
  row("flooders connecting again: accepted / refused", (r) => `${r.reconnects.ok} / ${JSON.stringify(r.reconnects.refused)}`);
  row("server CPU during the flood, % of one core", (r) => fmt(r.serverCpuPct, 0));
  row("other processes during the flood, % of one core", (r) => fmt(r.otherCpuPct, 0));
  return rows;
}

export const floodLine = (r: FloodResult) =>
  `p99 during ${fmt(r.during.p99)} ms (first 500 ms: p99 ${fmt(r.onset.p99)}, max ${fmt(r.onset.max)}), before ${fmt(r.before.p99)}, after ${fmt(r.after.p99)}; server CPU ${fmt(r.serverCpuPct, 0)}%, other processes ${fmt(r.otherCpuPct, 0)}%`;

export function floodParameters(): string {
  return (
    `5 bystander students of one class each move, wait for the acknowledgement and pause 25 ms, from 1 s before to 1 s after the flood; ` +
    `${FLOODERS} students of another class flood from 5 sockets each, 5 moves per socket every 10 ms, for ${FLOOD_SECONDS} s` +
    (FLOOD_RECONNECT ? ", each socket connecting again with its pass as soon as it is cut off" : "") +
    "; bystanders and flooders in processes of their own; Synapse on PGlite with the production limits."
  );
}

export function floodInterpretation(a: FloodResult | undefined, b: FloodResult | undefined): string[] {
  const lines: string[] = [];
  if (a) {
    lines.push(
      `Target "a bystander session's ack p99 under ${TARGET_MS} ms while another floods": ${a.during.p99 < TARGET_MS ? "met" : "not met"} ` +
        `(p99 ${fmt(a.during.p99)} ms over the flood, ${fmt(a.onset.p99)} ms in its first 500 ms).`,
    );
  }
  if (a && b) {
    lines.push(
      `The bare server, which takes every flooding message, gave the bystanders a p99 of ${fmt(b.during.p99)} ms under the same offered load (${fmt(b.offeredPerS, 0)} messages/s); ` +
        `Synapse cut the flooders off (first after ${fmt(a.firstCutMs, 0)} ms) and refused their reconnections.`,
    );
  }
  return lines;
}
