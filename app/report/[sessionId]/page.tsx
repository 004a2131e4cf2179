import type { Metadata } from "next";
import { ReportView } from "../../components/report/report-view";

export const metadata: Metadata = { title: "Session report · Synapse" };

/** A past (or live) session's report, read with the teacher pass this browser holds. */
export default async function ReportPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return <ReportView sessionId={decodeURIComponent(sessionId)} />;
}
