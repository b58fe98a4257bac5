/**
 * Text widths in the page's own fonts, for labels fitted to a box: the graph's Service chips
 * (features/topology), the event list's columns (features/inspector). Measured on one OffscreenCanvas
 * and remembered per font and text; where there is no canvas (unit tests under jsdom) the answer is
 * undefined and the caller's assumed width stands.
 */
let context: OffscreenCanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** The drawn width of `text` in `font` (a CSS font shorthand), in CSS pixels, or undefined. */
export function textWidth(font: string, text: string): number | undefined {
  if (context === undefined) {
    context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  }
  if (!context) return undefined;
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    context.font = font;
    width = context.measureText(text).width;
    if (widths.size > 5000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/** The average width of a character of `text` in `font`, or undefined. */
export function averageCharWidth(font: string, text: string): number | undefined {
  const chars = [...text].length;
  const width = chars ? textWidth(font, text) : undefined;
  return width === undefined ? undefined : width / chars;
}

/** The page's sans-serif family (styles.css's --sans), read once. */
let sans: string | undefined;
export function sansFamily(): string {
  sans ??=
    (typeof document === 'undefined'
      ? ''
      : getComputedStyle(document.documentElement).getPropertyValue('--sans').trim()) || 'sans-serif';
  return sans;
}
