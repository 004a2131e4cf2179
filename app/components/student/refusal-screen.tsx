/**
 * What the phone says when the server refuses its connection for good: removed by the teacher,
 * class ended, or an out-of-date page. (An unknown token never gets here: the join form shows
 * again instead.)
 */
import Link from "next/link";
import type { ErrorBody } from "../../../lib/protocol";
import { actionClass, MessageCard, secondaryActionClass } from "./student-shell";

function ReloadButton({ label = "Reload the page" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.location.reload()} className={actionClass}>
      {label}
    </button>
  );
}

export function ClassEnded() {
  return (
    <MessageCard title="This class has ended">
      <p>Thanks for being a neuron today! Your teacher can go through the session again in the replay.</p>
      <Link href="/" className={actionClass}>
        Go to the home page
      </Link>
    </MessageCard>
  );
}

export function RefusalScreen({ refusal }: { refusal: ErrorBody }) {
  switch (refusal.code) {
    case "SESSION_ENDED":
      return <ClassEnded />;
    case "FORBIDDEN":
      return (
        <MessageCard title="The teacher removed you from this class">
          <p>{refusal.message}</p>
          <p>If your teacher lets you back in, reload this page to take your place again.</p>
          <ReloadButton />
        </MessageCard>
      );
    case "PROTOCOL_MISMATCH":
      return (
        <MessageCard title="This page needs a reload">
          <p>The class has been updated since this page was opened. Reload it to carry on: you keep your neuron.</p>
          <ReloadButton />
        </MessageCard>
      );
    default:
      return (
        <MessageCard title="Could not connect to the class">
          <p>{refusal.message}</p>
          <ReloadButton label="Try again" />
          <Link href="/" className={secondaryActionClass}>
            Go to the home page
          </Link>
        </MessageCard>
      );
  }
}
