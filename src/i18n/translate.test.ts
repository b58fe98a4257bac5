import { describe, expect, it } from 'vitest';
import type { MessageKey } from './en';
import { ko } from './ko';
import { translate } from './translate';

describe('translate', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translate('ko', 'timeline.mark', { at: '30s' })).toBe('30s로 이동');
    expect(translate('en', 'timeline.mark', {})).toContain('{at}');
  });

  it('gives a Korean particle the form the value is read with', () => {
    expect(translate('ko', 'timeline.mark', { at: '1m' })).toBe('1m으로 이동');
    expect(translate('ko', 'graph.pathShadowed', { ingress: 'default/web' })).toBe(
      'default/web이 먼저 정의함',
    );
    expect(translate('ko', 'graph.pathShadowed', { ingress: 'shop/api' })).toBe('shop/api가 먼저 정의함');
    expect(translate('ko', 'workspace.delete.confirm', { title: 'web' })).toMatch(/^작업 공간 “web”을 삭제/);
    expect(translate('ko', 'workspace.delete.confirm', { title: '내 장면' })).toMatch(
      /^작업 공간 “내 장면”을 삭제/,
    );
    expect(translate('ko', 'workspace.delete.confirm', { title: 'echo' })).toMatch(
      /^작업 공간 “echo”를 삭제/,
    );
  });

  it('writes no particle of the page right after a placeholder: the placeholder carries it', () => {
    const fixed = Object.entries(ko).filter(([, text]) =>
      /\}[”"’']?(이|가|은|는|을|를|와|과|으로|로|이나|나|이라|라)(?![\uac00-\ud7a3])|\}[”"’']?(은\(는\)|을\(를\)|이\(가\)|\(으\)로)/.test(
        text,
      ),
    );
    expect(fixed.map(([k]) => k as MessageKey)).toEqual([]);
  });
});
