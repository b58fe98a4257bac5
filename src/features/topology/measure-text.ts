/**
 * Text widths in the page's own font, for labels cut to fit a box (the kube-proxy box's Service chips).
 * Measured once per font and text on an OffscreenCanvas; where there is none (unit tests under jsdom)
 * the caller's assumed width stands.
 */
let context: OffscreenCanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** The average width of a character of `text` in `font` (a CSS font shorthand), or undefined. */
export function averageCharWidth(text: string, font: string): number | undefined {
  const chars = [...text].length;
  if (!chars) return undefined;
  if (context === undefined) {
    context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  }
  if (!context) return undefined;
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    context.font = font;
    width = context.measureText(text).width;
    if (widths.size > 500) widths.clear();
    widths.set(key, width);
  }
  return width / chars;
}

/** The page's sans-serif family (styles.css's --sans), read once. */
let sans: string | undefined;
export function sansFamily(): string {
  if (sans === undefined) {
    sans =
      (typeof document === 'undefined'
        ? ''
        : getComputedStyle(document.documentElement).getPropertyValue('--sans').trim()) || 'sans-serif';
  }
  return sans;
}
