/**
 * Turns the request bar's fields into the engine's Request (src/engine/simulate/request.ts), using the
 * engine's own `request()` builder so the bar and `svclab curl` get the same defaults.
 */
import type { Result, SimRequest } from './protocol';

const PROTOCOL: Record<Exclude<SimRequest['protocol'], 'dns'>, { protocol: string; keepalive: boolean }> = {
  'http1.0': { protocol: 'HTTP/1.0', keepalive: false },
  'http1.1': { protocol: 'HTTP/1.1', keepalive: false },
  keepalive: { protocol: 'HTTP/1.1', keepalive: true },
  http2: { protocol: 'HTTP/2', keepalive: true },
  ping: { protocol: 'ICMP', keepalive: false },
};

export function toEngineRequest(form: SimRequest, mod: Record<string, unknown> | undefined): Result<unknown> {
  if (form.protocol === 'dns') return { ok: false, error: 'a DNS lookup runs as nslookup, not as a request' };
  const build = mod?.['request'];
  if (typeof build !== 'function')
    return { ok: false, error: 'src/engine/simulate/request.ts', missing: true };
  const fields = { from: form.from, target: form.to.trim(), count: form.count, ...PROTOCOL[form.protocol] };
  return { ok: true, value: (build as (r: typeof fields) => unknown)(fields) };
}

/**
 * The console line for a DNS lookup from the bar: `exec POD -n NS -- nslookup NAME`. DNS answers are
 * text (like the real tool), so the bar shows them rather than animating a made-up packet.
 */
export function nslookupLine(form: SimRequest): Result<string> {
  const m = /^pod\/(?:([^/]+)\/)?([^/]+)$/.exec(form.from);
  if (!m) return { ok: false, error: 'nslookup runs inside a pod: choose a pod as the source' };
  const name = form.to
    .trim()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[:/].*$/, '');
  return { ok: true, value: `exec ${m[2]} -n ${m[1] ?? 'default'} -- nslookup ${name}` };
}
