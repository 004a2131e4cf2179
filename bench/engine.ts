/**
 * Scenario G (`npm run bench -- --only engine`, and the first section of a full run): the
 * engine's forward passes per second, in this process, on the lesson's networks:
 *
 * - `forward(network, inputs)`: the validating pass, which checks both arguments on every call
 *   (what every recomputation ran before the compiled form);
 * - `compiled.forward(inputs)`: the compiled form (lib/engine/compile.ts) returning fresh arrays
 *   shaped like forward's, which is what `forwardOf` hands the screens;
 * - `compiled.run(inputs)`: the compiled form into its own Float64Array buffers;
 * - `compile(network)`: what one change of the network costs (validation and compilation).
 *
 * Each is warmed up, then timed in ROUNDS rounds of about ROUND_MS; the median round is
 * reported, with the share of a core other processes used meanwhile (a shared machine: the
 * bench is one thread, so it is disturbed only when others keep both cores busy). Every result
 * is stored where the optimiser cannot see it unused, so no pass or allocation is skipped; each
 * network's first output is checked against forward's before it is timed.
 */
import fs from "node:fs";
import path from "node:path";
import { compile, forward, type Network } from "../lib/engine";
import { getPreset } from "../lib/lesson/presets";
import { NO_WRITE } from "./args";
import { codeVersion, machine } from "./doc";
import { log } from "./log";
import { machineCpu, ROOT } from "./lib/procs";
import { fmt } from "./lib/stats";

const ROUNDS = 5;
const ROUND_MS = 500;
/** The goal for the compiled form on the 2-3-2 network. */
export const ENGINE_GOAL = 1_000_000;

interface Case {
  name: string;
  network: Network;
  inputs: number[];
}

const preset = (name: string, id: string): Case => ({ name, network: getPreset(id).network, inputs: [...getPreset(id).inputs] });

/** First the lesson's 2-3-2 network ([0.8, 0.6] → [1.074, 0]), which the goal is about. */
const CASES: Case[] = [
  preset("2-3-2, ReLU (two-layer preset)", "two-layer"),
  preset("2-3-2, softmax output (classifier preset)", "classifier"),
  preset("3-1, sigmoid (spam preset)", "spam"),
];

export interface EngineRate {
  perSecond: number;
  /** Other processes' use of the machine during the median round, % of one core. */
  otherCpuPct: number;
}

export interface EngineRow {
  name: string;
  forward: EngineRate;
  compiledForward: EngineRate;
  run: EngineRate;
  compile: EngineRate;
}

/** Where every result goes, so that none is optimised away. */
export let sink: unknown;

/** Calls `once` in batches for about `ms` and returns calls per second and the others' CPU. */
function rate(once: () => unknown, ms: number): EngineRate {
  const m0 = machineCpu().busy;
  const s0 = process.cpuUsage();
  const t0 = performance.now();
  let calls = 0;
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 1000; i++) sink = once();
    calls += 1000;
    t = performance.now();
  }
  const seconds = (t - t0) / 1000;
  const self = process.cpuUsage(s0);
  const otherCpuPct = (100 * (machineCpu().busy - m0 - (self.user + self.system) / 1e6)) / seconds;
  return { perSecond: calls / seconds, otherCpuPct: Math.max(0, otherCpuPct) };
}

function median(once: () => unknown): EngineRate {
  rate(once, ROUND_MS); // warm-up: the optimising compiler settles
  const rounds = Array.from({ length: ROUNDS }, () => rate(once, ROUND_MS)).sort((a, b) => a.perSecond - b.perSecond);
  return rounds[Math.floor(ROUNDS / 2)]!;
}

function measureCase({ name, network, inputs }: Case): EngineRow {
  const compiled = compile(network);
  const last = (r: { layers: { output: number[] }[] }) => r.layers[r.layers.length - 1]!.output[0]!;
  const expected = last(forward(network, inputs));
  if (!Object.is(compiled.run(inputs)[0], expected) || !Object.is(last(compiled.forward(inputs)), expected)) {
    throw new Error(`engine bench: ${name}: the compiled form disagrees with forward`);
  }
  return {
    name,
    forward: median(() => forward(network, inputs)),
    compiledForward: median(() => compiled.forward(inputs)),
    run: median(() => compiled.run(inputs)),
    compile: median(() => compile(network)),
  };
}

const perS = (r: EngineRate) => `${Math.round(r.perSecond).toLocaleString("en-US")}/s`;

/** The table of one run, in markdown. */
export function engineTable(rows: EngineRow[]): string[] {
  const head = "| network | `forward` (validating) | compiled `forward` (fresh arrays) | compiled `run` (buffers) | run ÷ forward | `compile` (per change) |";
  return [
    head,
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${perS(r.forward)} | ${perS(r.compiledForward)} | ${perS(r.run)} | ${fmt(r.run.perSecond / r.forward.perSecond, 1)}× | ${perS(r.compile)} |`,
    ),
  ];
}

/** One line per run for the console and the entry: the goal and whether it is met. */
export function engineVerdict(rows: EngineRow[]): string {
  const main = rows[0]!;
  const met = (r: EngineRate) => (r.perSecond >= ENGINE_GOAL ? "met" : "NOT met");
  return (
    `Goal ≥ ${ENGINE_GOAL.toLocaleString("en-US")} passes/s of the 2-3-2 network: compiled \`run\` ${perS(main.run)} (${met(main.run)}), ` +
    `compiled \`forward\` ${perS(main.compiledForward)} (${met(main.compiledForward)}); the validating \`forward\` ${perS(main.forward)}.`
  );
}

function writeEntry(rows: EngineRow[]): string {
  const file = path.join(ROOT, "docs", "benchmarks.md");
  const others = Math.max(...rows.flatMap((r) => [r.forward, r.compiledForward, r.run, r.compile].map((x) => x.otherCpuPct)));
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)}: the engine's forward passes per second`,
    "",
    `- Machine: ${machine()}.`,
    `- Code: ${codeVersion()}.`,
    `- \`npm run bench -- --only engine\` (bench/engine.ts): one thread, in the bench's process; each figure the median of ${ROUNDS} rounds of ${ROUND_MS} ms after a warm-up; other processes used at most ${fmt(others, 0)}% of a core during the median rounds.`,
    "",
    ...engineTable(rows),
    "",
    `- ${engineVerdict(rows)}`,
    "- The compiled form gives the same numbers as `forward` to the last bit (tests/unit/engine-compiled.test.ts); `forwardOf` (the screens, the quiz draws, the replay's and the report's history pass) returns the compiled `forward`, the phone's nudge preview runs `withBias(...).run`.",
    "",
  ];
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").trimEnd() + "\n\n" + lines.join("\n"));
  return file;
}

/** `--only engine` (and the first part of a full run): measures, prints, appends to docs/benchmarks.md. */
export function engineBench(): EngineRow[] {
  log(`engine: passes per second, ${ROUNDS} rounds of ${ROUND_MS} ms per figure`);
  const rows = CASES.map((c) => {
    const row = measureCase(c);
    const others = Math.max(row.forward.otherCpuPct, row.compiledForward.otherCpuPct, row.run.otherCpuPct, row.compile.otherCpuPct);
    log(`engine: ${row.name}: forward ${perS(row.forward)}, compiled forward ${perS(row.compiledForward)}, run ${perS(row.run)}, compile ${perS(row.compile)}; others ≤ ${fmt(others, 0)}% of a core`);
    return row;
  });
  console.log("\n" + engineTable(rows).join("\n") + `\n- ${engineVerdict(rows)}`);
  if (!NO_WRITE) console.log(`\nwritten to ${writeEntry(rows)}`);
  return rows;
}
