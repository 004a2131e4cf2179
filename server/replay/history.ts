/**
 * One pass over a session's log for the pictures over time: who sat on each neuron and
 * when, and a bounded sample of the network's moments (TimeSampler), from which each
 * neuron's history and the class prediction are drawn. The pass can be continued from
 * where it stopped, so a live session's replay only folds what is new.
 */
import { forwardOf } from "../../lib/session/derive";
import type { LoggedEvent } from "../../lib/session/events";
import type { SessionState } from "../../lib/session/state";
import type { NeuronHistory, PredictionSeries } from "../../lib/protocol/replay";
import { TimeSampler, type Timed } from "./sampler";

export const HISTORY_POINTS = 400;

interface Moment extends Timed {
  state: SessionState;
}

interface Holding {
  studentId: string;
  nickname: string;
  from: number;
  to: number | null;
}

const seatKey = (layer: number, neuron: number) => `${layer}:${neuron}`;

/** Events that change nothing about who sits where (the busiest by far: slider moves). */
const SEATS_UNCHANGED = new Set(["entry.set", "quiz.answered", "quiz.submitted", "quiz.graded", "inputs.set"]);

export class HistoryPass {
  seq = 0;
  state: SessionState | null = null;
  private moments = new TimeSampler<Moment>(HISTORY_POINTS);
  private seats = new Map<string, string>();
  private holdings = new Map<string, Holding[]>();

  /** Takes the next event and the state just after it. */
  add(event: LoggedEvent, at: number, after: SessionState): void {
    const before = this.state;
    this.state = after;
    this.seq = event.seq;
    if (!before || after.network !== before.network || after.inputs !== before.inputs) {
      this.moments.add({ seq: event.seq, at, state: after });
    }
    if (!before || (after.students !== before.students && !SEATS_UNCHANGED.has(event.type))) this.reseat(after, at);
  }

  private reseat(state: SessionState, at: number): void {
    const now = new Map<string, string>();
    for (const s of Object.values(state.students)) if (!s.removed && s.seat) now.set(s.id, seatKey(s.seat.layer, s.seat.neuron));
    for (const [id, key] of this.seats) {
      if (now.get(id) !== key) {
        const open = this.holdings.get(key)?.findLast((h) => h.studentId === id && h.to === null);
        if (open) open.to = at;
      }
    }
    for (const [id, key] of now) {
      const list = this.holdings.get(key) ?? [];
      const open = list.findLast((h) => h.studentId === id && h.to === null);
      if (open) open.nickname = state.students[id]!.nickname;
      else list.push({ studentId: id, nickname: state.students[id]!.nickname, from: at, to: null });
      this.holdings.set(key, list);
    }
    this.seats = now;
  }

  /**
   * Each sampled moment's forward pass (null where the network could not be computed). Moments
   * that share a network (inputs moved) share its compiled form, and a pass computed for one
   * neuron's history is reused for the next neuron and for the prediction (forwardOf).
   */
  private passes(): { moment: Moment; layers: number[][] | null }[] {
    return this.moments.points().map((moment) => {
      const result = forwardOf(moment.state.network, moment.state.inputs);
      return { moment, layers: result ? result.layers.map((l) => l.output) : null };
    });
  }

  /** @returns null when the network never had that neuron. */
  neuron(layer: number, neuron: number, hideNames: boolean): NeuronHistory | null {
    const points: NeuronHistory["points"] = [];
    let lastKey = "";
    const passes = this.passes();
    passes.forEach(({ moment, layers }, i) => {
      const values = moment.state.network.layers[layer]?.neurons[neuron];
      const output = layers?.[layer]?.[neuron];
      if (!values || output === undefined) return;
      const key = JSON.stringify([values.weights, values.bias, output]);
      // Only changes, and the last moment, so the chart runs to the end.
      if (key === lastKey && i !== passes.length - 1) return;
      lastKey = key;
      points.push({ seq: moment.seq, at: moment.at, weights: [...values.weights], bias: values.bias, output });
    });
    if (points.length === 0) return null;
    const holders = (this.holdings.get(seatKey(layer, neuron)) ?? []).map((h) => ({ ...h, nickname: hideNames ? "" : h.nickname }));
    return { layer, neuron, points, holders };
  }

  prediction(): PredictionSeries {
    const points: PredictionSeries["points"] = [];
    for (const { moment, layers } of this.passes()) {
      if (!layers) continue;
      points.push({ seq: moment.seq, at: moment.at, outputs: [...(layers.at(-1) ?? [])] });
    }
    return { labels: this.state ? [...this.state.outputLabels] : [], points };
  }
}
