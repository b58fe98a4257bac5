/**
 * Explanations are data (architecture principle 15): the engine says *what* happened as a message
 * descriptor, an id and typed parameters, and the UI or the CLI renders it in the reader's language.
 * Each message is written once with both languages side by side, so English and Korean cannot drift:
 * `defineMessages` makes the type checker require the same parameters for both, and each message
 * carries an `example` of its parameters, which the catalogue test renders in both languages.
 *
 * Parameters are plain data (strings, numbers, booleans, lists, nested descriptors), so a descriptor
 * crosses the worker boundary and lands in `-o json` unchanged. Names, addresses and rule text are
 * parameters, never translated.
 *
 * @example
 * const simulate = defineMessages({
 *   'sim.icmpToVip': {
 *     en: (p: { ip: string; service: string }) => `${p.ip} is the ClusterIP of Service ${p.service}: …`,
 *     ko: (p) => `${josa(p.ip, '은/는')} 서비스 ${p.service}의 ClusterIP로, …`, // josa.ts: 10.96.0.10은
 *     example: { ip: '10.96.0.10', service: 'default/web' },
 *   },
 * });
 */

/** The languages svclab speaks. English is the default and the source of every message's meaning. */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** A descriptor as it travels: `{ id: 'sim.icmpToVip', params: { ip: '10.96.0.10', service: 'default/web' } }`. */
export interface Msg {
  id: string; // "sim.icmpToVip"
  params: Record<string, MsgParam>;
}

/** What a parameter may hold: JSON-safe values and nested descriptors (rendered in the same language). */
export type MsgParam = string | number | boolean | null | undefined | Msg | readonly MsgParam[];

/** Renders a nested descriptor in the language of the message around it. */
export type RenderNested = (m: Msg) => string;

/** One message: the same parameter type for both languages, and an example of it for the tests. */
export interface MessageDef<P> {
  en: (p: P, r: RenderNested) => string;
  ko: (p: NoInfer<P>, r: RenderNested) => string;
  /** Parameters the catalogue test renders the message with (every optional part worth seeing). */
  example: NoInfer<P>;
}

/**
 * Declares a group of messages. The parameter type comes from `en`'s annotation; a message that
 * nests descriptors annotates `r` too (`en: (p: { why: Msg }, r: RenderNested) => …`), since an
 * unannotated parameter hides the whole function from inference. A message without parameters
 * annotates `p: object` and gives `example: {}`. The return value is the group itself; its type
 * carries each id's parameter type, from which `msg()` checks every call site.
 */
export function defineMessages<T extends Record<string, unknown>>(defs: {
  [K in keyof T]: MessageDef<T[K]>;
}): { [K in keyof T]: MessageDef<T[K]> } {
  return defs;
}
