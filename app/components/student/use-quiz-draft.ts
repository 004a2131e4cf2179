"use client";

/**
 * The student's answer in progress and the last one the server took, kept under the run
 * (`synapse:quiz:<student>:<run>`), so a re-render, a screen that slept, a lost connection or
 * a reload never loses what was typed. Answers live in sessionStorage; a program, minutes of
 * typing, in localStorage, so it also outlives the tab (a browser that closed it, the join link
 * opened again), with the drafts of the same student's earlier questions and any older than
 * two days cleared (draft-storage.ts). The server's copy of the answer (from `quiz:mine`) wins
 * over the phone's when it arrives, and fills an untouched draft.
 */
import { useCallback, useEffect, useState } from "react";
import type { Answer, PublicQuestion } from "../../../lib/quiz/types";
import { CODE_DRAFT_PREFIX, draftKey, draftsToDrop } from "./draft-storage";
import { draftFits, draftFromAnswer, emptyDraft, type AnswerShape, type Draft } from "./quiz-answer";

interface Kept {
  draft: Draft;
  /** The answer the server acknowledged last, or null. */
  sent: Answer | null;
  /** Whether the student has changed the draft since it was set up. */
  touched: boolean;
  /** When it was last written (ms since 1970), to clear old programs. */
  at?: number;
}

export { draftKey };

const storageFor = (shape: AnswerShape): Storage => (shape === "code" ? localStorage : sessionStorage);

function read(key: string, question: PublicQuestion, shape: AnswerShape): Kept | null {
  try {
    const raw = storageFor(shape).getItem(key);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<Kept>;
    if (!draftFits(kept.draft, question, shape)) return null;
    return { draft: kept.draft, sent: (kept.sent as Answer | null) ?? null, touched: !!kept.touched };
  } catch {
    return null;
  }
}

function write(key: string, kept: Kept, shape: AnswerShape): void {
  try {
    storageFor(shape).setItem(key, JSON.stringify({ ...kept, at: Date.now() }));
  } catch {
    // Storage full or blocked: the draft still lives in memory.
  }
}

/** Clears the programs kept for the student's earlier questions, and any older than two days. */
function clearOldPrograms(key: string): void {
  try {
    const entries: [string, number | null][] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k?.startsWith(CODE_DRAFT_PREFIX)) continue;
      let at: number | null = null;
      try {
        const parsed = JSON.parse(localStorage.getItem(k) ?? "null") as { at?: unknown } | null;
        at = typeof parsed?.at === "number" ? parsed.at : null;
      } catch {
        // Unreadable: dropped as old.
      }
      entries.push([k, at]);
    }
    for (const k of draftsToDrop(entries, key, Date.now())) localStorage.removeItem(k);
  } catch {
    // Storage blocked: nothing to clear.
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
    if (shape === "code") clearOldPrograms(key);
  }, [key, shape]);

  useEffect(() => {
    write(key, kept, shape);
  }, [key, kept, shape]);

  const setDraft = useCallback((change: (d: Draft) => Draft) => setKept((k) => ({ ...k, draft: change(k.draft), touched: true })), []);
  const markSent = useCallback((answer: Answer) => setKept((k) => ({ ...k, sent: answer })), []);
  return { draft: kept.draft, sent: kept.sent, setDraft, markSent };
}
