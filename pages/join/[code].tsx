/**
 * /join/CODE: the student's page. The code is checked for shape here, on the server, so a
 * mistyped link gets its answer without a round trip; the rest runs on the phone.
 *
 * Next renders the HTML, but sends none of its client JavaScript (`unstable_runtimeJS: false`):
 * the page's one script is the phone bundle built by scripts/build-phone.mjs (React DOM, the
 * Socket.IO client and our code, without Next's client runtime), which hydrates `StudentApp`
 * in the root element; the chunks it imports at once are preloaded beside it. That keeps the phone within SPEC's JavaScript budget
 * (docs/architecture.md, "The student's page ships its own bundle"). A mistyped code's page
 * needs no JavaScript at all.
 *
 * Next applies `unstable_runtimeJS` to production builds only; in development its client
 * runtime hydrates the same markup, and the page writes no script of its own.
 */
import type { GetServerSideProps, PageConfig } from "next";
import Head from "next/head";
import { joinCodeProblem, normalizeJoinCode } from "../../lib/session/join-code";
import { PHONE_ROOT_ID } from "../../app/components/student/phone-root";
import { StudentApp } from "../../app/components/student/student-app";
import { actionClass, MessageCard, StudentShell } from "../../app/components/student/student-shell";
import { phoneScripts, type PhoneScripts } from "../../server/phone-bundle";

export const config: PageConfig = { unstable_runtimeJS: false };

interface JoinPageProps {
  code: string;
  /** Why the code cannot be a join code, if so. */
  problem: string | null;
  /** The phone bundle's entry (`/_phone/student-<hash>.js`) and the chunks it imports; null in development and on the mistyped-code page. */
  scripts: PhoneScripts | null;
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
  const problem = joinCodeProblem(code);
  const scripts = problem || process.env.NODE_ENV !== "production" ? null : phoneScripts();
  return { props: { code, problem, scripts } };
};

export default function JoinPage({ code, problem, scripts }: JoinPageProps) {
  return (
    <>
      <Head>
        <title>{`Join class ${code} · Synapse`}</title>
        <meta name="robots" content="noindex" />
        {scripts?.preloads.map((href) => <link key={href} rel="modulepreload" href={href} />)}
      </Head>
      {problem ? (
        <StudentShell code={code.slice(0, 12) || "?"}>
          <MessageCard title="That is not a join code">
            <p>{problem}</p>
            <a href="/" className={actionClass}>
              Type another code
            </a>
          </MessageCard>
        </StudentShell>
      ) : (
        <>
          {/* The bundle hydrates this element: its first render matches the server's ("Opening class …"). */}
          <div id={PHONE_ROOT_ID} data-code={code}>
            <StudentApp code={code} />
          </div>
          {scripts && <script type="module" src={scripts.script} />}
        </>
      )}
    </>
  );
}
