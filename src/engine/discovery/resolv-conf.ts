/**
 * The pod's /etc/resolv.conf as kubelet composes it (pkg/kubelet/network/dns/dns.go `GetPodDNS`) and
 * containerd writes it (search, nameserver, options lines in that order):
 * - ClusterFirst (the default) and ClusterFirstWithHostNet: nameserver = cluster DNS (kube-dns ClusterIP),
 *   search `<ns>.svc.<zone> svc.<zone> <zone>` + the node's search list, options `ndots:5`.
 *   A hostNetwork pod with ClusterFirst falls back to Default.
 * - Default: the node's resolv.conf. - None: empty, then dnsConfig.
 * Then dnsConfig is appended (duplicates dropped, options merged by name) and the limits applied
 * (3 nameservers, 32 search domains, 2048 characters of search line).
 */
import type { ClusterState } from '../cluster/state';
import type { Pod } from '../k8s/objects';
import { clusterDnsIP } from './system-objects';

export interface ResolvConf {
  nameservers: string[]; // ["10.96.0.10"]
  searches: string[]; // ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"]
  options: string[]; // ["ndots:5"]
  /** The dnsPolicy that took effect ("ClusterFirst" on a hostNetwork pod becomes "Default"). */
  effectivePolicy: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  /** Kubelet's notes: fallbacks taken and limits applied. */
  notes: string[];
}

export const MAX_NAMESERVERS = 3;
export const MAX_SEARCH_PATHS = 32;
export const MAX_SEARCH_CHARS = 2048;

/**
 * The node's own resolver configuration: the simulated upstream, no search list.
 *
 * @example
 * nodeResolvConf(cluster).nameservers; // ["192.0.2.53"]
 */
export function nodeResolvConf(cluster: ClusterState): ResolvConf {
  return {
    nameservers: [cluster.config.upstreamDNS],
    searches: [],
    options: [],
    effectivePolicy: 'Default',
    notes: [],
  };
}

const omitDuplicates = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);

/** kubelet's mergeDNSOptions: dnsConfig options override same-named ones. */
function mergeOptions(existing: string[], extra: { name: string; value?: string }[]): string[] {
  const map = new Map<string, string | undefined>();
  for (const op of existing) {
    const i = op.indexOf(':');
    map.set(i < 0 ? op : op.slice(0, i), i < 0 ? undefined : op.slice(i + 1));
  }
  for (const op of extra) map.set(op.name, op.value);
  return [...map].map(([k, v]) => (v === undefined ? k : `${k}:${v}`));
}

/**
 * The resolver configuration kubelet gives a pod.
 *
 * @example
 * podResolvConf(cluster, pod); // { nameservers: ["10.96.0.10"], searches: ["shop.svc.cluster.local", …], options: ["ndots:5"], … }
 */
export function podResolvConf(cluster: ClusterState, pod: Pod): ResolvConf {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const host = nodeResolvConf(cluster);
  const notes: string[] = [];
  let conf: ResolvConf;
  const zone = cluster.config.dnsDomain;
  if (policy === 'None') {
    conf = { nameservers: [], searches: [], options: [], effectivePolicy: 'None', notes };
  } else if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork)) {
    const ns = pod.metadata.namespace ?? 'default';
    const searches = zone
      ? omitDuplicates([`${ns}.svc.${zone}`, `svc.${zone}`, zone, ...host.searches])
      : host.searches;
    conf = {
      nameservers: [clusterDnsIP(cluster.config)],
      searches,
      options: ['ndots:5'],
      effectivePolicy: policy,
      notes,
    };
  } else {
    if (policy === 'ClusterFirst') {
      notes.push(
        'dnsPolicy ClusterFirst on a hostNetwork pod falls back to Default (the node’s resolver); use ClusterFirstWithHostNet to reach cluster DNS.',
      );
    }
    conf = { ...host, effectivePolicy: 'Default', notes };
  }
  const dc = pod.spec.dnsConfig;
  if (dc) {
    conf.nameservers = omitDuplicates([...conf.nameservers, ...(dc.nameservers ?? [])]);
    conf.searches = omitDuplicates([...conf.searches, ...(dc.searches ?? [])]);
    conf.options = mergeOptions(conf.options, dc.options ?? []);
  }
  if (conf.nameservers.length > MAX_NAMESERVERS) {
    notes.push(
      `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${conf.nameservers.slice(0, MAX_NAMESERVERS).join(' ')}`,
    );
    conf.nameservers = conf.nameservers.slice(0, MAX_NAMESERVERS);
  }
  conf.searches = fitSearchLimits(conf.searches, notes);
  return conf;
}

function fitSearchLimits(searches: string[], notes: string[]): string[] {
  let out = searches;
  let exceeded = false;
  if (out.length > MAX_SEARCH_PATHS) {
    out = out.slice(0, MAX_SEARCH_PATHS);
    exceeded = true;
  }
  let len = out.join(' ').length;
  if (len > MAX_SEARCH_CHARS) {
    while (out.length && len > MAX_SEARCH_CHARS) {
      len -= out[out.length - 1]!.length + 1;
      out = out.slice(0, -1);
    }
    exceeded = true;
  }
  if (exceeded)
    notes.push(
      `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${out.join(' ')}`,
    );
  return out;
}

/**
 * The ndots option (resolver default 1).
 *
 * @example
 * ndotsOf(conf); // 5
 */
export function ndotsOf(conf: Pick<ResolvConf, 'options'>): number {
  const op = [...conf.options].reverse().find((o) => o.startsWith('ndots:'));
  const n = op ? Number(op.slice(6)) : 1;
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), 15) : 1;
}

/**
 * The file text as containerd writes it: search, nameserver lines, options.
 *
 * @example
 * formatResolvConf(conf);
 * // "search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"
 */
export function formatResolvConf(conf: ResolvConf): string {
  let out = '';
  if (conf.searches.length) out += `search ${conf.searches.join(' ')}\n`;
  for (const ns of conf.nameservers) out += `nameserver ${ns}\n`;
  if (conf.options.length) out += `options ${conf.options.join(' ')}\n`;
  return out;
}
