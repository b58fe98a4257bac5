import { describe, expect, it } from 'vitest';
import { compareQuantity, parseQuantity, quantityString } from './quantity';

const canon = (s: string | number): string => quantityString(parseQuantity(s)!);

describe('resource.Quantity', () => {
  it('prints decimal values with the largest SI suffix that keeps them whole', () => {
    expect(['0.1', '100m', '1500m', '2000m', '1000', '10000', '0', '1.5', '5e3', '1e0'].map(canon)).toEqual([
      '100m',
      '100m',
      '1500m',
      '2',
      '1k',
      '10k',
      '0',
      '1500m',
      '5e3',
      '1',
    ]);
  });
  it('prints binary values with the largest power of 1024, small or fractional ones in decimal', () => {
    expect(['1024Mi', '0.5Gi', '1536Mi', '0.5Ki', '1Ki'].map(canon)).toEqual([
      '1Gi',
      '512Mi',
      '1536Mi',
      '512',
      '1Ki',
    ]);
  });
  it('compares exactly and refuses what Kubernetes refuses', () => {
    expect(compareQuantity(parseQuantity('1Gi')!, parseQuantity('1073741824')!)).toBe(0);
    expect(compareQuantity(parseQuantity('100m')!, parseQuantity('0.2')!)).toBe(-1);
    expect(['', 'abc', '1.2.3', '5Q', '--1'].map((s) => parseQuantity(s))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
