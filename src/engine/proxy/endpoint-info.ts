/**
 * kube-proxy's view of a Service port's endpoints, built from EndpointSlices the way its EndpointSliceCache
 * does: slices labelled `kubernetes.io/service-name`, the slice port whose name and protocol match the
 * Service port, conditions defaulted (ready nil → true, serving nil → ready, terminating nil → false),
 * duplicates merged, and the list sorted by "ip:port" so rules come out in a stable order.
 *
 * @example
 * endpointsFor(slices, sp, 'node-1').map((e) => e.endpoint); // ["10.180.0.1:80", "10.180.0.2:80"]
 */
import type { EndpointSlice } from '../k8s/objects';
import type { ServicePortInfo } from './service-port';

export interface EndpointInfo {
  ip: string; // "10.180.0.1"
  port: number; // 80
  endpoint: string; // "10.180.0.1:80"
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  isLocal: boolean;
  nodeName?: string; // "node-1"
  zone?: string;
  zoneHints: string[];
  nodeHints: string[];
  pod?: string; // "ns1/web-abc12"
}

const NONE: string[] = [];

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Slices grouped by "ns/serviceName", so each Service port finds its slices without a scan. */
export function slicesByService(slices: readonly EndpointSlice[]): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (svc === undefined || s.addressType !== 'IPv4') continue;
    const key = `${s.metadata.namespace ?? 'default'}/${svc}`;
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

/** The endpoints of one Service port as seen from `nodeName`, sorted by "ip:port" (string order, as kube-proxy). */
export function endpointsFor(
  slices: readonly EndpointSlice[] | undefined,
  sp: ServicePortInfo,
  nodeName: string,
): EndpointInfo[] {
  if (!slices) return [];
  const seen = new Map<string, EndpointInfo>();
  for (const slice of slices) {
    const port = (slice.ports ?? []).find(
      (p) => (p.name ?? '') === sp.portName && (p.protocol ?? 'TCP') === sp.protocol,
    );
    if (!port || !port.port) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (ip === undefined) continue;
      const key = `${ip}:${port.port}`;
      if (seen.has(key)) continue;
      const ready = ep.conditions?.ready ?? true;
      const info: EndpointInfo = {
        ip,
        port: port.port,
        endpoint: key,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
        isLocal: ep.nodeName !== undefined && ep.nodeName === nodeName,
        zoneHints: ep.hints?.forZones?.map((z) => z.name) ?? NONE,
        nodeHints: ep.hints?.forNodes?.map((n) => n.name) ?? NONE,
      };
      if (ep.nodeName !== undefined) info.nodeName = ep.nodeName;
      if (ep.zone !== undefined) info.zone = ep.zone;
      if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name)
        info.pod = `${ep.targetRef.namespace ?? slice.metadata.namespace ?? 'default'}/${ep.targetRef.name}`;
      seen.set(key, info);
    }
  }
  return [...seen.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
}
