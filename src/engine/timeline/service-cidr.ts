/**
 * A ServiceCIDR's deletion on the timeline. `kubectl delete servicecidr X` stamps X's document with the
 * deletionTimestamp of the instant it ran at (commands/edit/delete.ts), so the built cluster is the one
 * after it; this puts the deletion at that instant, with what the servicecidrs controller
 * (pkg/controller/servicecidrs, sync) does then:
 * - while some IPAddress lies in X alone (canDeleteCIDR says no), it keeps the finalizer and applies the
 *   status Ready=False, reason Terminating, "There are still IPAddresses referencing the ServiceCIDR,
 *   please remove them or create a new ServiceCIDR" (it records no Event for it);
 * - when none does, it waits deletionGracePeriod (10 s after the deletionTimestamp, so that every
 *   API server's allocator has seen the deletion) and removes its finalizer: X is gone.
 * Before the instant the cluster shows X as it was: no deletionTimestamp, Ready=True.
 *
 * @example
 * serviceCidrChanges(serviceCidrDeletions(built), 0).map((c) => [c.at, c.msg.id]);
 * // [[30, 'timeline.serviceCidrDeleted'], [30, 'timeline.serviceCidrTerminating']]
 */
import type { BuildResult } from '../build';
import { SERVICE_CIDR_FINALIZER, addressesHeldOnlyBy, ipAddressesOf } from '../cluster/service-cidrs';
import { objectKey } from '../cluster/state';
import { uidFor } from '../cluster/hash';
import { formatTimestamp, parseTimestamp } from '../cluster/time';
import type { ServiceCIDR } from '../k8s/objects';
import { cloneJson } from '../manifest/clone';
import { msg } from '../messages';
import type { Change } from './reactions';
import type { Mutable } from './state';

/** pkg/controller/servicecidrs deletionGracePeriod: 10 s from the deletionTimestamp to the finalizer's removal. */
export const SERVICE_CIDR_DELETION_GRACE_SECONDS = 10;

export interface CidrDeletion {
  name: string;
  /** The deletion's instant (its deletionTimestamp), in seconds since the scene started. */
  at: number;
  /** The addresses that keep it (in it and in no other ServiceCIDR); none: it goes after the grace period. */
  held: string[];
  /** The Services those addresses belong to, "namespace/name". */
  services: string[];
  /** As it was before the deletion: no deletionTimestamp, finalizer, Ready=True. */
  before: ServiceCIDR;
  /** As the API server leaves it at the deletion: deletionTimestamp set, status not yet changed. */
  deleted: ServiceCIDR;
  /** As the controller leaves it (Terminating, the built cluster's); undefined when it is gone. */
  after?: ServiceCIDR;
  /** When the built cluster's state is reached: the deletion, or the finalizer's removal. */
  settled: number;
}

const readyStatus = (c: ServiceCIDR) => ({
  conditions: [
    {
      type: 'Ready',
      status: 'True',
      lastTransitionTime: c.metadata.creationTimestamp ?? formatTimestamp(0),
      reason: '',
      message: 'Kubernetes Service CIDR is ready',
    },
  ],
});

function withoutDeletion(c: ServiceCIDR): ServiceCIDR {
  const o = cloneJson(c) as ServiceCIDR;
  delete o.metadata.deletionTimestamp;
  delete o.metadata.deletionGracePeriodSeconds;
  const finalizers = (o.metadata.finalizers as string[] | undefined) ?? [];
  if (!finalizers.includes(SERVICE_CIDR_FINALIZER))
    o.metadata.finalizers = [...finalizers, SERVICE_CIDR_FINALIZER];
  o.status = readyStatus(o);
  return o;
}

/**
 * Every ServiceCIDR of the scene with a deletionTimestamp: those the built cluster keeps Terminating, and
 * those written deleted that the controller has let go (their document is still in the scene).
 */
export function serviceCidrDeletions(
  built: Pick<BuildResult, 'cluster' | 'objects'>,
  seed = 0,
): CidrDeletion[] {
  const { cluster } = built;
  const out: CidrDeletion[] = [];
  const addresses = ipAddressesOf(cluster);
  const owner = new Map(addresses.map((a) => [a.metadata.name!, a.spec?.parentRef]));
  const instant = (c: ServiceCIDR) =>
    Math.max(0, parseTimestamp(String(c.metadata.deletionTimestamp ?? '')) ?? 0);
  for (const c of cluster.serviceCIDRs) {
    if (!c.metadata.deletionTimestamp) continue;
    const held = addressesHeldOnlyBy(
      c,
      cluster.serviceCIDRs,
      addresses.map((a) => a.metadata.name!),
    );
    const services = [
      ...new Set(
        held.flatMap((ip) => {
          const ref = owner.get(ip);
          return ref ? [`${ref.namespace ?? 'default'}/${ref.name}`] : [];
        }),
      ),
    ];
    const before = withoutDeletion(c);
    const deleted = { ...cloneJson(before), metadata: { ...cloneJson(before.metadata) } } as ServiceCIDR;
    deleted.metadata.deletionTimestamp = c.metadata.deletionTimestamp;
    deleted.metadata.deletionGracePeriodSeconds = 0;
    const at = instant(c);
    out.push({ name: c.metadata.name ?? '', at, held, services, before, deleted, after: c, settled: at });
  }
  // Written deleted and let go: the document is there, the object is not.
  const kept = new Set(cluster.serviceCIDRs.map((c) => c.metadata.name));
  for (const src of built.objects) {
    const o = src.object as ServiceCIDR;
    if (o.kind !== 'ServiceCIDR' || !o.metadata.deletionTimestamp || kept.has(o.metadata.name)) continue;
    const named = cloneJson(o) as ServiceCIDR;
    named.metadata.uid ??= uidFor(seed, objectKey(named));
    named.metadata.creationTimestamp ??= formatTimestamp(0);
    const before = withoutDeletion(named);
    const deleted = cloneJson(before) as ServiceCIDR;
    deleted.metadata.deletionTimestamp = o.metadata.deletionTimestamp;
    deleted.metadata.deletionGracePeriodSeconds = 0;
    const at = instant(o);
    out.push({
      name: o.metadata.name ?? '',
      at,
      held: [],
      services: [],
      before,
      deleted,
      settled: at + SERVICE_CIDR_DELETION_GRACE_SECONDS,
    });
  }
  return out;
}

/**
 * The deletions' events. A deletion the cluster at `at` has not settled yet changes it (the cluster is
 * rolled back to `before` first: clusterAt); one it has settled is the built cluster already.
 */
export function serviceCidrChanges(deletions: CidrDeletion[], at: number): Change[] {
  const out: Change[] = [];
  for (const d of deletions) {
    const live = at < d.settled;
    out.push({
      at: d.at,
      fault: true,
      msg: msg('timeline.serviceCidrDeleted', { name: d.name }),
      ...(live ? { apply: (s: Mutable) => s.putServiceCIDR(d.deleted) } : {}),
    });
    if (d.after)
      // The controller's status settles the deletion: from this instant on the cluster is the built one.
      out.push({
        at: d.at,
        fault: false,
        msg: msg('timeline.serviceCidrTerminating', {
          name: d.name,
          ips: d.held.join(', '),
          services: d.services.join(', '),
        }),
      });
    else
      out.push({
        at: d.settled,
        fault: false,
        msg: msg('timeline.serviceCidrRemoved', { name: d.name, grace: SERVICE_CIDR_DELETION_GRACE_SECONDS }),
        ...(live ? { apply: (s: Mutable) => s.removeServiceCIDR(d.name) } : {}),
      });
  }
  return out;
}
