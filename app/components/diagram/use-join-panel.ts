"use client";

/**
 * Whether the join details are shown large. Until anyone has joined they are (the class needs
 * them); once students are in they give way to the diagram, unless this screen asked for them.
 */
import { useState } from "react";
import type { SessionState } from "../../../lib/session/state";

/** How many students are in the class (removed ones are not): what decides the panel's size. */
export function activeStudents(state: Pick<SessionState, "students">): number {
  let n = 0;
  for (const s of Object.values(state.students)) if (!s.removed) n++;
  return n;
}

export function useJoinPanel(students: number): { large: boolean; toggle: () => void } {
  const [asked, setAsked] = useState<boolean | null>(null);
  const large = asked ?? students === 0;
  return { large, toggle: () => setAsked(!large) };
}
