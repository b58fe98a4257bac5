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

import { buildCluster as coreBuildCluster, createWorkspace as coreCreateWorkspace } from './core';
import { provideLibraries } from './libraries';

// Building a cluster from YAML, the cluster and its objects, the scene's timeline: the first build's part
// (core.ts), which the page's worker loads before the rest.
export * from './core';
// …with every library the engine loads apart (libraries.ts, issue 17) in place: the CLI, the scripts
// and anything else that builds through this face get the whole engine. The worker builds with core.ts
// and provides the libraries itself (worker/engine-host.ts).
export { provideLibraries } from './libraries';
/** core.ts's buildCluster, with the libraries provided first. */
export const buildCluster: typeof coreBuildCluster = (...args) => {
  provideLibraries();
  return coreBuildCluster(...args);
};
/** core.ts's createWorkspace, with the libraries provided first. */
export const createWorkspace: typeof coreCreateWorkspace = (...args) => {
  provideLibraries();
  return coreCreateWorkspace(...args);
};

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
