import type { Metadata } from "next";
import Link from "next/link";
import { PYTHON_EXAMPLES } from "../../lib/lesson/examples";
import { NeuronMark } from "../components/neuron-mark";
import { TryItLive } from "../components/python/try-it-live";

export const metadata: Metadata = {
  title: "Try it live: the lesson's Python · Synapse",
  description: "Edit the lesson's neural-network code and run it as real Python in your browser.",
};

/**
 * The lesson's three Python examples, each editable and runnable in the browser. Python is
 * served by this Synapse server and downloaded only when Run is first pressed.
 */
export default function TryPage() {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center gap-3 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 rounded-lg text-lg font-bold tracking-tight">
            <NeuronMark className="h-8 w-8" />
            Synapse
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6 sm:py-10">
        <div className="space-y-3">
          <p className="text-sm font-semibold uppercase tracking-wider text-indigo-800">Neural networks, in Python</p>
          <h1 className="text-3xl font-extrabold tracking-tight sm:text-5xl">Try it live</h1>
          <p className="max-w-2xl text-lg text-slate-700">
            The lesson&apos;s code, running as real Python in your browser. Change a weight or an input, press Run, and
            see what the neuron computes.
          </p>
          <p className="max-w-2xl text-sm text-slate-600">
            The first Run downloads Python from this Synapse server (about 6.5 MB, once). After that it works offline, and
            your code never leaves your device.
          </p>
        </div>
        {/* Each example has its id as an anchor, so a phone's "Try it live" opens on its own (/try#neuron). */}
        {PYTHON_EXAMPLES.map((example) => (
          <div key={example.id} id={example.id} className="scroll-mt-4">
            <TryItLive title={example.title} summary={example.summary} code={example.code} />
          </div>
        ))}
      </main>
    </div>
  );
}
