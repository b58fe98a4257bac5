/**
 * The README's promises, kept: every `node bin/svclab.mjs …` line it shows (in a shell block or inline,
 * and in the example scenes' comments) runs as written from the repository root and exits as the README
 * says (0 unless the line says "exits N"); no example names a file that does not exist or a bare
 * `svclab` that is not on the PATH; the scenario list names every scene of the menu, in its order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../engine/commands/tokenize';
import { scenarios } from '../scenarios';
import { run } from './cli.test-helper';

const README = readFileSync('README.md', 'utf8');
const CLI = 'node bin/svclab.mjs ';

interface Example {
  where: string;
  line: string;
  exit: number;
}

/** A command and the exit status its comment promises ("# exits 1: …"), 0 when it says none. */
function example(where: string, text: string): Example {
  const m = /^(.*?)\s+#\s*(.*)$/.exec(text);
  const line = (m ? m[1]! : text).trim();
  const exit = m ? Number(/^exits (\d)/.exec(m[2]!)?.[1] ?? 0) : 0;
  return { where, line, exit };
}

function examples(): Example[] {
  const out: Example[] = [];
  let fence: 'shell' | 'other' | undefined;
  README.split('\n').forEach((raw, i) => {
    const where = `README.md:${i + 1}`;
    if (/^\s*```/.test(raw)) {
      fence = fence ? undefined : /^\s*```(sh|bash|console)?\s*$/.test(raw) ? 'shell' : 'other';
      return;
    }
    if (fence === 'shell') {
      if (raw.trim().startsWith(CLI)) out.push(example(where, raw.trim()));
      return;
    }
    if (fence) return;
    for (const m of raw.matchAll(/`(node bin\/svclab\.mjs [^`]+)`/g)) out.push(example(where, m[1]!));
  });
  for (const file of readdirSync('docs/examples')) {
    readFileSync(`docs/examples/${file}`, 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const m = /^#\s+(node bin\/svclab\.mjs .*)$/.exec(raw);
        if (m) out.push(example(`docs/examples/${file}:${i + 1}`, m[1]!));
      });
  }
  return out;
}

describe('README examples', () => {
  const all = examples();

  it('finds the examples (the shell block, the inline ones and the example scene’s)', () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.some((e) => e.exit === 1)).toBe(true);
  });

  it('names no bare `svclab` command (it is not on the PATH of a fresh clone) and wraps none', () => {
    expect([...README.matchAll(/`(svclab [^`]*)`/g)].map((m) => m[1])).toEqual([]);
    expect(README.split('\n').filter((l) => /^\s*svclab /.test(l) && !/^svclab is /.test(l))).toEqual([]);
    // Every mention is a whole example on one line (a span wrapped over two lines would be missed).
    const mentions = README.split(CLI.trim()).length - 1;
    expect(all.filter((e) => e.where.startsWith('README')).length).toBe(mentions);
  });

  for (const e of all) {
    it(`${e.where}: ${e.line}`, async () => {
      const words = tokenize(e.line.slice(CLI.length));
      expect(words.ok).toBe(true);
      if (!words.ok) return;
      const r = await run(...words.words);
      expect({ code: r.code, err: r.code === e.exit ? '' : r.err }).toEqual({ code: e.exit, err: '' });
      if (e.exit === 0) expect(r.out.length).toBeGreaterThan(0);
    });
  }
});

describe('README scenario list', () => {
  it('names every scene of the scenario menu, in the menu’s order', () => {
    const start = README.indexOf('Pick a scene from the scenario menu');
    expect(start).toBeGreaterThan(0);
    const list = README.slice(README.indexOf(':\n', start) + 2, README.indexOf('.\n', start))
      .split('·')
      .map((t) => t.replace(/\s+/g, ' ').trim());
    expect(list).toEqual(scenarios.map((s) => s.title.en));
  });
});
