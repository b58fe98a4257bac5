/**
 * The YAML lines a lesson step points at. A mark names an object and, optionally, one of its fields
 * ("Service/default/web#spec.selector"); the object's document comes from the cluster's origins, and the
 * field's lines from the YAML itself. A Pod written as a Deployment's template is found in the
 * Deployment, its field under `spec.template`.
 *
 * @example
 * markLines(text, origins, 'Service/default/web#spec.selector', 'scene.yaml');
 * // { object: { startLine: 12, endLine: 24 }, field: { startLine: 19, endLine: 20 } }
 */
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import type { ObjectOrigin } from '../../engine';
import { linesOf } from './origins';

export interface Lines {
  startLine: number;
  endLine: number;
}

/** "spec.ports[0].targetPort" → ["spec", "ports", 0, "targetPort"]. */
export function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [];
    if (m[1]) out.push(m[1]);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

/** The lines of a field inside one document's text (1-based, relative to that text), or null. */
export function fieldLines(doc: string, field: string): Lines | null {
  const path = fieldPath(field);
  if (path.length === 0) return null;
  const lc = new LineCounter();
  const parsed = parseDocument(doc, { lineCounter: lc, prettyErrors: false });
  const parent = parsed.getIn(path.slice(0, -1), true) as Node | undefined;
  const last = path.at(-1)!;
  let start: number | undefined;
  let end: number | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === last);
    const key = pair?.key as Node | undefined;
    const value = pair?.value as Node | undefined;
    start = key?.range?.[0];
    end = value?.range?.[1] ?? key?.range?.[1];
  } else {
    const node = parsed.getIn(path, true) as Node | undefined;
    start = node?.range?.[0];
    end = node?.range?.[1];
  }
  if (start === undefined || end === undefined) return null;
  // A block value's range ends at the start of the line after it: count the line it really ends on.
  const endPos = lc.linePos(Math.max(start, end - 1));
  return { startLine: lc.linePos(start).line, endLine: endPos.line };
}

/** The object's lines and, when the mark names a field that is there, the field's lines. */
export function markLines(
  text: string,
  origins: ReadonlyMap<string, ObjectOrigin>,
  mark: string,
  file: string,
): { object: Lines; field: Lines | null } | null {
  const [key = '', field] = mark.split('#', 2);
  const object = linesOf(origins, key, file);
  if (!object) return null;
  if (!field) return { object, field: null };
  const own = origins.get(key);
  const inTemplate = !(own?.by === 'user' && own.file === file);
  const lines = text
    .split('\n')
    .slice(object.startLine - 1, object.endLine)
    .join('\n');
  const inDoc = fieldLines(lines, inTemplate ? `spec.template.${field}` : field);
  const at = (n: number) => n + object.startLine - 1;
  return { object, field: inDoc ? { startLine: at(inDoc.startLine), endLine: at(inDoc.endLine) } : null };
}
