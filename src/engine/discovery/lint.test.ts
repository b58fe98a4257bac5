import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { discoveryLints } from './lint';

const build = (text: string) => buildCluster([{ file: 'scene.yaml', text }], { seed: 1 });

describe('discoveryLints', () => {
  it('warns when a workload is created before a Service of its namespace, at its YAML position', () => {
    const { cluster, objects } = build(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx
          env:
            - name: DB_URL
              value: "postgres://$(DB_SERVICE_HOST):$(DB_SERVICE_PORT)/app"
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  ports: [{ port: 5432 }]
  selector: { app: db }
`);
    const d = discoveryLints(cluster, objects);
    const before = d.find((x) => x.code === 'discovery.env.createdBeforeService')!;
    expect(before).toMatchObject({
      severity: 'warning',
      source: 'lint',
      kind: 'Deployment',
      name: 'web',
      line: 4,
    });
    expect(before.message).toBe(
      'the pods of Deployment web are created before Service db, so kubelet gives them no DB_SERVICE_HOST (environment variables are set only when a container starts).',
    );
    const refs = d.filter((x) => x.code === 'discovery.env.unresolvedReference');
    expect(refs.map((x) => x.field)).toEqual([
      'spec.template.spec.containers[0].env[0].value',
      'spec.template.spec.containers[0].env[0].value',
    ]);
    expect(refs[0]!.message).toMatch(/^\$\(DB_SERVICE_HOST\) is not defined for this container/);
  });

  it('is silent when the Service comes first', () => {
    const { cluster, objects } = build(`apiVersion: v1
kind: Service
metadata: { name: db }
spec: { ports: [{ port: 5432 }], selector: { app: db } }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: busybox, env: [{ name: X, value: "$(DB_SERVICE_HOST)" }] }]
`);
    expect(discoveryLints(cluster, objects)).toEqual([]);
  });

  it('flags an ExternalName IP, hostNetwork + ClusterFirst and a subdomain without headless Service', () => {
    const { cluster, objects } = build(`apiVersion: v1
kind: Service
metadata: { name: legacy }
spec: { type: ExternalName, externalName: 10.0.0.5 }
---
apiVersion: v1
kind: Pod
metadata: { name: agent }
spec:
  hostNetwork: true
  containers: [{ name: c, image: busybox }]
---
apiVersion: v1
kind: Pod
metadata: { name: web-0 }
spec:
  hostname: web-0
  subdomain: web
  containers: [{ name: c, image: busybox }]
`);
    expect(
      discoveryLints(cluster, objects)
        .map((d) => `${d.code} ${d.field}`)
        .sort(),
    ).toEqual([
      'discovery.dns.hostNetworkClusterFirst spec.hostNetwork',
      'discovery.dns.subdomainNoService spec.subdomain',
      'discovery.externalName.ip spec.externalName',
    ]);
  });
});
