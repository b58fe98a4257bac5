/**
 * `const r = useRender(); r(result.verdict)`: an engine message descriptor in the page's language (the
 * checker's and the judge's sentences, and a lesson's own text carried as `lesson.text`).
 */
import { useCallback } from 'react';
import { render, type Msg } from '../../engine/messages';
import { selectLocale, useStore } from '../../store';

export function useRender(): (m: Msg) => string {
  const locale = useStore(selectLocale);
  return useCallback((m: Msg) => render(m, locale), [locale]);
}
