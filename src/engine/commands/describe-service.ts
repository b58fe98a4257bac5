/**
 * `kubectl describe service|endpoints|endpointslice`, as kubectl's describers print them
 * (k8s.io/kubectl/pkg/describe: describeService, describeEndpoints, describeEndpointSliceV1), through
 * the same Go tabwriter as the other describers. A Service's Endpoints per port come from its
 * EndpointSlices (those labelled kubernetes.io/service-name=NAME in its namespace, in name order, as
 * the API lists them), formatted as formatEndpointSlices does: the ready addresses with the port, three
 * at most and then "+ N more...". svclab records no Events, so with `events` the list is kubectl's
 * empty one: `<none>`.
 *
 * @example
 * describeService(svc, slices, true);
 * // "Name:              web\nNamespace:         default\n…Endpoints:         10.244.1.2:8080\n…Events:            <none>\n"
 */
import type { EndpointSlice, Endpoints, LoadBalancerIngress, Service } from '../k8s/objects';
import type { ClusterState } from '../cluster/state';
import { byCodeUnits } from '../util/compare';
import { joinHostPort } from '../net/ip6';
import { annotationsMultiline, labelsMultiline, tabwrite } from './describe-format';
import { formatLabels } from './get-printers';

/** The EndpointSlices of a Service, as a list by label selector returns them: in name order. */
export function slicesOf(cluster: ClusterState, namespace: string, service: string): EndpointSlice[] {
  return cluster.endpointSlices
    .filter(
      (s) =>
        (s.metadata.namespace ?? 'default') === namespace &&
        s.metadata.labels?.['kubernetes.io/service-name'] === service,
    )
    .sort((a, b) => byCodeUnits(a.metadata.name ?? '', b.metadata.name ?? ''));
}

/**
 * formatEndpointSlices for the ports named in `ports` (all when undefined): the ready endpoints (an
 * unset ready counts as ready) as `ip:port`, or the bare address for a slice without ports; after three,
 * "+ N more..." with N the ready ones left out. As upstream, "more" is decided before the readiness
 * check, so a fourth endpoint that is not ready still gives "+ 0 more...".
 */
export function formatEndpointSlices(slices: EndpointSlice[], ports?: Set<string>): string {
  if (slices.length === 0) return '<none>';
  const MAX = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (ready: boolean | undefined, text: () => string): void => {
    if (list.length === MAX) more = true;
    if (ready === false) return;
    if (!more) list.push(text());
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    if ((slice.ports ?? []).length === 0) {
      for (const e of endpoints) add(e.conditions?.ready, () => e.addresses[0] ?? '');
      continue;
    }
    for (const port of slice.ports!) {
      if (ports && !ports.has(port.name ?? '')) continue;
      for (const e of endpoints)
        add(e.conditions?.ready, () => joinHostPort(e.addresses[0] ?? '', port.port));
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX} more...` : text;
}

/** buildIngressString: each ingress point's IP (with its IP mode when set) or hostname, comma-separated. */
export function ingressString(ingress: LoadBalancerIngress[]): string {
  return ingress
    .map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')))
    .join(', ');
}

/** describeService: the Service's spec as kubectl prints it, each port with its endpoints. */
export function describeService(svc: Service, slices: EndpointSlice[], events: boolean): string {
  const spec = svc.spec ?? {};
  let t = `Name:\t${svc.metadata.name ?? ''}\n`;
  t += `Namespace:\t${svc.metadata.namespace ?? 'default'}\n`;
  t += labelsMultiline('Labels', svc.metadata.labels);
  t += annotationsMultiline('Annotations', svc.metadata.annotations);
  t += `Selector:\t${formatLabels(spec.selector)}\n`;
  t += `Type:\t${spec.type ?? ''}\n`;
  if (spec.ipFamilyPolicy !== undefined) t += `IP Family Policy:\t${spec.ipFamilyPolicy}\n`;
  t += `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`;
  t += `IP:\t${spec.clusterIP ?? ''}\n`;
  t += `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`;
  if (spec.externalIPs?.length) t += `External IPs:\t${spec.externalIPs.join(',')}\n`;
  if (spec.loadBalancerIP) t += `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`;
  if (spec.externalName) t += `External Name:\t${spec.externalName}\n`;
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) t += `LoadBalancer Ingress:\t${ingressString(ingress)}\n`;
  for (const p of spec.ports ?? []) {
    const name = p.name ? p.name : '<unset>';
    const protocol = p.protocol ?? 'TCP';
    t += `Port:\t${name}\t${p.port}/${protocol}\n`;
    t += `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`;
    if (p.appProtocol !== undefined) t += `AppProtocol:\t${p.appProtocol}\n`;
    if (p.nodePort) t += `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`;
    t += `Endpoints:\t${formatEndpointSlices(slices, new Set([p.name ?? '']))}\n`;
  }
  t += `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`;
  if (spec.externalTrafficPolicy) t += `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`;
  if (spec.internalTrafficPolicy !== undefined)
    t += `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`;
  if (spec.healthCheckNodePort) t += `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`;
  if (spec.loadBalancerSourceRanges?.length)
    t += `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`;
  if (spec.trafficDistribution !== undefined) t += `Traffic Distribution:\t${spec.trafficDistribution}\n`;
  if (events) t += 'Events:\t<none>\n';
  return tabwrite(t);
}

/** describeEndpoints: each subset's ready and not-ready addresses and its ports, a blank line after each. */
export function describeEndpoints(ep: Endpoints, events: boolean): string {
  let t = `Name:\t${ep.metadata.name ?? ''}\n`;
  t += `Namespace:\t${ep.metadata.namespace ?? 'default'}\n`;
  t += labelsMultiline('Labels', ep.metadata.labels);
  t += annotationsMultiline('Annotations', ep.metadata.annotations);
  t += 'Subsets:\n';
  for (const subset of ep.subsets ?? []) {
    const ips = (list: { ip: string }[] | undefined): string =>
      (list ?? []).map((a) => a.ip).join(',') || '<none>';
    t += `  Addresses:\t${ips(subset.addresses)}\n`;
    t += `  NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`;
    if ((subset.ports ?? []).length > 0) {
      t += '  Ports:\n    Name\tPort\tProtocol\n    ----\t----\t--------\n';
      for (const p of subset.ports!) t += `    ${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`;
    }
    t += '\n';
  }
  if (events) t += 'Events:\t<none>\n';
  return tabwrite(t);
}

/**
 * describeEndpointSliceV1: the address type, the ports as a table (`Ports: <unset>` without any), and
 * each endpoint's addresses, Ready condition, hostname, target, node and zone (`<unset>` when absent).
 */
export function describeEndpointSlice(eps: EndpointSlice, events: boolean): string {
  let t = `Name:\t${eps.metadata.name ?? ''}\n`;
  t += `Namespace:\t${eps.metadata.namespace ?? 'default'}\n`;
  t += labelsMultiline('Labels', eps.metadata.labels);
  t += annotationsMultiline('Annotations', eps.metadata.annotations);
  t += `AddressType:\t${eps.addressType}\n`;
  const ports = eps.ports ?? [];
  if (ports.length === 0) t += 'Ports: <unset>\n';
  else {
    t += 'Ports:\n  Name\tPort\tProtocol\n  ----\t----\t--------\n';
    for (const p of ports)
      t += `  ${p.name || '<unset>'}\t${p.port === undefined ? '<unset>' : p.port}\t${p.protocol ?? ''}\n`;
  }
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) t += 'Endpoints: <none>\n';
  else {
    t += 'Endpoints:\n';
    for (const e of endpoints) {
      t += `  - Addresses:\t${e.addresses.join(', ') || '<none>'}\n`;
      t += '    Conditions:\n';
      const ready = e.conditions?.ready;
      t += `      Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`;
      t += `    Hostname:\t${e.hostname ?? '<unset>'}\n`;
      if (e.targetRef) t += `    TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`;
      t += `    NodeName:\t${e.nodeName ?? '<unset>'}\n`;
      t += `    Zone:\t${e.zone ?? '<unset>'}\n`;
    }
  }
  if (events) t += 'Events:\t<none>\n';
  return tabwrite(t);
}
