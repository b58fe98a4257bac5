import { describe, expect, it } from 'vitest';
import {
  anyCidrContains,
  anyCidrSize,
  canonicalIp,
  familyOfIp,
  formatIp6,
  joinHostPort,
  nthAddressText,
  parseAnyCidr,
  parseIp6,
} from './ip6';

describe('ip6', () => {
  it('parses the RFC 4291 text forms and prints as Go does (RFC 5952)', () => {
    const cases: [string, string][] = [
      ['fd00:10:96:0:0:0:0:a', 'fd00:10:96::a'],
      ['FD00::A', 'fd00::a'],
      ['::', '::'],
      ['::1', '::1'],
      ['1::', '1::'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // the first of two equal runs
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // one zero group is not compressed
      ['2001:0db8::0001', '2001:db8::1'],
      ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ];
    for (const [text, printed] of cases) expect(formatIp6(parseIp6(text)!), text).toBe(printed);
  });

  it('refuses what Go refuses', () => {
    for (const bad of [
      '1::2::3',
      '12345::',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      'fe80::1%eth0',
      'g::1',
      '10.0.0.1',
      '1.2.3.4::',
    ])
      expect(parseIp6(bad), bad).toBeUndefined();
  });

  it('parses CIDRs of both families, dropping host bits as net.ParseCIDR does', () => {
    expect(parseAnyCidr('10.96.0.1/12')).toMatchObject({ family: 'IPv4', text: '10.96.0.0/12' });
    expect(parseAnyCidr('010.096.0.0/12')!.text).toBe('10.96.0.0/12');
    expect(parseAnyCidr('fd00:10:96::1/112')).toMatchObject({ family: 'IPv6', text: 'fd00:10:96::/112' });
    expect(parseAnyCidr('fd00:10:244::/56')!.prefix).toBe(56);
    for (const bad of ['10.96.0.0/33', 'fd00::/129', ' fd00::/112', '10.96.0.0', 'fd00::/-1', 'x/8'])
      expect(parseAnyCidr(bad), bad).toBeUndefined();
  });

  it('counts, indexes and contains', () => {
    const c = parseAnyCidr('fd00:10:96::/112')!;
    expect(anyCidrSize(c)).toBe(65536n);
    expect(nthAddressText(c, 10n)).toBe('fd00:10:96::a');
    expect(anyCidrContains(c, 'fd00:10:96::ffff')).toBe(true);
    expect(anyCidrContains(c, 'fd00:10:97::1')).toBe(false);
    expect(anyCidrContains(parseAnyCidr('10.244.0.0/16')!, '10.244.3.4')).toBe(true);
  });

  it('names families, canonicalises and joins host and port', () => {
    expect(familyOfIp('10.0.0.1')).toBe('IPv4');
    expect(familyOfIp('fd00::1')).toBe('IPv6');
    expect(familyOfIp('web')).toBeUndefined();
    expect(canonicalIp('FD00:0::01')).toBe('fd00::1');
    expect(canonicalIp('10.0.0.1')).toBe('10.0.0.1');
    expect(joinHostPort('fd00::1', 80)).toBe('[fd00::1]:80');
    expect(joinHostPort('10.0.0.1', 80)).toBe('10.0.0.1:80');
  });
});
