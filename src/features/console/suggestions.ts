/**
 * Console lines worth trying in the current scene, built from the cluster the engine made (never from
 * hard-coded names or addresses): the pod a request starts from, the Service it targets, the node that
 * pod runs on, the addresses the cluster allocated.
 *
 * @example
 * consoleSuggestions(cluster, 'pod/default/client', 'http://web');
 * // ['get svc', 'get pods -o wide', 'exec client -- nslookup web', 'exec client -- curl http://web',
 * //  'node node-3 -- iptables-save -t nat', 'node node-3 -- conntrack -L', 'get endpointslices']
 */
import { clusterIndex, nsName, type ClusterState, type Pod } from '../../engine';

/** The host part of what the request bar targets ("http://web.default:80/x" → "web.default"). */
export function targetHost(to: string): string {
  return to
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[:/?#].*$/, '');
}

/** `exec NAME [-n NS] --`: the namespace flag only when it is not "default". */
const execPrefix = (p: Pod) => {
  const ns = p.metadata.namespace ?? 'default';
  return `exec ${p.metadata.name ?? ''}${ns === 'default' ? '' : ` -n ${ns}`} --`;
};

const RULE_DUMP: Record<string, string> = {
  iptables: 'iptables-save -t nat',
  ipvs: 'ipvsadm -Ln',
  nftables: 'nft list ruleset',
};

export function consoleSuggestions(cluster: ClusterState, from: string, to: string): string[] {
  const out = ['get svc', 'get pods -o wide'];
  // Only what the user made: the cluster's own objects (CoreDNS, default/kubernetes …) are no example.
  const ix = clusterIndex(cluster);
  const userPods = cluster.pods.filter((p) => !ix.isSystem(`Pod/${nsName(p)}`));
  const services = cluster.services.filter((s) => !ix.isSystem(`Service/${nsName(s)}`));
  const host = targetHost(to);
  const m = /^pod\/(?:([^/]+)\/)?([^/]+)$/.exec(from);
  const client =
    (m &&
      userPods.find(
        (p) => p.metadata.name === m[2] && (p.metadata.namespace ?? 'default') === (m[1] ?? 'default'),
      )) ||
    userPods.find((p) => p.metadata.name === 'client') ||
    userPods[0];
  const svc =
    services.find((s) => s.metadata.name === host.split('.')[0]) ??
    services.find((s) => s.spec.clusterIP === host) ??
    services[0];
  if (client && svc) {
    const name = svc.metadata.name ?? '';
    const sameNs = (svc.metadata.namespace ?? 'default') === (client.metadata.namespace ?? 'default');
    const dnsName = sameNs ? name : `${name}.${svc.metadata.namespace ?? 'default'}`;
    out.push(`${execPrefix(client)} nslookup ${dnsName}`);
    const port = svc.spec.ports?.[0]?.port;
    if (svc.spec.type !== 'ExternalName' && port)
      out.push(`${execPrefix(client)} curl http://${dnsName}${port === 80 ? '' : `:${port}`}`);
  }
  const lbIp = services.flatMap((s) => s.status?.loadBalancer?.ingress ?? []).find((i) => i.ip)?.ip;
  if (lbIp) out.push(`curl --from external http://${lbIp}/`);
  else {
    const np = services.find((s) => s.spec.type === 'NodePort' && s.spec.ports?.[0]?.nodePort);
    const nodeIp = ix.nodes().at(-1)?.ip;
    if (np && nodeIp) out.push(`curl --from external http://${nodeIp}:${np.spec.ports![0]!.nodePort}/`);
  }
  const node = (client?.spec.nodeName ?? cluster.nodes[0]?.metadata.name) || '';
  if (node) {
    out.push(`node ${node} -- ${RULE_DUMP[cluster.config.proxy.mode] ?? 'iptables-save -t nat'}`);
    out.push(`node ${node} -- conntrack -L`);
  }
  if (client) out.push(`${execPrefix(client)} cat /etc/resolv.conf`);
  out.push('get endpointslices');
  return out;
}
