/** Shapes the store holds that come from (or go to) the engine worker. */
import type { ClusterState, Diagnostic, RequestInit, Trace } from '../engine';

export interface GoodBuild {
  revision: number;
  cluster: ClusterState;
}

export type EngineStatus = 'starting' | 'ready' | 'error';

export type { ClusterState, Diagnostic, RequestInit, Trace };
