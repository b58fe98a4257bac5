import { describe, expect, it } from 'vitest';
import { cidrContains, formatIp, inCidr, isIPv6, nthAddress, parseCidr, parseIp } from './ip';

describe('ip', () => {
  it('parses and formats IPv4', () => {
    expect(formatIp(parseIp('10.96.0.10')!)).toBe('10.96.0.10');
    expect(parseIp('10.96.0.256')).toBeUndefined();
    expect(parseIp('010.1.1.1')).toBeUndefined();
  });
  it('does CIDR arithmetic', () => {
    const c = parseCidr('10.96.0.0/12')!;
    expect(formatIp(nthAddress(c, 10))).toBe('10.96.0.10');
    expect(cidrContains(c, parseIp('10.111.255.255')!)).toBe(true);
    expect(cidrContains(c, parseIp('10.112.0.0')!)).toBe(false);
    expect(inCidr('10.244.1.5', '10.244.0.0/16')).toBe(true);
    expect(parseCidr('10.1.2.3/8')!.text).toBe('10.0.0.0/8');
  });
  it('recognises IPv6 text forms', () => {
    expect(isIPv6('fd00::1')).toBe(true);
    expect(isIPv6('2001:db8::ffff:192.0.2.1')).toBe(true);
    expect(isIPv6('1::2::3')).toBe(false);
    expect(isIPv6('10.0.0.1')).toBe(false);
  });
});
