/**
 * The event list's columns, measured: how wide the "what happened" column must be for the longest label
 * of the current language (every row's label fits whole), and a function that fits a place to the
 * place column by its drawn width (fit-text.ts). Measured on the list's hidden probe row, so it follows
 * the inspector's width, the language and the presenter's text size.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { textWidth } from '../../ui/measure-text';
import { fitMiddle } from './fit-text';

/** The drawn width of `text` in `font`, bold (the current row is bold; the narrower regular then fits too). */
const measure = (font: string, text: string): number => textWidth(font, text) ?? text.length * 10;

interface Columns {
  /** The "what happened" column's width in pixels, for the longest of `labels` (a NAT badge's padding too). */
  what: number | undefined;
  /** `place` as it fits the place column. */
  fit: (place: string) => string;
}

/**
 * `labels`: what the rows show in the "what happened" column; `title`: that column's title, which may
 * wrap between its words but not inside one.
 */
export function useColumnFit(
  probe: RefObject<HTMLElement | null>,
  labels: readonly string[],
  title: string,
): Columns {
  const [m, setM] = useState<{ at: number; font: string } | null>(null);
  useEffect(() => {
    const row = probe.current;
    const at = row?.querySelector<HTMLElement>('.ev-at');
    if (!row || !at) return;
    const read = () => {
      const s = getComputedStyle(at);
      const font = `${s.fontStyle} 700 ${s.fontSize} ${s.fontFamily}`;
      setM((old) => (old?.at === at.clientWidth && old.font === font ? old : { at: at.clientWidth, font }));
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(at);
    ro.observe(row);
    return () => ro.disconnect();
  }, [probe]);

  return useMemo(() => {
    if (!m) return { what: undefined, fit: (place: string) => place };
    const w = (s: string) => measure(m.font, s);
    // 8 px: a NAT or drop badge's padding; 2 px for sub-pixel rounding.
    const what = Math.ceil(Math.max(...[...labels, ...title.split(/\s+/)].map(w))) + 10;
    // A pixel to spare: the canvas and the layout may round a width differently.
    return { what, fit: (place: string) => fitMiddle(place, m.at - 1, w) };
  }, [m, labels, title]);
}
