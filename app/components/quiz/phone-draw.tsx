/**
 * A student's own numbers for a parametric question: a small table of inputs and weights,
 * then the bias, the activation and the output or target, with the unknown one marked "?".
 * Numbers are written as drawn (no padding zeros), with a real minus sign.
 */
import type { Draw, ParametricTemplate } from "../../../lib/quiz/types";
import { activationName } from "../../../lib/session/format";

const num = (x: number) => String(Math.round(x * 1000) / 1000).replace("-", "\u2212");

const ASK: Record<ParametricTemplate, string> = {
  "neuron-output": "Find: the output",
  "my-neuron": "Find: your neuron's output",
  "fire-bias": "Find: the bias",
  "which-activation": "Find: the activation",
};

function Unknown() {
  return (
    <span className="rounded-md bg-amber-200 px-2 font-sans font-extrabold text-amber-950">
      ?<span className="sr-only"> (to find)</span>
    </span>
  );
}

export function PhoneDraw({ draw, template }: { draw: Draw | null; template: ParametricTemplate }) {
  if (!draw) {
    return (
      <p role="status" className="rounded-2xl bg-white p-4 text-lg text-slate-700 shadow-sm ring-1 ring-slate-200">
        Your own numbers are on their way…
      </p>
    );
  }
  const row = "flex items-baseline justify-between gap-3 border-t border-slate-200 px-4 py-2.5";
  return (
    <section aria-label="Your numbers" className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <p className="flex items-baseline justify-between gap-2 bg-indigo-700 px-4 py-2 text-base font-bold text-white">
        Your numbers <span className="text-sm font-normal text-indigo-100">only on your phone</span>
      </p>
      <table className="w-full text-left font-mono text-lg tabular-nums">
        <caption className="sr-only">Inputs and their weights</caption>
        <thead>
          <tr className="font-sans text-base text-slate-700">
            <th scope="col" className="px-4 py-2 font-semibold">
              #
            </th>
            <th scope="col" className="px-2 py-2 font-semibold">
              Input <span aria-hidden="true">x</span>
            </th>
            <th scope="col" className="px-2 py-2 font-semibold">
              Weight <span aria-hidden="true">w</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draw.inputs.map((x, i) => (
            <tr key={i} className="border-t border-slate-200">
              <th scope="row" className="px-4 py-2 font-sans font-semibold text-slate-700">
                {i + 1}
              </th>
              <td className="px-2 py-2 text-slate-900">{num(x)}</td>
              <td className="px-2 py-2 text-slate-900">{num(draw.weights[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="text-lg">
        <div className={row}>
          <dt className="font-semibold text-slate-700">Bias b</dt>
          <dd className="font-mono text-slate-900 tabular-nums">{draw.bias === null ? <Unknown /> : num(draw.bias)}</dd>
        </div>
        <div className={row}>
          <dt className="font-semibold text-slate-700">Activation</dt>
          <dd className="text-slate-900">{draw.activation === null ? <Unknown /> : activationName(draw.activation)}</dd>
        </div>
        {draw.output !== undefined && (
          <div className={row}>
            <dt className="font-semibold text-slate-700">Output</dt>
            <dd className="font-mono font-bold text-slate-900 tabular-nums">{num(draw.output)}</dd>
          </div>
        )}
        {draw.target !== undefined && (
          <div className={row}>
            <dt className="font-semibold text-slate-700">Target output</dt>
            <dd className="font-mono font-bold text-slate-900 tabular-nums">{num(draw.target)}</dd>
          </div>
        )}
      </dl>
      <p className="border-t border-slate-200 bg-amber-50 px-4 py-2 text-base font-semibold text-amber-950">{ASK[template]}</p>
    </section>
  );
}
