/** Line icons for the tag rows; they take the text colour. */
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export const RenameIcon = () => (
  <svg {...common}>
    <path d="M10.5 2.5l3 3L6 13H3v-3z" />
  </svg>
);

export const MergeIcon = () => (
  <svg {...common}>
    <path d="M3 3c0 5 4 5 5 8v3M13 3c0 5-4 5-5 8M5.5 11.5 8 14l2.5-2.5" />
  </svg>
);

export const DeleteIcon = () => (
  <svg {...common}>
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9" />
  </svg>
);

export const ChevronIcon = () => (
  <svg {...common} width={12} height={12}>
    <path d="M6 4l4 4-4 4" />
  </svg>
);

export const BackIcon = () => (
  <svg {...common}>
    <path d="M10 3 5 8l5 5" />
  </svg>
);
