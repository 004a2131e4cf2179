/**
 * The student's own standing, which only their phone shows ("Your rank"): place, class size
 * and points. The projector shows the top of the board; everyone else finds themselves here.
 */
import type { MyQuiz } from "../../../lib/session/domains/quiz/mine";
import { ordinal } from "./quiz-answer";

export function YourRank({ standing }: { standing: NonNullable<MyQuiz["standing"]> }) {
  return (
    <section aria-label="Your rank" className="flex items-center justify-between gap-3 rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
      <p className="text-lg text-slate-800">
        <span className="text-3xl font-extrabold text-slate-900">{ordinal(standing.rank)}</span> of {standing.of}
      </p>
      <p className="text-right text-lg text-slate-800">
        <span className="text-2xl font-extrabold text-indigo-800 tabular-nums">{standing.points}</span> point{standing.points === 1 ? "" : "s"}
      </p>
    </section>
  );
}
