/**
 * The pod's hostname and the /etc/hosts kubelet writes for it (kubelet_pods.go
 * `GeneratePodHostNameAndDomain`, `managedHostsFileContent`): localhost lines, the pod IP with its
 * hostname (and FQDN when spec.subdomain is set), then `hostAliases`. hostNetwork pods get the node's
 * hosts file plus their hostAliases.
 */
import type { ClusterState } from '../cluster/state';
import type { Pod } from '../k8s/objects';
import { fqdn } from './records';

interface HostAlias {
  ip: string;
  hostnames?: string[];
}

/**
 * The pod's hostname (spec.hostname or the pod name, cut to 63 characters) and its domain.
 *
 * @example
 * podHostname(cluster, pod); // { hostname: "web-7c9d8-abcde", domain: "" }
 */
export function podHostname(cluster: ClusterState, pod: Pod): { hostname: string; domain: string } {
  if (pod.spec.hostNetwork) return { hostname: pod.spec.nodeName ?? pod.metadata.name ?? '', domain: '' };
  let hostname = pod.spec.hostname || pod.metadata.name || '';
  if (hostname.length > 63) hostname = hostname.slice(0, 63).replace(/[-.]+$/, '');
  const sub = pod.spec.subdomain;
  const domain = sub ? `${sub}.${pod.metadata.namespace ?? 'default'}.svc.${cluster.config.dnsDomain}` : '';
  return { hostname, domain };
}

/** The value of HOSTNAME in the container (the FQDN with setHostnameAsFQDN). */
export function podHostnameValue(cluster: ClusterState, pod: Pod): string {
  const { hostname, domain } = podHostname(cluster, pod);
  const asFqdn = (pod.spec as { setHostnameAsFQDN?: boolean }).setHostnameAsFQDN === true;
  return asFqdn && domain ? `${hostname}.${domain}` : hostname;
}

function podIPs(pod: Pod): string[] {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip);
  return ips.length ? ips : pod.status?.podIP ? [pod.status.podIP] : [];
}

function aliasesOf(pod: Pod): HostAlias[] {
  return ((pod.spec as { hostAliases?: HostAlias[] }).hostAliases ?? []).filter((a) => a?.ip);
}

function aliasLines(pod: Pod): string {
  const aliases = aliasesOf(pod);
  if (!aliases.length) return '';
  return `\n# Entries added by HostAliases.\n${aliases.map((a) => `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`).join('')}`;
}

function nodeIP(cluster: ClusterState, name?: string): string | undefined {
  const n = cluster.nodes.find((x) => x.metadata.name === name);
  return n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/**
 * The text of the pod's /etc/hosts.
 *
 * @example
 * hostsFile(cluster, pod).split('\n').at(-2); // "10.244.1.5\tweb-7c9d8-abcde"
 */
export function hostsFile(cluster: ClusterState, pod: Pod): string {
  if (pod.spec.hostNetwork) {
    const name = pod.spec.nodeName ?? '';
    const ip = nodeIP(cluster, name);
    // A simulated node's own hosts file (a Debian-style cloud image).
    const node = `127.0.0.1 localhost\n${ip ? `${ip} ${name}\n` : ''}\n::1 ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
    return node + aliasLines(pod);
  }
  const { hostname, domain } = podHostname(cluster, pod);
  let out =
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  for (const ip of podIPs(pod))
    out += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  return out + aliasLines(pod);
}

/**
 * The addresses /etc/hosts gives a name (glibc's `files` source, consulted before DNS).
 *
 * @example
 * hostsLookup(cluster, pod, 'localhost'); // ["127.0.0.1", "::1"]
 */
export function hostsLookup(cluster: ClusterState, pod: Pod, name: string): string[] {
  const want = fqdn(name);
  const out: string[] = [];
  for (const line of hostsFile(cluster, pod).split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 2) continue;
    if (fields.slice(1).some((h) => fqdn(h) === want) && !out.includes(fields[0]!)) out.push(fields[0]!);
  }
  return out;
}
