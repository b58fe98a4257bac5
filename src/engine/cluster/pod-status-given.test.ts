import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { getCommand } from '../commands/get';
import { createWorld } from '../world';

const scene = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: web-running, labels: { app: web } }
spec:
  containers: [{ name: web, image: nginx, ports: [{ containerPort: 8080 }] }]
---
apiVersion: v1
kind: Pod
metadata: { name: web-creating, labels: { app: web } }
spec:
  nodeName: node-2
  containers: [{ name: web, image: nginx, ports: [{ containerPort: 8080 }] }]
status:
  phase: Pending
  hostIP: 192.168.49.3
`;

describe('a given Pending status without podIP (kubectl get -o yaml of a ContainerCreating pod)', () => {
  const { cluster } = buildCluster([{ file: 'scene.yaml', text: scene }], { seed: 1 });
  const creating = cluster.pods.find((p) => p.metadata.name === 'web-creating')!;
  const running = cluster.pods.find((p) => p.metadata.name === 'web-running')!;

  it('keeps no IP and stays Pending with its containers creating', () => {
    expect(creating.status?.phase).toBe('Pending');
    expect(creating.status?.podIP).toBeUndefined();
    expect(creating.status?.podIPs).toBeUndefined();
    expect(creating.status?.hostIP).toBe('192.168.49.3');
    expect((creating.status as { containerStatuses?: unknown }).containerStatuses).toMatchObject([
      { name: 'web', ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } },
    ]);
    expect(running.status?.podIP).toBe('10.244.2.2');
  });

  it('is in neither Endpoints (not even notReadyAddresses) nor EndpointSlices', () => {
    const ep = cluster.endpoints.find((e) => e.metadata.name === 'web')!;
    expect(ep.subsets).toEqual([
      {
        addresses: [
          expect.objectContaining({
            ip: '10.244.2.2',
            targetRef: expect.objectContaining({ name: 'web-running' }),
          }),
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    const slices = cluster.endpointSlices.filter(
      (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web',
    );
    expect(slices.flatMap((s) => (s.endpoints ?? []).map((e) => e.targetRef?.name))).toEqual(['web-running']);
  });

  it('get pods -o wide shows ContainerCreating, 0/1 and no IP', () => {
    const out = getCommand(['pods', '-o', 'wide'], {
      cluster,
      world: createWorld(1),
      diagnostics: [],
      json: false,
      lang: 'en',
    }).stdout;
    const row = out.split('\n').find((l) => l.startsWith('web-creating'))!;
    expect(row.split(/\s{2,}/)).toEqual([
      'web-creating',
      '0/1',
      'ContainerCreating',
      '0',
      '0s',
      '<none>',
      'node-2',
      '<none>',
      '<none>',
    ]);
  });
});
