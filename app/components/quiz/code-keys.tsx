/**
 * The keys phone keyboards hide behind a "symbols" page, as a row of big buttons under the
 * code editor: ( ) [ ] : = , ' and Tab (indent). Pressing one types it at the editor's cursor.
 * The buttons never take the focus from the editor (the keyboard stays open), yet work with a
 * keyboard or a switch like any button.
 */

/** Each key: what it types, and its name for screen readers. */
export const CODE_KEYS: readonly { text: string; name: string }[] = [
  { text: "(", name: "Left parenthesis" },
  { text: ")", name: "Right parenthesis" },
  { text: "[", name: "Left bracket" },
  { text: "]", name: "Right bracket" },
  { text: ":", name: "Colon" },
  { text: "=", name: "Equals" },
  { text: ",", name: "Comma" },
  { text: "'", name: "Quote" },
];

interface CodeKeysProps {
  disabled?: boolean;
  onKey(text: string): void;
  onIndent(): void;
}

const KEY =
  "min-h-12 min-w-11 rounded-xl bg-white font-mono text-2xl font-bold text-slate-900 shadow-sm ring-1 ring-slate-400 select-none active:bg-indigo-100 focus-visible:outline-3 focus-visible:outline-indigo-600 disabled:text-slate-400 disabled:ring-slate-200";

/** Keeps the focus (and the phone's keyboard) in the editor when a key is touched. */
const keepFocus = (e: React.PointerEvent | React.MouseEvent) => e.preventDefault();

export function CodeKeys({ disabled = false, onKey, onIndent }: CodeKeysProps) {
  return (
    <div role="group" aria-label="Keys for code" className="grid grid-cols-5 gap-1.5">
      {CODE_KEYS.map((k) => (
        <button key={k.text} type="button" aria-label={k.name} disabled={disabled} onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={() => onKey(k.text)} className={KEY}>
          {k.text}
        </button>
      ))}
      <button type="button" aria-label="Tab (indent)" disabled={disabled} onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={onIndent} className={`${KEY} col-span-2 font-sans text-lg`}>
        Tab<span aria-hidden="true"> ⇥</span>
      </button>
    </div>
  );
}
