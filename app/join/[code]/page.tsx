/**
 * /join/CODE: the student's page. The code is checked for shape here, on the server, so a
 * mistyped link gets its answer without a round trip; the rest runs on the phone.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { joinCodeProblem, normalizeJoinCode } from "../../../lib/session/join-code";
import { StudentApp } from "../../components/student/student-app";
import { actionClass, MessageCard, StudentShell } from "../../components/student/student-shell";

type Params = Promise<{ code: string }>;

function codeFrom(raw: string): string {
  try {
    return normalizeJoinCode(decodeURIComponent(raw));
  } catch {
    return normalizeJoinCode(raw);
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const code = codeFrom((await params).code);
  return { title: `Join class ${code} · Synapse`, robots: { index: false } };
}

export default async function JoinPage({ params }: { params: Params }) {
  const code = codeFrom((await params).code);
  const problem = joinCodeProblem(code);
  if (problem) {
    return (
      <StudentShell code={code.slice(0, 12) || "?"}>
        <MessageCard title="That is not a join code">
          <p>{problem}</p>
          <Link href="/" className={actionClass}>
            Type another code
          </Link>
        </MessageCard>
      </StudentShell>
    );
  }
  return <StudentApp code={code} />;
}
