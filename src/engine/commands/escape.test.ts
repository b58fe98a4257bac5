import { describe, expect, it } from 'vitest';
import { escapeTerminal } from './escape';

describe('escapeTerminal', () => {
  it('writes ESC as kubectl does (^[) and CR as \\r, so a title or clear-screen sequence shows as text', () => {
    expect(escapeTerminal('a\u001b]0;pwned\u0007\u001b[2Jb')).toBe('a^[]0;pwned^G^[[2Jb');
    expect(escapeTerminal('line\r\n')).toBe('line\\r\n');
  });

  it('keeps tabs and newlines (tables and lines need them) and leaves ordinary text alone', () => {
    const text = 'NAME\tTYPE\nweb\tClusterIP\n서비스 ✓\n';
    expect(escapeTerminal(text)).toBe(text);
  });

  it('writes DEL and C1 controls as JSON escapes, so JSON output parses to the same value', () => {
    const value = { s: 'x\u009b31m\u007fy\u0085' };
    const out = escapeTerminal(JSON.stringify(value));
    expect(out).toBe('{"s":"x\\u009b31m\\u007fy\\u0085"}');
    expect(JSON.parse(out)).toEqual(value);
  });

  it('leaves no control character behind and is idempotent', () => {
    let all = '';
    for (let c = 0; c < 0xa0; c++) all += String.fromCharCode(c);
    const once = escapeTerminal(all);
    // eslint-disable-next-line no-control-regex
    expect(once.replace(/[\t\n]/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(escapeTerminal(once)).toBe(once);
  });
});
