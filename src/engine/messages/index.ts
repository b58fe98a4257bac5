/**
 * Message descriptors: how the engine explains (see define.ts). Routing code only builds descriptors
 * with `msg()`; rendering (`render`) happens where text is printed: the command interpreter's output,
 * the CLI, the page.
 *
 * @example
 * const m = msg('common.literal', { text: 'kube-proxy' });
 * render(m, 'ko'); // "kube-proxy"
 */
import { catalog, type MsgId, type ParamsOf } from './catalog';
import type { Lang, Msg, MsgParam } from './define';

export type { Lang, Msg, MsgParam, MessageDef, RenderNested } from './define';
export { LANGS, defineMessages } from './define';
export type { MsgId, ParamsOf } from './catalog';

/** Builds a descriptor; the type checker checks the parameters against the message's definition. */
export function msg<K extends MsgId>(id: K, params: ParamsOf<K>): Msg {
  return { id, params: params as Record<string, MsgParam> };
}

/** True when the value has the shape of a descriptor (for data that crossed a boundary). */
export function isMsg(value: unknown): value is Msg {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Msg).id === 'string' &&
    typeof (value as Msg).params === 'object' &&
    (value as Msg).params !== null
  );
}

/** True when the id names a message of the catalogue. */
export function isMsgId(id: string): id is MsgId {
  return Object.prototype.hasOwnProperty.call(catalog, id);
}

/** True when the value is one of the languages svclab speaks (for `--lang` and stored settings). */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ko';
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

/**
 * Renders a list of descriptors as consecutive sentences (each message ends its own sentence).
 *
 * @example sentences([a, b]) // msg('common.sentences', { parts: [a, b] })
 */
export function sentences(parts: readonly (Msg | undefined | false)[]): Msg {
  const kept = parts.filter((p): p is Msg => Boolean(p));
  return kept.length === 1 ? kept[0]! : msg('common.sentences', { parts: kept });
}
