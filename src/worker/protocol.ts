/**
 * The messages between the page and the engine worker. Errors are values: every call answers with a
 * Result, never a thrown error, and every build answer carries the revision of the text it was for.
 */
import type { ClusterState } from '../engine/cluster/state';
import type { CommandResult } from '../engine/commands/types';
import type { Diagnostic } from '../engine/diagnostics';
import type { ManifestSource } from '../engine/manifest/parse';
import type { Trace } from '../engine/trace';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; missing?: boolean };

export interface Capabilities {
  build: boolean; // src/engine/workspace.ts or build.ts is present
  simulate: boolean; // src/engine/simulate/simulate.ts is present
  console: boolean; // src/engine/commands/run.ts is present
}

export interface BuildAnswer {
  revision: number;
  /** null when the engine produced no cluster for this text. */
  cluster: ClusterState | null;
  diagnostics: Diagnostic[];
  /** Milliseconds the engine spent building (for the bench's breakdown). */
  buildMs?: number;
}

/** The request bar's fields, as the worker receives them. */
export interface SimRequest {
  from: string; // "external" | "pod/default/client" | "node/node-1"
  to: string; // "http://web"
  protocol: 'http1.0' | 'http1.1' | 'keepalive' | 'http2' | 'ping' | 'dns';
  count: number;
}

export interface SimAnswer {
  revision: number;
  traces: Trace[];
  /** A DNS lookup answers as text (nslookup's output), not as a packet trace. */
  text?: string;
}

export interface EngineApi {
  capabilities(): Promise<Capabilities>;
  /** Rebuilds the cluster from the sources. Answers `{ ok: true, value: null }` when a newer revision
   *  arrived before this one was processed (the caller drops it). */
  update(revision: number, sources: ManifestSource[], seed: number): Promise<Result<BuildAnswer | null>>;
  /** Runs `count` requests against the cluster of the newest revision. */
  simulate(request: SimRequest): Promise<Result<SimAnswer>>;
  /** One console line, as `svclab` would run it. */
  run(line: string): Promise<Result<CommandResult>>;
}

export type { ManifestSource, Trace, CommandResult, ClusterState, Diagnostic };

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}
