/**
 * The CoreDNS configuration the cluster runs: read from the Corefile in ConfigMap `kube-system/coredns`
 * (kubeadm's default unless the user replaced it), so that editing the Corefile (ttl, `pods verified`,
 * removing `loadbalance`) changes the answers as it would in a cluster.
 */
import type { ClusterState } from '../cluster/state';
import { clusterIndex } from '../cluster/cluster-index';
import { fqdn } from './records';
import { kubeadmCorefile } from './system-objects';

export type PodsMode = 'disabled' | 'insecure' | 'verified';

export interface CorednsSettings {
  /** Zones the kubernetes plugin is authoritative for, e.g. ["cluster.local.", "in-addr.arpa.", "ip6.arpa."]. */
  zones: string[];
  /** The first zone: the cluster domain used to build names. */
  clusterZone: string; // "cluster.local."
  ttl: number; // 30 (kubeadm); 5 is CoreDNS's own default
  pods: PodsMode; // "insecure"
  /** Zones for which a miss falls through to the next plugin (forward); [] = none, ["."] = all. */
  fallthrough: string[];
  endpointPodNames: boolean;
  /** `forward . X`: where names outside the zones go ("/etc/resolv.conf" = the node's resolver). */
  forward?: string;
  /** `cache N`: the largest TTL a cached answer keeps (0 = no cache plugin). */
  cacheTTL: number;
  /** `loadbalance` present: A/AAAA answers are shuffled. */
  loadbalance: boolean;
  /** Where the settings came from. */
  source: 'configmap' | 'kubeadm-default';
}

interface Directive {
  name: string;
  args: string[];
  block: Directive[];
}

/** A small Caddyfile reader: directives, arguments and nested `{ }` blocks; `#` starts a comment. */
function parseBlock(tokens: string[][], start: number): [Directive[], number] {
  const out: Directive[] = [];
  let i = start;
  while (i < tokens.length) {
    const line = tokens[i]!;
    if (line[0] === '}') return [out, i + 1];
    const opens = line[line.length - 1] === '{';
    const words = opens ? line.slice(0, -1) : line;
    if (opens) {
      const [block, next] = parseBlock(tokens, i + 1);
      out.push({ name: words[0] ?? '', args: words.slice(1), block });
      i = next;
    } else {
      out.push({ name: words[0]!, args: words.slice(1), block: [] });
      i++;
    }
  }
  return [out, i];
}

function tokenize(corefile: string): string[][] {
  const lines: string[][] = [];
  for (const raw of corefile.split('\n')) {
    const text = raw
      .replace(/#.*$/, '')
      .replace(/([{}])/g, ' $1 ')
      .trim();
    if (!text) continue;
    // A '}' and '{' on one line ("} {") become separate logical lines so the block reader stays simple.
    let current: string[] = [];
    for (const w of text.split(/\s+/)) {
      if (w === '}') {
        if (current.length) lines.push(current);
        lines.push(['}']);
        current = [];
      } else if (w === '{') {
        current.push('{');
        lines.push(current);
        current = [];
      } else current.push(w);
    }
    if (current.length) lines.push(current);
  }
  return lines;
}

/**
 * Reads the settings of the server block that serves port 53 for the root zone out of a Corefile.
 *
 * @example
 * parseCorefile(kubeadmCorefile('cluster.local'), 'cluster.local').ttl; // 30
 */
export function parseCorefile(corefile: string, dnsDomain: string): CorednsSettings {
  const [top] = parseBlock(tokenize(corefile), 0);
  const server = top.find((d) => /^(\.|dns:\/\/\.)?(:53)?$/.test(d.name) || d.name === '.:53') ?? top[0];
  const dirs = server?.block ?? [];
  const k8s = dirs.find((d) => d.name === 'kubernetes');
  const zones = (k8s?.args.length ? k8s.args : [dnsDomain]).map(fqdn);
  const sub = (name: string) => k8s?.block.find((d) => d.name === name);
  const ttlArg = Number(sub('ttl')?.args[0]);
  const podsArg = sub('pods')?.args[0];
  const ft = sub('fallthrough');
  const fwd = dirs.find((d) => d.name === 'forward');
  const cache = dirs.find((d) => d.name === 'cache');
  return {
    zones,
    clusterZone: zones[0]!,
    ttl: Number.isFinite(ttlArg) && ttlArg >= 0 ? Math.min(ttlArg, 3600) : 5,
    pods: podsArg === 'insecure' || podsArg === 'verified' ? podsArg : 'disabled',
    fallthrough: ft ? (ft.args.length ? ft.args.map(fqdn) : ['.']) : [],
    endpointPodNames: !!sub('endpoint_pod_names'),
    forward: fwd?.args[1],
    cacheTTL: cache ? Number(cache.args[0] ?? 3600) || 3600 : 0,
    loadbalance: dirs.some((d) => d.name === 'loadbalance'),
    source: 'configmap',
  };
}

/**
 * The CoreDNS settings of this cluster: from `kube-system/coredns`'s Corefile, or kubeadm's default.
 *
 * @example
 * corednsSettings(cluster).zones; // ["cluster.local.", "in-addr.arpa.", "ip6.arpa."]
 */
export function corednsSettings(cluster: ClusterState): CorednsSettings {
  return clusterIndex(cluster).derive(readCorednsSettings);
}

function readCorednsSettings(cluster: ClusterState): CorednsSettings {
  const cm = cluster.configMaps.find(
    (c) => c.metadata.namespace === 'kube-system' && c.metadata.name === 'coredns',
  );
  const text = cm?.data?.Corefile;
  if (text) return parseCorefile(text, cluster.config.dnsDomain);
  return {
    ...parseCorefile(kubeadmCorefile(cluster.config.dnsDomain), cluster.config.dnsDomain),
    source: 'kubeadm-default',
  };
}
