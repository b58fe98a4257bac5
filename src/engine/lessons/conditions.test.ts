import { describe, expect, it } from 'vitest';
import { render } from '../messages';
import { judge } from './conditions';
import type { Condition } from './schema';

const scope = {
  answers: {
    results: [
      { outcome: 'delivered', response: { status: 200 }, backend: { pod: 'default/web-a' } },
      { outcome: 'delivered', response: { status: 200 }, backend: { pod: 'default/web-b' } },
      { outcome: 'rejected', response: null, backend: null, explanation: 'no endpoints' },
    ],
  },
  webPods: ['default/web-a', 'default/web-b'],
};
const run = (c: Condition) => {
  const v = judge(c, scope, scope);
  return { passed: v.passed, en: render(v.detail, 'en'), ko: render(v.detail, 'ko') };
};

describe('judge', () => {
  it('equals, oneOf with a ref, startsWith, contains and ranges', () => {
    expect(run({ path: 'answers.results[0].response.status', equals: 200 }).passed).toBe(true);
    expect(run({ path: 'answers.results[0].backend.pod', oneOf: { ref: 'webPods' } }).passed).toBe(true);
    expect(run({ path: 'answers.results[2].backend.pod', oneOf: { ref: 'webPods' } })).toMatchObject({
      passed: false,
      en: 'answers.results[2].backend.pod is null, which is none of default/web-a, default/web-b',
    });
    expect(run({ path: 'answers.results[0].backend.pod', startsWith: 'default/' }).passed).toBe(true);
    expect(run({ path: 'webPods', contains: 'default/web-b' }).passed).toBe(true);
    expect(run({ path: 'length(webPods)', atLeast: 3 })).toMatchObject({
      passed: false,
      en: 'length(webPods) is 2; it must be at least 3',
    });
  });

  it('every names the first failing item and quotes its explanation', () => {
    const v = run({
      path: 'answers.results',
      label: 'outcome',
      every: { path: 'response.status', equals: 200 },
    });
    expect(v.passed).toBe(false);
    expect(v.en).toBe('#3 of 3 (rejected): response.status is null, not 200. no endpoints');
    expect(v.ko).toContain('3개 중 3번째');
  });

  it('every fails on an empty list; some and none', () => {
    expect(run({ path: 'nothing', every: { equals: 1 } }).passed).toBe(false);
    expect(run({ path: 'answers.results', some: { path: 'outcome', equals: 'rejected' } }).passed).toBe(true);
    expect(run({ path: 'answers.results', none: { path: 'outcome', equals: 'rejected' } }).passed).toBe(
      false,
    );
  });

  it('count with distinct, and the lesson says what is missing', () => {
    const v = run({
      path: 'answers.results[].backend.pod',
      count: { atLeast: 3 },
      distinct: true,
      missing: { en: 'Too few pods answer', ko: '답하는 파드가 너무 적습니다' },
    });
    expect(v).toMatchObject({
      passed: false,
      en: 'Too few pods answer (2 different values: default/web-a, default/web-b; needs at least 3)',
    });
    expect(v.ko).toBe(
      '답하는 파드가 너무 적습니다 (서로 다른 값 2개: default/web-a, default/web-b. 3개 이상이 필요함)',
    );
  });

  it('all, any and not combine', () => {
    expect(
      run({
        any: [
          { path: 'webPods', count: { equals: 5 } },
          { path: 'webPods', count: { equals: 2 } },
        ],
      }).passed,
    ).toBe(true);
    expect(run({ not: { path: 'webPods', count: { equals: 2 } } }).passed).toBe(false);
    expect(
      run({
        all: [
          { path: 'webPods', count: { equals: 2 } },
          { path: 'answers', equals: null },
        ],
      }).passed,
    ).toBe(false);
  });

  it('a broken expression is a failed check that says why, not a throw', () => {
    const v = run({ path: 'nosuchfn(webPods)', equals: 1 });
    expect(v.passed).toBe(false);
    expect(v.en).toContain('could not evaluate nosuchfn(webPods)');
  });
});

describe('fillTemplate', () => {
  it('fills each placeholder into one word, whatever quotes or spaces the expression or the value holds', async () => {
    const { fillTemplate } = await import('./run-commands');
    const scope = { n: { addr: [{ type: 'InternalIP', address: '10.0.0.1' }] }, odd: 'a b; rm -rf' };
    expect(
      fillTemplate("curl -s http://{{n.addr[?type=='InternalIP'].address | [0]}}:30080/", scope),
    ).toEqual({
      words: ['curl', '-s', 'http://10.0.0.1:30080/'],
    });
    expect(fillTemplate('exec {{odd}} -- env', scope)).toEqual({
      words: ['exec', 'a b; rm -rf', '--', 'env'],
    });
    expect('error' in fillTemplate('get svc {{n}}', scope)).toBe(true);
  });
});
