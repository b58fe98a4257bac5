import { describe, expect, it } from 'vitest';
import { buildCluster, createWorld, render, runCommand, type Trace } from '../../engine';
import { findScenario } from '../../scenarios';
import type { ConsoleEntry } from '../../store';
import { consoleTranscript } from './transcript';
import { traceJson, traceMarkdown } from './trace-export';

const { cluster, diagnostics } = buildCluster(
  [{ file: 'scene.yaml', text: findScenario('clusterip-three-pods')!.yaml }],
  { seed: 1 },
);
const curl = (line: string, lang: 'en' | 'ko' = 'en') =>
  runCommand(line, { cluster, world: createWorld(1), diagnostics, json: false, lang });

describe('a trace exported for a handout', () => {
  const sent = curl('exec client -- curl http://web -o json');
  const traces = sent.traces as Trace[];

  it('is, as JSON, exactly what curl -o json prints (one request, and --count N as results)', () => {
    expect(traces).toHaveLength(1);
    expect(traceJson(traces, 'en')).toBe(sent.stdout);
    const many = curl('exec client -- curl --count 3 http://web -o json', 'ko');
    expect(traceJson(many.traces as Trace[], 'ko')).toBe(many.stdout);
    expect(JSON.parse(traceJson(many.traces as Trace[], 'ko')).results).toHaveLength(3);
  });

  it('has, as Markdown, every hop in order with its place, its rule and why, and the outcome', () => {
    const md = traceMarkdown(traces, 0, 'en');
    const t = traces[0]!;
    expect(md).toMatch(/^# svclab: a request, hop by hop\n/);
    expect(md).toContain(`**Delivered** — ${render(t.explanation, 'en').replace(/([\\`*_[\]<>])/g, '\\$1')}`);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toHaveLength(t.hops.length);
    const withRule = t.hops.filter((h) => h.rule);
    expect(withRule.length).toBeGreaterThan(0);
    for (const h of withRule) expect(md).toContain(`\n${h.rule}\n`);
    // The DNAT hop shows the Service's address becoming the pod's.
    const dnat = t.hops.findIndex((h) => h.rewrite === 'dnat' || h.rewrite === 'dnat+snat');
    expect(dnat).toBeGreaterThan(0);
    expect(md).toContain(`\`${t.hops[dnat - 1]!.packet.dst}\` → \`${t.hops[dnat]!.packet.dst}\``);
    expect(md).toContain('iptables-save on node-');
    expect(md).toContain('**chosen**');
  });

  it('speaks the page’s language', () => {
    const md = traceMarkdown(traces, 0, 'ko');
    expect(md).toMatch(/^# svclab: 요청을 홉 단위로 따라가기\n/);
    expect(md).toContain('**전달됨**');
    expect(md).toContain('- 출발지: ');
    expect(md).toContain(render(traces[0]!.hops.find((h) => h.note)!.note!, 'ko').slice(0, 12));
  });

  it('follows the request the inspector follows, and says which of how many', () => {
    const many = curl('exec client -- curl --count 3 http://web -o json').traces as Trace[];
    expect(traceMarkdown(many, 2, 'en')).toContain('*Request 3 of 3*');
    expect(traceMarkdown([], 0, 'en')).toBe('');
  });

  it('keeps a rule with backticks inside its code block, and user text from being read as Markdown', () => {
    const t = traces[0]!;
    const odd: Trace = {
      ...t,
      hops: [
        { ...t.hops[0]!, location: 'pod/default/a_b*c', rule: '-A X -m comment --comment "```x`" -j Y' },
      ],
    };
    const md = traceMarkdown([odd], 0, 'en');
    expect(md).toContain('\n````\n-A X -m comment --comment "```x`" -j Y\n````\n');
    expect(md).toContain('a\\_b\\*c');
  });
});

describe('the console transcript', () => {
  const entry = (line: string, stdout: string, stderr = '', exitCode: number | null = 0): ConsoleEntry => ({
    id: 1,
    line,
    stdout,
    stderr,
    exitCode,
  });
  it('reads like a terminal session: prompt, output, a failure’s exit status as a comment', () => {
    const get = curl('get svc');
    const text = consoleTranscript(
      [entry('get svc', get.stdout), entry('get pods nope', '', 'Error from server (NotFound)', 1)],
      'en',
    );
    expect(text).toBe(
      `# svclab console transcript\n\n$ get svc\n${get.stdout}\n$ get pods nope\nError from server (NotFound)\n# exit status 1\n`,
    );
    expect(consoleTranscript([entry('ping web', '', '', null)], 'ko')).toBe(
      '# svclab 콘솔 기록\n\n$ ping web\n',
    );
  });
});
