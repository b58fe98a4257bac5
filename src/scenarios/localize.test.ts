import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commentBlocks, localizeComments, type CommentTable } from './localize';

const objects = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);

describe('commentBlocks', () => {
  it('groups consecutive full-line comments at one indentation and keeps inline ones apart', () => {
    const text = '# a\n#\n# b\n\n# c\nx: 1 # d\ny:\n  # e\n  # f\n# g\n';
    expect(commentBlocks(text).map((b) => [b.inline, b.indent, b.lines])).toEqual([
      [false, '', ['a', '', 'b']],
      [false, '', ['c']],
      [true, '', ['d']],
      [false, '  ', ['e', 'f']],
      [false, '', ['g']],
    ]);
  });

  it('finds no comment in a quoted string, a plain scalar or a block scalar', () => {
    const text = [
      "a: 'x # not'",
      'b: "y # not"',
      'c: http://h/#frag',
      'd: |',
      '  # not a comment',
      '  z',
      'e: >-',
      '  # nor this',
      '# yes',
      '',
    ].join('\n');
    expect(commentBlocks(text).map((b) => b.lines)).toEqual([['yes']]);
  });
});

describe('localizeComments', () => {
  const table: CommentTable = [
    { en: ['Header', '', 'two lines'], ko: ['머리말', '', '두', '줄 더'] },
    { en: ['inline'], ko: ['줄 끝'] },
    { en: ['nested'], ko: ['들여쓴 주석'] },
  ];

  it('rewrites only the comments the table knows, every other byte kept', () => {
    const text = '# Header\n#\n# two lines\nkind: Pod # inline\nspec:\n    # nested\n  a: 1 # unknown\n';
    expect(localizeComments(text, table)).toBe(
      '# 머리말\n#\n# 두\n# 줄 더\nkind: Pod # 줄 끝\nspec:\n    # 들여쓴 주석\n  a: 1 # unknown\n',
    );
  });

  it('leaves a # inside quotes or a block scalar alone, even when its words are in the table', () => {
    const text = 'a: \'x # inline\'\nb: |\n  # inline\nc: "# Header" # inline\n';
    const out = localizeComments(text, table);
    expect(out).toBe('a: \'x # inline\'\nb: |\n  # inline\nc: "# Header" # 줄 끝\n');
    expect(objects(out)).toEqual(objects(text));
  });

  it('writes a comment at the end of a file without a newline', () => {
    expect(localizeComments('a: 1\n# nested', table)).toBe('a: 1\n# 들여쓴 주석');
    expect(localizeComments('a: 1 # inline', table)).toBe('a: 1 # 줄 끝');
  });

  it('keeps CRLF line ends, inside a block it lengthens too', () => {
    const text = '# Header\r\n#\r\n# two lines\r\nkind: Pod # inline\r\n';
    expect(localizeComments(text, table)).toBe('# 머리말\r\n#\r\n# 두\r\n# 줄 더\r\nkind: Pod # 줄 끝\r\n');
  });

  it('keeps a byte-order mark and the indentation of every line of a block', () => {
    const text = '\uFEFF# nested\nlist:\n  - a\n\t# nested\n';
    expect(localizeComments(text, table)).toBe('\uFEFF# 들여쓴 주석\nlist:\n  - a\n\t# 들여쓴 주석\n');
  });

  it('matches whole blocks only: a block the table knows in part stays as it is', () => {
    const text = '# Header\n#\n# two lines\n# and more\n';
    expect(localizeComments(text, table)).toBe(text);
  });

  it('writes an inline comment on one line whatever the table holds', () => {
    expect(localizeComments('a: 1 # inline\n', [{ en: ['inline'], ko: ['한', '줄'] }])).toBe(
      'a: 1 # 한 줄\n',
    );
  });

  it('returns text it cannot parse unchanged but for known comments, and never throws', () => {
    const text = 'a: [1, # nested\n  b: {\n# Header\n';
    expect(() => localizeComments(text, table)).not.toThrow();
    expect(localizeComments('', table)).toBe('');
    expect(localizeComments('key: "unterminated # inline\n', table)).toBe('key: "unterminated # inline\n');
  });
});
