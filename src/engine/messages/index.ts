/**
 * Message descriptors: how the engine explains (see define.ts). Routing code only builds descriptors
 * with `msg()`; rendering (`render`) happens where text is printed: the command interpreter's output,
 * the CLI, the page.
 *
 * @example
 * const m = msg('common.literal', { text: 'kube-proxy' });
 * render(m, 'ko'); // "kube-proxy"
 */
import type { MsgId, ParamsOf } from './catalog';
import type { Lang, Msg, MsgParam } from './define';

export type { Lang, Msg, MsgParam, MessageDef, RenderNested } from './define';
export { LANGS, defineMessages } from './define';
export type { MsgId, ParamsOf } from './catalog';
// Rendering needs the whole catalogue: a module of its own, so that code which only builds descriptors
// (the first build in the page's worker) does not load it (issue 17, cold load).
export { isMsgId, render, renderText } from './render';

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

/** True when the value is one of the languages svclab speaks (for `--lang` and stored settings). */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ko';
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
