/**
 * The pods of one Service as both endpoint controllers see them, computed once per Service and pod: the
 * Endpoints controller and the EndpointSlice controller read the same facts (address, readiness,
 * terminating, hostname, node, the resolved target ports), so the builder computes them once and both
 * controllers share the pod's targetRef object (objects are read-only once built).
 *
 * Candidates are the pods that pass ShouldPodBeInEndpoints(pod, includeTerminating = true): not terminal,
 * with an IP. The Endpoints controller drops the terminating ones itself unless publishNotReadyAddresses.
 *
 * @example
 * const cands = endpointCandidates(svc, pods);
 * cands[0]; // { pod, ip: "10.244.1.2", serving: true, terminating: false, targetRef: {…}, ports: [8080] }
 */
import type { Container, ObjectReference, Pod, Service } from '../k8s/objects';
import { isPodReady } from '../k8s/pod';
import { findPortNumber } from './find-port';

export interface EndpointCandidate {
  pod: Pod;
  ip: string; // "10.244.1.2" (status.podIP)
  /** The pod's address of the other family on a dual-stack cluster (its second status.podIPs entry). */
  ip2?: string; // "fd00:10:244:1::2"
  /** IsPodReady: the pod's Ready condition is True. */
  serving: boolean;
  /** metadata.deletionTimestamp is set. */
  terminating: boolean;
  /** Set when the pod's hostname/subdomain name this Service (ShouldSetHostname). */
  hostname?: string;
  nodeName?: string;
  targetRef: ObjectReference;
  /**
   * The container port each Service port means for this pod (FindPort), undefined where it does not
   * resolve. Pods with the same containers share one array, so equal arrays are usually the same object.
   */
  ports: (number | undefined)[];
}

/**
 * The candidates among `pods` (the Service's selected pods, in creation order).
 *
 * @example
 * endpointCandidates(svc, [terminalPod, runningPod]).length; // 1
 */
export function endpointCandidates(svc: Service, pods: Pod[]): EndpointCandidate[] {
  const out: EndpointCandidate[] = [];
  const svcPorts = svc.spec.ports ?? [];
  const svcName = svc.metadata.name;
  const svcNs = svc.metadata.namespace ?? 'default';
  // The last resolution, keyed by the containers it was made from (pods of a ReplicaSet share them).
  let lastContainers: Container[] | undefined;
  let lastInit: Container[] | undefined;
  let lastPorts: (number | undefined)[] | undefined;
  for (const pod of pods) {
    const st = pod.status;
    if (st?.phase === 'Succeeded' || st?.phase === 'Failed') continue;
    if (!st?.podIP && !(st?.podIPs?.length ?? 0)) continue;
    const spec = pod.spec;
    let ports: (number | undefined)[];
    if (lastPorts && spec.containers === lastContainers && spec.initContainers === lastInit)
      ports = lastPorts;
    else {
      ports = svcPorts.map((sp) => findPortNumber(pod, sp));
      lastContainers = spec.containers;
      lastInit = spec.initContainers;
      lastPorts = ports;
    }
    const meta = pod.metadata;
    const c: EndpointCandidate = {
      pod,
      ip: st?.podIP ?? st?.podIPs?.[0]?.ip ?? '',
      serving: isPodReady(pod),
      terminating: !!meta.deletionTimestamp,
      targetRef: {
        kind: 'Pod',
        namespace: meta.namespace ?? 'default',
        name: meta.name ?? '',
        uid: meta.uid ?? '',
      },
      ports,
    };
    if (spec.hostname && spec.subdomain === svcName && (meta.namespace ?? 'default') === svcNs)
      c.hostname = spec.hostname;
    if (spec.nodeName) c.nodeName = spec.nodeName;
    const second = st?.podIPs?.[1]?.ip;
    if (second && second.includes(':') !== c.ip.includes(':')) c.ip2 = second;
    out.push(c);
  }
  return out;
}

/**
 * True when every candidate resolved every Service port to the same numbers (the usual case).
 *
 * @example
 * samePorts(endpointCandidates(svc, podsOfOneReplicaSet)); // true
 */
export function samePorts(cands: EndpointCandidate[]): boolean {
  const first = cands[0]?.ports;
  if (!first) return true;
  for (const c of cands) {
    if (c.ports === first) continue;
    if (c.ports.length !== first.length) return false;
    for (let i = 0; i < first.length; i++) if (c.ports[i] !== first[i]) return false;
  }
  return true;
}

/**
 * The candidates as the controllers see them for one address family (getEndpointAddresses): each pod's
 * address of that family; pods without one are left out. The view of a single-stack cluster's own family
 * is the same array.
 *
 * @example
 * candidatesOfFamily(cands, 'IPv6')[0].ip; // "fd00:10:244:1::2"
 */
export function candidatesOfFamily(cands: EndpointCandidate[], family: string): EndpointCandidate[] {
  const v6 = family === 'IPv6';
  if (cands.every((c) => c.ip.includes(':') === v6)) return cands;
  const out: EndpointCandidate[] = [];
  for (const c of cands) {
    const ip = c.ip.includes(':') === v6 ? c.ip : c.ip2;
    if (ip) out.push(ip === c.ip ? c : { ...c, ip });
  }
  return out;
}

/**
 * The address families the controllers write endpoints for: spec.ipFamilies, or for a Service the API
 * server's defaulting did not see, the family of its ClusterIP (IPv4 without one).
 *
 * @example
 * serviceFamilies({ spec: { clusterIP: 'fd00:10:96::a' } }); // ["IPv6"]
 */
export function serviceFamilies(svc: Pick<Service, 'spec'>): ('IPv4' | 'IPv6')[] {
  if (svc.spec.ipFamilies?.length) return svc.spec.ipFamilies as ('IPv4' | 'IPv6')[];
  const ip = svc.spec.clusterIP;
  return [ip && ip !== 'None' && ip.includes(':') ? 'IPv6' : 'IPv4'];
}
