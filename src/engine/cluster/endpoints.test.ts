import { describe, expect, it } from 'vitest';
import type { Pod } from '../k8s/objects';
import { endpointsFor, repackSubsets } from './endpoints';
import { findPort } from './find-port';
import { PodIndex } from './pod-index';
import { portDump, sortByDumpHash, subsetDump } from './spew-hash';
import { pod, service } from '../testing/cluster-objects';

const T = '2026-01-01T00:00:00Z';
let n = 0;
/** A running pod with IP and readiness, as runPods would leave it. */
function live(
  name: string,
  ip: string,
  ready = true,
  ports = [{ containerPort: 8080, name: 'http' }],
  extra: Partial<Pod> = {},
): Pod {
  const p = pod(name, { app: 'web' }, ports);
  p.metadata.uid = `uid-${name}`;
  p.spec.nodeName = `node-${(n++ % 3) + 1}`;
  p.status = {
    phase: 'Running',
    podIP: ip,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  };
  return { ...p, ...extra, metadata: { ...p.metadata, ...extra.metadata } };
}

describe('findPort', () => {
  it('numeric targetPort is taken as is; named is matched by name and protocol; sidecars too', () => {
    const p = pod('p', {}, [
      { containerPort: 8080, name: 'http' },
      { containerPort: 5353, name: 'dns', protocol: 'UDP' },
    ]);
    p.metadata.uid = 'u1';
    p.spec.initContainers = [
      { name: 'side', restartPolicy: 'Always', ports: [{ containerPort: 15000, name: 'admin' }] },
    ];
    expect(findPort(p, { port: 80, targetPort: 9376 })).toBe(9376);
    expect(findPort(p, { port: 80, targetPort: 'http', protocol: 'TCP' })).toBe(8080);
    expect(findPort(p, { port: 53, targetPort: 'dns', protocol: 'UDP' })).toBe(5353);
    expect(findPort(p, { port: 90, targetPort: 'admin', protocol: 'TCP' })).toBe(15000);
    expect((findPort(p, { port: 53, targetPort: 'dns', protocol: 'TCP' }) as Error).message).toBe(
      'no suitable port for manifest: u1',
    );
  });
});

describe('endpointsFor (Endpoints controller)', () => {
  const svc = service('web', { app: 'web' }, [
    { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
  ]);

  it('splits ready and not-ready addresses, sorted by IP, with targetRef and nodeName', () => {
    const pods = [live('b', '10.244.1.2'), live('a', '10.244.0.2'), live('c', '10.244.2.2', false)];
    const ep = endpointsFor(svc, pods, T);
    expect(ep.metadata.labels).toEqual({ 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(ep.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': T });
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0]!.addresses!.map((a) => a.ip)).toEqual(['10.244.0.2', '10.244.1.2']);
    expect(ep.subsets![0]!.notReadyAddresses!.map((a) => a.ip)).toEqual(['10.244.2.2']);
    expect(ep.subsets![0]!.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(ep.subsets![0]!.addresses![0]!.targetRef).toEqual({
      kind: 'Pod',
      namespace: 'default',
      name: 'a',
      uid: 'uid-a',
    });
  });

  it('orders addresses as LessEndpointAddress does: the IP as a string, so .10 before .9', () => {
    const pods = [live('nine', '10.244.1.9'), live('ten', '10.244.1.10'), live('two', '10.244.2.2')];
    // Both paths: the one-subset shortcut and the general repack.
    const ep = endpointsFor(svc, pods, T);
    expect(ep.subsets![0]!.addresses!.map((a) => a.ip)).toEqual(['10.244.1.10', '10.244.1.9', '10.244.2.2']);
    expect(
      repackSubsets([{ addresses: [...ep.subsets![0]!.addresses!].reverse(), ports: ep.subsets![0]!.ports }]),
    ).toEqual(ep.subsets);
  });

  it('drops terminal, IP-less and (unless publishNotReadyAddresses) terminating pods', () => {
    const done = live('done', '10.244.0.3');
    done.status!.phase = 'Succeeded';
    const noIp = live('noip', '');
    delete noIp.status!.podIP;
    const term = live('term', '10.244.0.4');
    term.metadata.deletionTimestamp = T;
    const pods = [live('a', '10.244.0.2'), done, noIp, term];
    expect(endpointsFor(svc, pods, T).subsets![0]!.addresses!.map((a) => a.ip)).toEqual(['10.244.0.2']);
    const pub = { ...svc, spec: { ...svc.spec, publishNotReadyAddresses: true } };
    const notReady = live('nr', '10.244.0.9', false);
    const e = endpointsFor(pub, [...pods, notReady], T);
    expect(e.subsets![0]!.addresses!.map((a) => a.ip)).toEqual(['10.244.0.2', '10.244.0.4', '10.244.0.9']);
    expect(e.subsets![0]!.notReadyAddresses).toBeUndefined();
  });

  it('pods resolving a named port differently land in different subsets; unresolvable pods are skipped', () => {
    const a = live('a', '10.244.0.2', true, [{ containerPort: 8080, name: 'http' }]);
    const b = live('b', '10.244.0.3', true, [{ containerPort: 9090, name: 'http' }]);
    const c = live('c', '10.244.0.4', true, [{ containerPort: 8080, name: 'web' }]);
    const ep = endpointsFor(svc, [a, b, c], T);
    // subsetsByHash: the subsets in the order of their dumps' MD5, whatever the pods' order.
    expect(ep.subsets!.map((s) => [s.addresses!.map((x) => x.ip), s.ports!.map((p) => p.port)])).toEqual([
      [['10.244.0.3'], [9090]],
      [['10.244.0.2'], [8080]],
    ]);
    expect(ep.subsets).toEqual(sortByDumpHash([...ep.subsets!].reverse(), subsetDump));
    expect(endpointsFor(svc, [c, b, a], T).subsets).toEqual(ep.subsets);
  });

  it('repacks multi-port services into one subset per address set', () => {
    const two = service('web', { app: 'web' }, [
      { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
      { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' },
    ]);
    const ep = endpointsFor(two, [live('a', '10.244.0.2'), live('b', '10.244.0.3')], T);
    expect(ep.subsets).toEqual([
      {
        addresses: [
          expect.objectContaining({ ip: '10.244.0.2' }),
          expect.objectContaining({ ip: '10.244.0.3' }),
        ],
        // portsByHash: https before http, as a real cluster lists them (spew-hash.test.ts).
        ports: [
          { name: 'https', port: 8443, protocol: 'TCP' },
          { name: 'http', port: 8080, protocol: 'TCP' },
        ],
      },
    ]);
    expect(repackSubsets([])).toEqual([]);
  });

  it('headless without ports lists bare addresses, sets hostname and the headless label', () => {
    const h = service('db', { app: 'web' }, [], { clusterIP: 'None' });
    h.metadata.labels = { tier: 'data' };
    const p = live('db-0', '10.244.0.5', true, [], {
      spec: { containers: [], hostname: 'db-0', subdomain: 'db' },
    });
    const ep = endpointsFor(h, [p], T);
    expect(ep.metadata.labels).toEqual({
      tier: 'data',
      'service.kubernetes.io/headless': '',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    });
    expect(ep.subsets).toEqual([
      { addresses: [expect.objectContaining({ ip: '10.244.0.5', hostname: 'db-0' })] },
    ]);
    // A ClusterIP service without ports gets no addresses at all.
    expect(endpointsFor(service('x', { app: 'web' }, []), [p], T).subsets).toBeUndefined();
  });

  it('one subset when every pod resolves the ports alike: same IP sorts by UID, ports by hash', () => {
    const two = service('web', { app: 'web' }, [
      { name: 'b', port: 81, targetPort: 'http', protocol: 'TCP' },
      { name: 'a', port: 80, targetPort: 9000, protocol: 'TCP' },
    ]);
    // Pods of one template share their containers (as a ReplicaSet's do); two share a host IP.
    const shared = live('x', '10.244.0.9').spec.containers;
    const mk = (name: string, ip: string, ready = true): Pod => {
      const p = live(name, ip, ready);
      p.spec.containers = shared;
      return p;
    };
    const pods = [
      mk('z', '10.244.1.2'),
      mk('m', '192.168.49.2'),
      mk('d', '192.168.49.2'),
      mk('n', '10.244.0.2', false),
    ];
    const ep = endpointsFor(two, pods, T);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0]!.addresses!.map((a) => [a.ip, a.targetRef?.uid])).toEqual([
      ['10.244.1.2', 'uid-z'],
      ['192.168.49.2', 'uid-d'],
      ['192.168.49.2', 'uid-m'],
    ]);
    expect(ep.subsets![0]!.notReadyAddresses!.map((a) => a.ip)).toEqual(['10.244.0.2']);
    expect(ep.subsets![0]!.ports).toEqual(
      sortByDumpHash(
        [
          { name: 'a', port: 9000, protocol: 'TCP' },
          { name: 'b', port: 8080, protocol: 'TCP' },
        ],
        portDump,
      ),
    );
    // The general repack (one raw subset per pod and port) agrees.
    const raw = pods.flatMap((p) =>
      (two.spec.ports ?? []).map((sp) => ({
        [p.metadata.name === 'n' ? 'notReadyAddresses' : 'addresses']: [
          ep.subsets![0]!.addresses!.find((a) => a.targetRef?.name === p.metadata.name) ??
            ep.subsets![0]!.notReadyAddresses![0]!,
        ],
        ports: [ep.subsets![0]!.ports!.find((x) => x.name === sp.name)!],
      })),
    );
    expect(repackSubsets(raw)).toEqual(ep.subsets);
  });

  it('truncates over 1000 addresses with the over-capacity annotation', () => {
    const pods = Array.from({ length: 1001 }, (_, i) => live(`p${i}`, `10.244.${i >> 8}.${i & 255}`));
    const ep = endpointsFor(svc, pods, T);
    expect(ep.subsets![0]!.addresses).toHaveLength(1000);
    expect(ep.metadata.annotations!['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
  });
});

describe('PodIndex', () => {
  it('selects by namespace and every label pair', () => {
    const a = pod('a', { app: 'web', tier: 'fe' });
    const b = pod('b', { app: 'web' });
    const c = {
      ...pod('c', { app: 'web', tier: 'fe' }),
      metadata: { name: 'c', namespace: 'other', labels: { app: 'web', tier: 'fe' } },
    };
    const idx = new PodIndex([a, b, c]);
    expect(idx.select('default', { app: 'web', tier: 'fe' })).toEqual([a]);
    expect(idx.select('default', { app: 'web' })).toEqual([a, b]);
    expect(idx.select('default', { app: 'db' })).toEqual([]);
    expect(idx.select('other', { app: 'web' })).toEqual([c]);
  });
});
