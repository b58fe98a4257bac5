import { describe, expect, it } from 'vitest';
import { lastScheduleTimes, parseCron, scheduleTimes } from './cron';

describe('robfig/cron v3 ParseStandard', () => {
  it('says its errors in its own words', () => {
    expect(parseCron('').error).toBe('empty spec string');
    expect(parseCron('* * *').error).toBe('expected exactly 5 fields, found 3: [* * *]');
    expect(parseCron('* * * * * *').error).toBe('expected exactly 5 fields, found 6: [* * * * * *]');
    expect(parseCron('60 * * * *').error).toBe('end of range (60) above maximum (59): 60');
    expect(parseCron('* * 0 * *').error).toBe('beginning of range (0) below minimum (1): 0');
    expect(parseCron('* * * * 7').error).toBe('end of range (7) above maximum (6): 7');
    expect(parseCron('5-1 * * * *').error).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(parseCron('*/0 * * * *').error).toBe('step of range should be a positive number: */0');
    expect(parseCron('x * * * *').error).toBe(
      'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax',
    );
    expect(parseCron('-1 * * * *').error).toBe(
      'failed to parse int from : strconv.Atoi: parsing "": invalid syntax',
    );
    expect(parseCron('1-2-3 * * * *').error).toBe('too many hyphens: 1-2-3');
    expect(parseCron('1/2/3 * * * *').error).toBe('too many slashes: 1/2/3');
    expect(parseCron('@fortnightly').error).toBe('unrecognized descriptor: @fortnightly');
    expect(parseCron('@every 1x').error).toBe(
      'failed to parse duration @every 1x: time: invalid duration "1x"',
    );
  });

  it('reads names, descriptors, lists, ranges and steps', () => {
    for (const ok of [
      '*/15 * * * *',
      '0 9 * * mon-fri',
      '0 0 1 jan,JUL *',
      '@hourly',
      '@every 90s',
      '0 0 ? * *',
    ])
      expect(parseCron(ok).error).toBeUndefined();
  });

  it('fires at whole minutes; day-of-month and day-of-week are ORed when both are restricted', () => {
    const every5 = parseCron('*/5 * * * *').schedule!;
    expect(scheduleTimes(every5, 0, 900, undefined, 10)).toEqual([300, 600, 900]);
    // 1970-01-01 was a Thursday (4): "0 0 2 * 4" fires on the 1st (a Thursday) and on the 2nd.
    const or = parseCron('0 0 2 * 4').schedule!;
    expect(scheduleTimes(or, -1, 3 * 86400, undefined, 5)).toEqual([0, 86400]);
    expect(lastScheduleTimes(parseCron('* * * * *').schedule!, 0, 600, undefined, 3)).toEqual({
      times: [600, 540, 480],
      count: 10,
    });
    expect(lastScheduleTimes(parseCron('@every 90s').schedule!, 0, 600, undefined, 2)).toEqual({
      times: [540, 450],
      count: 6,
    });
  });

  it('reads the wall time in a time zone (Asia/Seoul is UTC+9)', () => {
    const nine = parseCron('0 9 * * *').schedule!;
    expect(scheduleTimes(nine, -1, 86400, 'Asia/Seoul', 1)).toEqual([0]);
    expect(scheduleTimes(nine, 0, 86400, undefined, 1)).toEqual([9 * 3600]);
  });
});
