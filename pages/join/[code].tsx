/**
 * /join/CODE: the student's page. The code is checked for shape here, on the server, so a
 * mistyped link gets its answer without a round trip; the rest runs on the phone.
 *
 * A Pages Router page on purpose: phones download far less framework JavaScript than for an
 * App Router page (docs/architecture.md, "The student's page uses the Pages Router").
 */
import type { GetServerSideProps } from "next";
import Head from "next/head";
import { joinCodeProblem, normalizeJoinCode } from "../../lib/session/join-code";
import { StudentApp } from "../../app/components/student/student-app";
import { actionClass, MessageCard, StudentShell } from "../../app/components/student/student-shell";

interface JoinPageProps {
  code: string;
  /** Why the code cannot be a join code, if so. */
  problem: string | null;
}

function codeFrom(raw: string): string {
  try {
    return normalizeJoinCode(decodeURIComponent(raw));
  } catch {
    return normalizeJoinCode(raw);
  }
}

export const getServerSideProps: GetServerSideProps<JoinPageProps, { code: string }> = async ({ params }) => {
  const code = codeFrom(params?.code ?? "");
  return { props: { code, problem: joinCodeProblem(code) } };
};

export default function JoinPage({ code, problem }: JoinPageProps) {
  return (
    <>
      <Head>
        <title>{`Join class ${code} · Synapse`}</title>
        <meta name="robots" content="noindex" />
      </Head>
      {problem ? (
        <StudentShell code={code.slice(0, 12) || "?"}>
          <MessageCard title="That is not a join code">
            <p>{problem}</p>
            {/* The home page is an App Router page: a plain link, the Pages Router's own Link would reload it anyway. */}
            <a href="/" className={actionClass}>
              Type another code
            </a>
          </MessageCard>
        </StudentShell>
      ) : (
        <StudentApp code={code} />
      )}
    </>
  );
}
