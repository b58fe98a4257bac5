/**
 * The scrubber's view of the timeline's events: grouped by instant (a fault and the reactions it sets
 * going at the same moment are one mark), the axis' length, and which instants lie before and after
 * the one shown.
 *
 * @example
 * instants([{ at: 10, … }, { at: 60, … }, { at: 60, … }]).map((i) => [i.at, i.events.length]); // [[10, 1], [60, 2]]
 * axisEnd([{ at: 360, … }]); // 390
 */
import type { TimelineEvent } from '../../store';

export interface Instant {
  at: number; // seconds
  events: TimelineEvent[];
  /** One of them is a fault written in the Timeline (the others are the cluster's reactions). */
  fault: boolean;
}

export function instants(events: readonly TimelineEvent[]): Instant[] {
  const out: Instant[] = [];
  for (const e of events) {
    const last = out.at(-1);
    if (last && last.at === e.at) {
      last.events.push(e);
      last.fault ||= e.fault;
    } else out.push({ at: e.at, events: [e], fault: e.fault });
  }
  return out;
}

/** The axis runs a little past the last event (at least a minute), so its aftermath can be shown. */
export function axisEnd(events: readonly TimelineEvent[], shown = 0): number {
  const last = Math.max(0, shown, ...events.map((e) => e.at));
  return Math.max(60, Math.ceil((last + 30) / 10) * 10);
}

/** The last instant at or before `at` (what has happened) and the first after it (what comes next). */
export function around(list: readonly Instant[], at: number): { last?: Instant; next?: Instant } {
  let last: Instant | undefined;
  for (const i of list) {
    if (i.at > at) return { ...(last ? { last } : {}), next: i };
    last = i;
  }
  return last ? { last } : {};
}
