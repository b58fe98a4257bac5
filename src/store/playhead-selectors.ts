/** Selectors over the playhead that change only when a hop boundary is crossed (not every frame). */
import type { Store } from './store';
import { duration, HOP_SECONDS } from './timeline';

/** Index of the first trace's hop last reached at the playhead (-1 without traces). */
export const selectHopIndex = (s: Store): number => {
  const n = s.traces[0]?.hops.length ?? 0;
  if (n === 0) return -1;
  return Math.max(0, Math.min(n - 1, Math.floor(s.playhead / HOP_SECONDS + 1e-9)));
};

export const selectDuration = (s: Store): number => duration(s.traces);
