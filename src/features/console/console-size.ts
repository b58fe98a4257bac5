/**
 * How tall the console is: the splitter's limits, and the share of its column that the user's height
 * (store/console-size.ts, kept across reloads) comes to in the column the page has now.
 *
 * In the column it was chosen in, it is that very height. In another (a reload in a smaller window, a
 * window resized), it is the same share of the new column, as long as the editor above keeps what the
 * page's own layout promises it (styles.css `--editor-keep`: its header, the file tabs and twelve lines):
 * a console dragged to 70% at 1920×1080 does not leave the editor six lines at 1280×720. Where that cap
 * is no more than the page's own height (styles.css `.console-panel`: max(38%, min(--console-fit,
 * 100% − --editor-keep))), the page's own height is shown.
 *
 * @example
 * consoleShare({ height: 410, column: 640 }, { column: 640, editorKeep: 350, consoleFit: 300 }); // 64
 * consoleShare({ height: 700, column: 1000 }, { column: 640, editorKeep: 350, consoleFit: 300 }); // null
 */
import type { ConsoleSize } from '../../store';

/** The splitter's range, in percent of the column. */
export const MIN_SHARE = 15;
export const MAX_SHARE = 90;
/** What a drag or a key leaves the editor above, in pixels: its header and a few lines. */
export const KEEP_ABOVE = 220;
/** styles.css `.console-panel`'s share of the column when the column is tall. */
const PAGE_SHARE = 0.38;

/** The column the console is in: its height and styles.css's two lengths for it, in pixels. */
export interface ConsoleColumn {
  column: number;
  /** `--editor-keep`: what the page's own layout leaves the editor. */
  editorKeep: number;
  /** `--console-fit`: what the console takes in a short column (its hint and a few lines). */
  consoleFit: number;
}

/** A share the splitter can take in a column of `column` px: between a few lines and most of it. */
export function clampShare(pct: number, column: number): number {
  if (!Number.isFinite(pct)) return MIN_SHARE;
  const max = column > 0 ? Math.min(MAX_SHARE, ((column - KEEP_ABOVE) / column) * 100) : MAX_SHARE;
  return Math.round(Math.min(Math.max(MIN_SHARE, max), Math.max(MIN_SHARE, pct)));
}

/** The share of `at.column` the user's size comes to, or null: the page's own height. */
export function consoleShare(size: ConsoleSize | null, at: ConsoleColumn): number | null {
  const { column, editorKeep, consoleFit } = at;
  if (!size || !(column > 0)) return null;
  if (Math.abs(column - size.column) < 1) return clampShare((size.height / column) * 100, column);
  const height = (size.height / size.column) * column;
  const cap = column - editorKeep;
  if (height <= cap) return clampShare((height / column) * 100, column);
  if (cap <= Math.max(PAGE_SHARE * column, consoleFit)) return null;
  return clampShare(Math.floor((cap / column) * 100), column);
}
