"use client";

/**
 * One way for every teacher control to send a command: it shows the server's refusal message
 * (or a short confirmation) in a single notice area, so no control has to handle errors itself.
 */
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Ack, CommandName, CommandPayload, CommandResult } from "../../../lib/protocol";
import type { LiveSession } from "../../realtime/use-session";

type Notice = { tone: "error" | "ok"; text: string; id: number };

interface Commands {
  /** Sends a command; resolves true when the server accepted it. */
  run<K extends CommandName>(name: K, payload: CommandPayload<K>, confirmation?: string): Promise<boolean>;
  /** Sends a command and hands back the refusal message (null when accepted), showing nothing. */
  attempt<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<string | null>;
  /** Sends a command and hands back its whole acknowledgement (the result, or the refusal), showing nothing. */
  ask<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<Ack<CommandResult<K>>>;
  notify(tone: Notice["tone"], text: string): void;
  /** Whether controls should accept input (connected and the session still running). */
  enabled: boolean;
}

const CommandsContext = createContext<Commands | null>(null);

export function useCommands(): Commands {
  const value = useContext(CommandsContext);
  if (!value) throw new Error("useCommands needs a <CommandsProvider>");
  return value;
}

export function CommandsProvider({ send, enabled, children }: { send: LiveSession["send"]; enabled: boolean; children: React.ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((tone: Notice["tone"], text: string) => setNotice({ tone, text, id: Date.now() }), []);
  const run = useCallback(
    async <K extends CommandName>(name: K, payload: CommandPayload<K>, confirmation?: string) => {
      const ack = await send(name, payload);
      if (!ack.ok) {
        notify("error", ack.error.message);
        return false;
      }
      if (confirmation) notify("ok", confirmation);
      return true;
    },
    [send, notify],
  );
  const attempt = useCallback(
    async <K extends CommandName>(name: K, payload: CommandPayload<K>) => {
      const ack = await send(name, payload);
      return ack.ok ? null : ack.error.message;
    },
    [send],
  );
  const ask = useCallback(<K extends CommandName>(name: K, payload: CommandPayload<K>) => send(name, payload), [send]);
  const value = useMemo(() => ({ run, attempt, ask, notify, enabled }), [run, attempt, ask, notify, enabled]);
  // Stable, so a confirmation's timer is not restarted by every update of the session.
  const dismiss = useCallback(() => setNotice(null), []);
  return (
    <CommandsContext.Provider value={value}>
      {children}
      <NoticeArea notice={notice} onDismiss={dismiss} />
    </CommandsContext.Provider>
  );
}

/** Both live regions stay in the page so screen readers announce what is put into them. */
const NoticeArea = memo(function NoticeArea({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  useEffect(() => {
    if (notice?.tone !== "ok") return;
    const timer = setTimeout(onDismiss, 4000);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  const box = "pointer-events-auto flex max-w-md items-start gap-3 rounded-xl px-4 py-3 text-base font-semibold shadow-lg";
  return (
    <div className="pointer-events-none fixed bottom-4 right-4 z-50 flex flex-col items-end gap-2">
      <div role="alert">
        {notice?.tone === "error" && (
          <div className={`${box} bg-red-50 text-red-900 ring-2 ring-red-700`}>
            <span className="flex-1">{notice.text}</span>{" "}
            <button type="button" onClick={onDismiss} className="rounded px-2 font-bold underline">
              Dismiss
            </button>
          </div>
        )}
      </div>
      <div role="status">{notice?.tone === "ok" && <div className={`${box} bg-slate-900 text-white`}>{notice.text}</div>}</div>
    </div>
  );
});
