/**
 * ValidateObjectMeta (apimachinery/pkg/api/validation/objectmeta.go) and the name rules each kind
 * uses: DNS-1035 label for Services, DNS-1123 label for Namespaces, DNS-1123 subdomain for the rest.
 *
 * @example
 * validateObjectMeta({ name: 'Web' }, true, isDNS1035Label)[0].message;
 * // 'metadata.name: Invalid value: "Web": a DNS-1035 label must consist of …'
 */
import { goQuote, invalid, invalidEach, required, type FieldError } from './field';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './messages';
import { isObj } from './values';

export type NameValidator = (name: string) => string[];

/**
 * ValidateLabels: keys must be qualified names, values label values; errors sit on the map's path.
 *
 * @example
 * validateLabels({ app: 'web app' }, 'spec.selector')[0].field; // "spec.selector"
 */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  if (!isObj(labels)) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...invalidEach(path, k, isQualifiedName(k)));
    errs.push(...invalidEach(path, String(v ?? ''), isValidLabelValue(String(v ?? ''))));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (messages lower-cased upstream); total size 256 KiB. */
function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  if (!isObj(annotations)) return [];
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    errs.push(...invalidEach(path, k, isQualifiedName(k.toLowerCase())));
    total += k.length + String(v ?? '').length;
  }
  if (total > 256 * 1024)
    errs.push({
      type: 'too-many',
      field: path,
      message: `${path}: Too long: may not be more than 262144 bytes`,
    });
  return errs;
}

/** schema.FromAPIVersionAndKind's version: "" for "", "a/b/c" and "apps/". */
function versionOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length > 2) return '';
  return parts[parts.length - 1]!;
}

/**
 * ValidateOwnerReferences: each reference names a version, kind, name and uid (the errors sit on the
 * list's path, without an index, as upstream writes them); an Event is no owner.
 *
 * @example
 * validateOwnerReferences([{}], 'metadata.ownerReferences')[0].message;
 * // 'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty'
 */
export function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  if (!Array.isArray(refs)) return [];
  const errs: FieldError[] = [];
  for (const raw of refs) {
    const r = isObj(raw) ? raw : {};
    const s = (v: unknown): string => (typeof v === 'string' ? v : '');
    const apiVersion = s(r.apiVersion);
    if (versionOf(apiVersion) === '')
      errs.push(invalid(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
    if (s(r.kind) === '') errs.push(invalid(`${path}.kind`, '', 'must not be empty'));
    if (s(r.name) === '') errs.push(invalid(`${path}.name`, '', 'must not be empty'));
    if (s(r.uid) === '') errs.push(invalid(`${path}.uid`, '', 'must not be empty'));
  }
  return errs;
}

/**
 * Validates metadata: name (or generateName) with the kind's rule, namespace for namespaced kinds,
 * labels and annotations.
 *
 * @example
 * validateObjectMeta({ namespace: 'default' }, true, isDNS1035Label)[0].message;
 * // "metadata.name: Required value: name or generateName is required"
 */
export function validateObjectMeta(meta: unknown, namespaced: boolean, nameFn: NameValidator): FieldError[] {
  const m = isObj(meta) ? meta : {};
  const errs: FieldError[] = [];
  const name = typeof m.name === 'string' ? m.name : '';
  const generateName = typeof m.generateName === 'string' ? m.generateName : '';
  if (name === '' && generateName === '')
    errs.push(required('metadata.name', 'name or generateName is required'));
  else if (name !== '') errs.push(...invalidEach('metadata.name', name, nameFn(name)));
  if (namespaced) {
    const ns = typeof m.namespace === 'string' ? m.namespace : '';
    if (ns === '') errs.push(required('metadata.namespace'));
    else errs.push(...invalidEach('metadata.namespace', ns, isDNS1123Label(ns)));
  }
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(m.ownerReferences, 'metadata.ownerReferences'));
  return errs;
}

/** A value Kubernetes would print for a label map with %#v (map[string]string{"a":"b"}). */
export function goStringMap(map: Record<string, unknown>): { goLiteral: string } {
  const keys = Object.keys(map).sort();
  return {
    goLiteral: `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`).join(', ')}}`,
  };
}

export { invalid };
