/**
 * `kubectl describe ingress`, as kubectl's IngressDescriber prints a networking/v1 Ingress
 * (k8s.io/kubectl/pkg/describe: describeIngressV1, describeBackendV1, describeIngressTLSV1): its
 * address, class, default backend, TLS, the rules as a Host/Path/Backends table with each Service
 * backend's endpoints (formatEndpointSlices over the Service's EndpointSlices, for the Service port the
 * backend names), then the annotations and the Events (`<none>`: svclab records none).
 *
 * @example
 * describeIngress(ing, cluster, true);
 * // "Name:             web\n…Rules:\n  Host         Path  Backends\n…  /   web:80 (10.244.1.2:8080)\n…"
 */
import type { ClusterState } from '../cluster/state';
import type { Ingress, IngressBackend } from '../k8s/objects';
import { byCodeUnits } from '../util/compare';
import { annotationsMultiline, labelsMultiline, tabwrite } from './describe-format';
import { formatEndpointSlices, slicesOf } from './describe-service';

/**
 * describeBackendV1: a Service backend as `NAME:PORT (ENDPOINTS)`, with the endpoints of the Service
 * port whose number or name the backend gives (the last such port wins, as upstream's loop), or
 * `(<error: …>)` when the Service does not exist; a resource backend as its group, kind and name.
 */
function describeBackend(namespace: string, backend: IngressBackend, cluster: ClusterState): string {
  const service = backend.service;
  if (service) {
    const port = service.port?.number ? String(service.port.number) : (service.port?.name ?? '');
    const label = `${service.name}:${port}`;
    const svc = cluster.services.find(
      (s) => s.metadata.name === service.name && (s.metadata.namespace ?? 'default') === namespace,
    );
    if (!svc) return `${label} (<error: services "${service.name}" not found>)`;
    let portName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (service.port?.number && service.port.number === sp.port) portName = sp.name ?? '';
      else if (service.port?.name && service.port.name === sp.name) portName = sp.name ?? '';
    }
    const endpoints = formatEndpointSlices(slicesOf(cluster, namespace, service.name), new Set([portName]));
    return `${label} (${endpoints})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** describeIngressV1 for one Ingress. */
export function describeIngress(ing: Ingress, cluster: ClusterState, events: boolean): string {
  const namespace = ing.metadata.namespace ?? 'default';
  const spec = ing.spec ?? {};
  let t = `Name:\t${ing.metadata.name ?? ''}\n`;
  t += labelsMultiline('Labels', ing.metadata.labels);
  t += `Namespace:\t${namespace}\n`;
  // ingressLoadBalancerStatusStringerV1 (wide): the set of IPs or hostnames, sorted, comma-joined.
  const addresses = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) addresses.add(i.ip);
    else if (i.hostname) addresses.add(i.hostname);
  }
  t += `Address:\t${[...addresses].sort(byCodeUnits).join(',')}\n`;
  t += `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`;
  const defaultBackend = spec.defaultBackend
    ? describeBackend(namespace, spec.defaultBackend, cluster)
    : '<default>';
  t += `Default backend:\t${defaultBackend}\n`;
  if ((spec.tls ?? []).length > 0) {
    t += 'TLS:\n';
    for (const tls of spec.tls!) {
      const hosts = (tls.hosts ?? []).join(',');
      t += tls.secretName ? `  ${tls.secretName} terminates ${hosts}\n` : `  SNI routes ${hosts}\n`;
    }
  }
  t += 'Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n';
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    t += `  ${rule.host || '*'}\t\n`;
    for (const path of rule.http.paths ?? [])
      t += `    \t${path.path ?? ''} \t${describeBackend(namespace, path.backend, cluster)}\n`;
  }
  if (count === 0) t += `  *\t*\t${defaultBackend}\n`;
  t += annotationsMultiline('Annotations', ing.metadata.annotations);
  if (events) t += 'Events:\t<none>\n';
  return tabwrite(t);
}
