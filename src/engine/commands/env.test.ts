import { describe, expect, it } from 'vitest';
import { env } from './env';
import { cat } from './cat';
import { sceneEnv } from '../testing/dns-scene';

describe('env', () => {
  it('prints PATH, HOSTNAME, the pod variables and HOME; a later Service is missing', () => {
    const { env: e, pod } = sceneEnv();
    const out = env([], e, pod('dnsutils')).stdout.trimEnd().split('\n');
    expect(out[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(out[1]).toBe('HOSTNAME=dnsutils');
    expect(out[out.length - 1]).toBe('HOME=/root');
    // DB_SERVICE_HOST does not exist (db came later), so $(DB_SERVICE_HOST) stays unexpanded.
    expect(new Set(out.slice(2, -1))).toEqual(
      new Set([
        'GREETING=db at $(DB_SERVICE_HOST)',
        'KUBERNETES_SERVICE_HOST=10.96.0.1',
        'KUBERNETES_SERVICE_PORT=443',
        'KUBERNETES_SERVICE_PORT_HTTPS=443',
        'KUBERNETES_PORT=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP_PROTO=tcp',
        'KUBERNETES_PORT_443_TCP_PORT=443',
        'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
      ]),
    );
  });

  it('JSON: { env: {…} } with the Service variables of an earlier Service', () => {
    const { env: e, pod } = sceneEnv(true);
    const j = JSON.parse(env([], e, pod('youtube')).stdout);
    const ip = e.cluster.services.find((s) => s.metadata.name === 'youtube-service')!.spec.clusterIP;
    expect(j.env.YOUTUBE_SERVICE_SERVICE_HOST).toBe(ip);
    expect(j.env.YOUTUBE_SERVICE_SERVICE_PORT_HTTP).toBe('80');
    expect(j.env.MONGO_SERVICE_SERVICE_HOST).toBeUndefined();
  });
});

describe('cat', () => {
  it('prints resolv.conf and hosts, and fails for other files', () => {
    const { env: e, pod } = sceneEnv();
    const p = pod('dnsutils');
    expect(cat(['/etc/resolv.conf'], e, p).stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(cat(['/etc/hosts'], e, p).stdout).toMatch(/\n10\.244\.\d+\.\d+\tdnsutils\n$/);
    expect(cat(['/etc/passwd'], e, p)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'cat: /etc/passwd: No such file or directory\n',
    });
  });
});
