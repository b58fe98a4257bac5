/**
 * The event list, as Packet Tracer's simulation mode keeps it: every hop of every request of a burst,
 * in the order they happen on the timeline, filtered (hide DNS, only NAT, only drops, only the followed
 * request). Pure: the list is computed once per burst and filter; the playhead only picks how much of it
 * has happened (a binary search), so the list can follow 2,000 packets without work per frame.
 *
 * @example
 * const all = eventsOf(traces);          // [{ k: 0, i: 0, time: 0 }, { k: 1, i: 0, time: 0.25 }, …]
 * const shown = filterEvents(all, traces, { hideDns: true, only: 'nat', focusOnly: false }, 0);
 * happened(shown, 1.5);                  // how many of them the playhead has reached
 */
import type { Hop, Trace } from '../engine';
import type { EventFilter, TimelineEvent } from './types';
import { hopTime } from './timeline';

/** Hop i of request k, reached at `time` on the timeline. */
export interface TraceEvent {
  k: number;
  i: number;
  time: number;
}

const NAT: ReadonlySet<string> = new Set(['dnat', 'snat', 'dnat+snat', 'un-nat']);

/** Every hop of every request, in timeline order (earlier requests first at equal times). */
export function eventsOf(traces: readonly Trace[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  traces.forEach((tr, k) => {
    for (let i = 0; i < tr.hops.length; i++) out.push({ k, i, time: hopTime(i, k, traces.length) });
  });
  return out.sort((a, b) => a.time - b.time || a.k - b.k || a.i - b.i);
}

/** Whether a hop passes the filter's kind (DNS, NAT, drops). */
export function hopPasses(hop: Hop, filter: EventFilter): boolean {
  if (filter.hideDns && hop.phase === 'dns') return false;
  if (filter.only === 'nat') return NAT.has(hop.rewrite ?? '');
  if (filter.only === 'drops') return hop.action === 'drop' || hop.action === 'reject';
  return true;
}

/** The events the filter keeps, in the same order. */
export function filterEvents(
  events: readonly TraceEvent[],
  traces: readonly Trace[],
  filter: EventFilter,
  focus: number,
): TraceEvent[] {
  return events.filter(
    (e) => (!filter.focusOnly || e.k === focus) && hopPasses(traces[e.k]!.hops[e.i]!, filter),
  );
}

/** How many of the (time-ordered) events have happened at time t. */
export function happened(events: readonly TraceEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.time <= t + 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The scene's events (a Timeline's faults, a deletion run from the console, the cluster's reactions)
 * that have happened by the instant the page shows, in time order: the requests travel through the
 * cluster after them, so the event list shows them before the first hop.
 *
 * @example sceneEventsAt([{ at: 0, … }, { at: 50, … }], 30).length; // 1
 */
export function sceneEventsAt(events: readonly TimelineEvent[], at: number): TimelineEvent[] {
  return events.filter((e) => e.at <= at + 1e-9);
}
