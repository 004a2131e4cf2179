/**
 * The class in one table: rank, nickname, seat at the end, score, answers right and wrong,
 * and how many changes each made to their neuron. Scrolls sideways on a phone.
 */
import type { StudentReport } from "../../../lib/protocol/replay";

const rightOf = (s: StudentReport) => s.answers.filter((a) => a.correct === true).length;
const wrongOf = (s: StudentReport) => s.answers.filter((a) => a.correct === false).length;

/** Ranked first (by rank), then the unranked by name. */
function ordered(students: StudentReport[]): StudentReport[] {
  return [...students].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || a.nickname.localeCompare(b.nickname),
  );
}

const TH = "px-1.5 py-2 sm:px-3 text-left text-xs font-bold uppercase tracking-wide text-slate-600";
const NUM_TH = `${TH} text-right`;
const TD = "px-1.5 py-2.5 text-sm text-slate-800 sm:px-3";
const NUM = `${TD} text-right tabular-nums`;

/** A header that is a symbol on a phone and a word elsewhere; the word is always its name. */
function Short({ short, long }: { short: string; long: string }) {
  return (
    <>
      <span aria-hidden="true" className="sm:hidden">{short}</span>
      <span className="sr-only sm:not-sr-only">{long}</span>
    </>
  );
}

export function StudentTable({ students, questions }: { students: StudentReport[]; questions: number }) {
  if (students.length === 0) return <p className="rounded-2xl bg-white p-5 text-slate-600 ring-1 ring-slate-200">Nobody joined this session.</p>;
  return (
    <div
      role="region"
      aria-label="Students table"
      tabIndex={0}
      className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
    >
      <table className="w-full border-collapse sm:min-w-[38rem]">
        <caption className="sr-only">
          Every student: rank, nickname, seat, score, answers right and wrong out of {questions}, and changes made to their neuron
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className={NUM_TH}>
              <Short short="#" long="Rank" />
            </th>
            <th scope="col" className={TH}>Nickname</th>
            <th scope="col" className={`${TH} hidden sm:table-cell`}>Seat</th>
            <th scope="col" className={NUM_TH}>Score</th>
            <th scope="col" className={NUM_TH}>
              <Short short="✓" long="Right" />
            </th>
            <th scope="col" className={NUM_TH}>
              <Short short="✗" long="Wrong" />
            </th>
            <th scope="col" className={NUM_TH}>Moves</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ordered(students).map((s) => (
            <tr key={s.studentId}>
              <td className={`${NUM} font-bold`}>{s.rank ?? "—"}</td>
              <th scope="row" className={`${TD} max-w-[9rem] break-words text-left font-bold text-slate-900 sm:max-w-[14rem]`}>
                {s.nickname || <span className="font-normal italic text-slate-500">(name hidden)</span>}
                <span className="block text-xs font-medium text-slate-500 sm:hidden">{s.seat ?? "Not seated"}</span>
              </th>
              <td className={`${TD} hidden text-slate-600 sm:table-cell`}>{s.seat ?? "Not seated"}</td>
              <td className={`${NUM} font-bold`}>{s.score.toLocaleString("en")}</td>
              <td className={`${NUM} text-emerald-800`}>{rightOf(s)}</td>
              <td className={`${NUM} text-red-800`}>{wrongOf(s)}</td>
              <td className={NUM}>{s.moves}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
