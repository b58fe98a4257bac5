/**
 * The console's top edge: drag it (or focus it and press ↑/↓, Home/End) to give the console more or less
 * of its column, from a few lines up to all but the editor's header and a few of its lines; double-click
 * it for the page's own height again. A window splitter in ARIA's words; its value is the console's share
 * of the column, in percent.
 *
 * Until the user moves it, the console's height is styles.css's (`.console-panel`: 38% of the column, or
 * more in a short column, so its first hint and a few lines of output show at 1280×720 while the editor
 * keeps twelve lines); the splitter reads that height back, so a drag or a key starts from what is on
 * the screen. Once moved, the height is the user's: kept in the store, saved with the page's record, and
 * shown again after a reload (console-size.ts says how in a column of another height). A drag is kept
 * when it ends, not at every step of it.
 */
import { useLayoutEffect, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { clampShare, MAX_SHARE, MIN_SHARE, type ConsoleColumn } from './console-size';

const STEP = 5;

const px = (el: HTMLElement, name: string, fallback: number) => {
  const v = parseFloat(getComputedStyle(el).getPropertyValue(name));
  return Number.isFinite(v) ? v : fallback;
};

/** The panel's column as laid out, and the panel's share of it in percent (0 while hidden). */
function measure(el: HTMLElement | null): { column: ConsoleColumn; shown: number } {
  const col = el?.parentElement;
  const column = col?.clientHeight ?? 0;
  if (!el || !col || column <= 0)
    return { column: { column: 0, editorKeep: 350, consoleFit: 300 }, shown: 0 };
  return {
    column: {
      column,
      editorKeep: px(col, '--editor-keep', 350),
      consoleFit: px(col, '--console-fit', 300),
    },
    shown: Math.round((el.getBoundingClientRect().height / column) * 100),
  };
}

/** The console's column and the share the page shows, read again whenever either changes size. */
export function useConsoleLayout(panel: RefObject<HTMLElement | null>): {
  column: ConsoleColumn;
  shown: number;
} {
  const [layout, setLayout] = useState(() => measure(null));
  // Measured before the first paint too, so a kept height shows at once, not after a frame of the page's.
  useLayoutEffect(() => {
    const el = panel.current;
    const column = el?.parentElement;
    if (!el || !column) return;
    const update = () =>
      setLayout((prev) => {
        const next = measure(el);
        const same =
          next.shown === prev.shown &&
          next.column.column === prev.column.column &&
          next.column.editorKeep === prev.column.editorKeep &&
          next.column.consoleFit === prev.column.consoleFit;
        return same ? prev : next;
      });
    update();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    observer.observe(column);
    return () => observer.disconnect();
  }, [panel]);
  return layout;
}

export function ResizeHandle({
  panel,
  share,
  shown,
  onShare,
  onReset,
  label,
  hint,
}: {
  panel: RefObject<HTMLElement | null>;
  /** The share the user chose, or null: the page's own (styles.css). */
  share: number | null;
  /** The share the page shows. */
  shown: number;
  /** A share chosen: `done` when the drag ended, or at once for a key. */
  onShare: (percent: number, done: boolean) => void;
  /** The page's own height again (a double-click). */
  onReset: () => void;
  label: string;
  hint: string;
}) {
  const columnHeight = () => panel.current?.parentElement?.clientHeight ?? 0;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = panel.current;
    const column = el?.parentElement;
    if (!el || !column || e.button !== 0) return;
    e.preventDefault();
    const bottom = el.getBoundingClientRect().bottom;
    const total = column.clientHeight || 1;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    let last: number | null = null;
    const move = (ev: globalThis.PointerEvent) => {
      last = clampShare(((bottom - ev.clientY) / total) * 100, total);
      onShare(last, false);
    };
    const end = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', end);
      target.removeEventListener('lostpointercapture', end);
      if (last !== null) onShare(last, true);
      last = null;
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', end);
    target.addEventListener('lostpointercapture', end);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const now = share ?? shown;
    const next =
      e.key === 'ArrowUp'
        ? now + STEP
        : e.key === 'ArrowDown'
          ? now - STEP
          : e.key === 'Home'
            ? MAX_SHARE
            : e.key === 'End'
              ? MIN_SHARE
              : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onShare(clampShare(next, columnHeight()), true);
  };
  const value = share ?? shown;
  return (
    <div
      className="console-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuemin={MIN_SHARE}
      aria-valuemax={MAX_SHARE}
      aria-valuenow={value}
      aria-valuetext={`${value}%`}
      title={hint}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onDoubleClick={onReset}
      onKeyDown={onKeyDown}
      data-testid="console-resize"
    />
  );
}
