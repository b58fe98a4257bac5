/**
 * The engine's one public face (architecture principle 13): what the worker, the CLI and the page call.
 * They import from here and nowhere deeper, so the type checker and a reader of the imports both see
 * every way into the engine; tests may import internals. Everything here is pure and deterministic.
 *
 * @example
 * import { createWorkspace, createWorld, request, simulate, runCommand } from '../engine';
 * const ws = createWorkspace(1);
 * const { cluster, diagnostics } = ws.update([{ file: 'scene.yaml', text }]);
 * const world = createWorld(1);
 * simulate(cluster, world, request({ from: 'pod/default/client', target: 'http://web' })).outcome; // "delivered"
 * runCommand('get svc', { cluster, world, diagnostics, json: false, lang: 'en' }).stdout; // kubectl's table
 */

// Building a cluster from YAML: once (the CLI) or incrementally after every edit (the page's worker).
export { buildCluster, type BuildOptions, type BuildResult } from './build';
export { createWorkspace, type Workspace, type WorkspaceStats } from './workspace';
export type { ManifestSource } from './manifest/parse';
// A file the page opens: refused by the reader's limits, or a `kubectl get -o yaml` dump made re-appliable.
export {
  readManifestFile,
  REMOVABLE_FIELDS,
  type ImportedFile,
  type RemovableField,
} from './manifest/import-file';
export type { Diagnostic, DiagnosticSource, Severity } from './diagnostics';

// The cluster the build yields, and the objects in it.
export type { ClusterState, ClusterConfig, ObjectKey, ObjectOrigin, ProxyMode } from './cluster/state';
export type * from './k8s/objects';

// Look-ups over one cluster state, shared by the engine and the page's translators (principle 14): slices
// by Service, pods by IP, address owners, node zones, system or user object, readiness. The page builds
// the index of the slimmer copy the worker sends (origins, labels and conditions travel with it).
export {
  clusterIndex,
  nsName,
  type ClusterIndex,
  type IpOwner,
  type NodeInfo,
} from './cluster/cluster-index';
export { isPodReady } from './k8s/pod';
export { SERVICE_NAME_LABEL, ZONE_LABEL } from './k8s/labels';
export { isIngressControllerPod } from './ingress';
export { ingressSummary, type IngressPathSummary, type IngressSummary } from './ingress/summary';
export {
  gatewaySummary,
  type GatewayListenerSummary,
  type GatewayRouteSummary,
  type GatewaySummary,
} from './gateway/summary';

// Sending requests: the one request type, its builder, and the traces simulate() returns.
export { createWorld, type SimWorld } from './world';
export { clusterAt, type ClusterAt, type TimelineEvent } from './timeline';
export { formatDuration, parseDuration } from './manifest/timeline';
export { simulate, simulateMany } from './simulate/simulate';
export {
  distribution,
  fitMessage,
  type Distribution,
  type Fit,
  type Histogram,
  type ShareRow,
} from './simulate/distribution';
export {
  FULL_TRACE_LIMIT,
  request,
  type Request,
  type RequestInit,
  type RequestProtocol,
} from './simulate/request';
export type * from './trace';

// The command interpreter shared by the CLI and the in-page console.
export { helpText, runCommand } from './commands/run';
export { escapeTerminal } from './commands/escape';
export { validateCommand } from './commands/validate';
export type { CommandEnv, CommandResult, UrlDistribution } from './commands/types';

// Lessons and challenges (lessons.md): the format, its decoder, the checker and the validator.
export * from './lessons';

// How the engine explains: message descriptors, rendered where text is shown.
export { msg, isMsg, isLang, render, renderText, LANGS, type Lang, type Msg, type MsgId } from './messages';
// `-o json`'s rendering of descriptors (a trace exported from the page is what `curl -o json` prints).
export { localizeJson } from './messages/json';
