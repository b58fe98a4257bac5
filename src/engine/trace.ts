/**
 * What `simulate()` returns: a request's path through the cluster as data, hop by hop (never animation;
 * the UI's timeline() turns it into motion). The JSON shape is fixed by docs/cli-contract.md.
 *
 * Explanations and hop notes are message descriptors (architecture principle 15), rendered in the reader's
 * language where they are printed; the CLI's `-o json` prints them as strings with the descriptor beside.
 *
 * @example
 * { outcome: 'delivered', explanation: msg('sim.delivered', { … }), response: { status: 200, body: "You've hit web-…\n" },
 *   backend: { pod: 'default/web-7c9d8-abcde', ip: '10.244.1.5', port: 8080, service: 'default/web' },
 *   sourceSeenByBackend: '10.244.0.0:41234', hops: [ … ] }
 */
import type { Msg } from './messages';

export type Outcome =
  'delivered' | 'refused' | 'timeout' | 'dropped' | 'rejected' | 'dns-failure' | 'unreachable';

export type HopStage =
  | 'client'
  | 'dns'
  | 'cloud-lb'
  | 'node'
  | 'kube-proxy'
  | 'ingress-controller'
  | 'gateway'
  | 'network'
  | 'pod';

export type HopAction = 'send' | 'forward' | 'dnat' | 'snat' | 'deliver' | 'drop' | 'reject' | 'respond';

/**
 * What a hop did to the packet (computed by simulate/rewrites.ts from the packets of consecutive hops):
 * `new` a packet that starts here (the client's first packet, a DNS query, the request after the lookup);
 * `reply` a server answers (source and destination swap: that is not NAT); `proxy` a proxy (ingress
 * controller, Gateway) opens its own connection to the backend; `dnat`, `snat`, `dnat+snat` NAT rewrote
 * the destination, the source or both; `un-nat` conntrack undoes the NAT on the way back; `none` the
 * packet passes unchanged.
 */
export type HopRewrite = 'new' | 'reply' | 'proxy' | 'dnat' | 'snat' | 'dnat+snat' | 'un-nat' | 'none';

export type WireProtocol = 'TCP' | 'UDP' | 'SCTP' | 'ICMP';

/** The packet as it leaves a hop: NAT rewrites show as changes between consecutive hops. */
export interface PacketView {
  src: string; // "203.0.113.10:41234" (or a bare IP for ICMP)
  dst: string; // "10.244.1.5:8080"
  protocol: WireProtocol;
}

/** One choice a load-balancing decision could have made. */
export interface Candidate {
  endpoint: string; // "10.244.1.5:8080"
  probability?: number; // 0.5 (iptables: the chance this request lands here)
  pod?: string; // "default/web-7c9d8-abcde"
  /** IPVS: the scheduler's view of this real server ("weight 1, active 2, inactive 0"). */
  state?: string;
  /** The cloud load balancer: the target's health as its checks see it. */
  health?: Msg;
  node?: string; // "node-2"
  chosen?: boolean;
}

/** An endpoint of the Service that a load-balancing decision could not choose, and why. */
export interface LeftOutCandidate {
  endpoint: string; // "10.244.2.7:8080"
  pod?: string; // "default/web-7c9d8-fghij"
  node?: string; // "node-3"
  /** Not ready, terminating, hinted for another zone or node, not on this node under a Local policy. */
  reason: Msg;
}

/** Where in the generated rules a decision was made, so the UI can highlight the line. */
export interface RuleRef {
  node: string; // "node-1"
  table?: string; // "nat"
  chain?: string; // "KUBE-SVC-XPGD46QRK7WJZT7O"
  index?: number; // 0-based rule index in that chain
  /** The rule is in the node's IPv6 rules (ip6tables-save, `table ip6 kube-proxy`). */
  family?: 'IPv6';
}

/**
 * A Gateway's decision, for the page to light what Envoy used: the Gateway, the listeners that took the
 * request, and the route rule that matched (absent when Envoy answered without one: 404 and the like).
 */
export interface GatewayRef {
  gateway: string; // "Gateway/default/eg"
  listeners: string[]; // ["http"]
  route?: string; // "HTTPRoute/default/shop"
  rule?: number; // 0-based index in the route's spec.rules
  /** The backendRef the weights chose. */
  service?: string; // "Service/default/web-v1"
}

/**
 * An ingress controller's decision, for the page to light what nginx used: the Ingress and the path
 * (or defaultBackend) that matched, and the Service it sends to. Absent when no Ingress matched (the
 * controller's own 404).
 */
export interface IngressRef {
  ingress: string; // "Ingress/default/shop-and-blog"
  field?: string; // "spec.rules[0].http.paths[1]" or "spec.defaultBackend"
  service?: string; // "Service/default/shop-api"
}

export interface Hop {
  stage: HopStage;
  location: string; // "external" | "lb/default/web" | "node/node-1" | "pod/default/web-…"
  action: HopAction;
  packet: PacketView;
  /** The rule or decision that caused this hop, as the user reads it (an iptables line, an IPVS entry…). */
  rule?: string;
  ruleRef?: RuleRef;
  /** Gateway hops: the listener and route rule Envoy used. */
  gatewayRef?: GatewayRef;
  /** Ingress controller hops: the Ingress and path nginx matched. */
  ingressRef?: IngressRef;
  candidates?: Candidate[];
  /** kube-proxy decisions: the Service's endpoints that were not candidates here, each with its reason. */
  leftOut?: LeftOutCandidate[];
  /** kube-proxy decisions: how topology hints (spec.trafficDistribution) shaped the candidates, if at all, or why internalTrafficPolicy Local did not keep them to the node (a NodePort's packet, IPVS's fallback). */
  topology?: Msg;
  /** Why this hop happened, in Kubernetes words. */
  note?: Msg;
  /** The hop crosses a zone boundary (it costs money in real clouds). */
  crossZone?: boolean;
  /** "request" on the way in, "reply" on the way back. */
  direction?: 'request' | 'reply';
  /** The request this hop belongs to when a trace holds several (DNS lookup, then the request). */
  phase?: 'dns' | 'request';
  /** What this hop did to the packet; every hop of a trace simulate() returns has it. */
  rewrite?: HopRewrite;
}

export interface Backend {
  pod: string; // "default/web-7c9d8-abcde"
  ip: string; // "10.244.1.5"
  port: number; // 8080
  service: string | null; // "default/web"
}

export interface HttpResponse {
  status: number; // 200
  body: string; // "You've hit web-7c9d8-abcde\n"
  headers?: Record<string, string>;
}

/** A DNS record as the CLI contract prints it. */
export interface DnsRecordView {
  name: string; // "db.default.svc.cluster.local."
  ttl: number; // 30
  type: string; // "A"
  data: string; // "10.96.0.42"
}

/**
 * A name lookup's result, in the shape of the CLI contract's `dig -o json`: the rcode (or TIMEOUT /
 * CONNREFUSED when no server answered), the names tried in search-path order up to the one that
 * answered, the answer and additional sections, the server asked.
 */
export interface LookupView {
  rcode: string; // "NOERROR"
  queries: string[]; // ["db.default.svc.cluster.local."]
  answer: DnsRecordView[];
  additional: DnsRecordView[];
  server: string; // "10.96.0.10"
  /** What nslookup printed, for a DNS lookup from the request bar. */
  output?: string;
}

/** A request as a backend saw it: a header received more than once is one entry with an array value. */
export interface SeenHttpRequest {
  method: string; // "GET"
  path: string; // "/api/orders?x=1"
  host: string; // "shop.example.com"
  headers: Record<string, string | string[]>;
}

/** A certificate as curl -v describes it ("Server certificate:" and "Certificate level N:" lines). */
export interface TlsCertificateView {
  subject: string; // "CN=shop.example.com"
  issuer: string;
  notBefore: string; // "Dec  5 22:32:58 2026 GMT"
  notAfter: string;
  keyDescription?: string; // "EC/prime256v1 (256/128 Bits/secBits)"
  signatureAlgorithm: string; // "ecdsa-with-SHA256"
}

/** The client's TLS handshake with the server that terminated TLS (Envoy, ingress-nginx). */
export interface TlsView {
  /** The name sent as SNI (none for an IP address). */
  sni?: string;
  /** ALPN protocols curl offered ("h2", "http/1.1") and the one the server accepted. */
  alpnOffered: string[];
  alpn?: string;
  /**
   * How it ended: `ok`; `closed` (the server closed before answering the ClientHello: no filter chain for
   * the SNI); `untrusted` (curl refused the certificate).
   */
  end: 'ok' | 'closed' | 'untrusted';
  /** The chain the server sent, leaf first (absent when it closed). */
  chain?: TlsCertificateView[];
  /** What the peer signed the handshake with ("id-ecPublicKey", "RSASSA-PSS"). */
  peerSignatureType?: string;
  /** OpenSSL's verify result (code 0: ok; 18: self-signed certificate; …). */
  verify?: { code: number; text: string };
  /** Whether curl checked the peer (no -k). */
  verifyPeer: boolean;
}

export interface Trace {
  outcome: Outcome;
  /** One or two sentences a student can read: why the request ended this way. */
  explanation: Msg;
  response: HttpResponse | null;
  backend: Backend | null;
  sourceSeenByBackend: string | null; // "10.244.0.0:41234"
  hops: Hop[];
  /**
   * Optional (data plane): a failure the client reports although bytes came back, e.g. a TLS handshake
   * that failed: curl prints `message` (curl's own words) and exits with `curlExitCode`.
   */
  clientError?: { curlExitCode: number; message: string }; // { 60, "curl: (60) SSL certificate problem: …" }
  /**
   * The HTTP request as the answering pod received it, after every proxy and filter on the way (a
   * Gateway's Envoy); null when no pod answered. Absent where svclab does not model it yet.
   */
  requestSeenByBackend?: SeenHttpRequest | null;
  /** The TLS handshake of an https:// request, where svclab models the server's TLS (a Gateway's Envoy). */
  tls?: TlsView;
  /**
   * The name lookup: on a DNS lookup (protocol DNS), on a request whose lookup failed, and on one sent
   * with `keepLookup` (telnet's connection).
   */
  lookup?: LookupView;
}
