"use client";

/**
 * Optimistic editing of my neuron. While I drag, my values are "pending": the screen computes
 * with them at once, and they go to the server with at most one `neuron:set` in flight plus the
 * latest value waiting (and no more often than every MIN_GAP_MS), so a fast drag never floods
 * the server. Once the server's state has caught up with what I sent, the pending values are
 * dropped and the screen settles on the server's numbers. A refusal drops them too.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveSession } from "../../realtime/use-session";
import type { NeuronValues } from "../../../lib/session/state";

const MIN_GAP_MS = 60;

type Field = "weights" | "bias";

interface Outbox {
  pending: NeuronValues | null;
  dirty: Record<Field, boolean>;
  inFlight: boolean;
  /** The seq the server gave my last accepted change; settle once the state reaches it. */
  awaitSeq: number | null;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** Bumped when my neuron changes (moved, new network): answers to older sends are ignored. */
  generation: number;
}

const fresh = (generation: number): Outbox => ({
  pending: null,
  dirty: { weights: false, bias: false },
  inFlight: false,
  awaitSeq: null,
  lastSentAt: 0,
  timer: null,
  generation,
});

export interface PendingValues {
  pending: NeuronValues | null;
  /** The server's refusal of my last change, to show the student. */
  error: string | null;
  change(values: NeuronValues, field: Field): void;
}

/**
 * @example
 * const { pending, change, error } = usePendingValues(live.send, live.seq, `${seat.layer}:${seat.neuron}`);
 */
export function usePendingValues(send: LiveSession["send"], seq: number, neuronKey: string): PendingValues {
  const [pending, setPending] = useState<NeuronValues | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<Outbox>(fresh(0));
  const seqRef = useRef(seq);
  const sendRef = useRef(send);

  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  const drop = useCallback(() => {
    const b = box.current;
    b.pending = null;
    b.awaitSeq = null;
    b.dirty = { weights: false, bias: false };
    setPending(null);
  }, []);

  const settle = useCallback(() => {
    const b = box.current;
    const quiet = !b.inFlight && !b.dirty.weights && !b.dirty.bias;
    if (b.pending && quiet && b.awaitSeq !== null && seqRef.current >= b.awaitSeq) drop();
  }, [drop]);

  const flush = useCallback(() => {
    const b = box.current;
    if (b.inFlight || b.timer || !b.pending || (!b.dirty.weights && !b.dirty.bias)) return;
    const wait = b.lastSentAt + MIN_GAP_MS - Date.now();
    if (wait > 0) {
      b.timer = setTimeout(() => {
        b.timer = null;
        flush();
      }, wait);
      return;
    }
    const values = b.pending;
    // Send only what changed, so a weight the teacher set outside my range cannot block my bias.
    const payload = {
      ...(b.dirty.weights ? { weights: [...values.weights] } : {}),
      ...(b.dirty.bias ? { bias: values.bias } : {}),
    };
    const generation = b.generation;
    const seqAtSend = seqRef.current;
    b.dirty = { weights: false, bias: false };
    b.inFlight = true;
    b.lastSentAt = Date.now();
    void sendRef.current("neuron:set", payload).then((ack) => {
      if (box.current.generation !== generation) return;
      b.inFlight = false;
      if (!ack.ok) {
        setError(ack.error.message);
        drop();
        return;
      }
      const acked = typeof ack.seq === "number" ? ack.seq : seqAtSend + 1;
      b.awaitSeq = Math.max(b.awaitSeq ?? 0, acked);
      flush();
      settle();
    });
  }, [drop, settle]);

  // The server's state moved on: maybe it now holds what I sent.
  useEffect(() => {
    seqRef.current = seq;
    settle();
  }, [seq, settle]);

  // A different neuron (moved by the teacher, new network): start clean.
  useEffect(() => {
    const b = box.current;
    if (b.timer) clearTimeout(b.timer);
    box.current = fresh(b.generation + 1);
    setPending(null);
    setError(null);
  }, [neuronKey]);

  useEffect(
    () => () => {
      const b = box.current;
      if (b.timer) clearTimeout(b.timer);
      b.generation += 1;
    },
    [],
  );

  const change = useCallback(
    (values: NeuronValues, field: Field) => {
      const b = box.current;
      b.pending = { weights: [...values.weights], bias: values.bias };
      b.dirty[field] = true;
      setPending(b.pending);
      setError(null);
      flush();
    },
    [flush],
  );

  return { pending, error, change };
}
