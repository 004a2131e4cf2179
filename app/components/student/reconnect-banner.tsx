/**
 * The "Reconnecting…" banner. The live region is always in the page so that screen readers
 * announce the banner when it appears; it sticks to the top so it is seen wherever one scrolled.
 */
export function ReconnectBanner({ show }: { show: boolean }) {
  return (
    <div role="status" className="sticky top-0 z-20">
      {show && (
        <p className="flex items-center justify-center gap-2 bg-amber-300 px-4 py-3 text-center text-base font-bold text-amber-950 shadow">
          <span aria-hidden="true" className="inline-block h-3 w-3 animate-pulse rounded-full bg-amber-900" />
          Reconnecting… your neuron is kept for you.
        </p>
      )}
    </div>
  );
}
