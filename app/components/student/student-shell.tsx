/**
 * The frame of every student screen: a narrow, phone-first column with the product's name and
 * the class code at the top.
 */
import { NeuronMark } from "../neuron-mark";

export function StudentShell({ code, banner, children }: { code: string; banner?: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      {banner}
      <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-5 px-4 pt-4 pb-24">
        <div className="flex items-center justify-between gap-3">
          <span className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
            <NeuronMark className="h-7 w-7" />
            Synapse
          </span>
          <span className="rounded-full bg-white px-3 py-1 font-mono text-sm font-semibold tracking-widest text-slate-800 ring-1 ring-slate-300">
            <span className="sr-only">Class code </span>
            {code}
          </span>
        </div>
        {children}
      </main>
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
