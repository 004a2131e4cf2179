"use client";

/**
 * The student's answer in progress and the last one the server took, kept in sessionStorage
 * under the run (`synapse:quiz:<student>:<run>`), so a re-render, a screen that slept, a lost
 * connection or a reload never loses what was typed. The server's copy of the answer (from
 * `quiz:mine`) wins over the phone's when it arrives, and fills an untouched draft.
 */
import { useCallback, useEffect, useState } from "react";
import type { Answer, PublicQuestion } from "../../../lib/quiz/types";
import { draftFits, draftFromAnswer, emptyDraft, type AnswerShape, type Draft } from "./quiz-answer";

interface Kept {
  draft: Draft;
  /** The answer the server acknowledged last, or null. */
  sent: Answer | null;
  /** Whether the student has changed the draft since it was set up. */
  touched: boolean;
}

export const draftKey = (studentId: string, runId: string): string => `synapse:quiz:${studentId}:${runId}`;

function read(key: string, question: PublicQuestion, shape: AnswerShape): Kept | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<Kept>;
    if (!draftFits(kept.draft, question, shape)) return null;
    return { draft: kept.draft, sent: (kept.sent as Answer | null) ?? null, touched: !!kept.touched };
  } catch {
    return null;
  }
}

function write(key: string, kept: Kept): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // Storage full or blocked: the draft still lives in memory.
  }
}

/**
 * @example
 * const { draft, setDraft, sent, markSent } = useQuizDraft(me.id, run.runId, run.shown, "number", mine?.answer ?? null);
 */
export function useQuizDraft(studentId: string, runId: string, question: PublicQuestion, shape: AnswerShape, serverAnswer: Answer | null) {
  const key = draftKey(studentId, runId);
  const [kept, setKept] = useState<Kept>(
    () =>
      read(key, question, shape) ?? {
        draft: serverAnswer ? draftFromAnswer(serverAnswer) : emptyDraft(question, shape),
        sent: serverAnswer,
        touched: false,
      },
  );

  // The server's answer arrived (or changed): it is what was sent; an untouched draft shows it.
  const serverJson = serverAnswer ? JSON.stringify(serverAnswer) : null;
  useEffect(() => {
    if (!serverJson) return;
    const answer = JSON.parse(serverJson) as Answer;
    setKept((k) => {
      const draft = k.touched ? k.draft : draftFromAnswer(answer);
      return draftFits(draft, question, shape) ? { ...k, draft, sent: answer } : { ...k, sent: answer };
    });
  }, [serverJson, question, shape]);

  useEffect(() => {
    write(key, kept);
  }, [key, kept]);

  const setDraft = useCallback((change: (d: Draft) => Draft) => setKept((k) => ({ ...k, draft: change(k.draft), touched: true })), []);
  const markSent = useCallback((answer: Answer) => setKept((k) => ({ ...k, sent: answer })), []);
  return { draft: kept.draft, sent: kept.sent, setDraft, markSent };
}
