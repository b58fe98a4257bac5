/**
 * `kubectl cordon NODE…`, `uncordon NODE…` and `drain NODE… [--force] [--ignore-daemonsets]
 * [--delete-emptydir-data]`: cordon is the Node's spec.unschedulable in the scene's text; drain cordons,
 * then evicts the node's pods as kubectl's drain helper filters them (pkg/drain/filters.go): a pod that
 * declares no controller stops the drain unless --force (then its document is removed), a ReplicaSet's
 * pods are evicted and their replacements scheduled elsewhere by the rebuilt scene.
 *
 * A scene without Node objects runs on svclab's three default nodes; they are written into the text as
 * they are first, so the cordon has a Node to live on.
 *
 * @example
 * cordonCommand(['node-1'], env).stdout; // "node/node-1 cordoned\n"
 */
import { objectKey } from '../../cluster/state';
import type { KubeObject, Node, Pod } from '../../k8s/objects';
import { ZONE_LABEL } from '../../k8s/labels';
import type { ManifestSource } from '../../manifest/parse';
import { msg, render } from '../../messages';
import { fail, type CommandEnv, type CommandHandler, type CommandResult } from '../types';
import { commit, takeYaml } from './common';
import { appendObject, editObject, findObject, objectsOfKind, removeObject } from './scene-text';

const agg = (errs: string[]): string => (errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`);

/** The default nodes written as the scene would write them (what cluster/nodes.ts makes of nothing). */
function writeDefaultNodes(
  env: CommandEnv,
  sources: ManifestSource[],
): { sources: ManifestSource[]; note: string } {
  if (objectsOfKind(sources, 'Node').length > 0) return { sources, note: '' };
  let out = sources;
  for (const n of env.cluster.nodes) {
    const zone = n.metadata.labels?.[ZONE_LABEL];
    out = appendObject(out, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.metadata.name, ...(zone ? { labels: { [ZONE_LABEL]: zone } } : {}) },
    });
  }
  const nodes = env.cluster.nodes.map((n) => n.metadata.name ?? '').join(', ');
  return { sources: out, note: `svclab: ${render(msg('edit.nodesWritten', { nodes }), env.lang)}\n` };
}

interface Parsed {
  names: string[];
  yaml: boolean;
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDir: boolean;
}

function parse(args: string[], verb: string, drain: boolean): Parsed | CommandResult {
  const { yaml, rest } = takeYaml(args);
  const p: Parsed = { names: [], yaml, force: false, ignoreDaemonSets: false, deleteEmptyDir: false };
  for (const a of rest) {
    if (drain && (a === '--force' || a === '--force=true')) p.force = true;
    else if (drain && (a === '--ignore-daemonsets' || a === '--ignore-daemonsets=true'))
      p.ignoreDaemonSets = true;
    else if (drain && (a === '--delete-emptydir-data' || a === '--delete-emptydir-data=true'))
      p.deleteEmptyDir = true;
    else if (a.startsWith('-')) return fail(`error: unknown flag: ${a}\n`);
    else p.names.push(a.startsWith('node/') || a.startsWith('nodes/') ? a.slice(a.indexOf('/') + 1) : a);
  }
  if (p.names.length === 0)
    return fail(`error: USAGE: ${verb} NODE [flags]\nSee 'svclab --help' for usage.\n`);
  return p;
}

/** Sets or clears spec.unschedulable on each node; the lines kubectl prints and the edited sources. */
function setUnschedulable(
  env: CommandEnv,
  p: Parsed,
  desired: boolean,
): { sources: ManifestSource[]; stdout: string; note: string } | CommandResult {
  if (!env.sources) return fail(`svclab: ${render(msg('edit.noScene', {}), env.lang)}\n`);
  for (const name of p.names)
    if (!env.cluster.nodes.some((n) => n.metadata.name === name))
      return fail(`Error from server (NotFound): nodes "${name}" not found\n`);
  const written = writeDefaultNodes(env, env.sources);
  const note = written.note;
  let sources = written.sources;
  let stdout = '';
  for (const name of p.names) {
    const node = env.cluster.nodes.find((n) => n.metadata.name === name) as Node;
    const already = Boolean(node.spec?.unschedulable) === desired;
    const verb = desired ? 'cordoned' : 'uncordoned';
    stdout += `node/${name} ${already ? `already ${verb}` : verb}\n`;
    if (already) continue;
    const found = findObject(sources, { kind: 'Node', namespace: '', name });
    if (!found)
      return fail(`svclab: ${render(msg('edit.notInText', { kind: 'Node', name, owner: '' }), env.lang)}\n`);
    sources = editObject(sources, found, (o) =>
      desired ? o.setIn(['spec', 'unschedulable'], true) : o.deleteIn(['spec', 'unschedulable']),
    );
  }
  return { sources, stdout, note };
}

const isResult = (v: unknown): v is CommandResult => typeof v === 'object' && v !== null && 'exitCode' in v;
const podName = (p: KubeObject) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`;

/** Pods that the rebuilt scene put on another node than before (cordon's side effect in a scene). */
function movedPods(before: Pod[], after: Pod[], node: string): string[] {
  const now = new Map(after.map((p) => [podName(p), p.spec.nodeName]));
  return before
    .filter((p) => p.spec.nodeName === node && now.has(podName(p)) && now.get(podName(p)) !== node)
    .map(podName);
}

function cordonOrUncordon(args: string[], env: CommandEnv, desired: boolean): CommandResult {
  const p = parse(args, desired ? 'cordon' : 'uncordon', false);
  if (isResult(p)) return p;
  const r = setUnschedulable(env, p, desired);
  if (isResult(r)) return r;
  if (r.sources === env.sources) return { exitCode: 0, stdout: r.stdout, stderr: '' };
  return commit(env, r.sources, { stdout: r.stdout, stderr: r.note, yaml: p.yaml, refs: [] }, (built) => {
    if (!desired) return '';
    return p.names
      .map((node) => {
        const pods = movedPods(env.cluster.pods, built.cluster.pods, node);
        return pods.length > 0
          ? `svclab: ${render(msg('edit.podsMoved', { node, pods: pods.join(', ') }), env.lang)}\n`
          : '';
      })
      .join('');
  });
}

export const cordonCommand: CommandHandler = (args, env) => cordonOrUncordon(args, env, true);
export const uncordonCommand: CommandHandler = (args, env) => cordonOrUncordon(args, env, false);

const controllerOf = (p: Pod) =>
  p.metadata.ownerReferences?.find((o) => o.controller) ?? p.metadata.ownerReferences?.[0];

export const drainCommand: CommandHandler = (args, env) => {
  const p = parse(args, 'drain', true);
  if (isResult(p)) return p;
  const cordoned = setUnschedulable(env, p, true);
  if (isResult(cordoned)) return cordoned;
  let { sources } = cordoned;
  let stdout = cordoned.stdout;
  let stderr = cordoned.note;
  const pending: string[] = [];
  const fatal: string[] = [];
  for (const node of p.names) {
    const pods = env.cluster.pods.filter((x) => x.spec.nodeName === node && !x.metadata.deletionTimestamp);
    const daemon = pods.filter((x) => controllerOf(x)?.kind === 'DaemonSet');
    const local = pods.filter(
      (x) =>
        !daemon.includes(x) &&
        (x.spec as { volumes?: { emptyDir?: unknown }[] }).volumes?.some((v) => v.emptyDir),
    );
    const unmanaged = pods.filter((x) => !controllerOf(x));
    const errs: string[] = [];
    const warnings: string[] = [];
    const list = (xs: Pod[]) => xs.map(podName).join(', ');
    if (daemon.length > 0)
      (p.ignoreDaemonSets ? warnings : errs).push(
        p.ignoreDaemonSets
          ? `ignoring DaemonSet-managed Pods: ${list(daemon)}`
          : `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${list(daemon)}`,
      );
    if (local.length > 0)
      (p.deleteEmptyDir ? warnings : errs).push(
        p.deleteEmptyDir
          ? `deleting Pods with local storage: ${list(local)}`
          : `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${list(local)}`,
      );
    if (unmanaged.length > 0)
      (p.force ? warnings : errs).push(
        p.force
          ? `deleting Pods that declare no controller: ${list(unmanaged)}`
          : `cannot delete Pods that declare no controller (use --force to override): ${list(unmanaged)}`,
      );
    if (errs.length > 0) {
      stderr += `error: unable to drain node ${JSON.stringify(node)} due to error: ${agg(errs)}, continuing command...\n`;
      fatal.push(agg(errs));
      pending.push(node);
      continue;
    }
    if (warnings.length > 0) stderr += `Warning: ${warnings.join('; ')}\n`;
    const evicted = pods.filter((x) => !daemon.includes(x));
    for (const x of evicted) stdout += `evicting pod ${podName(x)}\n`;
    for (const x of evicted) {
      stdout += `pod/${x.metadata.name ?? ''} evicted\n`;
      // A pod that declares no controller is gone for good: its document leaves the scene.
      if (controllerOf(x)) continue;
      const origin = env.cluster.origins.get(objectKey(x));
      const found =
        origin?.by === 'user'
          ? findObject(sources, {
              kind: 'Pod',
              namespace: x.metadata.namespace ?? 'default',
              name: x.metadata.name ?? '',
            })
          : undefined;
      if (found) sources = removeObject(sources, found);
    }
    stdout += `node/${node} drained\n`;
  }
  if (pending.length > 0)
    stderr += `There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}error: ${agg(fatal)}\n`;
  const done = commit(env, sources, { stdout, stderr, yaml: p.yaml, refs: [] });
  return pending.length > 0 ? { ...done, exitCode: 1 } : done;
};
