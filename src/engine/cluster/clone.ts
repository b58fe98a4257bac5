/**
 * The build's copies of the objects it is given (deep copies come from manifest/clone.ts's cloneJson).
 */
import { cloneJson, setOwn } from '../manifest/clone';

/**
 * A shallow copy of a plain object, key by key: much cheaper than `{ ...o }` when the copy then gets a
 * new property (V8 cannot extend a spread clone's map cheaply; the scheduler adds `nodeName` to every
 * pod's spec copy).
 *
 * @example
 * const spec = shallowCopy(template.spec); spec.nodeName = 'node-1'; // template.spec is unchanged
 */
export function shallowCopy<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) setOwn(out, keys[i]!, (o as Record<string, unknown>)[keys[i]!]);
  return out as T;
}

/** Kinds whose nested fields the build never writes into (it only sets metadata fields and replaces
 *  top-level fields such as status); everything else is copied deeply. */
const SHALLOW_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'Pod',
  'Namespace',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'EndpointSlice',
  'Ingress',
  'IngressClass',
]);

/**
 * The copy of an admitted object that a build may write into: the build must not change the admitted
 * objects, which the manifest cache hands to the next build too. Services are copied deeply (allocation
 * writes into their ports and status); for the other kinds the build only sets metadata fields (namespace,
 * uid, creationTimestamp) and replaces top-level fields, so the top level and metadata are copied and the
 * rest is shared, read-only (a Pod's spec is copied too: the scheduler writes nodeName into it).
 *
 * @example
 * const d = cloneForBuild(admitted); d.metadata.uid = 'x'; // admitted.metadata.uid is unchanged
 */
export function cloneForBuild<T extends { kind: string; metadata: object }>(o: T): T {
  if (!SHALLOW_KINDS.has(o.kind)) return cloneJson(o);
  const out = shallowCopy(o);
  out.metadata = shallowCopy(o.metadata);
  const spec = (o as { spec?: unknown }).spec;
  if (o.kind === 'Pod' && spec !== null && typeof spec === 'object')
    (out as { spec?: unknown }).spec = shallowCopy(spec);
  return out;
}
