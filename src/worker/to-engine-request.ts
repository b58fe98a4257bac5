/**
 * Turns the request bar's fields into the engine's request. The engine's request module owns the
 * format; when it offers a parser we use it, so the bar and `svclab curl` read a target the same way.
 */
import type { Result, SimRequest } from './protocol';

export function toEngineRequest(form: SimRequest, mod: Record<string, unknown> | undefined): Result<unknown> {
  const parse = mod?.['parseRequest'];
  if (typeof parse === 'function') {
    const r = (parse as (f: SimRequest) => unknown)(form);
    if (r && typeof r === 'object' && 'ok' in r) return r as Result<unknown>;
    return { ok: true, value: r };
  }
  return { ok: true, value: form };
}
