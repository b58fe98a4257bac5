import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod } from '../k8s/objects';
import { endpointSlicesFor, mirrorEndpoints, SliceNamer } from './endpoint-slice';
import { pod, service } from '../testing/cluster-objects';

const T = '2026-01-01T00:00:00Z';
const zones: Record<string, string> = { 'node-1': 'zone-a', 'node-2': 'zone-a', 'node-3': 'zone-b' };
const zoneOf = (n: string): string | undefined => zones[n];

function live(
  name: string,
  ip: string,
  node: string,
  ready = true,
  ports = [{ containerPort: 8080, name: 'http' }],
): Pod {
  const p = pod(name, { app: 'web' }, ports);
  p.metadata.uid = `uid-${name}`;
  p.spec.nodeName = node;
  p.status = {
    phase: 'Running',
    podIP: ip,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  };
  return p;
}

describe('endpointSlicesFor (EndpointSlice controller)', () => {
  const svc = service('web', { app: 'web' }, [
    { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
  ]);
  svc.metadata.uid = 'svc-uid';
  svc.metadata.labels = { team: 'a' };

  it('writes conditions, targetRef, nodeName, zone, labels, owner and a seeded name', () => {
    const term = live('t', '10.244.2.2', 'node-3');
    term.metadata.deletionTimestamp = T;
    const slices = endpointSlicesFor(
      svc,
      [live('a', '10.244.0.2', 'node-1'), live('b', '10.244.1.2', 'node-2', false), term],
      zoneOf,
      new SliceNamer(1),
      1,
      T,
    );
    expect(slices).toHaveLength(1);
    const s = slices[0]!;
    expect(s.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.generateName).toBe('web-');
    expect(s.metadata.labels).toEqual({
      team: 'a',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(s.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: 'svc-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints).toEqual([
      {
        addresses: ['10.244.0.2'],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
        nodeName: 'node-1',
        zone: 'zone-a',
      },
      expect.objectContaining({
        addresses: ['10.244.1.2'],
        conditions: { ready: false, serving: false, terminating: false },
      }),
      // Terminating pods stay in slices (includeTerminating = true), never ready unless publishNotReadyAddresses.
      expect.objectContaining({
        addresses: ['10.244.2.2'],
        conditions: { ready: false, serving: true, terminating: true },
      }),
    ]);
    const again = endpointSlicesFor(
      svc,
      [live('a', '10.244.0.2', 'node-1')],
      zoneOf,
      new SliceNamer(1),
      1,
      T,
    );
    expect(again[0]!.metadata.name).toBe(s.metadata.name);
  });

  it('publishNotReadyAddresses makes every endpoint ready', () => {
    const pub = { ...svc, spec: { ...svc.spec, publishNotReadyAddresses: true } };
    const p = live('b', '10.244.1.2', 'node-2', false);
    p.metadata.deletionTimestamp = T;
    const [s] = endpointSlicesFor(pub, [p], zoneOf, new SliceNamer(1), 1, T);
    expect(s!.endpoints![0]!.conditions).toEqual({ ready: true, serving: false, terminating: true });
  });

  it('groups pods by resolved port set; empty selection gives one placeholder slice', () => {
    const a = live('a', '10.244.0.2', 'node-1', true, [{ containerPort: 8080, name: 'http' }]);
    const b = live('b', '10.244.0.3', 'node-1', true, [{ containerPort: 9090, name: 'http' }]);
    const slices = endpointSlicesFor(svc, [a, b], zoneOf, new SliceNamer(1), 1, T);
    expect(slices.map((s) => [s.ports![0]!.port, s.endpoints!.map((e) => e.addresses[0])])).toEqual([
      [8080, ['10.244.0.2']],
      [9090, ['10.244.0.3']],
    ]);
    expect(slices[0]!.metadata.name).not.toBe(slices[1]!.metadata.name);
    const empty = endpointSlicesFor(svc, [], zoneOf, new SliceNamer(1), 1, T);
    expect(empty).toHaveLength(1);
    expect(empty[0]!.endpoints).toEqual([]);
    expect(empty[0]!.ports).toEqual([]);
  });

  it('splits groups over 100 endpoints; headless label; hostname; zone hints for PreferClose', () => {
    const many = Array.from({ length: 150 }, (_, i) => live(`p${i}`, `10.244.0.${i + 2}`, 'node-1'));
    expect(
      endpointSlicesFor(svc, many, zoneOf, new SliceNamer(1), 1, T).map((s) => s.endpoints!.length),
    ).toEqual([100, 50]);
    const h = service('db', { app: 'web' }, [{ port: 5432, protocol: 'TCP', targetPort: 5432 }], {
      clusterIP: 'None',
      trafficDistribution: 'PreferClose',
    });
    const p = live('db-0', '10.244.0.5', 'node-3');
    p.spec.hostname = 'db-0';
    p.spec.subdomain = 'db';
    const [s] = endpointSlicesFor(h, [p], zoneOf, new SliceNamer(1), 1, T);
    expect(s!.metadata.labels!['service.kubernetes.io/headless']).toBe('');
    expect(s!.endpoints![0]!.hostname).toBe('db-0');
    expect(s!.endpoints![0]!.hints).toEqual({ forZones: [{ name: 'zone-b' }] });
    expect(s!.ports).toEqual([{ name: '', port: 5432, protocol: 'TCP' }]);
  });
});

describe('mirrorEndpoints (EndpointSlice mirroring controller)', () => {
  it('mirrors hand-written Endpoints of a selector-less Service', () => {
    const svc = service('ext', undefined, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'ext', namespace: 'default', uid: 'ep-uid' },
      subsets: [
        {
          addresses: [{ ip: '192.0.2.10' }],
          notReadyAddresses: [{ ip: '192.0.2.11' }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    };
    const [s] = mirrorEndpoints(ep, svc, new SliceNamer(1), 1, T);
    expect(s!.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'ext',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
    });
    expect(s!.metadata.ownerReferences![0]).toMatchObject({ kind: 'Endpoints', name: 'ext', uid: 'ep-uid' });
    expect(s!.endpoints).toEqual([
      { addresses: ['192.0.2.10'], conditions: { ready: true } },
      { addresses: ['192.0.2.11'], conditions: { ready: false } },
    ]);
    expect(s!.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    const skip = {
      ...ep,
      metadata: { ...ep.metadata, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    };
    expect(mirrorEndpoints(skip, svc, new SliceNamer(1), 1, T)).toEqual([]);
  });
});
