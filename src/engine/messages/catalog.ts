/**
 * Every message group in one catalogue. A new area of the engine adds its group file beside this one
 * (`<area>.ts`, written with defineMessages) and spreads it here; ids are prefixed with the area
 * (`sim.`, `dns.`, `lint.`, `lesson.` …) so groups never collide (a test checks it).
 */
import { common } from './common';
import { dns } from './dns';
import { lesson } from './lesson';

export const catalog = {
  ...common,
  ...dns,
  ...lesson,
};

export type Catalog = typeof catalog;
export type MsgId = keyof Catalog & string;
/** The parameters of message `K`, as its definition declares them. */
export type ParamsOf<K extends MsgId> = Parameters<Catalog[K]['en']>[0];

/** The group objects, for the test that checks that no id is defined twice. */
export const groups: Record<string, Record<string, unknown>> = { common, dns, lesson };
