import { describe, expect, it } from 'vitest';
import { josa, pick } from './josa';

describe('josa', () => {
  // Each value as a Korean engineer reads it aloud, and the particles that reading takes.
  const table: [string | number, string, string, string][] = [
    // value, 이/가, 을/를, 으로/로
    ['서비스', '가', '를', '로'],
    ['웹', '이', '을', '으로'],
    ['레일', '이', '을', '로'],
    ['web', '이', '을', '으로'],
    ['default/web', '이', '을', '으로'],
    ['shop/shop-api', '가', '를', '로'],
    ['shop-frontend', '가', '를', '로'],
    ['echo', '가', '를', '로'],
    ['nginx', '가', '를', '로'],
    ['pod', '가', '를', '로'],
    ['client', '가', '를', '로'],
    ['node-1', '이', '을', '로'],
    ['node-2', '가', '를', '로'],
    ['node-3', '이', '을', '으로'],
    ['10.96.0.10', '이', '을', '으로'],
    ['10.244.1.5', '가', '를', '로'],
    [443, '이', '을', '으로'],
    [8080, '이', '을', '으로'],
    [2, '가', '를', '로'],
    [0, '이', '을', '으로'],
    ['fd00:10:96::a', '가', '를', '로'],
    ['fd00:10:96::1', '이', '을', '로'],
    ['ClusterIP', '가', '를', '로'],
    ['IP', '가', '를', '로'],
    ['DNS', '가', '를', '로'],
    ['kube-dns', '가', '를', '로'],
    ['tcp', '가', '를', '로'],
    ['IPv6', '가', '를', '로'],
    ['IPv4', '가', '를', '로'],
    ['v1', '이', '을', '으로'],
    ['Local', '이', '을', '로'],
    ['Cluster', '가', '를', '로'],
    ['NodePort', '가', '를', '로'],
    ['LoadBalancer', '가', '를', '로'],
    ['ExternalName', '이', '을', '으로'],
    ['PreferSameZone', '이', '을', '으로'],
    ['PreferDualStack', '이', '을', '으로'],
    ['SingleStack', '이', '을', '으로'],
    ['None', '이', '을', '으로'],
    ['kubectl', '이', '을', '로'],
    ['iptables', '가', '를', '로'],
    ['ping', '이', '을', '으로'],
    ['admin', '이', '을', '으로'],
    ['app', '이', '을', '으로'],
    ['kube', '가', '를', '로'],
    ['"shop.example.com"', '이', '을', '으로'],
    ['shop.example.com/', '이', '을', '으로'],
    ['Single', '이', '을', '로'],
    ['', '가', '를', '로'],
  ];
  it.each(table)('%s takes %s, %s, %s', (value, subject, object, toward) => {
    expect(josa(value, '이/가')).toBe(`${value}${subject}`);
    expect(pick(value, '을/를')).toBe(object);
    expect(pick(value, '으로/로')).toBe(toward);
  });

  it('picks 은/는 and 와/과 by the same reading', () => {
    expect(josa('web', '은/는')).toBe('web은');
    expect(josa('echo', '은/는')).toBe('echo는');
    expect(josa('web', '와/과')).toBe('web과');
    expect(josa('echo', '와/과')).toBe('echo와');
  });

  it('survives values no reading was written for', () => {
    for (const v of ['…', '🙂', '---', '9'.repeat(40), 'ÄÖÜ', '[::1]:80', 'a'.repeat(10_000)]) {
      expect(['가', '이']).toContain(pick(v, '이/가'));
    }
  });
});
