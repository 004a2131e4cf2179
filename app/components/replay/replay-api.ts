/**
 * The replay's HTTP calls (lib/protocol/replay.ts is the contract): every request carries the
 * pass as `Authorization: Bearer`, every answer is parsed with its schema, and a refusal
 * becomes an `HttpError` with the server's code and message (app/components/http/bearer-json.ts).
 */
import type { z } from "zod";
import { bearerJson, HttpError } from "../http/bearer-json";
import {
  neuronHistorySchema,
  predictionSeriesSchema,
  replayEventsSchema,
  replayLinkResponseSchema,
  replayMetaSchema,
  replayStateSchema,
  type NeuronHistory,
  type PredictionSeries,
  type ReplayLinkResponse,
  type ReplayMeta,
} from "../../../lib/protocol/replay";
import type { LoggedEvent } from "../../../lib/session/events";
import type { SessionState } from "../../../lib/session/state";

/** The state at a seq, as the page folds from it. */
export interface ReplaySnapshot {
  seq: number;
  at: number;
  state: SessionState;
}

/** A state as the server sends it, looked over before the screens read it. */
function asState(raw: Record<string, unknown>): SessionState {
  const network = raw.network as { layers?: unknown } | undefined;
  if (!network || !Array.isArray(network.layers) || typeof raw.students !== "object" || typeof raw.quiz !== "object") {
    throw new HttpError(200, "The server sent a replay this page cannot read. Reload the page.", "INTERNAL");
  }
  return raw as unknown as SessionState;
}

export class ReplayClient {
  constructor(
    readonly sessionId: string,
    private readonly token: string,
  ) {}

  private call<S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}): Promise<z.output<S>> {
    return bearerJson(`/api/sessions/${encodeURIComponent(this.sessionId)}${path}`, this.token, schema, init);
  }

  meta(): Promise<ReplayMeta> {
    return this.call("/replay", replayMetaSchema);
  }

  async state(seq: number, signal?: AbortSignal): Promise<ReplaySnapshot> {
    const got = await this.call(`/replay/state?seq=${seq}`, replayStateSchema, { signal });
    return { seq: got.seq, at: got.at, state: asState(got.state) };
  }

  async events(after: number, limit: number, signal?: AbortSignal): Promise<{ events: LoggedEvent[]; next: number | null }> {
    const got = await this.call(`/replay/events?after=${after}&limit=${limit}`, replayEventsSchema, { signal });
    return { events: got.events as unknown as LoggedEvent[], next: got.next };
  }

  neuron(layer: number, neuron: number, signal?: AbortSignal): Promise<NeuronHistory> {
    return this.call(`/replay/neurons/${layer}/${neuron}`, neuronHistorySchema, { signal });
  }

  prediction(): Promise<PredictionSeries> {
    return this.call("/replay/prediction", predictionSeriesSchema);
  }

  share(hideNames: boolean): Promise<ReplayLinkResponse> {
    return this.call("/replay-links", replayLinkResponseSchema, { method: "POST", body: JSON.stringify({ hideNames }) });
  }
}
