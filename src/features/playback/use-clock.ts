/**
 * Advances the playhead while playing, one requestAnimationFrame at a time, and stops at the end. The
 * packets follow the playhead in every frame (PacketOverlay posts it to its painter); the panels' running
 * counts follow `readout`, which the clock moves only every READOUT_MS (selectReadout).
 */
import { useEffect } from 'react';
import { duration, useStore } from '../../store';

/** How often, while playing, the panels' running counts (events, arrivals) move: 10 times a second. */
export const READOUT_MS = 100;

/** The store's next playback state after `elapsedMs` of wall time, and whether the counts move with it. */
export function clockStep(
  s: { playhead: number; speed: number; traces: Parameters<typeof duration>[0] },
  elapsedMs: number,
  countsDue: boolean,
): { playhead: number; readout?: number; playing?: false } {
  const end = duration(s.traces);
  const next = s.playhead + (elapsedMs / 1000) * s.speed;
  if (next >= end) return { playhead: end, readout: end, playing: false };
  return countsDue ? { playhead: next, readout: next } : { playhead: next };
}

export function useClock(): void {
  const playing = useStore((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let counted = -Infinity;
    let frame = requestAnimationFrame(function tick(now) {
      const due = now - counted >= READOUT_MS;
      if (due) counted = now;
      const next = clockStep(useStore.getState(), now - last, due);
      last = now;
      useStore.setState(next);
      if (next.playing !== false) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
