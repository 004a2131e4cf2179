"use client";

/**
 * Loading a preset, a built or a saved network re-seats everyone and discards every entry. Once
 * the class has something to lose (anyone seated, or values changed since the network was
 * loaded), the teacher is asked first in a modal dialog; Cancel (or Escape) changes nothing.
 */
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { Network } from "../../../lib/engine";
import type { SessionState } from "../../../lib/session/state";
import { DANGER, SECONDARY } from "./ui";

function sameValues(a: Network, b: Network): boolean {
  if (a.layers.length !== b.layers.length) return false;
  return a.layers.every((layer, l) => {
    const other = b.layers[l]!;
    if (layer.neurons.length !== other.neurons.length) return false;
    return layer.neurons.every((n, j) => {
      const m = other.neurons[j]!;
      return n.bias === m.bias && n.weights.length === m.weights.length && n.weights.every((w, k) => w === m.weights[k]);
    });
  });
}

/** Whether replacing the network now would discard something the class did. */
export function classHasEntries(state: SessionState): boolean {
  const seated = Object.values(state.students).some((s) => !s.removed && s.seat !== null);
  return seated || !sameValues(state.network, state.initialNetwork);
}

export type Guard = (what: string, replace: () => unknown) => void;

/**
 * Whether to ask is decided when the teacher acts, from the state as it is then (`getState`),
 * so the panel holding the guard need not follow every student's values.
 * @example
 * const { guard, dialog } = useReplaceGuard(getState);
 * guard("Load “Spam detector”", () => run("network:load-preset", { presetId: "spam" }));
 */
export function useReplaceGuard(getState: () => SessionState): { guard: Guard; dialog: React.ReactNode } {
  const [pending, setPending] = useState<{ what: string; replace: () => unknown } | null>(null);
  const guard = useCallback<Guard>((what, replace) => (classHasEntries(getState()) ? setPending({ what, replace }) : void replace()), [getState]);
  const dialog = pending && (
    <ReplaceDialog
      what={pending.what}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        setPending(null);
        void pending.replace();
      }}
    />
  );
  return { guard, dialog };
}

function ReplaceDialog({ what, onConfirm, onCancel }: { what: string; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-slate-900 shadow-2xl backdrop:bg-slate-950/50"
    >
      <h2 id={titleId} className="text-2xl font-extrabold tracking-tight">
        Replace the class network?
      </h2>
      <p id={textId} className="mt-3 text-base text-slate-800">
        This replaces the class&apos;s entries: every weight and bias entered so far is discarded, and everyone is seated again from
        the first hidden neuron. ({what})
      </p>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={SECONDARY} onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={DANGER} onClick={onConfirm}>
          Replace the network
        </button>
      </div>
    </dialog>
  );
}
