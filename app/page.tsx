import Link from "next/link";
import { HostButton } from "./components/host-button";
import { JoinForm } from "./components/join-form";
import { NeuronMark } from "./components/neuron-mark";

/**
 * The home page. Most visitors are students on a phone with a code to type, so on a narrow
 * screen the "Join code" box comes right after a short title, with nothing to scroll past;
 * on a wide screen the pitch sits on the left and the two cards on the right.
 */
export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-5xl flex-col gap-5 px-5 py-5 md:gap-10 md:py-16">
      <header className="flex items-center gap-3">
        <NeuronMark className="h-9 w-9 md:h-10 md:w-10" />
        <span className="text-2xl font-bold tracking-tight">Synapse</span>
      </header>

      <div className="grid gap-5 md:grid-cols-[1.2fr_1fr] md:grid-rows-[auto_1fr] md:gap-x-10 md:gap-y-5">
        <h1 className="text-2xl font-extrabold leading-tight tracking-tight md:col-start-1 md:row-start-1 md:text-6xl">
          Your class becomes a neural network.
        </h1>

        <div className="space-y-6 md:col-start-2 md:row-span-2 md:row-start-1">
          <section aria-labelledby="join-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 md:p-6">
            <h2 id="join-heading" className="mb-3 text-xl font-bold">
              I&apos;m a student
            </h2>
            <JoinForm />
          </section>
          <section aria-labelledby="host-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 md:p-6">
            <h2 id="host-heading" className="mb-2 text-xl font-bold">
              I&apos;m teaching
            </h2>
            <p className="mb-4 text-slate-600">Start a live session on the projector. Students join with the code it shows.</p>
            <HostButton />
            <p className="mt-4 text-center">
              <Link href="/sessions" className="font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
                Past sessions: replays and reports
              </Link>
            </p>
          </section>
        </div>

        <div className="space-y-5 md:col-start-1 md:row-start-2">
          <p className="text-lg text-slate-700 md:text-xl">
            Each student&apos;s phone is one neuron. Students set their own weights and bias, and the projector shows
            the whole forward pass, layer by layer, as the class computes a prediction together.
          </p>
          <ul className="space-y-2 text-slate-700">
            <li>No accounts and no installs: students join with a six-character code.</li>
            <li>Works on the classroom network, with nothing fetched from the internet.</li>
          </ul>
          <p>
            <Link href="/learn" className="font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
              Learn on your own: the whole lesson, at your pace
            </Link>
          </p>
          <p>
            <Link href="/try" className="font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
              Try the lesson&apos;s Python in your browser
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}
