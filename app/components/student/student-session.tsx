"use client";

/**
 * A joined student's live connection: connects with the stored token, keeps the screen awake,
 * shows the "Reconnecting…" banner, and picks the screen for the moment (connecting, waiting
 * for a seat, my neuron, class ended, refused).
 */
import { useEffect } from "react";
import { useSession } from "../../realtime/use-session";
import { ClassEnded, RefusalScreen } from "./refusal-screen";
import { NeuronView } from "./neuron-view";
import { ReconnectBanner } from "./reconnect-banner";
import { MessageCard, StudentShell } from "./student-shell";
import type { StoredIdentity } from "./stored-identity";
import { useWakeLock } from "./use-wake-lock";

interface StudentSessionProps {
  code: string;
  identity: StoredIdentity;
  /** The server does not know this token (or this class) any more: join again. */
  onForgotten(): void;
}

// A token the server no longer knows, or a class that is gone: the join form is the way back.
const FORGET = new Set(["UNAUTHENTICATED", "NOT_FOUND"]);

export function StudentSession({ code, identity, onForgotten }: StudentSessionProps) {
  const live = useSession({ token: identity.token });
  const { state, you, status, refusal } = live;
  useWakeLock(status === "connected" && state?.status === "live");

  const forget = status === "refused" && !!refusal && FORGET.has(refusal.code);
  useEffect(() => {
    if (forget) onForgotten();
  }, [forget, onForgotten]);

  // Having a state means we were connected once: "connecting" again is a reconnection.
  const reconnecting = status === "reconnecting" || (status === "connecting" && state !== null);
  const banner = <ReconnectBanner show={reconnecting} />;
  const me = state && you?.role === "student" ? state.students[you.participantId] : undefined;

  const screen = (() => {
    if (status === "refused" && refusal) return forget ? null : <RefusalScreen refusal={refusal} />;
    if (!state || !you) {
      return (
        <MessageCard title="Connecting to the class…">
          <p>This takes a second. Keep this page open.</p>
        </MessageCard>
      );
    }
    if (state.status === "ended") return <ClassEnded />;
    if (me?.removed) {
      return <RefusalScreen refusal={{ code: "FORBIDDEN", message: "You are not in this class any more." }} />;
    }
    if (!me || !me.seat) {
      return (
        <MessageCard title="Waiting for the teacher">
          <p>
            You are in{me ? `, ${me.nickname}` : ""}! The teacher will give you a neuron in a moment. Keep this page open.
          </p>
        </MessageCard>
      );
    }
    return null;
  })();

  // The neuron screen brings its own frame, with the bar that stays on screen.
  if (screen === null && state && me?.seat && !forget) {
    return <NeuronView code={code} banner={banner} live={live} state={state} me={{ ...me, seat: me.seat }} />;
  }
  return (
    <StudentShell code={code} banner={banner}>
      {screen}
    </StudentShell>
  );
}
