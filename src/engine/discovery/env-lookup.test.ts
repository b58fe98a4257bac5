import { describe, expect, it } from 'vitest';
import type { Pod } from '../k8s/objects';
import { creationIndex } from './creation-index';
import { serviceByEnvName, serviceVariableLookup } from './env-lookup';
import { podEnvironment } from './env-vars';
import { clusterOf, pod, svc } from './test-cluster';

const kubernetes = svc('default', 'kubernetes', {
  clusterIP: '10.96.0.1',
  ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
});

/** Every variable podEnvironment gives, looked up one at a time, plus some it does not give. */
function agree(c: ReturnType<typeof clusterOf>, p: Pod): void {
  const ix = creationIndex(c);
  const lookup = serviceVariableLookup(ix, p);
  const env = podEnvironment(c, p).filter((v) => v.source.kind === 'service');
  expect(env.length).toBeGreaterThan(0);
  for (const v of env) expect([v.name, lookup(v.name)]).toEqual([v.name, v.value]);
  for (const n of ['LATER_SERVICE_HOST', 'MONGO_SERVICE_HOST', 'DB_PORT_1_TCP', 'NOPE', '_PORT', 'DB'])
    expect([n, lookup(n)]).toEqual([n, undefined]);
}

describe('serviceVariableLookup', () => {
  it('agrees with podEnvironment, including names whose prefix holds _PORT', () => {
    const web = pod('shop', 'web', '10.244.1.5');
    const c = clusterOf([
      kubernetes,
      svc('shop', 'db', { clusterIP: '10.96.0.42', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
      svc('shop', 'db-port-5432-tcp', { clusterIP: '10.96.0.43', ports: [{ port: 80, protocol: 'UDP' }] }),
      svc('shop', 'my-port', { clusterIP: '10.96.0.44', ports: [{ port: 81, protocol: 'TCP' }] }),
      svc('shop', 'mongo', { clusterIP: 'None', ports: [{ port: 27017 }] }),
      svc('other', 'cache', { clusterIP: '10.96.0.50', ports: [{ port: 6379 }] }),
      web,
      svc('shop', 'later', { clusterIP: '10.96.0.51', ports: [{ port: 1 }] }),
    ]);
    agree(c, web);
    const lookup = serviceVariableLookup(creationIndex(c), web);
    expect(lookup('MY_PORT_SERVICE_HOST')).toBe('10.96.0.44');
    expect(lookup('MY_PORT_PORT_81_TCP_ADDR')).toBe('10.96.0.44');
    expect(lookup('CACHE_SERVICE_HOST')).toBeUndefined();
  });

  it('a namespace kubernetes replaces default/kubernetes; without service links only KUBERNETES_*', () => {
    const web = pod('shop', 'web', '10.244.1.5');
    const own = svc('shop', 'kubernetes', { clusterIP: '10.96.0.77', ports: [{ port: 80 }] });
    const c = clusterOf([kubernetes, own, web]);
    agree(c, web);
    expect(serviceVariableLookup(creationIndex(c), web)('KUBERNETES_SERVICE_HOST')).toBe('10.96.0.77');

    const quiet = pod('shop', 'quiet', '10.244.1.6', { enableServiceLinks: false });
    const c2 = clusterOf([
      kubernetes,
      own,
      svc('shop', 'db', { clusterIP: '10.96.0.42', ports: [{ port: 1 }] }),
      quiet,
    ]);
    agree(c2, quiet);
    const lookup = serviceVariableLookup(creationIndex(c2), quiet);
    expect(lookup('KUBERNETES_SERVICE_HOST')).toBe('10.96.0.1');
    expect(lookup('DB_SERVICE_HOST')).toBeUndefined();
  });

  it('finds a Service by the prefix of its variables', () => {
    const c = clusterOf([svc('shop', 'order-db', { clusterIP: '10.96.0.9' })]);
    expect(serviceByEnvName(creationIndex(c), 'shop', 'ORDER_DB')?.metadata.name).toBe('order-db');
    expect(serviceByEnvName(creationIndex(c), 'default', 'ORDER_DB')).toBeUndefined();
  });
});
