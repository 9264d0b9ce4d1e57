import type { ReactNode } from 'react';

/** An 18 px line icon for the app's bars: it takes the text colour; `children` are its strokes. */
export function BarIcon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 18 18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      {children}
    </svg>
  );
}
