import { describe, expect, it } from 'vitest';
import { catalog } from '../engine/messages/catalog';
import type { MessageDef, MsgParam } from '../engine/messages/define';
import { render } from '../engine/messages';
import { en } from './en';
import { avoidedTerms, GLOSSARY } from './glossary';
import { ko } from './ko';

/** The strings of an example's parameters (names, quoted tool output), not nested descriptors. */
function texts(v: MsgParam): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(texts);
  return [];
}
/** Each message's Korean example with its parameters' text cut out: only the message's own words. */
const engineKo = (Object.entries(catalog) as [string, MessageDef<Record<string, MsgParam>>][]).map(
  ([id, def]) => {
    let text = render({ id, params: def.example }, 'ko');
    for (const v of Object.values(def.example).flatMap(texts)) if (v) text = text.split(v).join('□');
    return [id, text] as const;
  },
);
/** The parameters a text uses (a particle's placeholder, `{title~을/를}`, names one it already has). */
const placeholders = (s: string) =>
  [...new Set([...s.matchAll(/\{(\w+)(?:[|~][^}]+)?\}/g)].map((m) => m[1]))].sort();

describe('glossary', () => {
  it('finds an avoided spelling and names the term to use', () => {
    expect(avoidedTerms('포드가 준비되지 않았습니다')).toEqual([{ found: '포드', use: '파드' }]);
    expect(avoidedTerms('Ingress 컨트롤러가 응답합니다')).toEqual([{ found: 'Ingress', use: '인그레스' }]);
    expect(avoidedTerms('라벨과 선택자')).toHaveLength(2);
    // Field values, paths and code stay in English.
    expect(
      avoidedTerms('type: NodePort 서비스, kind: Service, `Pod`, ExternalName, 디플로이먼트(Deployment)'),
    ).toEqual([]);
    expect(avoidedTerms('인그레스 컨트롤러가 파드에 바로 연결합니다')).toEqual([]);
  });

  it('no Korean message of the engine uses an avoided term', () => {
    const bad = engineKo.flatMap(([id, text]) =>
      avoidedTerms(text).map((a) => `${id}: ${a.found} → ${a.use}`),
    );
    expect(bad).toEqual([]);
  });

  it('no Korean text of the page uses an avoided term', () => {
    const bad = Object.entries(ko).flatMap(([key, text]) =>
      avoidedTerms(text).map((a) => `${key}: ${a.found} → ${a.use}`),
    );
    expect(bad).toEqual([]);
  });

  it('gives every page text both languages with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ko[key], `${key} has no Korean`).toBeTruthy();
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('keeps each preferred term free of its own avoided spellings', () => {
    for (const t of GLOSSARY) expect(avoidedTerms(t.ko), t.en).toEqual([]);
  });
});
