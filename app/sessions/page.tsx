import type { Metadata } from "next";
import { PastSessions } from "../components/sessions/past-sessions";

export const metadata: Metadata = { title: "Past sessions · Synapse" };

/** The sessions this browser hosted or opened, read from its teacher tokens. */
export default function SessionsPage() {
  return <PastSessions />;
}
