/**
 * hostPort, as the CNI portmap plugin does it (containernetworking/plugins plugins/meta/portmap,
 * portmap_iptables.go, with kubelet handing the pod's `ports[].hostPort` to the runtime as portMappings).
 * Not kube-proxy: the plugin runs once per pod sandbox on the pod's own node, so only that node gets rules.
 * On that node's nat table:
 *
 *   PREROUTING, OUTPUT  -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT   (appended: after kube-proxy's
 *                       KUBE-SERVICES jump, which kube-proxy inserts at the top; the plugin's own comment:
 *                       "without moving CNI-HOSTPORT-DNAT ahead of Kubernetes service rules")
 *   CNI-HOSTPORT-DNAT   -m comment --comment "dnat name: \"cbr0\" id: \"<sandbox id>\"" -m multiport -p tcp
 *                       --destination-ports 8080 -j CNI-DN-<hash>            (prepended: newest pod first)
 *   CNI-DN-<hash>       -p tcp --dport 8080 -s <pod network> -j CNI-HOSTPORT-SETMARK   (hairpin)
 *                       -p tcp --dport 8080 -s 127.0.0.1 -j CNI-HOSTPORT-SETMARK       (localhost)
 *                       -p tcp --dport 8080 -j DNAT --to-destination <podIP>:<containerPort>
 *   CNI-HOSTPORT-SETMARK -m comment --comment "CNI portfwd masquerade mark" -j MARK --set-xmark 0x2000/0x2000
 *   POSTROUTING         -m comment --comment "CNI portfwd requiring masquerade" -j CNI-HOSTPORT-MASQ (prepended)
 *   CNI-HOSTPORT-MASQ   -m mark --mark 0x2000/0x2000 -j MASQUERADE
 *
 * Chain names: "CNI-DN-" + hex(sha512(network name + container id)), cut to 28 characters
 * (pkg/utils MustFormatChainNameWithPrefix). The network name is "cbr0" (flannel's CNI config); the
 * container id is the pod sandbox's 64-hex id, which svclab derives from the pod's namespace, name and uid.
 * The mark bit is the plugin's default 13 (0x2000; "Kubernetes uses 14 and 15").
 *
 * hostNetwork pods get no portmap rules: they have no sandbox network, their ports are the node's.
 *
 * @example
 * dnatChainName('testNetName', id); // "CNI-DN-bfd599665540dd91d5d28" (portmap_iptables_test.go)
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { sandboxID } from '../../cluster/sandbox';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ClusterState } from '../../cluster/state';
import type { Pod } from '../../k8s/objects';
import { inCidr } from '../../net/ip';
import { createProxyMemo, memoized, memoTable, type ProxyMemo } from './memo';
import { makeRule } from './rule';
import type { Chain, IptablesTable, NodeRules, Rule } from './types';

export const PORTMAP_NETWORK = 'cbr0';
export const TOP_DNAT_CHAIN = 'CNI-HOSTPORT-DNAT';
export const SETMARK_CHAIN = 'CNI-HOSTPORT-SETMARK';
export const MASQ_CHAIN = 'CNI-HOSTPORT-MASQ';
/** 1 << DefaultMarkBit (13). */
export const PORTMAP_MARK = '0x2000';

export interface PortMapping {
  hostPort: number; // 8080
  containerPort: number; // 80
  protocol: 'tcp' | 'udp' | 'sctp';
  hostIP?: string; // "10.0.0.11" (rules then match -d hostIP)
}

/** One pod's sandbox as the portmap plugin saw it at CNI ADD. */
export interface PortmapSandbox {
  pod: string; // "default/web"
  node: string; // "node-1"
  ip: string; // "10.244.1.5"
  containerID: string; // 64 hex
  chain: string; // "CNI-DN-…"
  /** The pod's interface network (portmap's containerNet), what the hairpin rule matches. */
  masqCIDR: string; // "10.244.1.0/24"
  mappings: PortMapping[];
}

// The sandbox's id is the cluster's (the kubelet's FailedCreatePodSandBox events name it too).
export { sandboxID };

/**
 * The per-container chain's name (utils.MustFormatChainNameWithPrefix(netName, containerID, "DN-")).
 *
 * @example dnatChainName('test', id); // "CNI-DN-67e92b96e692a494b6b85" for the upstream test's id
 */
export function dnatChainName(netName: string, containerID: string): string {
  return `CNI-DN-${bytesToHex(sha512(utf8ToBytes(netName + containerID)))}`.slice(0, 28);
}

function mappingsOf(pod: Pod): PortMapping[] {
  const out: PortMapping[] = [];
  for (const c of pod.spec.containers ?? [])
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      const hostIP = p.hostIP && p.hostIP !== '0.0.0.0' && p.hostIP !== '::' ? p.hostIP : undefined;
      out.push({
        hostPort: p.hostPort,
        containerPort: p.containerPort,
        protocol: (p.protocol ?? 'TCP').toLowerCase() as PortMapping['protocol'],
        ...(hostIP ? { hostIP } : {}),
      });
    }
  return out;
}

const SANDBOXES = memoTable<ClusterState, Map<string, PortmapSandbox[]>>('portmap sandboxes');

/**
 * The sandboxes with hostPorts on each node, newest pod first (the order of CNI-HOSTPORT-DNAT). All nodes'
 * are found in one pass over the pods, kept in `memo` for the other nodes.
 *
 * @example portmapSandboxes(cluster, 'node-1').map((s) => s.pod); // ["default/web"]
 */
export function portmapSandboxes(
  cluster: ClusterState,
  node: string,
  memo: ProxyMemo = createProxyMemo(),
): PortmapSandbox[] {
  return memoized(memo, SANDBOXES, cluster, () => sandboxesByNode(cluster)).get(node) ?? [];
}

function sandboxesByNode(cluster: ClusterState): Map<string, PortmapSandbox[]> {
  const byNode = new Map<string, PortmapSandbox[]>();
  for (const pod of cluster.pods) {
    const ip = pod.status?.podIP;
    const on = pod.spec.nodeName;
    const phase = pod.status?.phase;
    if (!ip || !on || pod.spec.hostNetwork || phase === 'Succeeded' || phase === 'Failed') continue;
    const mappings = mappingsOf(pod);
    if (mappings.length === 0) continue;
    const n = cluster.nodes.find((x) => x.metadata.name === on);
    const cidr = n?.spec?.podCIDR && inCidr(ip, n.spec.podCIDR) ? n.spec.podCIDR : `${ip}/32`;
    const containerID = sandboxID(pod);
    const list = byNode.get(on) ?? [];
    list.unshift({
      pod: `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`,
      node: on,
      ip,
      containerID,
      chain: dnatChainName(PORTMAP_NETWORK, containerID),
      masqCIDR: cidr,
      mappings,
    });
    byNode.set(on, list);
  }
  return byNode;
}

/** multiport takes at most 15 ports per rule (splitPortList). */
function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The chains and entry rules of one node (fillDnatRules, genSetMarkChain, genMarkMasqChain). */
export function portmapChains(list: PortmapSandbox[]): {
  chains: Chain[];
  prerouting: Rule[];
  output: Rule[];
  postrouting: Rule[];
} {
  if (list.length === 0) return { chains: [], prerouting: [], output: [], postrouting: [] };
  const top: Rule[] = [];
  const chains: Chain[] = [];
  for (const s of list) {
    const comment = `dnat name: "${PORTMAP_NETWORK}" id: "${s.containerID}"`;
    const byProto = new Map<string, number[]>();
    for (const m of s.mappings) byProto.set(m.protocol, [...(byProto.get(m.protocol) ?? []), m.hostPort]);
    for (const proto of [...byProto.keys()].sort())
      for (const ports of chunks(byProto.get(proto)!, 15))
        top.push(
          makeRule(TOP_DNAT_CHAIN, [
            ...['-m', 'comment', '--comment', comment, '-m', 'multiport', '-p', proto],
            ...['--destination-ports', ports.join(','), '-j', s.chain],
          ]),
        );
    const rules: Rule[] = [];
    for (const m of s.mappings) {
      const base = ['-p', m.protocol, '--dport', String(m.hostPort), ...(m.hostIP ? ['-d', m.hostIP] : [])];
      rules.push(makeRule(s.chain, [...base, '-s', s.masqCIDR, '-j', SETMARK_CHAIN]));
      rules.push(makeRule(s.chain, [...base, '-s', '127.0.0.1', '-j', SETMARK_CHAIN]));
      rules.push(
        makeRule(s.chain, [...base, '-j', 'DNAT', '--to-destination', `${s.ip}:${m.containerPort}`]),
      );
    }
    const first = s.mappings[0]!;
    chains.push({
      name: s.chain,
      builtin: false,
      rules,
      endpoint: { ip: s.ip, port: first.containerPort, pod: s.pod, node: s.node },
    });
  }
  const mark = `${PORTMAP_MARK}/${PORTMAP_MARK}`;
  chains.unshift(
    { name: TOP_DNAT_CHAIN, builtin: false, rules: top },
    {
      name: SETMARK_CHAIN,
      builtin: false,
      rules: [
        makeRule(SETMARK_CHAIN, [
          ...['-m', 'comment', '--comment', 'CNI portfwd masquerade mark'],
          ...['-j', 'MARK', '--set-xmark', mark],
        ]),
      ],
    },
    {
      name: MASQ_CHAIN,
      builtin: false,
      rules: [makeRule(MASQ_CHAIN, ['-m', 'mark', '--mark', mark, '-j', 'MASQUERADE'])],
    },
  );
  const entry = (chain: string): Rule =>
    makeRule(chain, ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', TOP_DNAT_CHAIN]);
  return {
    chains,
    prerouting: [entry('PREROUTING')],
    output: [entry('OUTPUT')],
    postrouting: [
      makeRule('POSTROUTING', [
        '-m',
        'comment',
        '--comment',
        'CNI portfwd requiring masquerade',
        '-j',
        MASQ_CHAIN,
      ]),
    ],
  };
}

const isCni = (name: string): boolean => name.startsWith('CNI-');

/**
 * Whether the node's nat table holds the portmap plugin's chains.
 *
 * @example hasPortmap(rules); // true on the node of a hostPort pod
 */
export function hasPortmap(rules: NodeRules): boolean {
  return rules.nat.byName.has(TOP_DNAT_CHAIN);
}

function builtin(t: IptablesTable, name: string): Chain {
  const c = t.byName.get(name);
  if (c) return c;
  const fresh: Chain = { name, builtin: true, rules: [] };
  t.chains.push(fresh);
  t.byName.set(name, fresh);
  return fresh;
}

/** Replaces a built-in chain by a copy with the given rules (chain objects may be shared or indexed). */
function setBuiltin(t: IptablesTable, name: string, rules: Rule[]): void {
  const old = builtin(t, name);
  const fresh: Chain = { name, builtin: true, rules };
  t.byName.set(name, fresh);
  const i = t.chains.indexOf(old);
  if (i >= 0) t.chains[i] = fresh;
}

/**
 * Puts the portmap plugin's chains for the node's hostPort pods into its nat table, replacing any it had
 * (so an incremental update that kept the previous tables ends up as a full build would).
 *
 * @example
 * applyPortmap(rules, cluster); rules.nat.byName.has('CNI-HOSTPORT-DNAT'); // true when a hostPort pod runs here
 */
export function applyPortmap(rules: NodeRules, cluster: ClusterState, memo: ProxyMemo): void {
  const nat = rules.nat;
  const hadCni = nat.chains.some((c) => isCni(c.name));
  const pm = portmapChains(portmapSandboxes(cluster, rules.node, memo));
  if (!hadCni && pm.chains.length === 0) return;
  for (const c of nat.chains.filter((x) => isCni(x.name))) nat.byName.delete(c.name);
  nat.chains = nat.chains.filter((x) => !isCni(x.name));
  const strip = (name: string): Rule[] =>
    (nat.byName.get(name)?.rules ?? []).filter((r) => r.target.kind !== 'jump' || !isCni(r.target.chain));
  if (pm.chains.length === 0) {
    for (const name of ['PREROUTING', 'OUTPUT', 'POSTROUTING'])
      if (nat.byName.has(name)) setBuiltin(nat, name, strip(name));
    return;
  }
  for (const name of ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']) builtin(nat, name);
  setBuiltin(nat, 'PREROUTING', [...strip('PREROUTING'), ...pm.prerouting]);
  setBuiltin(nat, 'OUTPUT', [...strip('OUTPUT'), ...pm.output]);
  setBuiltin(nat, 'POSTROUTING', [...pm.postrouting, ...strip('POSTROUTING')]);
  for (const c of pm.chains) {
    nat.chains.push(c);
    nat.byName.set(c.name, c);
  }
}
