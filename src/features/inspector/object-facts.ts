/**
 * What the inspector says about a graph element opened with a click or Enter: the object's full name
 * and the facts the graph shortens (every address of every family, ports, endpoints, the node it runs
 * on), read from the built cluster through its index. Nothing is re-derived here.
 *
 * @example
 * objectFacts(cluster, 'Pod/default/web-1');
 * // { kind: 'Pod', name: 'web-1', namespace: 'default', facts: [{ label: 'object.ips', values: ['10.244.1.5', 'fd00:10:244:1::5'] }, …] }
 */
import { clusterIndex, ingressSummary, isPodReady, nsName, type ClusterState } from '../../engine';
import type { MessageKey } from '../../i18n';

export interface Fact {
  label: MessageKey;
  values: string[]; // ["10.244.1.5", "fd00:10:244:1::5"]
}

export interface ObjectFacts {
  kind: string; // "Pod", or "kube-proxy" for a node's kube-proxy box
  namespace: string; // "" when cluster-scoped
  name: string;
  facts: Fact[];
}

const fact = (label: MessageKey, values: readonly (string | undefined)[]): Fact[] => {
  const shown = values.filter((v): v is string => !!v);
  return shown.length ? [{ label, values: shown }] : [];
};

/** The facts for an ObjectKey ("Service/default/web", "Node//node-1") or a kube-proxy box's id. */
export function objectFacts(cluster: ClusterState, key: string): ObjectFacts | null {
  const [kind = '', namespace = '', name = ''] = key.split('/');
  if (kind === 'kube-proxy') {
    const node = cluster.nodes.find((n) => n.metadata.name === namespace);
    if (!node) return null;
    return {
      kind,
      namespace: '',
      name: namespace,
      facts: [{ label: 'object.proxyMode', values: [cluster.config.proxy.mode] }],
    };
  }
  if (kind === 'Pod') {
    const pod = cluster.pods.find(
      (p) => p.metadata.name === name && (p.metadata.namespace ?? 'default') === namespace,
    );
    if (!pod) return null;
    const ips = pod.status?.podIPs?.map((x) => x.ip) ?? [pod.status?.podIP];
    return {
      kind,
      namespace,
      name,
      facts: [
        ...fact('object.ips', ips),
        ...fact('object.node', [pod.spec.nodeName]),
        ...fact('object.phase', [pod.status?.phase]),
        { label: 'object.ready', values: [isPodReady(pod) ? 'True' : 'False'] },
      ],
    };
  }
  if (kind === 'Node') {
    const node = cluster.nodes.find((n) => n.metadata.name === name);
    if (!node) return null;
    const addresses = (node.status?.addresses ?? [])
      .filter((a) => a.type !== 'Hostname')
      .map((a) => a.address);
    return {
      kind,
      namespace: '',
      name,
      facts: [
        ...fact('object.addresses', addresses),
        ...fact('object.podCIDRs', node.spec?.podCIDRs ?? [node.spec?.podCIDR]),
      ],
    };
  }
  if (kind === 'Service') {
    const svc = cluster.services.find(
      (s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === namespace,
    );
    if (!svc) return null;
    const ix = clusterIndex(cluster);
    const all = ix.slicesOf(nsName(svc)).flatMap((slice) => slice.endpoints ?? []);
    const ready = all.filter((ep) => ep.conditions?.ready !== false).flatMap((ep) => ep.addresses);
    const notReady = all.filter((ep) => ep.conditions?.ready === false).flatMap((ep) => ep.addresses);
    return {
      kind,
      namespace,
      name,
      facts: [
        ...fact('object.type', [svc.spec.type ?? 'ClusterIP']),
        ...fact('object.clusterIPs', svc.spec.clusterIPs ?? [svc.spec.clusterIP]),
        ...fact('object.externalName', [svc.spec.externalName]),
        ...fact(
          'object.ports',
          (svc.spec.ports ?? []).map(
            (p) =>
              `${p.name ? `${p.name} ` : ''}${p.port}${p.nodePort ? `:${p.nodePort}` : ''}→${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`,
          ),
        ),
        ...fact('object.external', [
          ...(svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname),
          ...(svc.spec.externalIPs ?? []),
        ]),
        ...fact('object.endpoints', ready),
        ...fact('object.notReady', notReady),
      ],
    };
  }
  if (kind === 'Ingress') {
    const ing = ingressSummary(cluster).find((i) => i.id === key);
    if (!ing) return null;
    // Each path as nginx reads it: host and path (type) → Service:port.
    const line = (p: (typeof ing.paths)[number]) =>
      `${p.field === 'spec.defaultBackend' ? 'defaultBackend' : `${p.host ?? '*'} ${p.path} (${p.pathType})`} → ${p.service ? `${p.service.split('/')[2]}:${p.port}` : '—'}`;
    return {
      kind,
      namespace,
      name,
      facts: [
        ...fact('object.ingressClass', [ing.className ?? undefined]),
        { label: 'object.served', values: [ing.served ? 'True' : 'False'] },
        ...fact('object.address', [ing.address ?? undefined]),
        ...fact('object.paths', ing.paths.filter((p) => !p.shadowedBy).map(line)),
        ...fact(
          'object.shadowed',
          ing.paths.filter((p) => p.shadowedBy).map((p) => `${line(p)} · ${p.shadowedBy}`),
        ),
      ],
    };
  }
  if (!kind || !name) return null;
  return { kind, namespace, name, facts: [] };
}
