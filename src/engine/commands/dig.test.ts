import { describe, expect, it } from 'vitest';
import { dig } from './dig';
import { sceneEnv } from '../testing/dns-scene';
import { formatRecord } from '../discovery/records';
import { digDate, messageSize } from '../discovery/dig-format';

describe('dig', () => {
  it('prints the real layout with qr aa rd for cluster names', () => {
    const { env, pod } = sceneEnv();
    const out = dig(['kubernetes.default.svc.cluster.local'], env, pod('dnsutils')).stdout;
    const lines = out.split('\n');
    expect(lines[1]).toBe('; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> kubernetes.default.svc.cluster.local');
    expect(lines[4]).toMatch(/^;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+$/);
    expect(lines[5]).toBe(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1');
    expect(lines[6]).toBe(';; WARNING: recursion requested but not available');
    expect(out).toContain(';; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN A\n\n');
    expect(out).toContain(';; ANSWER SECTION:\nkubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n\n');
    expect(out).toContain(
      ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n;; WHEN: Thu Jan 01 00:00:00 UTC 2026\n',
    );
  });

  it('+short, SRV, -x and no search list by default', () => {
    const { env, pod } = sceneEnv();
    const p = pod('dnsutils');
    expect(dig(['+short', 'kubernetes.default.svc.cluster.local'], env, p).stdout).toBe('10.96.0.1\n');
    expect(dig(['+short', '_https._tcp.kubernetes.default.svc.cluster.local', 'SRV'], env, p).stdout).toBe(
      '0 100 443 kubernetes.default.svc.cluster.local.\n',
    );
    expect(dig(['+short', '-x', '10.96.0.1'], env, p).stdout).toBe('kubernetes.default.svc.cluster.local.\n');
    expect(dig(['+short', 'kubernetes'], env, p).stdout).toBe('');
    expect(dig(['+short', '+search', 'kubernetes'], env, p).stdout).toBe('10.96.0.1\n');
    const nx = dig(['kubernetes'], env, p).stdout;
    expect(nx).toContain('status: NXDOMAIN');
    expect(nx).toContain(';; AUTHORITY SECTION:\n.\t\t\t30\tIN\tSOA\ta.root-servers.net.');
  });

  it('takes the type before or after the name, as dig does', () => {
    const { env, pod } = sceneEnv();
    const p = pod('dnsutils');
    const srv = '0 100 443 kubernetes.default.svc.cluster.local.\n';
    const name = '_https._tcp.kubernetes.default.svc.cluster.local';
    expect(dig(['+short', 'SRV', name], env, p).stdout).toBe(srv);
    expect(dig(['+short', 'srv', name, 'IN'], env, p).stdout).toBe(srv);
    expect(dig(['-t', 'SRV', name], env, p).stdout).toContain(`;${name}. IN SRV`);
    const twice = dig(['+short', 'A', name, 'SRV'], env, p);
    expect(twice.stdout).toBe(srv);
    expect(twice.stderr).toBe(';; Warning, extra type option\n');
  });

  it('JSON follows the contract', () => {
    const { env, pod } = sceneEnv(true);
    const j = JSON.parse(dig(['kubernetes.default.svc.cluster.local'], env, pod('dnsutils')).stdout);
    expect(j).toMatchObject({
      rcode: 'NOERROR',
      queries: ['kubernetes.default.svc.cluster.local.'],
      answer: [{ name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.1' }],
      additional: [],
    });
  });
});

describe('dig formatting', () => {
  it('aligns columns like BIND', () => {
    expect(formatRecord({ name: 'google.com.', ttl: 300, type: 'A', data: '142.250.80.46' })).toBe(
      'google.com.\t\t300\tIN\tA\t142.250.80.46',
    );
  });
  it('computes the wire size and the date', () => {
    // 12 header + 27+4 question + (2+10+4) answer + 11 OPT
    expect(
      messageSize('db.shop.svc.cluster.local.', [
        { name: 'db.shop.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.42' },
      ]),
    ).toBe(70);
    expect(digDate(86400 * 3 + 5)).toBe('Sun Jan 04 00:00:05 UTC 2026');
  });
});
