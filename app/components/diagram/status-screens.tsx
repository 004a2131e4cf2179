/**
 * Full-page messages for when there is no session to show yet (connecting) or any more
 * (refused, ended), and the thin banner shown while a live connection is being restored.
 */
import Link from "next/link";
import { NeuronMark } from "../neuron-mark";

export function StatusScreen({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-slate-50 p-8">
      <div className="max-w-xl space-y-4 rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <NeuronMark className="h-12 w-12" />
        <h1 className="text-3xl font-extrabold tracking-tight">{title}</h1>
        <div className="space-y-3 text-lg text-slate-700">{children}</div>
        <p>
          <Link href="/" className="font-semibold text-indigo-800 underline underline-offset-4">
            Back to the start page
          </Link>
        </p>
      </div>
    </main>
  );
}

/** Shown over a live view while the socket reconnects: the numbers may be stale. */
export function ReconnectingBanner({ status }: { status: string }) {
  if (status !== "reconnecting") return null;
  return (
    <p role="status" className="bg-amber-100 px-6 py-2 text-center text-lg font-bold text-amber-950">
      Reconnecting… the numbers shown may be out of date.
    </p>
  );
}
