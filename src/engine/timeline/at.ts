/**
 * The cluster at an instant of the scene's timeline: the built cluster (time 0) with every change the
 * Timeline's faults set going up to that instant applied, and the events that happened by then.
 *
 * @example
 * const t = clusterAt(build, 60, 1); // a node stopped at 10 s is NotReady at 60 s (grace period 50 s)
 * t.events.map((e) => e.msg.id); // ['timeline.nodeStopped', 'timeline.nodeNotReady']
 */
import type { BuildResult } from '../build';
import type { ClusterState } from '../cluster/state';
import { timelineFaults } from '../manifest/timeline';
import type { Msg } from '../messages';
import { cronJobChanges } from './cronjob';
import { planChanges } from './reactions';
import { serviceCidrChanges, serviceCidrDeletions } from './service-cidr';
import { mutable } from './state';

export interface TimelineEvent {
  at: number; // seconds since the scene started
  msg: Msg;
  /** The fault itself (written in a Timeline) or the cluster's reaction to it. */
  fault: boolean;
}

export interface ClusterAt {
  cluster: ClusterState;
  /** Every event of the timeline, in time order (those after `at` too: a scrubber shows them all). */
  events: TimelineEvent[];
  at: number;
}

/**
 * Applies the scene's Timeline up to `at` seconds. Without a Timeline the cluster is returned as built.
 */
export function clusterAt(
  built: Pick<BuildResult, 'cluster' | 'objects'>,
  at: number,
  seed: number,
): ClusterAt {
  // ServiceCIDRs deleted at an instant of the scene (kubectl delete stamps the document): before it
  // settles, the cluster shows one as it was, and its events change it.
  const deletions = serviceCidrDeletions(built, seed);
  const unsettled = deletions.filter((d) => at < d.settled);
  // The faults' chains, the CronJob controller's schedule and the deletions, in time order (a stable sort).
  const changes = [
    ...planChanges(built.cluster, timelineFaults(built.objects)),
    ...cronJobChanges(built.cluster, at, seed),
    ...serviceCidrChanges(deletions, at),
  ]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.at - b.c.at || a.i - b.i)
    .map(({ c }) => c);
  const events = changes.map((c) => ({ at: c.at, msg: c.msg, fault: c.fault }));
  const due = changes.filter((c) => c.at <= at && c.apply);
  if (due.length === 0 && unsettled.length === 0) return { cluster: built.cluster, events, at };
  const m = mutable(built.cluster, seed);
  for (const d of unsettled) m.putServiceCIDR(d.before);
  for (const c of due) c.apply!(m);
  return { cluster: m.finish(), events, at };
}
