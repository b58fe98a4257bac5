/**
 * kube-proxy's per-node rules as DATA, and the contract of the evaluator that walks them.
 *
 * Architecture principle 3: the data path executes the rules it shows. Every iptables rule carries both its
 * structured matches/target (what the evaluator executes) and its `text` exactly as `iptables-save` prints it
 * (what the student reads); both are produced from one argument list (see `rule.ts`), so they cannot disagree.
 *
 * @example
 * const rules = buildNodeRules(cluster, 'node-1');
 * const v = evaluate(rules, { src: '10.244.1.3', srcPort: 40000, dst: '10.96.0.10', dstPort: 53,
 *   protocol: 'UDP', hook: 'PREROUTING' }, createProxyState(), createRng(1), 0);
 * v.action; // "dnat"
 * v.decidingRule?.text; // "-A KUBE-SEP-… -m udp -p udp -j DNAT --to-destination 10.244.0.2:53"
 */
import type { ProxyMode } from '../../cluster/state';
import type { Candidate } from '../../trace';
import type { NftTable } from '../nftables/types';
import type { ProxyMemo } from './memo';

// ── iptables rules ───────────────────────────────────────────────────────────────────────────────

export type TableName = 'nat' | 'filter';

/** `-s`/`-d` with optional `!`. */
export interface AddrMatch {
  cidr: string; // "10.96.0.10/32" (kube-proxy writes bare IPs; iptables-save prints /32: we keep kube-proxy's text)
  negate?: boolean;
}

/** The matches a rule applies, all of which must hold (iptables ANDs them). */
export interface RuleMatch {
  comment?: string; // "ns1/svc1:p80 cluster IP"
  src?: AddrMatch;
  dst?: AddrMatch;
  protocol?: 'tcp' | 'udp' | 'sctp';
  dport?: number; // 80
  /** `-m multiport --destination-ports 8080,8081` (the CNI portmap plugin's entry rules). */
  dports?: number[]; // [8080, 8081]
  /** `-m addrtype --src-type LOCAL` (`!` negates). */
  srcType?: { type: 'LOCAL'; negate?: boolean };
  /** `-m addrtype --dst-type LOCAL` (`!` negates). */
  dstType?: { type: 'LOCAL'; negate?: boolean };
  /** `-m mark --mark 0x4000/0x4000` (`!` negates). */
  mark?: { value: number; mask: number; negate?: boolean };
  /** `-m conntrack --ctstate NEW` or `! --ctstate RELATED,ESTABLISHED,DNAT`. */
  ctstate?: { states: string[]; negate?: boolean };
  /** `-m statistic --mode random --probability 0.3333333333`: the number parsed back from the printed text. */
  probability?: number;
  /** `-m recent --name KUBE-SEP-X --rcheck --seconds 10800 --reap` or `--set`. Lists are keyed by source IP. */
  recent?: { name: string; op: 'rcheck' | 'set'; seconds?: number; reap?: boolean };
  /** IPVS mode: `-m set --match-set KUBE-CLUSTER-IP dst,dst` (`!` negates). */
  set?: { name: string; flags: string; negate?: boolean };
  /** `-m physdev --physdev-is-in`: the packet entered through a bridge port (from a pod on a bridge CNI). */
  physdevIsIn?: { negate?: boolean };
  /** `-m nfacct --nfacct-name localhost_nps_accepted_pkts` (counts only; always matches). */
  nfacct?: string;
}

export type RuleTarget =
  | { kind: 'jump'; chain: string } // -j KUBE-SVC-XPGD46QRK7WJZT7O
  | { kind: 'DNAT'; toDestination: string } // -j DNAT --to-destination 10.180.0.1:80
  /** `--set-xmark V/M` clears the bits of M and then XORs V (mask defaults to 0xffffffff). */
  | { kind: 'MARK'; op: 'or' | 'xor' | 'set'; value: number; mask?: number } // -j MARK --or-mark 0x4000
  | { kind: 'MASQUERADE'; randomFully?: boolean }
  | { kind: 'RETURN' }
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'REJECT' }
  /** A comment-only rule (kube-proxy's "other traffic … will be dropped by KUBE-PROXY-FIREWALL"). */
  | { kind: 'none' };

/** Read-only: rules may compute `match`, `target` and `text` on first access from one argument list. */
export interface Rule {
  chain: string; // "KUBE-SERVICES"
  match: RuleMatch;
  target: RuleTarget;
  /**
   * The line exactly as `iptables-save` prints it on a real node (the kernel's normal form, see shared/rule-save.ts):
   * `-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "…" -m udp --dport 53 -j KUBE-SVC-…`.
   */
  text: string;
  /** The line as kube-proxy writes it for iptables-restore (its own argument order, as in proxier_test.go). */
  restoreText: string;
  /** The Service port this rule belongs to ("ns1/svc1:p80"), for traces and incremental updates. */
  service?: string;
}

export interface Chain {
  name: string; // "KUBE-SVC-XPGD46QRK7WJZT7O"
  builtin: boolean; // PREROUTING, OUTPUT, … (printed with their policy, `:PREROUTING ACCEPT [0:0]`)
  rules: Rule[];
  /**
   * Optional lookup for long chains (KUBE-SERVICES, KUBE-NODEPORTS…): rules whose matches pin an exact
   * destination ip/port/protocol are listed under `"ip|port|proto"` (ip "*" for port-only rules);
   * `generic` holds every other rule index. Walking the sorted union of the bucket and `generic` visits
   * exactly the rules that could match, in chain order; nothing is decided by the index itself.
   */
  index?: ChainIndex;
  /** KUBE-SEP chains: the endpoint this chain DNATs to (for traces: pod and node names). */
  endpoint?: { ip: string; port: number; pod?: string; node?: string };
  /**
   * Policy chains (KUBE-SVC/SVL): the candidates a walk through them read off, by "chosen SEP|affinity
   * list" (made on first use; the requests of a --count read the same ones).
   */
  candidates?: Map<string, Candidate[]>;
}

export interface ChainIndex {
  byDest: Map<string, number[]>; // "10.96.0.10|53|udp" → [3, 4]
  generic: number[];
  /**
   * The exact addresses byDest names (any port) with how many buckets name each, built on first use:
   * "is this a Service IP?".
   */
  ips?: Map<string, number>;
  /** candidateRules' answers by "dst|dport|proto", made on first use (a --count asks the same one each time). */
  merged?: Map<string, number[]>;
}

export interface IptablesTable {
  name: TableName;
  /** The built-in and top-level chains (PREROUTING…, KUBE-SERVICES, KUBE-POSTROUTING…), in creation order. */
  chains: Chain[];
  /** Every chain by name, including the per-Service KUBE-SVC/SVL/EXT/FW/SEP chains. */
  byName: Map<string, Chain>;
}

// ── IPVS ─────────────────────────────────────────────────────────────────────────────────────────

export interface IpvsRealServer {
  ip: string; // "10.244.1.5"
  port: number; // 8080
  weight: number; // 1 (kube-proxy always writes 1)
  pod?: string; // "default/web-7c9d8-abcde"
  node?: string; // "node-2"
}

export interface IpvsVirtualServer {
  /** "TCP 10.96.0.10:53" style key: `${protocol} ${address}:${port}` ("TCP [fd00:10:96::a]:53" for IPv6). */
  key: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  address: string; // "10.96.0.10"
  port: number; // 53
  scheduler: string; // "rr"
  /** Seconds of persistence (`-p`), set for sessionAffinity ClientIP. */
  persistent?: number; // 10800
  /** ipvsadm flags kube-proxy sets (mh: "mh-port"). */
  flags: string[];
  realServers: IpvsRealServer[];
  service: string; // "ns1/svc1:p80"
  /** What kind of address this is, for traces: "cluster IP", "node port", "external IP", "load balancer IP". */
  kind: 'clusterIP' | 'nodePort' | 'externalIP' | 'loadBalancer';
}

export interface IpSet {
  name: string; // "KUBE-CLUSTER-IP" ("KUBE-6-CLUSTER-IP" for the IPv6 proxier)
  /** The set's address family (ipset's `family inet6`); absent: inet. */
  family?: 'IPv6';
  type: string; // "hash:ip,port"
  comment: string; // "Kubernetes service cluster ip + port for masquerade purpose"
  entries: string[]; // ["10.96.0.10,udp:53"]
  /**
   * Membership of `entries`, handed over by the builder (which counts them anyway), so a lookup in a
   * 10,000-entry set builds nothing; without it a lookup scans `entries`.
   */
  index?: { has(entry: string): boolean };
}

export interface IpvsRules {
  virtualServers: IpvsVirtualServer[];
  byKey: Map<string, IpvsVirtualServer>;
  ipsets: IpSet[];
}

// ── per-node rules ───────────────────────────────────────────────────────────────────────────────

export interface NodeRules {
  node: string; // "node-1"
  mode: ProxyMode;
  /** The node's own addresses: what `-m addrtype --dst-type LOCAL` matches (plus 127.0.0.0/8). */
  nodeIPs: string[]; // ["192.168.49.2"]
  nat: IptablesTable;
  filter: IptablesTable;
  /** Present in IPVS mode. */
  ipvs?: IpvsRules;
  /** Present in nftables mode: the ruleset text `nft list ruleset` prints. */
  nftText?: string;
  /** Present in nftables mode: kube-proxy's `table ip kube-proxy` as data (what the evaluator walks). */
  nft?: NftTable;
  /**
   * Addresses `-m addrtype LOCAL` matches besides the node IPs and 127.0.0.0/8 (IPVS binds every Service
   * address to the kube-ipvs0 dummy interface, so they are local there). Sorted (the KUBE-IPVS-IPS members).
   */
  extraLocalAddresses?: string[];
  /** Membership of `extraLocalAddresses`, handed over by the builder (a 10,000-Service node has as many). */
  extraLocalIndex?: { has(ip: string): boolean };
  /** The pod network (kube-proxy's cluster CIDR): packets from it entered through the pod bridge. */
  clusterCIDR?: string;
  /** Total endpoints seen when generating: above 1000 kube-proxy drops SVC/SEP comments. */
  largeClusterMode: boolean;
  /**
   * The node's IPv6 proxier's rules (kube-proxy runs one proxier per family on a dual-stack node: the
   * rules ip6tables-save prints), made on first use; absent where svclab does not run one (see
   * proxy/index.ts). Its own `ip6` is absent.
   */
  readonly ip6?: NodeRules;
  /** The family of the proxier these rules are from (absent: IPv4). */
  family?: 'IPv6';
  /**
   * kube-proxy is not running on the node (its configuration failed validation: this is its startup
   * error): no kube-proxy rule at all, only other programs' (kubelet's canaries, the CNI portmap plugin).
   */
  kubeProxyDown?: string;
  /**
   * What `updateNodeRules` starts from (per Service port, the chains and rules it contributed; each mode
   * adds its own fields) and the memo the rules were made with.
   */
  cache?: { readonly memo: ProxyMemo };
  /**
   * The outcomes of walks through these rules that read no state (no `-m statistic` draw, no `-m recent`
   * list), by top-level chain and packet (iptables/walk-memo.ts): made on first use, dropped by
   * `updateNodeRules` (the rules change in place).
   */
  walks?: WalkMemo;
}

/** One chain's recorded walks: by source, destination, then port, protocol, state and mark in one number. */
export type WalksBySource = Map<string, Map<string, Map<number, WalkMemoEntry>>>;

/** Recorded walks per table and top-level chain. */
export interface WalkMemo {
  nat: Map<string, WalksBySource>;
  filter: Map<string, WalksBySource>;
  /** Records kept (bounded). */
  size: number;
}

/** A rule a walk went through (a verdict's steps). */
export interface RuleStep {
  table: TableName | 'ipvs' | 'nft';
  chain: string; // "KUBE-SERVICES"
  index: number; // 0-based rule index in that chain
  text: string; // the rule as iptables-save prints it (or the ipvsadm line, or the nft list ruleset line)
  /** The rule is the IPv6 proxier's (ip6tables-save, `table ip6 kube-proxy`). */
  family?: 'IPv6';
}

/** One memoised top-level chain walk: what it did to the walk, to be done again on the same packet. */
export interface WalkMemoEntry {
  outcome: 'continue' | 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT' | 'MASQUERADE';
  /** The rules that matched, in order. */
  steps: RuleStep[];
  /** The packet after the chain (only DNAT and MARK change it). */
  dst: string;
  dstPort: number;
  mark: number;
  dnat: boolean;
  /** Set when the chain set them. */
  decisive?: RuleStep;
  masqStep?: RuleStep;
  policy?: { chain: string; sep: string };
}

/** How a node's rules are made. */
export interface BuildOptions {
  /** iptables supports `MASQUERADE --random-fully` (true on any current node; kube-proxy's unit-test fake says false). */
  randomFully?: boolean;
  /**
   * Where derived values shared by the nodes of one cluster state are kept (the simulation world's memo);
   * without one, each build makes its own and shares nothing.
   */
  memo?: ProxyMemo;
}
