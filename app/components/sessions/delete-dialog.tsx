"use client";

/**
 * "Delete this session?": a modal dialog that names the session and says what goes with it.
 * The native <dialog> keeps focus inside and closes on Escape; focus starts on Cancel, the
 * safe answer, and goes back to the row's Delete button when the dialog closes.
 */
import { useEffect, useId, useRef, useState } from "react";
import { DANGER, SECONDARY } from "../teacher/ui";

export function DeleteDialog({ title, details, onConfirm, onClose }: {
  /** "session K7QX2M of Thu 26 Nov 2026, 14:05". */
  title: string;
  details: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const textId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl ring-1 ring-slate-200 backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-6">
        <h2 id={headingId} className="text-xl font-extrabold tracking-tight">
          Delete {title}?
        </h2>
        <p id={textId} className="text-base text-slate-700">
          {details} Its whole event log, its replay and replay links and its report are removed from the server at once. This
          cannot be undone.
        </p>
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-semibold text-red-900 ring-1 ring-red-200">
            Not deleted: {error}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <button ref={cancelRef} type="button" className={SECONDARY} onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className={DANGER} onClick={() => void confirm()} disabled={busy}>
            {busy ? "Deleting…" : "Delete session"}
          </button>
        </div>
      </div>
    </dialog>
  );
}
