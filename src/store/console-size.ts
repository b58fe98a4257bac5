/**
 * The console's height as the user left it (its top edge dragged, or moved by a key), kept with the
 * page's record across reloads (workspace-record.ts). It is kept with the height of the column it was
 * chosen in, so the page can tell a reload in the same window (the very height comes back) from one in
 * another (features/console/console-size.ts: its share of the new column, the editor keeping its lines).
 *
 * A saved size is read as any saved field is (saved-state.ts's rules): one that is not a pair of
 * positive finite pixel counts with the console shorter than its column (a hand-edited record, a NaN, a
 * string, a console taller than its window) is no size at all, and the page shows its own height.
 *
 * @example
 * consoleSizeFrom({ height: 410, column: 640 }); // { height: 410, column: 640 }
 * consoleSizeFrom({ height: 900, column: 640 }); // null: taller than its column
 */
export interface ConsoleSize {
  /** The console's height in CSS pixels. */
  height: number;
  /** Its column's height (the editor's and the console's) when the user chose it, in CSS pixels. */
  column: number;
}

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** A saved console size when it is one, else null (the page's own height). */
export function consoleSizeFrom(raw: unknown): ConsoleSize | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { height, column } = raw as Record<string, unknown>;
  if (!positive(height) || !positive(column) || height >= column) return null;
  return { height, column };
}
