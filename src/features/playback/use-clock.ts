/** Advances the playhead while playing, one requestAnimationFrame at a time, and stops at the end. */
import { useEffect } from 'react';
import { duration, useStore } from '../../store';

export function useClock(): void {
  const playing = useStore((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const s = useStore.getState();
      const end = duration(s.traces);
      const next = s.playhead + ((now - last) / 1000) * s.speed;
      last = now;
      if (next >= end) {
        s.setPlayhead(end);
        s.setPlaying(false);
        return;
      }
      s.setPlayhead(next);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
