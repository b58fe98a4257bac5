/**
 * `const t = useT(); t('request.send')`: the current language's text. Every visible string goes
 * through it.
 */
import { useCallback } from 'react';
import { selectLocale, useStore } from '../store';
import type { MessageKey } from './en';
import { translate, type Params } from './translate';

export type { MessageKey } from './en';
export { translate, isMessageKey, LOCALES, type Locale } from './translate';

export type T = (key: MessageKey, params?: Params) => string;

export function useT(): T {
  const locale = useStore(selectLocale);
  return useCallback((key: MessageKey, params?: Params) => translate(locale, key, params), [locale]);
}
