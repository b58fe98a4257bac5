import { describe, expect, it } from 'vitest';
import { formatTimestamp, humanDuration, parseTimestamp } from './time';

describe('simulated time', () => {
  it('formats the scene clock as RFC 3339', () => {
    expect(formatTimestamp(0)).toBe('2026-01-01T00:00:00Z');
    expect(formatTimestamp(86400 * 59 + 3661)).toBe('2026-03-01T01:01:01Z');
    expect(parseTimestamp('2026-03-01T01:01:01Z')).toBe(86400 * 59 + 3661);
    expect(parseTimestamp('2025-12-31T23:59:00Z')).toBe(-60);
  });
  it('prints ages like kubectl (duration.HumanDuration)', () => {
    expect(humanDuration(0)).toBe('0s');
    expect(humanDuration(119)).toBe('119s');
    expect(humanDuration(125)).toBe('2m5s');
    expect(humanDuration(600)).toBe('10m');
    expect(humanDuration(3 * 3600 + 300)).toBe('3h5m');
    expect(humanDuration(30 * 3600)).toBe('30h');
    expect(humanDuration(3 * 86400 + 3600)).toBe('3d1h');
    expect(humanDuration(30 * 86400)).toBe('30d');
  });
});
