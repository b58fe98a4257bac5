/**
 * Turns the user's YAML sources into the objects a real API server would store, in apply order:
 * parse every document, unwrap `kind: List`, drop what is not an object, report kinds svclab does
 * not simulate, then admit each object (schema check, defaulting, API validation; see admit.ts).
 * Objects the API server would reject are left out; every problem is a Diagnostic.
 *
 * @example
 * const { objects, diagnostics } = loadObjects([{ file: 'scene.yaml', text }]);
 * objects[0].object.kind; // "Service"
 * objects[0].locate(['spec', 'ports', 0]); // { line: 8, column: 5, … }
 */
import type { Diagnostic } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import { admitObject, type Admission } from './admit';
import type { ManifestCache } from './cache';
import { cloneJson } from './clone';
import { supportedKind } from './kinds';
import { parseManifests, type ManifestSource, type ParsedDocument } from './parse';
import type { FieldPath, SourcedObject } from './types';

export { createManifestCache, type ManifestCache } from './cache';

export interface LoadResult {
  objects: SourcedObject[];
  diagnostics: Diagnostic[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'empty';
  return `a ${typeof v}`;
}

interface Candidate {
  doc: ParsedDocument;
  basePath: FieldPath;
  value: unknown;
}

/** Flattens a document into candidate objects: itself, or the items of a `kind: List` (recursively). */
function candidates(doc: ParsedDocument, value: unknown, basePath: FieldPath, out: Candidate[]): void {
  if (isRecord(value) && value.kind === 'List' && Array.isArray(value.items)) {
    value.items.forEach((item, i) => candidates(doc, item, [...basePath, 'items', i], out));
    return;
  }
  out.push({ doc, basePath, value });
}

function structural(c: Candidate, message: string, code: string, field: FieldPath = []): Diagnostic {
  const at = c.doc.locate([...c.basePath, ...field]);
  return {
    severity: 'error',
    source: 'schema',
    code,
    message,
    line: at?.line ?? c.doc.startLine,
    column: at?.column ?? 1,
    file: c.doc.file,
  };
}

/** Checks the parts every object needs before svclab can even say what it is. */
function identify(c: Candidate, out: Diagnostic[]): Record<string, unknown> | undefined {
  const v = c.value;
  if (!isRecord(v)) {
    out.push(
      structural(
        c,
        `the document is ${describe(v)}, not a Kubernetes object (a map with apiVersion, kind and metadata)`,
        'manifest.not-object',
      ),
    );
    return undefined;
  }
  const missing = (field: string, what: string): undefined => {
    out.push(structural(c, `error validating data: ${what} not set`, `manifest.${field}.missing`));
    return undefined;
  };
  if (v.apiVersion === undefined || v.apiVersion === null || v.apiVersion === '')
    return missing('apiVersion', 'apiVersion');
  if (v.kind === undefined || v.kind === null || v.kind === '') return missing('kind', 'kind');
  if (typeof v.apiVersion !== 'string' || typeof v.kind !== 'string') {
    const field = typeof v.apiVersion !== 'string' ? 'apiVersion' : 'kind';
    out.push(
      structural(
        c,
        `json: cannot unmarshal ${jsonType(v[field])} into Go struct field TypeMeta.${field} of type string`,
        'schema.type',
        [field],
      ),
    );
    return undefined;
  }
  return v;
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function sourced(c: Candidate, object: KubeObject, order: number): SourcedObject {
  const { doc, basePath } = c;
  const start = basePath.length > 0 ? (doc.locate(basePath)?.line ?? doc.startLine) : doc.startLine;
  const end = basePath.length > 0 ? (doc.locate(basePath)?.endLine ?? doc.endLine) : doc.endLine;
  return {
    object,
    file: doc.file,
    docIndex: doc.index,
    basePath,
    startLine: start,
    endLine: end,
    order,
    locate: (path) => doc.locate([...basePath, ...path]),
  };
}

/**
 * Loads every object from the sources, in document order (= apply order = creation order).
 * Pass a cache to reuse parses and per-object results across calls (a long-lived workspace).
 * Never throws.
 *
 * @example
 * loadObjects([{ file: 'a.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n' }])
 *   .objects[0].object.spec; // { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], type: 'ClusterIP', … }
 */
export function loadObjects(sources: ManifestSource[], cache?: ManifestCache): LoadResult {
  const parsed = parseManifests(sources, cache);
  const diagnostics = [...parsed.diagnostics];
  const objects: SourcedObject[] = [];
  let order = 0;
  for (const doc of parsed.documents) {
    if (doc.hasErrors || doc.value === null || doc.value === undefined) continue;
    const list: Candidate[] = [];
    candidates(doc, doc.value, [], list);
    for (const c of list) {
      const v = identify(c, diagnostics);
      if (!v) continue;
      const kind = v.kind as string;
      const info = supportedKind(kind);
      const provisional = sourced(c, v as KubeObject, order);
      if (!info) {
        diagnostics.push({
          severity: 'info',
          source: 'schema',
          code: 'manifest.kind.unsupported',
          kind,
          ...nameOf(v),
          message: `svclab does not simulate ${kind}; it is ignored`,
          line: provisional.startLine,
          column: 1,
          file: doc.file,
        });
        continue;
      }
      // The document's own text is the key (the same string the parse cache hashed already); an item of a
      // kind: List adds its path in front, after a NUL that no admitted document's text starts with.
      const key =
        cache && doc.text !== undefined
          ? c.basePath.length === 0
            ? doc.text
            : `\u0000${c.basePath.join('/')}\u0000${doc.text}`
          : undefined;
      const admission: Admission = key
        ? cache!.result(key, () => ({ ...admitObject(provisional, info), startLine: provisional.startLine }))
        : admitObject(provisional, info);
      const shift = provisional.startLine - (admission.startLine ?? provisional.startLine);
      for (const d of admission.diagnostics) {
        const rebased: Diagnostic = { ...d, file: doc.file };
        if (d.line !== undefined) rebased.line = d.line + shift;
        if (d.endLine !== undefined) rebased.endLine = d.endLine + shift;
        diagnostics.push(rebased);
      }
      // A cached admission is shared between builds: each caller gets its own copy. Without a cache the
      // admitted object is already a fresh copy (admitObject copies before defaulting), used only here.
      if (admission.object) {
        objects.push({ ...provisional, object: key ? cloneJson(admission.object) : admission.object });
        order++;
      }
    }
  }
  cache?.sweep();
  return { objects, diagnostics };
}

function nameOf(v: Record<string, unknown>): { name?: string; namespace?: string } {
  const m = isRecord(v.metadata) ? v.metadata : {};
  const out: { name?: string; namespace?: string } = {};
  if (typeof m.name === 'string') out.name = m.name;
  if (typeof m.namespace === 'string') out.namespace = m.namespace;
  return out;
}
