"use client";

/**
 * The nickname step of joining: a "Nickname" box prefilled with the server's suggestion, a
 * "new suggestion" button, and "Join". A refusal (name taken, room locked...) shows the server's
 * message and keeps what the student typed.
 */
import { useId, useState } from "react";
import { NICKNAME_MAX, suggestNickname } from "../../../lib/session/names";
import { askForPlace, joinClass, type ClassInfo } from "./join-api";
import type { StoredIdentity } from "./stored-identity";

interface NicknameFormProps {
  code: string;
  info: ClassInfo;
  onJoined(identity: StoredIdentity): void;
}

const randomIndex = (n: number) => Math.floor(Math.random() * n);

export function NicknameForm({ code, info, onJoined }: NicknameFormProps) {
  const [nickname, setNickname] = useState(info.suggestedNickname.slice(0, NICKNAME_MAX));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await joinClass(code, nickname);
    if (result.ok) {
      onJoined(result.value);
      return;
    }
    setError(result);
    setBusy(false);
  }

  // A taken name may be this student's own, on a new phone: only the teacher can give it back.
  async function reclaim() {
    if (busy) return;
    setBusy(true);
    const result = await askForPlace(code, nickname);
    if (result.ok) {
      onJoined({ ...result.value, reclaiming: nickname.trim() });
      return;
    }
    setError(result);
    setBusy(false);
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {info.roomLocked && (
        <p className="rounded-xl bg-amber-100 p-3 font-medium text-amber-950">
          The teacher has locked this class to new students. Ask your teacher to unlock it, then press Join.
        </p>
      )}
      <div className="space-y-2">
        <label htmlFor={inputId} className="block text-lg font-semibold text-slate-900">
          Nickname
        </label>
        <input
          id={inputId}
          name="nickname"
          value={nickname}
          onChange={(e) => setNickname(e.currentTarget.value)}
          maxLength={NICKNAME_MAX}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          className="block h-14 w-full rounded-xl border-2 border-slate-300 bg-white px-4 text-2xl text-slate-900 focus:border-indigo-600 aria-invalid:border-red-700"
        />
        <p id={hintId} className="text-base text-slate-700">
          Up to {NICKNAME_MAX} characters. Everyone in class will see it, so no real names needed.
        </p>
      </div>
      <button
        type="button"
        onClick={() => {
          setNickname(suggestNickname([nickname], randomIndex));
          setError(null);
        }}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-white px-5 py-3 text-lg font-semibold text-indigo-800 ring-2 ring-indigo-700 hover:bg-indigo-50"
      >
        New suggestion
      </button>
      {error && (
        <p id={errorId} role="alert" className="rounded-xl bg-red-50 p-3 text-base font-medium text-red-800 ring-1 ring-red-200">
          {error.message}
        </p>
      )}
      {error?.code === "NAME_TAKEN" && (
        <button
          type="button"
          onClick={() => void reclaim()}
          disabled={busy}
          className="inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-white px-5 py-3 text-lg font-semibold text-indigo-800 ring-2 ring-indigo-700 hover:bg-indigo-50 disabled:opacity-70"
        >
          That&apos;s me: ask for my place back
        </button>
      )}
      <button
        type="submit"
        disabled={busy}
        className="block min-h-14 w-full rounded-xl bg-indigo-700 px-5 py-4 text-xl font-bold text-white hover:bg-indigo-800 active:bg-indigo-900 disabled:opacity-70"
      >
        {busy ? "Joining…" : "Join"}
      </button>
    </form>
  );
}
