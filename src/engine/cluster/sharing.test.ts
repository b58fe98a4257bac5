import { ADD_ONS } from '../build';
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { getCommand } from '../commands/get';
import type { CommandEnv } from '../commands/types';
import type { Pod } from '../k8s/objects';
import { loadObjects } from '../manifest/load';
import { createWorld } from '../world';
import { assembleCluster } from './assemble';
import { cloneJson } from '../manifest/clone';
import { cloneForBuild } from './clone';

const SCENE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations: {note: shared}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app: web}}
spec:
  nodeName: node-2
  containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
status:
  phase: Running
  podIP: 10.244.1.77
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
status:
  loadBalancer:
    ingress: [{ip: 198.51.100.9}]
`;

const made = (pods: Pod[]): Pod[] => pods.filter((p) => p.metadata.generateName);

describe('shared, read-only parts of built pods', () => {
  it('pods of one ReplicaSet share frozen template and status parts, never their own state', () => {
    const { cluster } = buildCluster([{ file: 's.yaml', text: SCENE }]);
    const [a, b, c] = made(cluster.pods);
    expect([a, b, c].every(Boolean)).toBe(true);
    // Shared, frozen: template labels/annotations/ownerReferences, containers, ready conditions and statuses.
    expect(a!.metadata.labels).toBe(b!.metadata.labels);
    expect(a!.metadata.annotations).toBe(b!.metadata.annotations);
    expect(a!.spec.containers).toBe(b!.spec.containers);
    expect(a!.status!.conditions).toBe(b!.status!.conditions);
    const statuses = (p: Pod): unknown => (p.status as Record<string, unknown>).containerStatuses;
    expect(statuses(a!)).toBe(statuses(b!));
    for (const frozen of [
      a!.metadata.labels,
      a!.metadata.ownerReferences,
      a!.status!.conditions,
      statuses(a!),
    ])
      expect(Object.isFrozen(frozen)).toBe(true);
    expect(Object.isFrozen(a!.status!.conditions![2])).toBe(true);
    expect(() => {
      'use strict';
      (a!.status!.conditions![2] as { status: string }).status = 'False';
    }).toThrow(TypeError);
    // Per pod: metadata, spec (nodeName), status, pod IPs.
    expect(a!.metadata).not.toBe(b!.metadata);
    expect(a!.spec).not.toBe(b!.spec);
    expect(a!.status).not.toBe(b!.status);
    expect(a!.status!.podIPs).not.toBe(b!.status!.podIPs);
    expect(new Set([a, b, c].map((p) => p!.status!.podIP)).size).toBe(3);
    expect(new Set([a, b, c].map((p) => p!.metadata.uid)).size).toBe(3);
    expect(a!.spec.nodeName).not.toBe(b!.spec.nodeName);
    // A pod with its own (given) status shares nothing it was given.
    const solo = cluster.pods.find((p) => p.metadata.name === 'solo')!;
    expect(solo.status!.podIP).toBe('10.244.1.77');
    expect(Object.isFrozen(solo.status)).toBe(false);
  });

  it('the Endpoints address and the EndpointSlice endpoint of a pod share one targetRef', () => {
    const { cluster } = buildCluster([{ file: 's.yaml', text: SCENE }]);
    const ep = cluster.endpoints.find((e) => e.metadata.name === 'web')!;
    const slice = cluster.endpointSlices.find((s) => s.metadata.generateName === 'web-')!;
    const addr = ep.subsets![0]!.addresses![0]!;
    const sliceEp = slice.endpoints!.find((e) => e.addresses[0] === addr.ip)!;
    expect(sliceEp.targetRef).toBe(addr.targetRef);
    expect(slice.endpoints).toHaveLength(4);
    expect(ep.subsets![0]!.addresses!.map((x) => x.ip)).toEqual(
      [...ep.subsets![0]!.addresses!.map((x) => x.ip)].sort((x, y) => {
        const n = (ip: string): number => ip.split('.').reduce((v, o) => v * 256 + Number(o), 0);
        return n(x) - n(y);
      }),
    );
  });

  it('a build never writes into the admitted objects (the manifest cache hands them to the next build)', () => {
    const loaded = loadObjects([{ file: 's.yaml', text: SCENE }]);
    const before = JSON.stringify(loaded.objects.map((o) => o.object));
    const one = assembleCluster(loaded.objects, { seed: 1, clock: 0, addOns: ADD_ONS });
    const two = assembleCluster(loaded.objects, { seed: 1, clock: 0, addOns: ADD_ONS });
    expect(JSON.stringify(loaded.objects.map((o) => o.object))).toBe(before);
    expect(JSON.stringify(two.cluster.pods)).toBe(JSON.stringify(one.cluster.pods));
    const svc = one.cluster.services.find((s) => s.metadata.name === 'web')!;
    expect(svc.status?.loadBalancer?.ingress?.[0]).toEqual({ ip: '198.51.100.9', ipMode: 'VIP' });
    expect(svc.spec.ports![0]!.nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('cloneForBuild copies what a build writes and shares the rest', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { a: 'b' } },
      spec: { containers: [{ name: 'c' }] },
    };
    const copy = cloneForBuild(pod);
    expect(copy).toEqual(pod);
    expect(copy.metadata).not.toBe(pod.metadata);
    expect(copy.spec).not.toBe(pod.spec);
    expect(copy.spec.containers).toBe(pod.spec.containers);
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: {}, spec: { ports: [{ port: 80 }] } };
    const svcCopy = cloneForBuild(svc);
    expect(svcCopy.spec.ports[0]).not.toBe(svc.spec.ports[0]);
    expect(cloneJson(svc)).toEqual(svc);
  });

  it('get -o yaml and -o json print shared parts in full on every pod', () => {
    const { cluster } = buildCluster([{ file: 's.yaml', text: SCENE }]);
    const env: CommandEnv = { cluster, world: createWorld(1), diagnostics: [], json: false, lang: 'en' };
    const yaml = getCommand(['pods', '-o', 'yaml'], env).stdout;
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(yaml.match(/type: Ready$/gm)).toHaveLength(4);
    expect(yaml.match(/note: shared$/gm)).toHaveLength(3);
    // One container and one containerStatus per pod, each in full.
    expect(yaml.match(/^ {4}- image: nginx$/gm)).toHaveLength(8);
    const json = JSON.parse(getCommand(['pods', '-o', 'json'], env).stdout) as { items: Pod[] };
    expect(json.items).toHaveLength(4);
    expect(json.items.filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(4);
    expect(json.items.every((p) => p.status?.conditions?.some((c) => c.type === 'Ready'))).toBe(true);
  });
});
