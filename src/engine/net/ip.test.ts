import { describe, expect, it } from 'vitest';
import { cidrContains, formatIp, inCidr, ip4InCidr, isIPv6, nthAddress, parseCidr, parseIp } from './ip';

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

describe('parseIp and ip4InCidr read addresses as the dotted-quad grammar does', () => {
  // The grammar parseIp followed before it read characters itself (no leading zeros, octets 0‥255).
  const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  const reference = (t: string): number | undefined => {
    if (!DOTTED_QUAD.test(t)) return undefined;
    const p = t.split('.').map(Number);
    return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
  };
  it('agrees with the grammar on written and generated texts', () => {
    const texts = [
      '10.96.0.10',
      '0.0.0.0',
      '255.255.255.255',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3',
      '1.2.3.4.5',
      '1..2.3',
      '1.2.3.4 ',
      ' 1.2.3.4',
      '',
      '.1.2.3',
      '1.2.3.',
      'a.b.c.d',
      '1.2.3.-4',
      '1.2.3.0x1',
      '1000.1.1.1',
      '0.00.1.1',
    ];
    // A small generator: octets from a few interesting spellings, sometimes three or five of them.
    const octets = [
      '0',
      '00',
      '1',
      '9',
      '10',
      '99',
      '100',
      '199',
      '249',
      '250',
      '255',
      '256',
      '299',
      '007',
      'x',
      '',
    ];
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 3000; i++) {
      const n = 3 + next(3);
      texts.push(Array.from({ length: n }, () => octets[next(octets.length)]).join('.'));
    }
    for (const t of texts) expect(parseIp(t), t).toBe(reference(t));
  });
  it('ip4InCidr: a bare address is that address; a prefix contains its block', () => {
    expect(ip4InCidr('10.96.0.10', '10.96.0.10')).toBe(true);
    expect(ip4InCidr('10.96.0.1', '10.96.0.10')).toBe(false);
    expect(ip4InCidr('10.244.1.5', '10.244.0.0/16')).toBe(true);
    expect(ip4InCidr('10.245.1.5', '10.244.0.0/16')).toBe(false);
    expect(ip4InCidr('10.244.1.5', '10.244.1.5/32')).toBe(true);
    expect(ip4InCidr('1.2.3.4', '0.0.0.0/0')).toBe(true);
    // Not a CIDR, not an address: nothing is in it (as parseCidr refuses them).
    for (const bad of ['10.244.0.0/33', '10.244.0.0/', '10.244.0.0/123', '10.244.0/16', 'x/8', '1.2.3.4/1a'])
      expect(ip4InCidr('10.244.1.5', bad), bad).toBe(false);
    expect(ip4InCidr('not-an-ip', 'not-an-ip')).toBe(false);
    for (const [ip, cidr] of [
      ['10.0.0.1', '10.0.0.0/8'],
      ['192.168.49.2', '192.168.49.0/24'],
      ['192.168.50.2', '192.168.49.0/24'],
      ['172.16.0.1', '172.16.0.1/31'],
    ] as const)
      expect(ip4InCidr(ip, cidr)).toBe(cidrContains(parseCidr(cidr)!, parseIp(ip)!));
  });
});
