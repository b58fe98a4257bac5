import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import type { MessageDef, Msg, MsgParam } from './define';
import { isMsg, render } from './index';

/**
 * A Korean particle after a value must fit how the value is read (웹이, 서버가, 레일로). Each string
 * and number of every message's example is given three endings in turn: a syllable with a final
 * consonant (겹), one without (뷔) and one ending in ㄹ (퀼); numbers become 13 (십삼), 12 (십이) and
 * 11 (십일). A particle fixed in the message's text fits at most two of them, so a message that
 * writes `${p.name}가` or `${p.name}을(를)` instead of asking josa() fails here.
 */
const entries = Object.entries(catalog) as [string, MessageDef<Record<string, MsgParam>>][];

type Ending = { tail: string; number: number; wrong: RegExp };
const NOT_HANGUL = '(?![\\uac00-\\ud7a3])';
const ENDINGS: Ending[] = [
  { tail: '겹', number: 13, wrong: /^(가|는|를|와|로|라|나|랑|란|야)/ },
  { tail: '뷔', number: 12, wrong: /^(이|은|을|과|으로|이라|이나|이랑|이란|아)/ },
  { tail: '퀼', number: 11, wrong: /^(가|는|를|와|으로|라|나|랑|란|야)/ },
];
/** The "은(는)" forms a reader must decode: josa() picks one. */
const DOUBLE_FORM = /(은\(는\)|이\(가\)|을\(를\)|과\(와\)|와\(과\)|\(으\)로|\(이\)라)/;

/** Every place in the parameters that holds a string or a number (not inside nested descriptors). */
function leaves(params: Record<string, MsgParam>): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: MsgParam, path: (string | number)[]): void => {
    if (typeof v === 'string' || typeof v === 'number') out.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isMsg(v)) return;
  };
  for (const [k, v] of Object.entries(params)) walk(v, [k]);
  return out;
}

function withLeaf(
  params: Record<string, MsgParam>,
  path: (string | number)[],
  e: Ending,
): Record<string, MsgParam> {
  const copy = JSON.parse(JSON.stringify(params)) as Record<string, unknown>;
  let holder = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const key = path[path.length - 1] ?? '';
  const v = holder[key];
  holder[key] = typeof v === 'number' ? e.number : `${v as string}${e.tail}`;
  return copy as Record<string, MsgParam>;
}

/** The text right after each place the changed value shows in the Korean sentence. */
function after(text: string, shown: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf(shown); i >= 0; i = text.indexOf(shown, i + 1)) {
    const rest = text.slice(i + shown.length);
    if (typeof shown === 'string' && /^[0-9]/.test(rest)) continue; // 13 inside 130
    out.push(rest.replace(/^["'”’]/, '')); // "web"을: the particle follows the closing quote
  }
  return out;
}

describe('Korean particles after values', () => {
  it('writes no double form like 은(는) or (으)로 in any message', () => {
    for (const [id, def] of entries) {
      expect(render({ id, params: def.example } as Msg, 'ko'), id).not.toMatch(DOUBLE_FORM);
    }
  });

  it('fits every particle after a value to how the value is read', () => {
    const wrong: string[] = [];
    for (const [id, def] of entries) {
      for (const path of leaves(def.example)) {
        for (const e of ENDINGS) {
          const params = withLeaf(def.example, path, e);
          let ko: string;
          try {
            ko = render({ id, params }, 'ko');
          } catch {
            continue; // a value the message computes with; its own tests cover it
          }
          const original = path.reduce<unknown>(
            (v, k) => (v as Record<string | number, unknown>)[k],
            def.example,
          );
          const shown = typeof original === 'number' ? String(e.number) : e.tail;
          for (const rest of after(ko, shown)) {
            const particle = new RegExp(e.wrong.source + NOT_HANGUL).exec(rest);
            if (particle)
              wrong.push(`${id} (${path.join('.')} ending in ${shown}): …${shown}${rest.slice(0, 12)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
