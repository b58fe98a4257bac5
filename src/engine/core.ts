/**
 * The engine's first-build face (issue 17, cold load): what the page's worker needs to answer its first
 * build and draw the first graph, and nothing more. The worker loads this part with its own script and
 * the rest of the engine (the command interpreter, the data path's simulate, the lessons and their
 * JMESPath queries) as a second chunk, on the first call that needs it or once the first graph is shown
 * (worker/engine-host.ts). index.ts re-exports all of it: the CLI, the page and the tests import the whole
 * engine from there, unchanged. `npm run lint:deps` keeps this file from reaching the interpreter, the
 * lessons or the data path.
 *
 * @example
 * import { createWorkspace, clusterAt } from '../engine/core';
 * const { cluster, objects } = createWorkspace(1).update([{ file: 'scene.yaml', text }]);
 * clusterAt({ cluster, objects }, 0, 1).cluster; // the cluster at the timeline's start
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
// The libraries that load apart (libraries.ts provides them): which ones a build reached before they had.
export { LibraryMissing, takeWantedLibraries } from './util/library-slot';

// The cluster the build yields, and the objects in it.
export type { ClusterState, ClusterConfig, ObjectKey, ObjectOrigin, ProxyMode } from './cluster/state';
export type * from './k8s/objects';

// The scene's timeline: the cluster at an instant.
export { clusterAt, type ClusterAt, type TimelineEvent } from './timeline';
export { formatDuration, parseDuration } from './manifest/timeline';

// How many requests of one call keep their whole trace (the page's worker caps what it animates by it).
export { FULL_TRACE_LIMIT } from './simulate/request';
