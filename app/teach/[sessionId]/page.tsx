import type { Metadata } from "next";
import { TeacherDashboard } from "../../components/teacher/teacher-dashboard";

export const metadata: Metadata = { title: "Synapse: teacher dashboard" };

/** The teacher's dashboard. The token arrives in the hash (never sent to the server) or from storage. */
export default async function TeachPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return <TeacherDashboard sessionId={decodeURIComponent(sessionId)} />;
}
