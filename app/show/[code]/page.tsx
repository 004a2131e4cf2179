import type { Metadata } from "next";
import { ProjectorScreen } from "./projector-screen";

export const metadata: Metadata = { title: "Synapse: projector view" };

/** The read-only projector view for a second screen: no token, just the join code. */
export default async function ShowPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <ProjectorScreen code={decodeURIComponent(code).toUpperCase()} />;
}
