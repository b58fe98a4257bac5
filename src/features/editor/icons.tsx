/**
 * The file toolbar's two pictures (drawn here, not a font's emoji: those differ from system to system
 * and some have none). Decorative: the button around each carries the name a screen reader says.
 */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** An open folder: Open…. */
export const OpenIcon = () => (
  <svg {...common}>
    <path d="M1.5 13.5V3.5h4l1.5 1.5h5.5v2" />
    <path d="M1.5 13.5l2.2-6h10.8l-2.2 6z" />
  </svg>
);

/** An arrow down into a tray: Save… (the scene leaves the page as a file). */
export const SaveIcon = () => (
  <svg {...common}>
    <path d="M8 1.5v8.5M4.5 6.5L8 10l3.5-3.5" />
    <path d="M1.5 11v3.5h13V11" />
  </svg>
);
