import { describe, expect, it } from 'vitest';
import type { Trace } from '../engine/trace';
import {
  arrived,
  arrivedCount,
  duration,
  finalState,
  hopAt,
  stagger,
  stepTime,
  timeline,
  timelineMany,
  traceEnd,
  traceStart,
} from './timeline';
import { deliveredTrace, testHop } from './trace-fixture.test-helper';

const hop = testHop;

const delivered = deliveredTrace([
  hop('pod/default/client', 'send', 'client'),
  hop('node/node-1', 'dnat', 'kube-proxy'),
  hop('pod/default/web-1', 'deliver', 'pod'),
]);
const dropped: Trace = {
  ...delivered,
  outcome: 'timeout',
  hops: [hop('external', 'send', 'client'), hop('node/node-2', 'drop', 'kube-proxy')],
};

describe('timeline', () => {
  it('is null before the start and for a trace without hops', () => {
    expect(timeline(delivered, -0.1)).toBeNull();
    expect(timeline({ ...delivered, hops: [] }, 1)).toBeNull();
  });

  it('moves between consecutive hops, eased, and names the hop last reached', () => {
    const p = timeline(delivered, 0.5)!;
    expect(p.hop).toBe(0);
    expect(p.from.location).toBe('pod/default/client');
    expect(p.to.location).toBe('node/node-1');
    expect(p.progress).toBeCloseTo(0.5);
    expect(p.state).toBe('moving');
    expect(timeline(delivered, 1.25)!.progress).toBeCloseTo(0.125); // ease-in: 2 * 0.25²
    expect(timeline(delivered, 1.25)!.hop).toBe(1);
  });

  it('rests at the last hop in the final state', () => {
    expect(timeline(delivered, 2)).toMatchObject({ hop: 2, progress: 0, state: 'delivered' });
    expect(timeline(delivered, 99)!.to.location).toBe('pod/default/web-1');
    expect(timeline(dropped, 1)).toMatchObject({ hop: 1, state: 'dropped' });
    expect(finalState({ ...dropped, hops: [hop('external', 'send'), hop('node/n', 'reject')] })).toBe(
      'rejected',
    );
    expect(finalState({ ...delivered, outcome: 'refused' })).toBe('failed');
  });
});

describe('bursts', () => {
  it('staggers traces so 100 spread over 2 seconds', () => {
    expect(stagger(1)).toBe(0);
    expect(stagger(100)).toBeCloseTo(0.02);
    expect(stagger(4)).toBe(0.25);
    const many = [delivered, delivered, delivered];
    const at = timelineMany(many, 0.3);
    expect(at[0]!.progress).toBeGreaterThan(at[1]!.progress);
    expect(at.map((p) => p?.hop)).toEqual([0, 0, undefined]); // the third starts at 0.5
    expect(timelineMany(many, 0.1)[2]).toBeNull();
    expect(duration(many)).toBeCloseTo(2 + 2 * 0.25);
  });
});

describe('stepTime', () => {
  it('steps to the next and previous hop boundary, clamped to the trace', () => {
    const one = [delivered];
    expect(stepTime(one, 0, 1)).toBe(1);
    expect(stepTime(one, 0.4, 1)).toBe(1);
    expect(stepTime(one, 1, 1)).toBe(2);
    expect(stepTime(one, 2, 1)).toBe(2);
    expect(stepTime(one, 1.5, -1)).toBe(1);
    expect(stepTime(one, 1, -1)).toBe(0);
    expect(stepTime(one, 0, -1)).toBe(0);
    expect(stepTime([], 3, 1)).toBe(0);
  });

  it('steps the hops of request k of a burst, which starts k staggers later', () => {
    const burst = [delivered, delivered, dropped, delivered];
    expect(traceStart(2, 4)).toBe(0.5);
    expect(stepTime(burst, 0, 1, 2)).toBe(0.5); // before request 3 starts: to its first hop
    expect(stepTime(burst, 0.5, 1, 2)).toBe(1.5);
    expect(stepTime(burst, 1.5, 1, 2)).toBe(1.5); // it was dropped at hop 1: no further
    expect(stepTime(burst, 1.5, -1, 2)).toBe(0.5);
    expect(hopAt(burst, 2, 0)).toBe(0);
    expect(hopAt(burst, 2, 1.6)).toBe(1);
    expect(hopAt(burst, 9, 1)).toBe(-1);
  });
});

describe('arrived', () => {
  it('counts a burst’s requests only once they have come to rest, so a tally grows', () => {
    const burst = [delivered, dropped, delivered, delivered];
    // delivered: 3 hops (rests at 2 s); dropped: 2 hops (rests at 1 s); starts 0, .25, .5, .75
    expect(arrived(burst, 0)).toEqual([]);
    expect(arrived(burst, 1.25)).toEqual([dropped]);
    expect(arrived(burst, 2)).toHaveLength(2);
    expect(arrived(burst, duration(burst))).toHaveLength(4);
    expect(traceEnd(burst, 3)).toBeCloseTo(duration(burst));
  });

  it('arrivedCount (a binary search the playhead asks every frame) counts what arrived() lists', () => {
    // Requests of unequal lengths, so the rest times are not in request order.
    const burst = Array.from({ length: 40 }, (_, k) => (k % 3 === 1 ? dropped : delivered));
    const end = duration(burst);
    for (let t = -0.5; t <= end + 0.5; t += 0.01)
      expect(arrivedCount(burst, t), `t=${t}`).toBe(arrived(burst, t).length);
    expect(arrivedCount([], 3)).toBe(0);
    expect(duration([])).toBe(0);
  });
});
