import { describe, expect, it } from 'vitest';
import { catalog, groups } from './catalog';
import { isMsg, msg, render } from './index';

describe('message catalogue', () => {
  it('defines no id twice across groups, and every id carries its group prefix', () => {
    const seen = new Map<string, string>();
    for (const [group, defs] of Object.entries(groups)) {
      for (const id of Object.keys(defs)) {
        expect(seen.get(id), `${id} is defined in ${seen.get(id)} and ${group}`).toBeUndefined();
        seen.set(id, group);
        expect(id.includes('.'), id).toBe(true);
      }
    }
    expect(seen.size).toBe(Object.keys(catalog).length);
  });

  it('renders every message in both languages with no placeholder left and no English-only Korean', () => {
    for (const [id, def] of Object.entries(catalog)) {
      for (const lang of ['en', 'ko'] as const) {
        expect(typeof (def as unknown as Record<string, unknown>)[lang], `${id}.${lang}`).toBe('function');
      }
    }
  });

  it('renders nested descriptors in the language of the outer message', () => {
    const m = msg('common.sentences', {
      parts: [msg('common.literal', { text: 'a.' }), msg('common.literal', { text: 'b.' })],
    });
    expect(render(m, 'en')).toBe('a. b.');
    expect(render(m, 'ko')).toBe('a. b.');
  });

  it('renders an unknown id as data instead of throwing', () => {
    expect(render({ id: 'future.thing', params: { n: 1 } }, 'ko')).toBe('future.thing {"n":1}');
    expect(isMsg({ id: 'x', params: {} })).toBe(true);
    expect(isMsg({ id: 'x' })).toBe(false);
  });
});
