/**
 * The last few hundred packet-draw durations, for the UI bench (`npm run bench:ui` reads
 * `window.__svclabDrawMs`). A fixed ring: recording costs nothing and never grows, unlike a
 * performance mark per frame.
 */
const SIZE = 600;
const ring = new Float64Array(SIZE);
let count = 0;

export function recordDraw(ms: number): void {
  ring[count % SIZE] = ms;
  count++;
}

/** The recorded durations, oldest first. */
export function drawTimes(): number[] {
  const n = Math.min(count, SIZE);
  const start = count - n;
  return Array.from({ length: n }, (_, i) => ring[(start + i) % SIZE]!);
}

if (typeof window !== 'undefined')
  Object.defineProperty(window, '__svclabDrawMs', { get: drawTimes, configurable: true });
