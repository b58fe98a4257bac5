import { describe, expect, it } from 'vitest';
import type { Trace } from '../engine/trace';
import { hopNodeId } from './graph-ids';
import { selectHopNeighbourhood } from './playhead-selectors';
import { hopTime } from './timeline';
import { deliveredTrace, testHop } from './trace-fixture.test-helper';
import type { Store } from './types';

const hop = testHop;

// client → kube-proxy on node-1 → web-1, and back through node-1's kube-proxy (a place seen twice).
const trace = deliveredTrace([
  hop('pod/default/client', 'send', 'client'),
  hop('node/node-1', 'dnat', 'kube-proxy'),
  hop('pod/default/web-1', 'deliver', 'pod'),
  hop('node/node-1', 'forward', 'kube-proxy'),
]);
const ids = trace.hops.map((h) => hopNodeId(h.location, h.stage));
const at = (playhead: number, traces: Trace[] = [trace], focus = 0) =>
  selectHopNeighbourhood({ traces, focus, playhead } as unknown as Store);

describe('selectHopNeighbourhood', () => {
  it('before the packet leaves, is the whole route, source to destination, each place once', () => {
    expect(at(0)).toBe([ids[0], ids[1], ids[2]].join(' '));
    expect(new Set(ids).size).toBe(3);
  });

  it('once the packet moves, is where it is and where it goes next', () => {
    expect(at(0.5)).toBe(`${ids[0]} ${ids[1]}`);
    expect(at(hopTime(1))).toBe(`${ids[1]} ${ids[2]}`);
    expect(at(hopTime(3))).toBe(ids[3]);
  });

  it('follows the focused request of a burst: its own start, not the first request’s', () => {
    const second = { ...trace, hops: trace.hops.slice(0, 3).reverse() };
    const start = hopTime(0, 1, 2);
    expect(start).toBeGreaterThan(0);
    const route = second.hops.map((h) => hopNodeId(h.location, h.stage)).join(' ');
    expect(at(start, [trace, second], 1)).toBe(route);
    expect(at(start + 0.5, [trace, second], 1)).not.toBe(route);
  });

  it('is empty without traces', () => {
    expect(at(0, [])).toBe('');
  });
});
