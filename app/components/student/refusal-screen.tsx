/**
 * What the phone says when the server refuses its connection: removed by the teacher (until
 * they let the student back in), class ended, or an out-of-date page. (An unknown token never
 * gets here: the join form shows again instead.)
 *
 * Links home are plain anchors: leaving the Pages Router student page for the App Router home
 * page is a full page load anyway, and `next/link` would add to the phone's JavaScript.
 */
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
      <a href="/" className={actionClass}>
        Go to the home page
      </a>
    </MessageCard>
  );
}

/** Shown while removed; the session keeps asking the server, so no button is needed to come back. */
export function RemovedScreen({ message }: { message: string | null }) {
  return (
    <MessageCard title="The teacher removed you from this class">
      {message && <p>{message}</p>}
      <p>Keep this page open: if your teacher lets you back in, you go straight back to your neuron.</p>
    </MessageCard>
  );
}

export function RefusalScreen({ refusal }: { refusal: ErrorBody }) {
  switch (refusal.code) {
    case "SESSION_ENDED":
      return <ClassEnded />;
    case "FORBIDDEN":
      return <RemovedScreen message={refusal.message} />;
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
          <a href="/" className={secondaryActionClass}>
            Go to the home page
          </a>
        </MessageCard>
      );
  }
}
