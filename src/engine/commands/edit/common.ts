/**
 * What every imperative command shares: reading `TYPE NAME` / `TYPE/NAME` and `-n NS`, finding the
 * object in the cluster and its document in the scene, kubectl's NotFound and name-printer lines, and
 * committing an edit: the edited scene is built again and an edit the API server would refuse is refused
 * with kubectl's `The <Kind> "<name>" is invalid: …` (the text is then left as it was).
 *
 * @example
 * const t = target(['deploy/web', '--replicas=3'], env); // { type, name: 'web', namespace: 'default', rest: ['--replicas=3'] }
 */
import { buildCluster, type BuildResult } from '../../build';
import { objectKey } from '../../cluster/state';
import type { Diagnostic } from '../../diagnostics';
import { serviceUpdateErrors } from '../../cluster/service-update';
import {
  forbiddenMessage,
  priorityClassUpdateErrors,
  priorityTable,
  secondDefault,
} from '../../cluster/priority';
import type { KubeObject, PriorityClass, Service } from '../../k8s/objects';
import type { ManifestSource } from '../../manifest/parse';
import { msg, render } from '../../messages';
import { resourceType, splitTypeName, type ResourceType } from '../resource-args';
import { fail, type CommandEnv, type CommandResult } from '../types';
import { validateCommand } from '../validate';
import { findObject, sceneText, type FoundObject, type ObjectRef } from './scene-text';

export interface Target {
  type: Readonly<ResourceType>;
  name: string;
  namespace: string;
  /** The words that were neither the target nor -n. */
  rest: string[];
}

/** Takes `-n NS` / `--namespace=NS` out of the words. */
export function takeNamespace(args: string[]): { namespace: string; rest: string[] } {
  let namespace = 'default';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a === '--namespace') namespace = args[++i] ?? '';
    else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    else if (/^-n[^-]/.test(a)) namespace = a.slice(2);
    else rest.push(a);
  }
  return { namespace, rest };
}

/** Takes `-o yaml` (the edited scene) out of the words; another -o format is left for the caller. */
export function takeYaml(args: string[]): { yaml: boolean; rest: string[] } {
  const rest: string[] = [];
  let yaml = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '-o' || a === '--output') && args[i + 1] === 'yaml') {
      yaml = true;
      i++;
    } else if (a === '-oyaml' || a === '-o=yaml' || a === '--output=yaml') yaml = true;
    else rest.push(a);
  }
  return { yaml, rest };
}

/**
 * Reads the target: `TYPE NAME` or `TYPE/NAME`, the first words that are not flags. Flags and the
 * words after the target are handed back in `rest`, in order.
 */
export function target(args: string[]): Target | CommandResult {
  const { namespace, rest } = takeNamespace(args);
  const words = rest.filter((w) => !w.startsWith('-'));
  const first = words[0];
  if (!first)
    return fail('error: you must specify the type of resource to get. Use "svclab get TYPE" to list them\n');
  let typeWord = first;
  let name = words[1];
  let used = 2;
  const split = splitTypeName(first);
  if (split && isResult(split)) return split;
  if (split) {
    ({ resource: typeWord, name } = split);
    used = 1;
  }
  const type = resourceType(typeWord);
  if (!type) return fail(`error: the server doesn't have a resource type "${typeWord}"\n`);
  if (!name) return fail('error: resource(s) were provided, but no name was specified\n');
  const consumed = new Set(words.slice(0, used));
  const left: string[] = [];
  let skipped = 0;
  for (const w of rest) {
    if (skipped < used && !w.startsWith('-') && consumed.has(w)) {
      skipped++;
      continue;
    }
    left.push(w);
  }
  return { type, name, namespace: type.namespaced ? namespace : '', rest: left };
}

export const isResult = (v: unknown): v is CommandResult =>
  typeof v === 'object' && v !== null && 'exitCode' in v && 'stdout' in v;

/** kubectl's NotFound error for a named object. */
export const notFound = (t: Readonly<ResourceType>, name: string): CommandResult =>
  fail(`Error from server (NotFound): ${t.plural} "${name}" not found\n`);

/** kubectl's name printer: `deployment.apps/web scaled`. */
export const printed = (t: Readonly<ResourceType>, name: string, operation: string): string =>
  `${t.prefix}/${name} ${operation}\n`;

/** The object in the cluster, or undefined. */
export function clusterObject(env: CommandEnv, t: Target): KubeObject | undefined {
  return t.type
    .list(env.cluster)
    .find(
      (o) =>
        o.metadata.name === t.name &&
        (!t.type.namespaced || (o.metadata.namespace ?? 'default') === t.namespace),
    );
}

/**
 * Why an object in the cluster has no document to edit: made by a controller (named by the first
 * written object up its owner chain: a pod's ReplicaSet's Deployment), or part of every svclab cluster.
 */
function notInText(env: CommandEnv, o: KubeObject): CommandResult {
  let key = objectKey(o);
  let owner = '';
  for (let hops = 0; hops < 5; hops++) {
    const up = env.cluster.origins.get(key)?.owner;
    if (!up) break;
    const origin = env.cluster.origins.get(up);
    if (origin?.by === 'system') {
      owner = '';
      break;
    }
    owner = up;
    if (origin?.by === 'user') break;
    key = up;
  }
  const [kind, ns, name] = owner.split('/');
  const text = render(
    msg('edit.notInText', {
      kind: o.kind,
      name: o.metadata.name ?? '',
      owner: owner ? `${kind} ${ns ? `${ns}/` : ''}${name}` : '',
    }),
    env.lang,
  );
  return fail(`svclab: ${text}\n`);
}

/**
 * Finds the object (kubectl's NotFound when the cluster has none) and the document that writes it.
 *
 * @example
 * const found = locate(env, t); // FoundObject, or a CommandResult to return
 */
export function locate(
  env: CommandEnv,
  t: Target,
): { object: KubeObject; found: FoundObject } | CommandResult {
  if (!env.sources) return fail(`svclab: ${render(msg('edit.noScene', {}), env.lang)}\n`);
  const object = clusterObject(env, t);
  if (!object) return notFound(t.type, t.name);
  const ref: ObjectRef = { kind: t.type.kind, namespace: t.namespace, name: t.name };
  const found = findObject(env.sources, ref);
  if (found) return { object, found };
  const origin = env.cluster.origins.get(objectKey(object));
  if (origin?.by === 'user' && origin.file !== undefined) {
    // Written by the user, but its document does not parse on its own: say where, do not guess.
    return fail(
      `svclab: ${render(msg('edit.brokenDocument', { file: origin.file, line: origin.startLine ?? 1 }), env.lang)}\n`,
    );
  }
  return notInText(env, object);
}

const sameObject = (d: Diagnostic, ref: ObjectRef): boolean =>
  d.kind === ref.kind &&
  d.name === ref.name &&
  (ref.namespace === '' || (d.namespace ?? 'default') === ref.namespace);

/** The errors a build reports (on `ref` when given), as comparable strings. */
function errorKeys(ds: Diagnostic[], ref?: ObjectRef): Set<string> {
  return new Set(
    ds
      .filter((d) => d.severity === 'error' && d.source !== 'lint' && (!ref || sameObject(d, ref)))
      .map((d) => `${d.code} ${d.field ?? ''} ${JSON.stringify(d.message)}`),
  );
}

/**
 * The API server's refusal of a Service update (cluster/service-update.ts): the stored Service is the one
 * in the cluster before the edit, the sent one is the edited document as loaded, before allocation.
 */
function updateErrors(env: CommandEnv, built: BuildResult, ref: ObjectRef): Diagnostic[] {
  if (ref.kind === 'PriorityClass') {
    const { live, next } = priorityClassUpdate(env, built, ref);
    if (!live || !next) return [];
    return priorityClassUpdateErrors(live, next).map((message) => ({
      severity: 'error' as const,
      source: 'api' as const,
      code: 'priorityclass.update',
      kind: 'PriorityClass',
      name: ref.name,
      field: message.slice(0, message.indexOf(':')),
      message,
    }));
  }
  if (ref.kind !== 'Service') return [];
  const match = (o: KubeObject): boolean =>
    o.kind === 'Service' &&
    o.metadata.name === ref.name &&
    (o.metadata.namespace ?? 'default') === ref.namespace;
  const live = env.cluster.services.find(match);
  const next = built.objects.find((o) => match(o.object))?.object as Service | undefined;
  if (!live || !next) return [];
  return serviceUpdateErrors(live, next).map((message) => ({
    severity: 'error' as const,
    source: 'api' as const,
    code: 'service.update',
    kind: 'Service',
    namespace: ref.namespace,
    name: ref.name,
    field: message.slice(0, message.indexOf(':')),
    message,
  }));
}

/** The stored PriorityClass and the one an edit sends (defaulted, as loaded). */
function priorityClassUpdate(
  env: CommandEnv,
  built: BuildResult,
  ref: ObjectRef,
): { live?: PriorityClass; next?: PriorityClass } {
  const match = (o: KubeObject): boolean => o.kind === 'PriorityClass' && o.metadata.name === ref.name;
  return {
    live: env.cluster.priorityClasses.find(match),
    next: built.objects.find((o) => match(o.object))?.object as PriorityClass | undefined,
  };
}

/**
 * The Priority admission plugin on an update (validatePriorityClass, after the strategy's validation):
 * a class newly marked globalDefault while another stored class is refused.
 */
function admissionRefusal(env: CommandEnv, built: BuildResult, ref: ObjectRef): string | undefined {
  if (ref.kind !== 'PriorityClass') return undefined;
  const { live, next } = priorityClassUpdate(env, built, ref);
  if (!live || !next) return undefined;
  const others = env.cluster.priorityClasses.filter((c) => c.metadata.name !== ref.name);
  const refused = secondDefault(next, priorityTable(others));
  return refused && forbiddenMessage('priorityclasses.scheduling.k8s.io', ref.name, refused);
}

export interface Commit {
  /** What kubectl prints on success. */
  stdout: string;
  /** Notes after it (svclab's, or kubectl's warnings). */
  stderr?: string;
  /** `-o yaml`: print the edited scene instead. */
  yaml: boolean;
  /** The objects whose new errors refuse the edit (each as the API server would refuse it). */
  refs: ObjectRef[];
}

/**
 * Builds the edited scene; if the API server would refuse the change (a new error on an edited object),
 * prints what kubectl prints and keeps the text; otherwise hands back the edited sources.
 */
export function commit(
  env: CommandEnv,
  edited: ManifestSource[],
  c: Commit,
  check?: (built: BuildResult) => string,
): CommandResult {
  const built = buildCluster(edited, { seed: env.world.seed });
  for (const ref of c.refs) {
    const refused = updateErrors(env, built, ref);
    if (refused.length > 0)
      return fail(validateCommand([], { ...env, diagnostics: refused, json: false }).stderr);
    const forbidden = admissionRefusal(env, built, ref);
    if (forbidden) return fail(`Error from server (Forbidden): ${forbidden}\n`);
    const before = errorKeys(env.diagnostics, ref);
    const fresh = built.diagnostics.filter(
      (d) =>
        d.severity === 'error' &&
        sameObject(d, ref) &&
        !before.has(`${d.code} ${d.field ?? ''} ${JSON.stringify(d.message)}`),
    );
    if (fresh.length > 0) {
      const text = validateCommand([], { ...env, diagnostics: fresh, json: false }).stderr;
      return fail(text);
    }
  }
  const note = check ? check(built) : '';
  return {
    exitCode: 0,
    stdout: c.yaml ? sceneText(edited) : c.stdout,
    stderr: (c.stderr ?? '') + note,
    sources: edited,
  };
}
