/**
 * Pure lookup: `translate('ko', 'playback.hop', { n: 2, total: 5 })` → "홉 2/5".
 * Unknown placeholders are left as written so a missing parameter is visible, not silently empty.
 * A Korean particle after a value is written in the placeholder and takes the form the value's
 * reading needs (josa.ts): `{url|으로/로}` is the value and its particle ("http://web으로"), and
 * `{title~을/를}` the particle alone, for after a closing quote (“web”을, “echo”를).
 */
import { pick, type Particle } from '../engine/messages/josa';
import { en, type Catalogue, type MessageKey } from './en';
import { ko } from './ko';

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['en', 'ko'];
const catalogues: Record<Locale, Catalogue> = { en, ko };

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = catalogues[locale][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)(?:([|~])([^}]+))?\}/g, (m, name: string, how?: string, particle?: string) => {
    if (!(name in params)) return m;
    const value = String(params[name]);
    if (!particle) return value;
    const form = pick(value, particle as Particle);
    return how === '~' ? form : value + form;
  });
}

/** True when the string is a key of the catalogue (for keys built at runtime, like outcome names). */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
