/** The product's mark: three inputs meeting in one neuron. Decorative. */
export function NeuronMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 40 40" className={className} aria-hidden="true" focusable="false">
      <g stroke="#4338ca" strokeWidth="2.5" strokeLinecap="round">
        <line x1="6" y1="8" x2="26" y2="20" />
        <line x1="6" y1="20" x2="26" y2="20" strokeDasharray="3 3" />
        <line x1="6" y1="32" x2="26" y2="20" />
      </g>
      <circle cx="6" cy="8" r="3.5" fill="#a5b4fc" />
      <circle cx="6" cy="20" r="3.5" fill="#a5b4fc" />
      <circle cx="6" cy="32" r="3.5" fill="#a5b4fc" />
      <circle cx="28" cy="20" r="8" fill="#4338ca" />
    </svg>
  );
}
