/**
 * Finds the engine's entry points at build time. The engine is built by other hands in parallel, so a
 * module may not exist yet: `import.meta.glob` resolves to an empty record then, and the playground says
 * which part is missing instead of inventing output. Once a file lands, the next build picks it up.
 */
import type { ClusterState } from '../engine/cluster/state';
import type { CommandEnv, CommandResult } from '../engine/commands/types';
import type { Diagnostic } from '../engine/diagnostics';
import type { ManifestSource } from '../engine/manifest/parse';
import type { Trace } from '../engine/trace';
import type { SimWorld } from '../engine/world';

export interface BuildResultLike {
  cluster: ClusterState;
  diagnostics: Diagnostic[];
}
export interface WorkspaceLike {
  update(sources: ManifestSource[]): BuildResultLike;
}

type Fn = (...args: never[]) => unknown;
const pick = (mods: Record<string, unknown>, name: string): Fn | undefined => {
  for (const m of Object.values(mods)) {
    const f = (m as Record<string, unknown> | undefined)?.[name];
    if (typeof f === 'function') return f as Fn;
  }
  return undefined;
};

const workspaceMod = import.meta.glob('../engine/workspace.ts', { eager: true });
const buildMod = import.meta.glob('../engine/build.ts', { eager: true });
const simulateMod = import.meta.glob('../engine/simulate/simulate.ts', { eager: true });
const requestMod = import.meta.glob('../engine/simulate/request.ts', { eager: true });
const runMod = import.meta.glob('../engine/commands/run.ts', { eager: true });

export const engine = {
  createWorkspace: pick(workspaceMod, 'createWorkspace') as ((seed: number) => WorkspaceLike) | undefined,
  buildCluster: pick(buildMod, 'buildCluster') as
    ((sources: ManifestSource[], opts: { seed: number }) => BuildResultLike) | undefined,
  simulate: pick(simulateMod, 'simulate') as
    ((cluster: ClusterState, world: SimWorld, request: unknown) => Trace) | undefined,
  simulateMany: pick(simulateMod, 'simulateMany') as
    ((cluster: ClusterState, world: SimWorld, request: unknown) => Trace[]) | undefined,
  /** The request module: its `request()` builder fills the engine's defaults. */
  requestModule: Object.values(requestMod)[0] as Record<string, unknown> | undefined,
  runCommand: pick(runMod, 'runCommand') as ((line: string, env: CommandEnv) => CommandResult) | undefined,
};
