/**
 * Tests read explanations in English: `expect(en(trace.explanation)).toContain('…')` keeps the wording
 * checked while the engine returns descriptors.
 */
import { render, renderText, type Msg } from '../messages';

/** The English text of a descriptor, a tool's string as is, or '' when absent. */
export function en(m: Msg | string | undefined | null): string {
  if (m === undefined || m === null) return '';
  return typeof m === 'string' ? m : render(m, 'en');
}

/** The Korean text of a descriptor, a tool's string as is, or '' when absent. */
export function ko(m: Msg | string | undefined | null): string {
  if (m === undefined || m === null) return '';
  return renderText(m, 'ko');
}
