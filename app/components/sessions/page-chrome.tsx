/**
 * The top bar of the teacher's look-back pages (past sessions, reports): the product's name
 * back to the start page, and the way to the list of past sessions.
 */
import Link from "next/link";
import { NeuronMark } from "../neuron-mark";

export function LookBackHeader({ current }: { current: "sessions" | "report" }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2.5 rounded-lg text-xl font-extrabold tracking-tight text-slate-900">
          <NeuronMark className="h-7 w-7 sm:h-8 sm:w-8" />
          Synapse
        </Link>
        <nav aria-label="Teacher pages" className="flex items-center gap-0.5 text-sm font-bold sm:gap-1">
          <Link
            href="/sessions"
            aria-current={current === "sessions" ? "page" : undefined}
            className="whitespace-nowrap rounded-lg px-2 py-2 text-slate-700 sm:px-3 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-900"
          >
            Past sessions
          </Link>
          <Link href="/" className="hidden whitespace-nowrap rounded-lg px-2 py-2 text-slate-700 hover:bg-slate-100 sm:block sm:px-3">
            Start page
          </Link>
        </nav>
      </div>
    </header>
  );
}
