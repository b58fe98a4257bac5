/** Selectors over the playhead that change only when a hop boundary is crossed (not every frame). */
import type { Store } from './types';
import { hopNodeId } from './graph-ids';
import { duration, HOP_SECONDS } from './timeline';

/** Index of the first trace's hop last reached at the playhead (-1 without traces). */
export const selectHopIndex = (s: Store): number => {
  const n = s.traces[0]?.hops.length ?? 0;
  if (n === 0) return -1;
  return Math.max(0, Math.min(n - 1, Math.floor(s.playhead / HOP_SECONDS + 1e-9)));
};

export const selectDuration = (s: Store): number => duration(s.traces);

/** The graph element the first request is at (its current hop's place), or null. */
export const selectHopPlace = (s: Store): string | null => {
  const hop = s.traces[0]?.hops[selectHopIndex(s)];
  return hop ? hopNodeId(hop.location, hop.stage) : null;
};

/** Where the first request was dropped or rejected, once the playhead has reached that hop. */
export const selectDropPlace = (s: Store): string | null => {
  const hops = s.traces[0]?.hops;
  if (!hops?.length) return null;
  const i = selectHopIndex(s);
  const hop = hops[i];
  if (i !== hops.length - 1 || !hop || (hop.action !== 'drop' && hop.action !== 'reject')) return null;
  return hopNodeId(hop.location, hop.stage);
};
