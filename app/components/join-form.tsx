"use client";

import { useId, useState } from "react";
import { joinCodeProblem, normalizeJoinCode } from "../../lib/session/join-code";

/**
 * The home page's "Join code" box: checks the code's shape, then opens the join page. That page
 * is not an App Router page (it ships its own small bundle), so this is a plain page load.
 */
export function JoinForm() {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const normalized = normalizeJoinCode(code);
        const problem = joinCodeProblem(normalized);
        setError(problem);
        if (!problem) window.location.assign(`/join/${normalized}`);
      }}
      className="space-y-3"
    >
      <label htmlFor={inputId} className="block text-base font-semibold">
        Join code
      </label>
      <input
        id={inputId}
        name="code"
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        inputMode="text"
        enterKeyHint="go"
        maxLength={9}
        placeholder="K7QF3M"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="block w-full rounded-xl border-2 border-slate-300 bg-white px-4 py-3 font-mono text-3xl tracking-[0.3em] uppercase placeholder:text-slate-400 focus:border-indigo-600"
      />
      {error && (
        <p id={errorId} role="alert" className="text-base font-medium text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="block min-h-12 w-full rounded-xl bg-indigo-700 px-5 py-3.5 text-lg font-bold text-white hover:bg-indigo-800 active:bg-indigo-900"
      >
        Join
      </button>
    </form>
  );
}
