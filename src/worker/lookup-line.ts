/**
 * The command for a DNS lookup from the request bar: `exec POD -n NS -- nslookup NAME`, as words (the
 * interpreter takes them as given, so nothing in the typed name can become another argument). DNS answers
 * are text (like the real tool), so the bar shows them rather than animating a made-up packet.
 *
 * @example
 * nslookupArgs({ from: 'pod/default/client', target: 'http://web:8080/x' });
 * // { ok: true, value: ['exec', 'client', '-n', 'default', '--', 'nslookup', 'web'] }
 */
import type { RequestInit, Result } from './protocol';

export function nslookupArgs(request: Pick<RequestInit, 'from' | 'target'>): Result<string[]> {
  const m = /^pod\/(?:([^/]+)\/)?([^/]+)$/.exec(request.from);
  if (!m) return { ok: false, error: 'nslookup runs inside a pod: choose a pod as the source' };
  const name = request.target
    .trim()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[:/].*$/, '');
  return { ok: true, value: ['exec', m[2]!, '-n', m[1] ?? 'default', '--', 'nslookup', name] };
}
