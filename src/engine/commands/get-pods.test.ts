import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { createWorld } from '../world';
import readinessScene from '../../scenarios/readiness.yaml?raw';
import { getCommand } from './get';
import type { CommandEnv } from './types';

function envOf(text: string): CommandEnv {
  const { cluster, diagnostics } = buildCluster([{ file: 'scene.yaml', text }], { seed: 1 });
  return { cluster, world: createWorld(1), diagnostics, json: false, lang: 'en' };
}

const readyColumn = (out: string): Record<string, string> =>
  Object.fromEntries(
    out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/))
      .map((c) => [c[0]!, `${c[1]} ${c[2]}`]),
  );

describe('get pods: READY counts ready, running containers (kubectl printPod)', () => {
  it('the readiness lesson: api-3 (Ready=False) shows 0/1, its containerStatus not ready', () => {
    const env = envOf(readinessScene);
    expect(readyColumn(getCommand(['pods'], env).stdout)).toEqual({
      'api-1': '1/1 Running',
      'api-2': '1/1 Running',
      'api-3': '0/1 Running',
      client: '1/1 Running',
    });
    const api3 = env.cluster.pods.find((p) => p.metadata.name === 'api-3')!;
    expect((api3.status as { containerStatuses?: unknown }).containerStatuses).toMatchObject([
      { name: 'api', ready: false, started: true, state: { running: {} } },
    ]);
    // The given conditions are kept as given.
    expect(api3.status?.conditions).toEqual([{ type: 'Ready', status: 'False' }]);
  });

  it('a failing probe and svclab.io/ready: "false" make the container not ready (0/1), others stay 2/2', () => {
    const env = envOf(`apiVersion: v1
kind: Pod
metadata: { name: probe-fails }
spec:
  containers:
    - name: web
      image: registry.k8s.io/e2e-test-images/agnhost:2.52
      args: ["netexec", "--http-port=8080"]
      readinessProbe: { httpGet: { path: /healthz, port: 9090 } }
---
apiVersion: v1
kind: Pod
metadata: { name: forced, annotations: { svclab.io/ready: "false" } }
spec:
  containers: [{ name: web, image: nginx }]
---
apiVersion: v1
kind: Pod
metadata: { name: two }
spec:
  containers: [{ name: a, image: nginx }, { name: b, image: nginx }]
---
apiVersion: v1
kind: Pod
metadata: { name: half }
spec:
  containers: [{ name: a, image: nginx }, { name: b, image: nginx }]
status:
  phase: Running
  conditions:
    - { type: ContainersReady, status: "False", message: "containers with unready status: [b]" }
`);
    expect(readyColumn(getCommand(['pods'], env).stdout)).toEqual({
      forced: '0/1 Running',
      half: '1/2 Running',
      'probe-fails': '0/1 Running',
      two: '2/2 Running',
    });
    const probeFails = env.cluster.pods.find((p) => p.metadata.name === 'probe-fails')!;
    expect((probeFails.status as { containerStatuses?: unknown }).containerStatuses).toMatchObject([
      { name: 'web', ready: false },
    ]);
    expect(probeFails.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });
  });
});
