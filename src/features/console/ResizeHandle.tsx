/**
 * The console's top edge: drag it (or focus it and press ↑/↓, Home/End) to give the console more or less
 * of its column, from a few lines up to all but the editor's header and a few of its lines. A window
 * splitter in ARIA's words; its value is the console's share of the column, in percent.
 *
 * Until the user moves it, the console's height is styles.css's (`.console-panel`: 38% of the column, or
 * more in a short column, so its first hint and a few lines of output show at 1280×720 while the editor
 * keeps twelve lines); the splitter reads that height back, so a drag or a key starts from what is on
 * the screen. Once moved, the share is the user's, and the panel keeps it as the window changes.
 */
import { useEffect, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';

const MIN = 15;
const MAX = 90;
/** What the column keeps for the editor above, in pixels: its header and a few lines. */
const KEEP_ABOVE = 220;
const STEP = 5;

/** The panel's share of its column as laid out, in percent (0 while it has no layout: hidden). */
function shownShare(el: HTMLElement | null): number {
  const column = el?.parentElement?.clientHeight ?? 0;
  if (!el || column <= 0) return 0;
  return Math.round((el.getBoundingClientRect().height / column) * 100);
}

/** The share the page shows, read again whenever the panel or its column changes size. */
function useShownShare(panel: RefObject<HTMLElement | null>): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    const el = panel.current;
    const column = el?.parentElement;
    if (!el || !column || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => setShown(shownShare(el)));
    observer.observe(el);
    observer.observe(column);
    return () => observer.disconnect();
  }, [panel]);
  return shown;
}

export function ResizeHandle({
  panel,
  share,
  onShare,
  label,
}: {
  panel: RefObject<HTMLElement | null>;
  /** The share the user chose, or null: the page's own (styles.css). */
  share: number | null;
  onShare: (percent: number) => void;
  label: string;
}) {
  const shown = useShownShare(panel);
  /** Clamped between a few lines and what leaves the editor its header and a few lines. */
  const clamp = (pct: number) => {
    const column = panel.current?.parentElement?.clientHeight ?? 0;
    const max = column > 0 ? Math.min(MAX, ((column - KEEP_ABOVE) / column) * 100) : MAX;
    return Math.round(Math.min(Math.max(MIN, max), Math.max(MIN, pct)));
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = panel.current;
    const column = el?.parentElement;
    if (!el || !column) return;
    e.preventDefault();
    const bottom = el.getBoundingClientRect().bottom;
    const total = column.clientHeight || 1;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onShare(clamp(((bottom - ev.clientY) / total) * 100));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const now = share ?? shownShare(panel.current);
    const next =
      e.key === 'ArrowUp'
        ? now + STEP
        : e.key === 'ArrowDown'
          ? now - STEP
          : e.key === 'Home'
            ? MAX
            : e.key === 'End'
              ? MIN
              : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onShare(clamp(next));
  };
  const value = share ?? shown;
  return (
    <div
      className="console-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={value}
      aria-valuetext={`${value}%`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-testid="console-resize"
    />
  );
}
