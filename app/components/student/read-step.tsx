/**
 * A phone in a "read along" step of the lesson: the step's text in place of the sliders. The
 * neuron is still the student's (and the server refuses changes to it in this step); the
 * card says where it is and that the sliders come back in a step with the network. The
 * step's number and title head the text once (the strip of the other steps would repeat it).
 */
import type { LiveSession } from "../../realtime/use-session";
import { LESSON_STEPS } from "../../../lib/lesson/steps";
import type { SessionState, Student } from "../../../lib/session/state";
import { TryLink } from "./lesson-strip";
import { StudentShell } from "./student-shell";
import { YourRank } from "./your-rank";

interface ReadStepProps {
  code: string;
  banner: React.ReactNode;
  live: LiveSession;
  state: SessionState;
  me: Student;
  step: number;
}

export function ReadStep({ code, banner, live, state, me, step }: ReadStepProps) {
  const current = LESSON_STEPS[step]!;
  return (
    <StudentShell code={code} banner={banner}>
      {state.quiz.leaderboard && live.mine?.standing && <YourRank standing={live.mine.standing} />}
      <section aria-label="Lesson step">
        <article aria-label="Step text" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="flex items-center justify-between gap-3">
            <p className="text-sm font-bold uppercase tracking-wide text-indigo-800">
              Step {step + 1} of {LESSON_STEPS.length}
            </p>
            {current.exampleId && <TryLink exampleId={current.exampleId} />}
          </div>
          <h1 className="mt-1 text-2xl font-extrabold leading-tight tracking-tight text-slate-900">{current.title}</h1>
          <div className="mt-3 space-y-3 text-lg leading-relaxed text-slate-800">
            {current.text.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </article>
      </section>
      <p className="rounded-2xl bg-slate-50 px-4 py-3 text-base text-slate-700 ring-1 ring-slate-200">
        {me.seat
          ? `Your neuron (layer ${me.seat.layer + 1}, neuron ${me.seat.neuron + 1}) is waiting for you: its sliders come back when the class works on the network again.`
          : "The teacher will give you a neuron when the class works on the network again."}
      </p>
    </StudentShell>
  );
}
