"use client";

/**
 * A joined student's live connection: connects with the stored token, keeps the screen awake,
 * shows the "Reconnecting…" banner, and picks the screen for the moment (connecting, waiting
 * for a seat, my neuron, a lesson step to read, a quiz question, class ended, refused).
 *
 * A removed student is refused at every handshake until the teacher lets them back in, and
 * Socket.IO does not retry a refused handshake. So while the "removed" screen shows, the
 * connection is opened afresh every few seconds (a new key re-mounts it); the first one the
 * server accepts brings the neuron back without a reload.
 */
import { useCallback, useEffect, useState } from "react";
import { useSession } from "../../realtime/use-session";
import { readOnlyStep } from "../../../lib/session/domains/lesson/step";
import { NeuronView } from "./neuron-view";
import { QuizScreen } from "./quiz-screen";
import { ReadStep } from "./read-step";
import { ReconnectBanner } from "./reconnect-banner";
import { ClassEnded, RefusalScreen, RemovedScreen } from "./refusal-screen";
import { MessageCard, StudentShell } from "./student-shell";
import type { StoredIdentity } from "./stored-identity";
import { useWakeLock } from "./use-wake-lock";

interface StudentSessionProps {
  code: string;
  identity: StoredIdentity;
  /** The server does not know this token (or this class) any more: join again, told why when known. */
  onForgotten(why?: string): void;
}

/** How often a removed phone asks again whether it may come back. */
export const READMIT_RETRY_MS = 3000;

export function StudentSession(props: StudentSessionProps) {
  const [attempt, setAttempt] = useState(0);
  const [removed, setRemoved] = useState<string | null>(null);

  useEffect(() => {
    if (removed === null) return;
    const timer = setTimeout(() => setAttempt((n) => n + 1), READMIT_RETRY_MS);
    return () => clearTimeout(timer);
  }, [removed, attempt]);

  const back = useCallback(() => setRemoved(null), []);
  return <Connection key={attempt} {...props} removed={removed} onRemoved={setRemoved} onBack={back} />;
}

// A token the server no longer knows, or a class that is gone: the join form is the way back.
const FORGET = new Set(["UNAUTHENTICATED", "NOT_FOUND"]);

const refusedRequest = (name: string) => `Your teacher did not give this phone ${name}'s place. Join with another name.`;

interface ConnectionProps extends StudentSessionProps {
  /** The teacher's message while this phone is removed, else null. */
  removed: string | null;
  onRemoved(message: string): void;
  onBack(): void;
}

function Connection({ code, identity, onForgotten, removed, onRemoved, onBack }: ConnectionProps) {
  const live = useSession({ token: identity.token });
  const { state, you, status, refusal } = live;
  useWakeLock(status === "connected" && state?.status === "live");
  const me = state && you?.role === "student" ? state.students[you.participantId] : undefined;

  const forget = status === "refused" && !!refusal && FORGET.has(refusal.code);
  const refusedAsRemoved = status === "refused" && refusal?.code === "FORBIDDEN";
  const nowRemoved = refusedAsRemoved || !!me?.removed;
  const inClass = status === "connected" && !!me && !me.removed;
  useEffect(() => {
    // The last word from the teacher (a place given to a new phone, a request refused) says why;
    // a request refused before this phone connected leaves only a pass the server no longer knows.
    if (forget) onForgotten(removed ?? (identity.reclaiming ? refusedRequest(identity.reclaiming) : undefined));
  }, [forget, onForgotten, removed, identity.reclaiming]);
  useEffect(() => {
    if (nowRemoved) onRemoved(refusal?.message ?? "The teacher has taken you out of this class.");
    else if (inClass) onBack();
  }, [nowRemoved, inClass, refusal, onRemoved, onBack]);

  // Having a state means we were connected once: "connecting" again is a reconnection.
  const reconnecting = status === "reconnecting" || (status === "connecting" && state !== null);
  const banner = <ReconnectBanner show={reconnecting && removed === null} />;

  const screen = (() => {
    // While removed, keep saying so through the quiet retries until the server takes us back.
    if (nowRemoved || (removed !== null && !inClass)) return <RemovedScreen message={removed ?? refusal?.message ?? null} />;
    if (status === "refused" && refusal) return forget ? null : <RefusalScreen refusal={refusal} />;
    if (!state || !you) {
      return (
        <MessageCard title="Connecting to the class…">
          <p>This takes a second. Keep this page open.</p>
        </MessageCard>
      );
    }
    if (state.status === "ended") return <ClassEnded />;
    if (!me && identity.reclaiming) {
      return (
        <MessageCard title="Asking your teacher">
          <p>
            Your teacher will be asked to give this phone {identity.reclaiming}&apos;s place back: the same neuron and values.
            Keep this page open.
          </p>
        </MessageCard>
      );
    }
    if (!me || (!me.seat && !state.quiz.run)) {
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

  // A question on the phones takes the place of the neuron, for every student in the class.
  const run = state?.quiz.run ?? null;
  if (screen === null && state && me && !me.removed && run && !forget) {
    return <QuizScreen code={code} banner={banner} live={live} state={state} me={me} run={run} />;
  }
  // A "read along" step of the lesson: the step's text in place of the sliders.
  if (screen === null && state && me?.seat && !forget && readOnlyStep(state)) {
    return <ReadStep code={code} banner={banner} live={live} state={state} me={me} step={state.lesson.step!} />;
  }
  if (screen === null && state && me?.seat && !forget) {
    return <NeuronView code={code} banner={banner} live={live} state={state} me={{ ...me, seat: me.seat }} />;
  }
  return (
    <StudentShell code={code} banner={banner}>
      {screen}
    </StudentShell>
  );
}
