/**
 * A YAML file a user opens in the page, read as the manifest reader reads it. Two things happen before
 * it becomes a tab:
 *
 * - A file the reader refuses outright (an alias bomb, nesting deeper than any object, a document or file
 *   over the size limits) is refused here, with the reader's diagnostic, so it never reaches the scene.
 * - A `kubectl get -o yaml` dump (an object carrying what only an API server writes: uid, resourceVersion,
 *   creationTimestamp, managedFields) is cleaned the way re-applying an exported object needs: those
 *   fields, `generation`, `selfLink`, kubectl's last-applied-configuration annotation and every `status`
 *   but a Pod's are removed (the API server drops status on create and writes its own), and a Service's
 *   allocated `spec.clusterIP`/`clusterIPs` too (another cluster's address is outside this cluster's
 *   service range or taken; a headless Service's `None` stays). A Pod's status is kept: svclab honours it
 *   as a modelling device that pins the pod's address, node and readiness (cli-contract).
 *
 * EndpointSlices the endpoint-slice controller wrote (its managed-by label) are left out: on a fresh cluster
 * the garbage collector deletes them (their owner's uid is gone) and the controller writes its own from the
 * Service's selector; kept, the same pod would be counted twice.
 *
 * Pods that ran on a node the dump does not list get that Node, added at the file's end (import-nodes.ts),
 * so they are drawn under their node's name rather than left on no node of svclab's default three.
 *
 * The counts say what was removed, per field, and which Nodes were added, so the page can tell the user.
 *
 * @example
 * const r = readManifestFile('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  uid: 1\n…');
 * r.dump; // true
 * r.removed.uid; // 1
 */
import { Document, isMap, parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import { parseManifests } from './parse';
import { missingNodes, nodeManifest } from './import-nodes';
import { MAX_ALIAS_COUNT } from './parse-chunk';
import { YAML_OPTIONS } from './yaml-options';

/** The fields a dump's objects may lose, in the order the page lists them. */
export const REMOVABLE_FIELDS = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'selfLink',
  'managedFields',
  'lastAppliedConfiguration',
  'status',
  'clusterIP',
] as const;
export type RemovableField = (typeof REMOVABLE_FIELDS)[number];

export interface ImportedFile {
  /** The reader's reason to refuse the file (nothing of it is opened), or undefined. */
  refused?: Diagnostic;
  /** The text to open: the file as it is, or the dump without what re-applying needs removed. */
  text: string;
  /** True when some object carries server-set metadata: the text is a `kubectl get -o yaml` dump. */
  dump: boolean;
  /** How many objects lost each field (only fields removed at least once), in REMOVABLE_FIELDS' order. */
  removed: Partial<Record<RemovableField, number>>;
  /** EndpointSlices the endpoint-slice controller wrote, left out (this cluster's controller writes its own). */
  controllerSlices: number;
  /** Pods whose status was kept (svclab pins their address, node and readiness from it). */
  keptPodStatus: number;
  /** Objects in the file (the items of a `kind: List` counted one by one). */
  objects: number;
  /** Nodes the dump's pods ran on that it does not include, added at the end of the text (by name). */
  addedNodes: string[];
}

/** The reader's diagnostics that mean "this file is hostile or too big", not "this YAML has a typo". */
const REFUSING = new Set([
  'yaml.alias-limit',
  'yaml.too-deep',
  'yaml.document-too-large',
  'yaml.source-too-large',
  'yaml.resource-exhaustion',
]);

const SERVER_SET = ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields'] as const;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each object of a document's value with its path: itself, or the items of a `kind: List`. */
function objectsOf(
  value: unknown,
  path: (string | number)[],
  out: [Record<string, unknown>, (string | number)[]][],
) {
  if (!isRecord(value)) return;
  if (value.kind === 'List' && Array.isArray(value.items)) {
    value.items.forEach((item, i) => objectsOf(item, [...path, 'items', i], out));
    return;
  }
  out.push([value, path]);
}

const isControllerSlice = (o: Record<string, unknown>): boolean => {
  const labels = isRecord(o.metadata) && isRecord(o.metadata.labels) ? o.metadata.labels : {};
  return o.kind === 'EndpointSlice' && labels[MANAGED_BY] === SLICE_CONTROLLER;
};

const isServerSet = (o: Record<string, unknown>): boolean =>
  isRecord(o.metadata) && SERVER_SET.some((k) => (o.metadata as Record<string, unknown>)[k] !== undefined);

/** Removes what re-applying needs removed from one object of a parsed document; counts into `removed`. */
function clean(
  doc: Document,
  o: Record<string, unknown>,
  at: (string | number)[],
  removed: Partial<Record<RemovableField, number>>,
): boolean {
  const count = (f: RemovableField) => (removed[f] = (removed[f] ?? 0) + 1);
  const meta = isRecord(o.metadata) ? o.metadata : {};
  for (const k of [
    'uid',
    'resourceVersion',
    'creationTimestamp',
    'generation',
    'selfLink',
    'managedFields',
  ] as const)
    if (k in meta && doc.deleteIn([...at, 'metadata', k])) count(k);
  const annotations = isRecord(meta.annotations) ? meta.annotations : null;
  if (annotations && LAST_APPLIED in annotations) {
    doc.deleteIn([...at, 'metadata', 'annotations', LAST_APPLIED]);
    count('lastAppliedConfiguration');
    // kubectl printed `annotations:` only for this one: an empty map left behind would read `{}`.
    if (Object.keys(annotations).length === 1) doc.deleteIn([...at, 'metadata', 'annotations']);
  }
  let keptStatus = false;
  if ('status' in o) {
    if (o.kind === 'Pod') keptStatus = true;
    else if (doc.deleteIn([...at, 'status'])) count('status');
  }
  const spec = isRecord(o.spec) ? o.spec : null;
  if (
    o.kind === 'Service' &&
    spec &&
    spec.clusterIP !== 'None' &&
    ('clusterIP' in spec || 'clusterIPs' in spec)
  ) {
    doc.deleteIn([...at, 'spec', 'clusterIP']);
    doc.deleteIn([...at, 'spec', 'clusterIPs']);
    count('clusterIP');
  }
  return keptStatus;
}

/**
 * Reads a file the user opens: refused (with the reader's diagnostic), a dump cleaned for re-applying,
 * or any other YAML as it is (a file with a typo opens, and the editor shows where).
 *
 * @example
 * readManifestFile('a: &a [x]\nb: [*a, *a, …]').refused?.code; // "yaml.alias-limit" past 100 aliases
 */
export function readManifestFile(text: string): ImportedFile {
  const plain: ImportedFile = {
    text,
    dump: false,
    removed: {},
    controllerSlices: 0,
    keptPodStatus: 0,
    objects: 0,
    addedNodes: [],
  };
  const parsed = parseManifests([{ file: '', text }]);
  const refused = parsed.diagnostics.find((d) => REFUSING.has(d.code));
  if (refused) return { ...plain, refused: { ...refused, file: undefined } };

  const objects: [Record<string, unknown>, (string | number)[]][] = [];
  for (const d of parsed.documents) objectsOf(d.value, [], objects);
  plain.objects = objects.length;
  if (!objects.some(([o]) => isServerSet(o))) return plain;

  // The dump is edited on the yaml package's documents, so what stays keeps its order and comments.
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return { ...plain, dump: true };
  const removed: Partial<Record<RemovableField, number>> = {};
  let keptPodStatus = 0;
  let controllerSlices = 0;
  const kept: Document[] = [];
  for (const doc of docs) {
    const top: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const list: [Record<string, unknown>, (string | number)[]][] = [];
    objectsOf(top, [], list);
    // Last first, so the indexes of the items still to visit stay right.
    for (const [o, at] of list.reverse()) {
      if (isControllerSlice(o)) {
        controllerSlices++;
        if (at.length > 0) doc.deleteIn(at);
      } else if (clean(doc, o, at, removed)) keptPodStatus++;
    }
    if (isRecord(top) && isControllerSlice(top)) continue;
    kept.push(doc);
    // A List's own metadata is `resourceVersion: ""` and nothing else.
    if (isRecord(top) && top.kind === 'List') {
      doc.deleteIn(['metadata', 'resourceVersion']);
      const meta = doc.getIn(['metadata']);
      if (isMap(meta) && meta.items.length === 0) doc.deleteIn(['metadata']);
    }
  }
  const added = missingNodes(objects.map(([o]) => o));
  for (const node of added) {
    const doc = new Document(nodeManifest(node));
    // On the map, not the document: the comment sits right above `apiVersion`.
    doc.contents!.commentBefore =
      ` Added by svclab: ${node.pods === 1 ? 'a pod' : `${node.pods} pods`} of this dump ran on` +
      ` ${node.name}, which the dump does not include.\n` +
      (node.addresses.length > 0
        ? ` Its InternalIP is the hostIP its pods report.`
        : ` No pod reports its hostIP.`);
    kept.push(doc);
  }
  const joined = kept
    .map((d) => d.toString({ lineWidth: 0, indentSeq: false }))
    .map((t, i) => (i === 0 || t.startsWith('---') ? t : `---\n${t}`))
    .join('');
  // The first document left out: the next one's marker would open a file that had none.
  const cleaned = joined.startsWith('---\n') && !text.startsWith('---') ? joined.slice(4) : joined;
  // In REMOVABLE_FIELDS' order, whatever order the objects came in.
  const ordered: Partial<Record<RemovableField, number>> = {};
  for (const f of REMOVABLE_FIELDS) if (removed[f]) ordered[f] = removed[f];
  return {
    text: cleaned,
    dump: true,
    removed: ordered,
    controllerSlices,
    keptPodStatus,
    objects: objects.length,
    addedNodes: added.map((n) => n.name),
  };
}
