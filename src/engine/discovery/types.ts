/**
 * Types shared by discovery's modules (kept here so that the modules that fill them and the ones that
 * read them need not import each other).
 */
import type { Pod } from '../k8s/objects';
import type { Msg } from '../messages';
import type { DnsTransport } from './dns-transport';
import type { DnsRecord, Rcode } from './records';

/** Where a variable came from. */
export type EnvSource =
  | { kind: 'container'; detail: string } // "env[2]" or "envFrom[0] configMapRef app-config"
  | { kind: 'service'; service: string } // "default/db"
  | { kind: 'runtime'; detail: string }; // PATH / HOSTNAME / HOME set by the container runtime

export interface PodEnvVar {
  name: string; // "DB_SERVICE_HOST"
  value: string; // "10.96.0.42"
  source: EnvSource;
}

export interface LookupFrom {
  pod?: Pod;
  node?: string; // "node-1"
  external?: boolean;
}

export interface LookupOptions {
  /** Carries each query (the data path). */
  transport: DnsTransport;
  /** getaddrinfo (curl, ping: /etc/hosts, glibc search), nslookup, or dig (no search unless `search`). */
  tool?: 'getaddrinfo' | 'nslookup' | 'dig';
  /** dig +search. */
  search?: boolean;
  /** A server named on the command line (`nslookup NAME SERVER`, `dig @SERVER`). */
  server?: string;
  /** BIND's tries and per-try timeout from the command line (`dig +tries=N +time=T`, `nslookup -retry=N`). */
  tries?: number;
  timeout?: number;
  /** dig +tcp. */
  tcp?: boolean;
}

/** The final status of a lookup: the server's rcode, or why no server answered. */
export type LookupRcode = Rcode | 'TIMEOUT' | 'CONNREFUSED';

export interface LookupResult {
  /** NOERROR/NXDOMAIN/… of the final answer; TIMEOUT when no server answered, CONNREFUSED when every try was refused. */
  rcode: LookupRcode;
  /** The names sent, in order, up to the one that answered (CLI contract). */
  queries: string[];
  /** Each query's own rcode, in the same order. */
  tried: { name: string; rcode: LookupRcode }[];
  answer: DnsRecord[];
  additional: DnsRecord[];
  authority: DnsRecord[];
  server: string; // "10.96.0.10"
  authoritative: boolean;
  /** Where the answer came from: /etc/hosts, the cluster DNS, or the upstream (node/Internet) resolver. */
  source: 'hosts' | 'cluster-dns' | 'upstream' | 'none';
  /** Why no server answered, when rcode is TIMEOUT or CONNREFUSED. */
  unreachable?: Msg;
  /** Each try that got no answer, in order, as BIND prints them (";; communications error to …"). */
  commErrors: { server: string; error: 'timed out' | 'connection refused' }[];
  /** Simulated seconds spent waiting for answers that never came. */
  seconds: number;
  explanation: Msg;
}
