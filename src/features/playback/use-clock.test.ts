import { describe, expect, it } from 'vitest';
import { arrivedCount, duration, selectArrivedCount, selectReadout, type Store } from '../../store';
import { deliveredTrace, testHop } from '../../store/trace-fixture.test-helper';
import { clockStep, READOUT_MS } from './use-clock';

const trace = deliveredTrace([
  testHop('pod/default/client'),
  testHop('node/node-1'),
  testHop('pod/default/web-1'),
]);

describe('the playback clock: packets every frame, running counts a few times a second', () => {
  const traces = Array.from({ length: 2000 }, () => trace);

  it('moves the playhead in every frame and the readout only when the counts are due', () => {
    let s = { playhead: 0, readout: 0, speed: 1, traces, playing: true };
    const playheads = new Set<number>();
    const readouts = new Set<number>();
    let counted = -Infinity;
    // Three seconds of 60 Hz frames.
    for (let now = 0; now <= 3000; now += 1000 / 60) {
      const due = now - counted >= READOUT_MS;
      if (due) counted = now;
      s = { ...s, ...clockStep(s, 1000 / 60, due) };
      playheads.add(s.playhead);
      readouts.add(s.readout);
    }
    expect(playheads.size).toBeGreaterThan(170);
    expect(readouts.size).toBeLessThanOrEqual(31);
    expect(s.playhead - s.readout).toBeLessThan((READOUT_MS + 1000 / 60) / 1000);
    // While playing, the counts read the readout; arrivals are counted at it, not at the playhead.
    const store = s as unknown as Store;
    expect(selectReadout(store)).toBe(s.readout);
    expect(selectArrivedCount(store)).toBe(arrivedCount(traces, s.readout));
    // Paused (stepping, Home, End, a click in the event list), the counts read the playhead itself.
    const paused = { ...s, playing: false } as unknown as Store;
    expect(selectReadout(paused)).toBe(s.playhead);
  });

  it('stops at the end of the burst with the counts there too', () => {
    const end = duration(traces);
    expect(clockStep({ playhead: end - 0.01, speed: 2, traces }, 50, false)).toEqual({
      playhead: end,
      readout: end,
      playing: false,
    });
    expect(clockStep({ playhead: 1, speed: 0.5, traces }, 200, false)).toEqual({ playhead: 1.1 });
  });
});
