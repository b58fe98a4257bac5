/**
 * Rendering message descriptors (index.ts re-exports all of it): the only part of messages/ that reads
 * the catalogue, kept apart so that the code that only builds descriptors does not load the catalogue
 * (issue 17, cold load: the page's worker builds its first scene without it).
 *
 * @example render({ id: 'common.literal', params: { text: 'x' } }, 'en') // "x"
 */
import { catalog, type MsgId } from './catalog';
import type { Lang, Msg } from './define';

/** True when the id names a message of the catalogue. */
export function isMsgId(id: string): id is MsgId {
  return Object.prototype.hasOwnProperty.call(catalog, id);
}

/**
 * Renders a descriptor in a language. An unknown id (a descriptor from a newer svclab, say) renders
 * as its id and parameters rather than throwing, so nothing the page shows can take it down.
 *
 * @example render({ id: 'common.literal', params: { text: 'x' } }, 'en') // "x"
 */
export function render(m: Msg, lang: Lang): string {
  if (!isMsgId(m.id)) return `${m.id} ${JSON.stringify(m.params)}`;
  const def = catalog[m.id] as { en: (p: unknown, r: (n: Msg) => string) => string; ko: typeof def.en };
  const nested = (n: Msg) => render(n, lang);
  try {
    return def[lang](m.params, nested);
  } catch {
    // Parameters from outside (an old saved trace, a hand-edited JSON) may not fit the message.
    return `${m.id} ${JSON.stringify(m.params)}`;
  }
}

/**
 * Text that is either a tool's own words (a string, printed as is in every language) or svclab's
 * sentence (a descriptor, rendered in `lang`).
 *
 * @example renderText('spec.ports: Required value', 'ko') // "spec.ports: Required value"
 */
export function renderText(value: string | Msg, lang: Lang): string {
  return typeof value === 'string' ? value : render(value, lang);
}
