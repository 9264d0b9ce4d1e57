/** Small line icons for the note toolbar; they take the text colour, so dark mode needs nothing. */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export function BulletListIcon() {
  return (
    <svg {...common}>
      <circle cx="3" cy="4" r="0.9" fill="currentColor" />
      <circle cx="3" cy="8" r="0.9" fill="currentColor" />
      <circle cx="3" cy="12" r="0.9" fill="currentColor" />
      <path d="M6 4h8M6 8h8M6 12h8" />
    </svg>
  );
}

export function NumberListIcon() {
  return (
    <svg {...common}>
      <path
        d="M2.5 2.8 3.5 2.2v3.6M6 4h8M6 8h8M6 12h8M2.3 9.6c.3-.5 1.6-.6 1.6.3 0 .7-1.6 1.4-1.6 2.3h1.7"
        strokeWidth="1.1"
      />
    </svg>
  );
}

export function QuoteIcon() {
  return (
    <svg {...common}>
      <path d="M3 3v10M6 5h7M6 8h7M6 11h5" />
    </svg>
  );
}

export function LinkIcon() {
  return (
    <svg {...common}>
      <path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.2-2.2a2.6 2.6 0 0 0-3.7-3.7l-.8.8M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.3 9a2.6 2.6 0 0 0 3.7 3.7l.8-.8" />
    </svg>
  );
}
