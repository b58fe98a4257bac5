import { describe, expect, it } from 'vitest';
import { msg } from '../../engine';
import { around, axisEnd, instants } from './events';

const ev = (at: number, fault = false) => ({
  at,
  fault,
  msg: msg('timeline.podGone', { pod: 'p', grace: 30 }),
});

describe('timeline events on the axis', () => {
  it('groups events of one instant, a fault among them marks it', () => {
    const list = instants([ev(10, true), ev(60), ev(60), ev(360, true), ev(360)]);
    expect(list.map((i) => [i.at, i.events.length, i.fault])).toEqual([
      [10, 1, true],
      [60, 2, false],
      [360, 2, true],
    ]);
  });

  it('runs the axis past the last event, at least a minute, and to the instant shown', () => {
    expect(axisEnd([])).toBe(60);
    expect(axisEnd([ev(10)])).toBe(60);
    expect(axisEnd([ev(360)])).toBe(390);
    expect(axisEnd([ev(10)], 500)).toBe(530);
  });

  it('says what has happened and what comes next', () => {
    const list = instants([ev(10, true), ev(60), ev(360)]);
    expect(around(list, 0)).toEqual({ next: list[0] });
    expect(around(list, 10)).toEqual({ last: list[0], next: list[1] });
    expect(around(list, 59.9)).toEqual({ last: list[0], next: list[1] });
    expect(around(list, 400)).toEqual({ last: list[2] });
    expect(around([], 5)).toEqual({});
  });
});
