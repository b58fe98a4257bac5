import { describe, expect, it } from 'vitest';
import type { Hop, Trace } from '../engine/trace';
import { duration, finalState, stagger, stepTime, timeline, timelineMany } from './timeline';

const hop = (location: string, action: Hop['action'], stage: Hop['stage'] = 'node'): Hop => ({
  stage,
  location,
  action,
  packet: { src: '10.244.0.5:40000', dst: '10.96.0.10:80', protocol: 'TCP' },
});

const delivered: Trace = {
  outcome: 'delivered',
  explanation: { id: 'sim.loop', params: {} },
  response: { status: 200, body: 'ok' },
  backend: null,
  sourceSeenByBackend: null,
  hops: [
    hop('pod/default/client', 'send', 'client'),
    hop('node/node-1', 'dnat', 'kube-proxy'),
    hop('pod/default/web-1', 'deliver', 'pod'),
  ],
};
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
    expect(stepTime(delivered, 0, 1)).toBe(1);
    expect(stepTime(delivered, 0.4, 1)).toBe(1);
    expect(stepTime(delivered, 1, 1)).toBe(2);
    expect(stepTime(delivered, 2, 1)).toBe(2);
    expect(stepTime(delivered, 1.5, -1)).toBe(1);
    expect(stepTime(delivered, 1, -1)).toBe(0);
    expect(stepTime(delivered, 0, -1)).toBe(0);
    expect(stepTime(undefined, 3, 1)).toBe(0);
  });
});
