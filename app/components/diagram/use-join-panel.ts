"use client";

/**
 * Whether the join details are shown large. Until anyone has joined they are (the class needs
 * them); once students are in they give way to the diagram, unless this screen asked for them.
 */
import { useState } from "react";

export function useJoinPanel(students: number): { large: boolean; toggle: () => void } {
  const [asked, setAsked] = useState<boolean | null>(null);
  const large = asked ?? students === 0;
  return { large, toggle: () => setAsked(!large) };
}
