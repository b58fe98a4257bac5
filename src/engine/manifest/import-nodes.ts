/**
 * The Nodes a `kubectl get -o yaml` dump's pods ran on that the dump does not include (`kubectl get
 * svc,endpointslices,pods -o yaml` lists no Node). Their pods keep their status (import-file.ts), which
 * says they run on `ip-10-0-1-23.ec2.internal`; without that Node svclab would have its three default
 * nodes and no place for them. So the import adds a Node per missing name, as the dump's cluster had it
 * as far as the dump tells: the name, the address its pods report as `status.hostIP(s)` (the node's
 * InternalIP, where kubelet takes hostIP from) and the zone the dump's EndpointSlices give that node
 * (`endpoints[].zone`, which the endpoint-slice controller copies from the Node's zone label).
 *
 * @example
 * missingNodes([{ kind: 'Pod', spec: { nodeName: 'ip-10-0-1-23' }, status: { hostIP: '10.0.1.23' } }]);
 * // [{ name: 'ip-10-0-1-23', addresses: ['10.0.1.23'], pods: 1 }]
 */
import { ZONE_LABEL } from '../k8s/labels';

/** A Node the import adds: its name, InternalIP addresses, zone, and how many of the dump's pods it runs. */
export interface MissingNode {
  name: string;
  addresses: string[];
  zone?: string;
  pods: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The node names pods of the dump (with a status: they ran) name that no Node of the dump has, in order. */
export function missingNodes(objects: readonly Record<string, unknown>[]): MissingNode[] {
  const given = new Set<string>();
  const zones = new Map<string, string>();
  for (const o of objects) {
    const meta = isRecord(o.metadata) ? o.metadata : {};
    if (o.kind === 'Node' && str(meta.name)) given.add(meta.name as string);
    if (o.kind === 'EndpointSlice' && Array.isArray(o.endpoints))
      for (const e of o.endpoints) {
        const node = isRecord(e) ? str(e.nodeName) : undefined;
        const zone = isRecord(e) ? str(e.zone) : undefined;
        if (node && zone && !zones.has(node)) zones.set(node, zone);
      }
  }
  const missing = new Map<string, MissingNode>();
  for (const o of objects) {
    if (o.kind !== 'Pod' || !isRecord(o.spec) || !isRecord(o.status)) continue;
    const name = str(o.spec.nodeName);
    if (!name || given.has(name)) continue;
    let node = missing.get(name);
    if (!node) {
      const zone = zones.get(name);
      missing.set(name, (node = { name, addresses: [], ...(zone ? { zone } : {}), pods: 0 }));
    }
    node.pods++;
    if (node.addresses.length === 0) node.addresses = hostIPsOf(o.status);
  }
  return [...missing.values()];
}

/** A pod's status.hostIPs (both families on a dual-stack node), else its hostIP. */
function hostIPsOf(status: Record<string, unknown>): string[] {
  const listed = Array.isArray(status.hostIPs)
    ? status.hostIPs.map((h) => (isRecord(h) ? str(h.ip) : undefined)).filter((ip) => ip !== undefined)
    : [];
  if (listed.length > 0) return [...new Set(listed)];
  const one = str(status.hostIP);
  return one ? [one] : [];
}

/** The Node object the import adds for a missing node (the manifest the user sees at the file's end). */
export function nodeManifest(node: MissingNode): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name, ...(node.zone ? { labels: { [ZONE_LABEL]: node.zone } } : {}) },
    ...(node.addresses.length > 0
      ? { status: { addresses: node.addresses.map((address) => ({ type: 'InternalIP', address })) } }
      : {}),
  };
}
