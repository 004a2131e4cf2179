import type { Metadata } from "next";
import { ReplayApp } from "../../components/replay/replay-app";

export const metadata: Metadata = { title: "Synapse: replay" };

/** A past (or running) session looked back on. The pass arrives in the hash (#r=…) or from this browser's storage. */
export default async function ReplayPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return <ReplayApp sessionId={decodeURIComponent(sessionId)} />;
}
