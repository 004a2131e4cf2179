/** How past sessions and reports print dates, durations and times to answer. */

const DATE = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** "Thu 26 Nov 2026". */
export const formatDay = (at: Date | number | string): string => DATE.format(new Date(at));
/** "14:05". */
export const formatClock = (at: Date | number | string): string => TIME.format(new Date(at));
/** "Thu 26 Nov 2026, 14:05". */
export const formatWhen = (at: Date | number | string): string => `${formatDay(at)}, ${formatClock(at)}`;

/** "45 s", "12 min", "1 h 05 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} h ${String(m).padStart(2, "0")} min`;
}

/** A time to answer: "4.2 s", "1 min 12 s", "—" when there is none. */
export function formatAnswerTime(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A share as a whole percentage ("67 %"), "—" when there is none. */
export const formatShare = (share: number | null): string => (share === null ? "—" : `${Math.round(share * 100)} %`);

/** "1 student", "3 students". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
