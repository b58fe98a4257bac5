/**
 * Descriptors in machine-readable output: `-o json` prints each field that holds a descriptor as a
 * string in the chosen language, with the descriptor itself beside it under the same name plus `Msg`
 * (`"explanation": "…", "explanationMsg": { "id": "sim.delivered", "params": { … } }`), so scripts read
 * the text the contract promises and tools can still render or compare by id.
 *
 * @example
 * localizeJson({ note: msg('sim.hop.knownFlow', {}) }, 'en');
 * // { note: 'Known flow (conntrack).', noteMsg: { id: 'sim.hop.knownFlow', params: {} } }
 */
import type { Lang } from './define';
import { isMsg, render } from './index';

/** The suffix of the field that carries a rendered field's descriptor. */
export const MSG_FIELD_SUFFIX = 'Msg';

/** A copy of `value` with every descriptor field rendered in `lang` and its descriptor kept beside it. */
export function localizeJson(value: unknown, lang: Lang): unknown {
  if (Array.isArray(value)) return value.map((v) => (isMsg(v) ? render(v, lang) : localizeJson(v, lang)));
  if (typeof value !== 'object' || value === null) return value;
  if (isMsg(value)) return render(value, lang);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isMsg(v)) {
      out[k] = render(v, lang);
      out[`${k}${MSG_FIELD_SUFFIX}`] = v;
    } else {
      out[k] = localizeJson(v, lang);
    }
  }
  return out;
}
