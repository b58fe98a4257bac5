/**
 * Pure lookup: `translate('ko', 'playback.hop', { n: 2, total: 5 })` → "홉 2/5".
 * Unknown placeholders are left as written so a missing parameter is visible, not silently empty.
 */
import { en, type Catalogue, type MessageKey } from './en';
import { ko } from './ko';

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['en', 'ko'];
const catalogues: Record<Locale, Catalogue> = { en, ko };

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = catalogues[locale][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** True when the string is a key of the catalogue (for keys built at runtime, like outcome names). */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
