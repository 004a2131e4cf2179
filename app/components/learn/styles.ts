/** The self-paced lesson's button and card styles (the house look, at phone-friendly sizes). */
const BUTTON =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-xl px-4 py-2 text-base font-bold ring-1 ring-inset transition focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50";
export const PRIMARY = `${BUTTON} bg-indigo-700 text-white ring-indigo-700 hover:bg-indigo-800`;
export const SECONDARY = `${BUTTON} bg-white text-slate-900 ring-slate-300 hover:bg-slate-100`;
export const CARD = "rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5";
export const FIELD =
  "min-h-11 rounded-xl border-2 border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-indigo-600 focus:outline-3 focus:outline-indigo-300";
