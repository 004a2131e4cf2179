/**
 * The frame of every student screen: a narrow, phone-first column with the product's name and
 * the class code at the top, then a strip that sticks to the top of the screen while one
 * scrolls: the "Reconnecting…" banner, and on the neuron screen my output and the prediction.
 */
import { NeuronMark } from "../neuron-mark";

interface StudentShellProps {
  code: string;
  banner?: React.ReactNode;
  /** Kept in view under the banner whatever is scrolled (the neuron screen's live values). */
  bar?: React.ReactNode;
  children: React.ReactNode;
}

export function StudentShell({ code, banner, bar, children }: StudentShellProps) {
  return (
    <>
      <header className="mx-auto flex w-full max-w-md items-center justify-between gap-3 px-4 pt-3 pb-2">
        <span className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <NeuronMark className="h-7 w-7" />
          Synapse
        </span>
        <span className="rounded-full bg-white px-3 py-1 font-mono text-sm font-semibold tracking-widest text-slate-800 ring-1 ring-slate-300">
          <span className="sr-only">Class code </span>
          {code}
        </span>
      </header>
      <div className="sticky top-0 z-20">
        {banner}
        {bar}
      </div>
      <main className="mx-auto flex w-full max-w-md flex-col gap-4 px-4 pt-3 pb-16">{children}</main>
    </>
  );
}

/** A simple message screen: a heading, some text and optional actions. */
export function MessageCard({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <section className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-extrabold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-3 space-y-4 text-lg text-slate-700">{children}</div>
    </section>
  );
}

/** Big, clear actions for the message screens (≥ 44 px tall). */
export const actionClass =
  "inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-indigo-700 px-5 py-3 text-lg font-bold text-white hover:bg-indigo-800";
export const secondaryActionClass =
  "inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-white px-5 py-3 text-lg font-bold text-indigo-800 ring-2 ring-indigo-700 hover:bg-indigo-50";
