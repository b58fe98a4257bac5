import { afterEach, describe, expect, it } from 'vitest';
import { drawCount, drawTimes, instrumentation } from './instrumentation';

const detail = (name: string) => performance.getEntriesByName(name).map((e) => (e as PerformanceMark).detail);

afterEach(() => performance.clearMarks());

describe('instrumentation (what npm run bench:ui reads)', () => {
  it('marks a build’s round trip with the engine’s own time', async () => {
    const build = instrumentation.buildSent();
    await new Promise((r) => setTimeout(r, 5));
    build.received();
    build.applied(7, 1.5);
    const [d] = detail('svclab:build-applied');
    expect(d).toMatchObject({ revision: 7, buildMs: 1.5 });
    expect(d.roundTripMs).toBeGreaterThanOrEqual(4);
    expect(d.applyMs).toBeGreaterThanOrEqual(0);
  });

  it('marks the graph a revision shows with the time its layout took', () => {
    const value = instrumentation.layout(() => {
      const end = performance.now() + 3;
      while (performance.now() < end);
      return 'laid out';
    });
    expect(value).toBe('laid out');
    instrumentation.graphShown(3);
    const [d] = detail('svclab:graph');
    expect(d.revision).toBe(3);
    expect(d.layoutMs).toBeGreaterThanOrEqual(2.9);
    // The next revision shown without a layout of its own reports none, not the last one's.
    instrumentation.graphShown(4);
    expect(detail('svclab:graph').find((x) => x.revision === 4)?.layoutMs).toBe(0);
  });

  it('keeps the draws the packet worker timed, in order, after those timed on the page', () => {
    const before = drawCount();
    instrumentation.drawStarted()();
    instrumentation.drawsMeasured([1.25, 2.5, 0.75]);
    expect(drawCount()).toBe(before + 4);
    expect(drawTimes().slice(-3)).toEqual([1.25, 2.5, 0.75]);
    // The ring keeps the last 600, oldest first.
    instrumentation.drawsMeasured(Array.from({ length: 700 }, (_, i) => i));
    expect(drawTimes()).toHaveLength(600);
    expect(drawTimes()[0]).toBe(100);
    expect(drawTimes().at(-1)).toBe(699);
  });
});
