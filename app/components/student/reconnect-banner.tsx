/**
 * The "Reconnecting…" banner. The live region is always in the page so that screen readers
 * announce the banner when it appears. The shell keeps it at the top of the screen wherever one
 * scrolled; its dot pulses only for people who have not asked for reduced motion.
 */
export function ReconnectBanner({ show }: { show: boolean }) {
  return (
    <div role="status">
      {show && (
        <p className="flex items-center justify-center gap-2 bg-amber-300 px-4 py-3 text-center text-base font-bold text-amber-950 shadow">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full bg-amber-900 motion-safe:animate-pulse" />
          Reconnecting… your neuron is kept for you.
        </p>
      )}
    </div>
  );
}
