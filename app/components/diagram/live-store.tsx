"use client";

/**
 * The live session for the teacher's and the projector's screens, shared through context so
 * each panel reads only the parts it shows (`useLive`) and re-renders only when those change.
 * The reducer keeps untouched parts by reference, so a student's slider move changes
 * `network` and `students` but leaves `inputs`, `locks`, `range` and the rest as they were.
 * Rendered only once the session has a state (the screens show "Connecting…" before that).
 */
import { createContext, useCallback, useContext, useRef } from "react";
import type { SessionState } from "../../../lib/session/state";
import type { SessionStore, SessionView } from "../../realtime/session-store";
import { useSessionSelector } from "../../realtime/use-session";

const StoreContext = createContext<SessionStore | null>(null);

export function LiveStoreProvider({ store, children }: { store: SessionStore; children: React.ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useLiveStore(): SessionStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useLive needs a <LiveStoreProvider>");
  return store;
}

function stateOf(view: SessionView): SessionState {
  if (!view.state) throw new Error("the live session has no state yet");
  return view.state;
}

/**
 * A part of the session's state. The component re-renders when `select` gives something new:
 * by reference, or by `isEqual` for a value the selector builds afresh each time (a list).
 * @example
 * const locked = useLive((s) => s.roomLocked);
 * const names = useLive((s) => studentsOn(s, seat).map((x) => x.nickname), sameItems);
 */
export function useLive<T>(select: (state: SessionState) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const store = useLiveStore();
  // The last answer, so an equal value comes back as the same object (React needs a stable snapshot).
  const last = useRef<{ state: SessionState; select: (state: SessionState) => T; value: T } | null>(null);
  return useSessionSelector(store, (view) => {
    const state = stateOf(view);
    const prev = last.current;
    if (prev && prev.state === state && prev.select === select) return prev.value;
    const fresh = select(state);
    const value = prev && isEqual(prev.value, fresh) ? prev.value : fresh;
    last.current = { state, select, value };
    return value;
  });
}

/** A part of the connection (status, who is online, round trip), outside the state. */
export function useLiveView<T>(select: (view: SessionView) => T): T {
  return useSessionSelector(useLiveStore(), select);
}

/**
 * The state as it is now, for an action to read when it runs (saving a file, asking before a
 * replacement) without re-rendering its button on every change.
 */
export function useLiveGetter(): () => SessionState {
  const store = useLiveStore();
  return useCallback(() => stateOf(store.getView()), [store]);
}

/** Two lists with the same items (by reference), in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** Two lists of records with the same fields (each compared by reference), in the same order. */
export function sameRows<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      const keys = Object.keys(x) as (keyof T)[];
      return keys.length === Object.keys(y).length && keys.every((k) => Object.is(x[k], y[k]));
    })
  );
}
