import { describe, expect, it } from 'vitest';
import { nslookup } from './nslookup';
import { sceneEnv } from '../testing/dns-scene';
import { en } from '../testing/render';

describe('nslookup', () => {
  it('prints a LoadBalancer Service like the seed', () => {
    const { env, pod } = sceneEnv();
    const ip = env.cluster.services.find((s) => s.metadata.name === 'youtube-service')!.spec.clusterIP!;
    expect(nslookup(['youtube-service.youtube'], env, pod('dnsutils'))).toEqual({
      exitCode: 0,
      stdout: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tyoutube-service.youtube.svc.cluster.local\nAddress: ${ip}\n\n`,
      stderr: '',
    });
  });

  it('prints one Name/Address pair per ready endpoint of a headless Service', () => {
    const { env, pod } = sceneEnv();
    const ips = env.cluster.pods.filter((p) => p.metadata.namespace === 'mongo').map((p) => p.status!.podIP!);
    const out = nslookup(['mongo-service.mongo'], env, pod('dnsutils')).stdout;
    const lines = out.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', '']);
    expect(lines.filter((l) => l.startsWith('Name:'))).toEqual(
      Array(3).fill('Name:\tmongo-service.mongo.svc.cluster.local'),
    );
    expect(
      lines
        .filter((l) => l.startsWith('Address: '))
        .map((l) => l.slice(9))
        .sort(),
    ).toEqual([...ips].sort());
  });

  it('NXDOMAIN, and the JSON shape with the queries tried', () => {
    const { env, pod } = sceneEnv();
    expect(nslookup(['mongo-service'], env, pod('dnsutils'))).toEqual({
      exitCode: 1,
      stdout:
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find mongo-service: NXDOMAIN\n\n",
      stderr: '',
    });
    const j = JSON.parse(nslookup(['mongo-service'], { ...env, json: true }, pod('dnsutils')).stdout);
    expect(j.rcode).toBe('NXDOMAIN');
    expect(j.queries).toEqual([
      'mongo-service.default.svc.cluster.local.',
      'mongo-service.svc.cluster.local.',
      'mongo-service.cluster.local.',
      'mongo-service.',
    ]);
    expect(en(j.explanation)).toContain('use mongo-service.mongo');
  });

  it('reverse-resolves an address', () => {
    const { env, pod } = sceneEnv();
    expect(nslookup(['10.96.0.10'], env, pod('dnsutils')).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.\n\n',
    );
  });

  it('marks forwarded answers non-authoritative', () => {
    const { env, pod } = sceneEnv();
    expect(nslookup(['www.example.com'], env, pod('dnsutils')).stdout).toMatch(
      /^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10#53\n\nNon-authoritative answer:\nName:\twww\.example\.com\nAddress: 192\.0\.2\.\d+\n\n$/,
    );
  });
});
