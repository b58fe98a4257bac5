/** Shapes the store holds that come from (or go to) the engine worker. */
import type { ClusterState } from '../engine/cluster/state';
import type { Diagnostic } from '../engine/diagnostics';
import type { Trace } from '../engine/trace';

export type Protocol = 'http1.0' | 'http1.1' | 'keepalive' | 'http2' | 'ping' | 'dns';
export const PROTOCOLS: readonly Protocol[] = ['http1.0', 'http1.1', 'keepalive', 'http2', 'ping', 'dns'];

/** What the request bar holds. */
export interface RequestForm {
  from: string; // "external" | "pod/default/client" | "node/node-1"
  to: string; // "http://web"
  protocol: Protocol;
  count: number; // 1..500
}

export interface GoodBuild {
  revision: number;
  cluster: ClusterState;
}

export type EngineStatus = 'starting' | 'ready' | 'missing' | 'error';

export interface Capabilities {
  build: boolean;
  simulate: boolean;
  console: boolean;
}

export type { ClusterState, Diagnostic, Trace };
