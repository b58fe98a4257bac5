/**
 * The console's top edge: drag it (or focus it and press ↑/↓, Home/End) to give the console more or less
 * of its column, from a few lines up to all but the editor's header and a few of its lines. A window
 * splitter in ARIA's words; its value is the console's share of the column, in percent.
 */
import { type KeyboardEvent, type PointerEvent, type RefObject } from 'react';

/** The console's share of its column, by default (styles.css says the same). */
export const DEFAULT_SHARE = 38;
const MIN = 15;
const MAX = 90;
/** What the column keeps for the editor above, in pixels: its header and a few lines. */
const KEEP_ABOVE = 220;
const STEP = 5;

export function ResizeHandle({
  panel,
  share,
  onShare,
  label,
}: {
  panel: RefObject<HTMLElement | null>;
  share: number;
  onShare: (percent: number) => void;
  label: string;
}) {
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
    const next =
      e.key === 'ArrowUp'
        ? share + STEP
        : e.key === 'ArrowDown'
          ? share - STEP
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
  return (
    <div
      className="console-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={share}
      aria-valuetext={`${share}%`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-testid="console-resize"
    />
  );
}
