/**
 * kube-proxy's nftables mode as data: the `table ip kube-proxy` its nftables proxier writes
 * (pkg/proxy/nftables/proxier.go), as sets, verdict maps and chains whose rules carry both what the evaluator
 * executes and the line `nft list ruleset` prints.
 *
 * @example
 * rules.nft!.chains.get('services')!.rules[0]!.text; // "ip daddr . meta l4proto . th dport vmap @service-ips"
 */

/** What a rule matches (all must hold). */
export interface NftMatch {
  daddr?: { cidrs: string[]; negate?: boolean }; // ip daddr 172.30.0.41 (ip6 daddr in an ip6 table)
  saddr?: { cidrs: string[]; negate?: boolean }; // ip saddr != 10.0.0.0/8
  daddrSet?: string; // ip daddr @cluster-ips
  saddrSet?: string; // ip saddr @affinity-… (a dynamic set with timeout)
  dport?: { proto: string; port: number }; // tcp dport 80
  /** fib saddr type local */
  fibSaddrLocal?: boolean;
  /** fib daddr type local ip daddr != 127.0.0.0/8 (ip6 daddr != ::1): NodePorts on every local address */
  fibDaddrLocalNotLoopback?: boolean;
  /** ct state new */
  ctNew?: boolean;
  /** meta mark & MASK == 0x00000000 */
  markClear?: number;
}

export type NftVerdict =
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'return' | 'drop' | 'reject' | 'accept' }
  /** `… vmap @map` on ip daddr . meta l4proto . th dport (or meta l4proto . th dport). */
  | { kind: 'vmap'; key: 'daddr.proto.dport' | 'proto.dport'; map: string }
  /** numgen random mod N vmap { 0 : goto A, 1 : goto B } */
  | { kind: 'numgen'; targets: string[] }
  | { kind: 'dnat'; proto: string; to: string }
  | { kind: 'masquerade' }
  | { kind: 'continue' };

export interface NftRule {
  chain: string;
  match: NftMatch;
  /** Statements before the verdict: mark or/xor 0x4000, or `update @set { ip saddr }`. */
  stmt?: { markOr: number } | { markXor: number } | { update: string };
  verdict: NftVerdict;
  comment?: string;
  /** The line `nft list ruleset` prints. */
  text: string;
  service?: string; // "ns1/svc1:p80"
}

export interface NftChain {
  name: string;
  /** Base chains: `type nat hook prerouting priority dstnat; policy accept;`. */
  base?: {
    type: 'filter' | 'nat';
    hook: 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
    priority: number;
  };
  comment?: string;
  rules: NftRule[];
  /** endpoint-… chains: where they DNAT to (for traces). */
  endpoint?: { ip: string; port: number; pod?: string; node?: string };
}

export interface NftElement {
  key: string; // "172.30.0.41 . tcp . 80" (or "172.30.0.41" in a set)
  verdict?: string; // "goto service-ULMVA6XW-ns1/svc1/tcp/p80", "drop"
  comment?: string;
}

export interface NftSet {
  name: string;
  kind: 'set' | 'map';
  type: string; // "ipv4_addr . inet_proto . inet_service : verdict"
  comment?: string;
  flags?: string[]; // ["dynamic", "timeout"]
  timeout?: number; // seconds
  elements: NftElement[];
  /** key → element, for lookups. */
  byKey: Map<string, NftElement>;
}

export type NftObject = { set: NftSet } | { chain: NftChain };

export interface NftTable {
  /** `ip` for the IPv4 proxier's table, `ip6` for the IPv6 proxier's (a dual-stack node has both). */
  family: 'ip' | 'ip6';
  name: 'kube-proxy';
  comment: string;
  /** Every set, map and chain in the order `nft list ruleset` prints them (creation order). */
  objects: NftObject[];
  sets: Map<string, NftSet>;
  chains: Map<string, NftChain>;
}
