import { describe, expect, it } from 'vitest';
import { catalog, groups } from './catalog';
import type { MessageDef, MsgParam } from './define';
import { isMsg, msg, render } from './index';
import { localizeJson } from './json';

const entries = Object.entries(catalog) as [string, MessageDef<Record<string, MsgParam>>][];

/** Messages that carry text through unchanged by design (names, tool output, sentences of other messages). */
const PASS_THROUGH = new Set(['common.literal', 'common.sentences']);
/** Messages whose parameters are already one text per language (a lesson author's sentence, zod's locales). */
const PER_LANGUAGE = new Set(['lesson.text', 'lesson.format.schema']);
const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The names, addresses and numbers of an example (also inside lists), not nested descriptors, and not
 * single lowercase words, which may be enum values a message translates ("pass", "solution").
 */
function plainValues(params: Record<string, MsgParam>): string[] {
  const out: string[] = [];
  const walk = (v: MsgParam): void => {
    if (typeof v === 'string' && v.length > 0 && !/^[a-z]+$/.test(v)) out.push(v);
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
  };
  Object.values(params).forEach(walk);
  return out;
}

describe('message catalogue', () => {
  it('defines no id twice across groups, and every id carries its group prefix', () => {
    const seen = new Map<string, string>();
    for (const [group, defs] of Object.entries(groups)) {
      for (const id of Object.keys(defs)) {
        expect(seen.get(id), `${id} is defined in ${seen.get(id)} and ${group}`).toBeUndefined();
        seen.set(id, group);
        expect(id).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)+$/);
      }
    }
    expect(seen.size).toBe(Object.keys(catalog).length);
  });

  it('renders every message from its example in both languages, whole and in Korean', () => {
    for (const [id, def] of entries) {
      const m = { id, params: def.example };
      const en = render(m, 'en');
      const ko = render(m, 'ko');
      for (const [lang, text] of [
        ['en', en],
        ['ko', ko],
      ] as const) {
        expect(text.trim().length, `${id} (${lang}) is empty`).toBeGreaterThan(0);
        expect(text, `${id} (${lang})`).not.toMatch(/undefined|\[object Object\]|NaN|\$\{/);
        expect(text.startsWith(`${id} `), `${id} (${lang}) failed to render`).toBe(false);
      }
      if (!PASS_THROUGH.has(id)) expect(ko, `${id} has no Korean`).toMatch(HANGUL);
    }
  });

  it('keeps every name, address and number of the example in the Korean text', () => {
    for (const [id, def] of entries) {
      if (PER_LANGUAGE.has(id)) continue;
      const m = { id, params: def.example };
      const en = render(m, 'en');
      const ko = render(m, 'ko');
      for (const v of plainValues(def.example)) {
        if (en.includes(v)) expect(ko, `${id}: "${v}" is lost in Korean`).toContain(v);
      }
    }
  });

  it('writes Korean in one register: sentences end in 합니다/습니다 style, never 해요 or 한다', () => {
    for (const [id, def] of entries) {
      const ko = render({ id, params: def.example }, 'ko');
      expect(ko, id).not.toMatch(/(해요|어요|아요|에요|예요|한다|이다)[.!?]?(\s|$)/);
    }
  });

  it('renders nested descriptors in the language of the outer message', () => {
    const m = msg('common.sentences', {
      parts: [msg('common.literal', { text: 'a.' }), msg('common.literal', { text: 'b.' })],
    });
    expect(render(m, 'en')).toBe('a. b.');
    expect(render(m, 'ko')).toBe('a. b.');
    const nested = msg('sim.block.reject', {
      why: msg('sim.noEndpoints.unknown', { service: 'default/web' }),
      node: 'node-1',
    });
    expect(render(nested, 'ko')).toContain('default/web 서비스에는 준비된 엔드포인트가 없습니다.');
  });

  it('renders an unknown id, or parameters that do not fit, as data instead of throwing', () => {
    expect(render({ id: 'future.thing', params: { n: 1 } }, 'ko')).toBe('future.thing {"n":1}');
    expect(render({ id: 'sim.noServicePort', params: {} }, 'en')).toBe('sim.noServicePort {}');
    expect(isMsg({ id: 'x', params: {} })).toBe(true);
    expect(isMsg({ id: 'x' })).toBe(false);
  });

  it('prints descriptors in JSON as strings in the chosen language, with the descriptor beside', () => {
    const note = msg('sim.hop.knownFlow', {});
    expect(localizeJson({ hops: [{ note, rule: 'r' }] }, 'ko')).toEqual({
      hops: [{ note: '이미 알려진 흐름입니다(conntrack).', noteMsg: note, rule: 'r' }],
    });
  });
});
