"use client";

/**
 * The replay's cursor and the session as it was there. Scrubbing asks the server for the
 * state at the cursor's seq (`replay/state`, debounced, a stale request cancelled); playing
 * reads the events after it page by page (`replay/events`) and folds them with the shared
 * reducer in time order, at 1×…8× the session's own pace. An event this viewer may not see
 * (`event.redacted`) or a gap in the seqs is followed by a fresh state from the server.
 * The diagram reads the result from a `SessionStore`, as on the live dashboard.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReplayMeta } from "../../../lib/protocol/replay";
import { describeEvent } from "../../../lib/replay/describe-event";
import { clampTime, playTime, seqAt, type Cursor } from "../../../lib/replay/timeline";
import type { LoggedEvent } from "../../../lib/session/events";
import type { SessionState } from "../../../lib/session/state";
import { SessionStore } from "../../realtime/session-store";
import { HttpError } from "../http/bearer-json";
import type { ReplayClient } from "./replay-api";

export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** Events asked for at once while playing, and how few left in hand start the next request. */
const PAGE = 500;
const LOW_WATER = 150;
/** A drag settles this long before the state is asked for. */
const SCRUB_DEBOUNCE_MS = 120;
/**
 * How often playing folds what is due (a timer, not animation frames: those stop in a tab
 * out of sight, and the replay's clock should not).
 */
const TICK_MS = 30;
/** The cursor on screen moves at most this often while playing. */
const FRAME_MS = 60;

export interface ReplayPlayer {
  store: SessionStore;
  /** Whether the store holds a state to draw yet. */
  ready: boolean;
  cursor: Cursor;
  /** The event under the cursor, as a sentence (null before the first answer). */
  event: string | null;
  loading: boolean;
  playing: boolean;
  speed: Speed;
  error: string | null;
  /** Scrubbing: the cursor moves at once, the state follows when the drag settles. */
  seekTime(t: number): void;
  /** A jump to an exact place (a mark, the start). */
  seekTo(cursor: Cursor): void;
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
}

const messageOf = (err: unknown) => (err instanceof HttpError ? err.message : "Something went wrong while reading the replay. Try again.");
const isAbort = (err: unknown) => (err as Error)?.name === "AbortError";

/** Where a replay opens: its first moment. */
export function startOf(meta: ReplayMeta): Cursor {
  const start = meta.marks.find((m) => m.kind === "start");
  return start ? { at: start.at, seq: start.seq } : { at: meta.startAt, seq: Math.max(Math.min(1, meta.headSeq), seqAt(meta.timeline, meta.startAt)) };
}

export function useReplayPlayer(client: ReplayClient, meta: ReplayMeta): ReplayPlayer {
  const [store] = useState(() => new SessionStore());
  const [cursor, setCursorState] = useState<Cursor>(() => startOf(meta));
  const [ready, setReady] = useState(false);
  const [event, setEvent] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeedState] = useState<Speed>(1);
  const [error, setError] = useState<string | null>(null);

  const cursorRef = useRef(cursor);
  const speedRef = useRef<Speed>(1);
  const seekAbort = useRef<AbortController | null>(null);
  const seekTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Bumped whenever playing stops or the cursor jumps: answers for an older run are dropped. */
  const generation = useRef(0);
  const frame = useRef<ReturnType<typeof setTimeout> | null>(null);
  const anchor = useRef({ at: 0, wall: 0 });

  /** An event in words; one this viewer may not see reads as its mark when it has one (a reveal). */
  const describe = useCallback(
    (e: LoggedEvent, state: SessionState) => (e.type === "event.redacted" ? (meta.marks.find((m) => m.seq === e.seq)?.label ?? describeEvent(e, state)) : describeEvent(e, state)),
    [meta.marks],
  );

  const setCursor = useCallback((c: Cursor) => {
    cursorRef.current = c;
    setCursorState(c);
  }, []);

  /** Replaces the store with the state at `seq`, and describes the event that made it. */
  const load = useCallback(
    async (seq: number) => {
      seekAbort.current?.abort();
      const ctrl = new AbortController();
      seekAbort.current = ctrl;
      setLoading(true);
      try {
        const [snap, page] = await Promise.all([client.state(seq, ctrl.signal), seq > 0 ? client.events(seq - 1, 1, ctrl.signal) : Promise.resolve(null)]);
        if (ctrl.signal.aborted) return;
        store.replace({ seq: snap.seq, state: snap.state });
        store.update({ status: "connected" });
        const e = page?.events[0];
        setEvent(e && e.seq === snap.seq ? describe(e, snap.state) : null);
        setReady(true);
        setError(null);
      } catch (err) {
        if (isAbort(err) || ctrl.signal.aborted) return;
        setError(messageOf(err));
      } finally {
        if (seekAbort.current === ctrl) setLoading(false);
      }
    },
    [client, describe, store],
  );

  const stopLoop = useCallback(() => {
    generation.current++;
    if (frame.current !== null) clearTimeout(frame.current);
    frame.current = null;
  }, []);

  const pause = useCallback(() => {
    const running = frame.current !== null;
    // Also cancels a play still waiting for its first state.
    stopLoop();
    setPlaying(false);
    if (running) setCursor({ ...cursorRef.current, seq: store.getView().seq });
  }, [setCursor, stopLoop, store]);

  const seekTo = useCallback(
    (c: Cursor) => {
      pause();
      if (seekTimer.current) clearTimeout(seekTimer.current);
      setCursor(c);
      void load(c.seq);
    },
    [load, pause, setCursor],
  );

  const seekTime = useCallback(
    (t: number) => {
      pause();
      const at = clampTime(t, meta.startAt, meta.endAt);
      const seq = Math.max(startOf(meta).seq, seqAt(meta.timeline, at));
      setCursor({ at, seq });
      if (seekTimer.current) clearTimeout(seekTimer.current);
      if (seq === store.getView().seq && store.getView().state) return;
      seekTimer.current = setTimeout(() => void load(seq), SCRUB_DEBOUNCE_MS);
    },
    [load, meta, pause, setCursor, store],
  );

  const run = useCallback((gen: number) => {
    const buffer: LoggedEvent[] = [];
    let after: number | null = store.getView().seq;
    let fetching = false;
    let resyncing = false;
    let lastPaint = 0;
    anchor.current = { at: cursorRef.current.at, wall: performance.now() };
    setPlaying(true);

    const fetchMore = () => {
      if (after === null || fetching) return;
      fetching = true;
      client
        .events(after, PAGE)
        .then((page) => {
          if (gen !== generation.current) return;
          const last = buffer.at(-1)?.seq ?? store.getView().seq;
          buffer.push(...page.events.filter((e) => e.seq > last));
          after = page.next;
        })
        .catch((err) => {
          if (gen === generation.current) {
            setError(messageOf(err));
            pause();
          }
        })
        .finally(() => {
          fetching = false;
        });
    };

    const resync = (seq: number) => {
      resyncing = true;
      client
        .state(seq)
        .then((snap) => {
          if (gen !== generation.current) return;
          store.replace({ seq: snap.seq, state: snap.state });
        })
        .catch((err) => {
          if (gen === generation.current) {
            setError(messageOf(err));
            pause();
          }
        })
        .finally(() => {
          resyncing = false;
        });
    };

    const tick = () => {
      if (gen !== generation.current) return;
      const now = performance.now();
      const t = playTime(anchor.current.at, now - anchor.current.wall, speedRef.current, meta.endAt);
      if (!resyncing) {
        const batch: LoggedEvent[] = [];
        while (buffer.length > 0 && (buffer[0]!.at ?? 0) <= t) {
          const e = buffer.shift()!;
          if (e.type === "event.redacted") {
            // Something this viewer may not see changed the state: ask for it as it was then.
            if (batch.length > 0) store.fold(batch);
            setEvent(describe(e, store.getView().state!));
            resync(e.seq);
            batch.length = 0;
            break;
          }
          batch.push(e);
        }
        if (batch.length > 0) {
          if (store.fold(batch)) setEvent(describe(batch.at(-1)!, store.getView().state!));
          else resync(batch.at(-1)!.seq);
        }
      }
      if (buffer.length < LOW_WATER) fetchMore();
      const done = t >= meta.endAt && !fetching && !resyncing && (buffer.length === 0 || (buffer[0]!.at ?? 0) > meta.endAt);
      if (now - lastPaint >= FRAME_MS || done) {
        lastPaint = now;
        setCursor({ at: t, seq: store.getView().seq });
      }
      if (done) {
        stopLoop();
        setPlaying(false);
        return;
      }
      frame.current = setTimeout(tick, TICK_MS);
    };
    fetchMore();
    frame.current = setTimeout(tick, TICK_MS);
  }, [client, describe, meta.endAt, pause, setCursor, stopLoop, store]);

  const play = useCallback(() => {
    if (frame.current !== null) return;
    if (seekTimer.current) clearTimeout(seekTimer.current);
    const gen = ++generation.current;
    setPlaying(true);
    const atEnd = cursorRef.current.at >= meta.endAt;
    const pending = store.getView().seq !== cursorRef.current.seq;
    if (atEnd || pending) {
      // From the start again, or from a scrubbed place whose state has not arrived yet.
      const from = atEnd ? startOf(meta) : cursorRef.current;
      setCursor(from);
      void load(from.seq).then(() => {
        if (gen !== generation.current) return;
        if (store.getView().seq === from.seq) run(gen);
        else setPlaying(false);
      });
      return;
    }
    run(gen);
  }, [load, meta, run, setCursor, store]);

  const setSpeed = useCallback(
    (s: Speed) => {
      // Keep the replay's time where it is and go on from there at the new pace.
      if (frame.current !== null) {
        const now = performance.now();
        anchor.current = { at: playTime(anchor.current.at, now - anchor.current.wall, speedRef.current, meta.endAt), wall: now };
      }
      speedRef.current = s;
      setSpeedState(s);
    },
    [meta.endAt],
  );

  // The first state, and everything stopped when the page goes.
  useEffect(() => {
    void load(startOf(meta).seq);
    return () => {
      stopLoop();
      seekAbort.current?.abort();
      if (seekTimer.current) clearTimeout(seekTimer.current);
    };
  }, [load, meta, stopLoop]);

  return { store, ready, cursor, event, loading, playing, speed, error, seekTime, seekTo, play, pause, setSpeed };
}
