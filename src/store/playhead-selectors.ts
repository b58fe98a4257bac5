/**
 * Selectors over the playhead that change only when a hop boundary is crossed or a packet arrives (not
 * every frame). They follow the focused request of a burst (`focus`).
 */
import type { Trace } from '../engine';
import type { Store } from './types';
import { hopNodeId } from './graph-ids';
import { arrivedCount, duration, hopAt, traceEnd, traceStart } from './timeline';

/** The request the inspector and the graph follow. */
export const selectFocusTrace = (s: Store): Trace | undefined => s.traces[s.focus];

/** Index of the focused request's hop last reached at the playhead (-1 without traces). */
export const selectHopIndex = (s: Store): number => hopAt(s.traces, s.focus, s.playhead);

export const selectDuration = (s: Store): number => duration(s.traces);

/** The graph element the focused request is at (its current hop's place), or null. */
export const selectHopPlace = (s: Store): string | null => {
  const hop = selectFocusTrace(s)?.hops[selectHopIndex(s)];
  return hop ? hopNodeId(hop.location, hop.stage) : null;
};

/** Where the focused request was dropped or rejected, once the playhead has reached that hop. */
export const selectDropPlace = (s: Store): string | null => {
  const hops = selectFocusTrace(s)?.hops;
  if (!hops?.length) return null;
  const i = selectHopIndex(s);
  const hop = hops[i];
  if (i !== hops.length - 1 || !hop || (hop.action !== 'drop' && hop.action !== 'reject')) return null;
  return hopNodeId(hop.location, hop.stage);
};

/**
 * The playhead the panels' running counts read: the playhead itself when paused or stepping, and while
 * playing the clock's `readout`, a few times a second (a count that changes in every frame of a
 * 2,000-request burst cannot be read, and re-rendering it in every frame was most of the page's work).
 */
export const selectReadout = (s: Store): number => (s.playing ? s.readout : s.playhead);

/** How many requests of the burst have come to rest: changes only when a packet arrives (at the readout). */
export const selectArrivedCount = (s: Store): number => arrivedCount(s.traces, selectReadout(s));

/** The focused request has come to rest (its outcome may be shown). */
export const selectFocusDone = (s: Store): boolean =>
  s.traces.length > 0 && traceEnd(s.traces, s.focus) <= s.playhead + 1e-9;

/**
 * The graph elements around the focused request's packet: where it is and where it goes next, as one
 * string ("pod/default/client kube-proxy/node-1") so it changes only when a hop boundary is crossed.
 * Before its packet has left (the playhead at the request's start: just sent, or rewound), every place of
 * the route it will take, source to destination, once each, so that a camera following it frames the
 * whole route first. Empty without traces.
 */
export const selectHopNeighbourhood = (s: Store): string => {
  const hops = selectFocusTrace(s)?.hops;
  const i = selectHopIndex(s);
  if (!hops || i < 0) return '';
  if (s.playhead <= traceStart(s.focus, s.traces.length) + 1e-9)
    return [...new Set(hops.map((h) => hopNodeId(h.location, h.stage)))].join(' ');
  return hops
    .slice(i, i + 2)
    .map((h) => hopNodeId(h.location, h.stage))
    .join(' ');
};
