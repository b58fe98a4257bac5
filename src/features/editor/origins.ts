/**
 * Between YAML lines and objects: which object a line belongs to, and which lines an object spans.
 * Reads the engine's `cluster.origins` (file, startLine, endLine per object).
 */
import type { ObjectOrigin } from '../../engine';

/** The user's object whose document contains `line` (1-based), or null. */
export function objectAtLine(
  origins: ReadonlyMap<string, ObjectOrigin>,
  file: string,
  line: number,
): string | null {
  let best: { key: string; span: number } | null = null;
  for (const [key, o] of origins) {
    if (o.by !== 'user' || o.file !== file || o.startLine === undefined || o.endLine === undefined) continue;
    if (line < o.startLine || line > o.endLine) continue;
    const span = o.endLine - o.startLine;
    if (!best || span < best.span) best = { key, span };
  }
  return best?.key ?? null;
}

/** The lines of the YAML an element comes from: its own document, or its owner's (a Pod → its Deployment). */
export function linesOf(
  origins: ReadonlyMap<string, ObjectOrigin>,
  key: string,
  file: string,
): { startLine: number; endLine: number } | null {
  const seen = new Set<string>();
  let k: string | undefined = key;
  while (k && !seen.has(k)) {
    seen.add(k);
    const o = origins.get(k);
    if (!o) return null;
    if (o.by === 'user' && o.file === file && o.startLine !== undefined && o.endLine !== undefined)
      return { startLine: o.startLine, endLine: o.endLine };
    k = o.owner ? ownerKey(o.owner, k) : undefined;
  }
  return null;
}

/** Owners are written "Deployment/default/web" (already a key) or "ReplicaSet/web-7c9d8" (namespace of the child). */
function ownerKey(owner: string, child: string): string {
  const parts = owner.split('/');
  if (parts.length === 3) return owner;
  const ns = child.split('/')[1] ?? '';
  return `${parts[0]}/${ns}/${parts[1] ?? ''}`;
}

/** The file an element's YAML is in: its own document's, or its owner's (a Pod → its Deployment's). */
export function fileOf(origins: ReadonlyMap<string, ObjectOrigin>, key: string): string | null {
  const seen = new Set<string>();
  let k: string | undefined = key;
  while (k && !seen.has(k)) {
    seen.add(k);
    const o = origins.get(k);
    if (!o) return null;
    if (o.by === 'user' && o.file !== undefined) return o.file;
    k = o.owner ? ownerKey(o.owner, k) : undefined;
  }
  return null;
}
