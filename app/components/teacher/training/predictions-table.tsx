/**
 * Each example of the data set: its inputs, its label, what the network predicts, and whether
 * that is right, in words and a mark (never colour alone). Long sets scroll inside the table.
 */
import { memo } from "react";
import type { Readout } from "../../training/readout";

export const PredictionsTable = memo(function PredictionsTable({ readout, inputLabels }: { readout: Readout; inputLabels: readonly string[] }) {
  return (
    <div className="max-h-[30rem] overflow-auto rounded-xl ring-1 ring-slate-200" tabIndex={0} role="region" aria-label="Predictions, scrollable">
      <table aria-label="Predictions" className="w-full border-collapse text-left text-base">
        <thead className="sticky top-0 bg-slate-100 text-sm text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              Example
            </th>
            {inputLabels.map((label, k) => (
              <th key={k} scope="col" className="px-3 py-2 text-right">
                {label || `Input ${k + 1}`}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              Label
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Prediction
            </th>
            <th scope="col" className="px-3 py-2">
              Right or wrong
            </th>
          </tr>
        </thead>
        <tbody>
          {readout.rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-1.5 font-semibold text-slate-700">
                {i + 1}
              </th>
              {row.inputs.map((value, k) => (
                <td key={k} className="px-3 py-1.5 text-right font-mono tabular-nums">
                  {value}
                </td>
              ))}
              <td className="px-3 py-1.5">{row.label}</td>
              <td className="px-3 py-1.5 text-right font-mono tabular-nums">{row.prediction}</td>
              <td className={`px-3 py-1.5 font-bold ${row.right ? "text-emerald-800" : "text-red-800"}`}>
                <span aria-hidden="true">{row.right ? "✓ " : "✗ "}</span>
                {row.right ? "right" : "wrong"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
