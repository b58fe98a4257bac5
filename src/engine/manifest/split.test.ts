import { describe, expect, it } from 'vitest';
import { formatBytes, splitSource, utf8Length } from './split';

describe('splitSource', () => {
  it('cuts before every --- marker line, keeping line numbers', () => {
    expect(splitSource('a: 1\n---\nb: 2\n--- # c\nc: 3\n---\td: 4\n---\r\ne: 5\n---')).toEqual([
      { text: 'a: 1\n', startLine: 1 },
      { text: '---\nb: 2\n', startLine: 2 },
      { text: '--- # c\nc: 3\n', startLine: 4 },
      { text: '---\td: 4\n', startLine: 6 },
      { text: '---\r\ne: 5\n', startLine: 7 },
      { text: '---', startLine: 9 },
    ]);
  });

  it('does not cut at lines that only start like a marker, or at a first-line marker (a marker inside quotes is still one)', () => {
    const text = '---\na: ---\n---x: 1\n ---\n--\n-\nb: "\n--- x"\n';
    expect(splitSource(text).map((c) => c.startLine)).toEqual([1, 8]);
    expect(
      splitSource(text)
        .map((c) => c.text)
        .join(''),
    ).toBe(text);
  });

  it('keeps a source with directives whole', () => {
    const text = '%YAML 1.1\n---\na: 1\n---\nb: 2\n';
    expect(splitSource(text)).toEqual([{ text, startLine: 1 }]);
  });
});

describe('utf8Length and formatBytes', () => {
  it('counts UTF-8 bytes and prints sizes', () => {
    expect(utf8Length('aé日😀')).toBe(1 + 2 + 3 + 4);
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MiB');
  });
});
