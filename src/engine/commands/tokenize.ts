/**
 * Splits a command line the way a POSIX shell does for the cases users type into a console:
 * whitespace separates words, single quotes keep everything literal, double quotes keep spaces and
 * allow \" and \\ escapes, a backslash outside quotes escapes the next character.
 *
 * @example
 * tokenize(`curl -H 'Host: a.example.com' "http://x/a b"`); // ["curl", "-H", "Host: a.example.com", "http://x/a b"]
 */
import { msg, type Msg } from '../messages';

export type TokenizeResult = { ok: true; words: string[] } | { ok: false; error: Msg };

export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: msg('usage.unterminatedQuote', { quote: 'single' }) };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      let closed = false;
      while (i < line.length) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (d === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\' || line[i + 1] === '$')) {
          word += line[i + 1];
          i += 2;
        } else {
          word += d;
          i += 1;
        }
      }
      if (!closed) return { ok: false, error: msg('usage.unterminatedQuote', { quote: 'double' }) };
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}
