import { describe, expect, it } from 'vitest';
import { msg } from '../messages';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits words and keeps quoted text together', () => {
    expect(tokenize(`curl -H 'Host: a.example.com' "http://x/a b"`)).toEqual({
      ok: true,
      words: ['curl', '-H', 'Host: a.example.com', 'http://x/a b'],
    });
  });
  it('handles escapes and empty quotes', () => {
    expect(tokenize(`echo a\\ b "q\\"x" ''`)).toEqual({ ok: true, words: ['echo', 'a b', 'q"x', ''] });
  });
  it('reports unterminated quotes instead of guessing', () => {
    expect(tokenize(`curl 'oops`)).toEqual({
      ok: false,
      error: msg('usage.unterminatedQuote', { quote: 'single' }),
    });
    expect(tokenize(`curl "oops`)).toEqual({
      ok: false,
      error: msg('usage.unterminatedQuote', { quote: 'double' }),
    });
  });
});
