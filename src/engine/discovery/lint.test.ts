import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { discoveryLints } from './lint';

const build = (text: string) => buildCluster([{ file: 'scene.yaml', text }], { seed: 1 });
/** Each text is one kubectl apply (one file), in order. */
const applies = (...texts: string[]) =>
  buildCluster(
    texts.map((text, i) => ({ file: `apply-${i + 1}.yaml`, text })),
    { seed: 1 },
  );

describe('discoveryLints', () => {
  it('warns when a workload is created by an apply before a Service of its namespace, at its YAML position', () => {
    const { cluster, objects } = applies(
      `apiVersion: apps/v1
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
`,
      `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  ports: [{ port: 5432 }]
  selector: { app: db }
`,
    );
    const d = discoveryLints(cluster, objects);
    const before = d.find((x) => x.code === 'discovery.env.createdBeforeService')!;
    expect(before).toMatchObject({
      severity: 'warning',
      source: 'lint',
      kind: 'Deployment',
      name: 'web',
      line: 4,
    });
    expect(before.file).toBe('apply-1.yaml');
    expect(en(before.message)).toBe(
      'The pods of Deployment web start in the apply of apply-1.yaml, before Service db is created by the later apply of apply-2.yaml, so kubelet gives them no DB_SERVICE_HOST: it writes the variables once, when a container starts.',
    );
    const refs = d.filter((x) => x.code === 'discovery.env.unresolvedReference');
    expect(refs.map((x) => x.field)).toEqual([
      'spec.template.spec.containers[0].env[0].value',
      'spec.template.spec.containers[0].env[0].value',
    ]);
    expect(en(refs[0]!.message)).toMatch(/^\$\(DB_SERVICE_HOST\) is not defined for this container/);
  });

  it('is silent when the Service is in the same apply, even after the workload: every object exists before any container starts', () => {
    const { cluster, objects } = build(`apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: busybox, env: [{ name: X, value: "$(DB_SERVICE_HOST)" }] }]
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec: { ports: [{ port: 5432 }], selector: { app: db } }
`);
    expect(discoveryLints(cluster, objects)).toEqual([]);
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

  it('names at most five later Services in one message, oldest first', () => {
    const services = (names: string[]) =>
      names
        .map(
          (n) => `apiVersion: v1\nkind: Service\nmetadata: { name: ${n} }\nspec: { ports: [{ port: 80 }] }\n`,
        )
        .join('---\n');
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: { name: client }\nspec: { containers: [{ name: c, image: busybox }] }\n`;
    const many = applies(
      `${services(['early'])}---\n${pod}`,
      services(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 'none-headless']).replace(
        'name: none-headless }\nspec: {',
        'name: none-headless }\nspec: { clusterIP: None,',
      ),
    );
    const d = discoveryLints(many.cluster, many.objects).filter(
      (x) => x.code === 'discovery.env.createdBeforeService',
    );
    expect(d.map((x) => en(x.message))).toEqual([
      'Pod client starts in the apply of apply-1.yaml, before Services s1, s2, s3, s4, s5 and 2 more are created by the later apply of apply-2.yaml, so kubelet gives it no S1_SERVICE_HOST, S2_SERVICE_HOST, S3_SERVICE_HOST, S4_SERVICE_HOST, S5_SERVICE_HOST and 2 more: it writes the variables once, when a container starts.',
    ]);
    expect(en(d[0]!.hint!)).toBe(
      'Put the Services in the same file (one kubectl apply creates every object before any container starts) or in a file applied earlier, or recreate the pods; the DNS name works either way.',
    );

    const two = applies(pod, services(['db', 'cache']));
    expect(discoveryLints(two.cluster, two.objects).map((x) => en(x.message))).toEqual([
      'Pod client starts in the apply of apply-1.yaml, before Services db and cache are created by the later apply of apply-2.yaml, so kubelet gives it no DB_SERVICE_HOST and CACHE_SERVICE_HOST: it writes the variables once, when a container starts.',
    ]);

    // Services from two later files: each file is named, not only the first one's.
    const spread = applies(pod, services(['db']), services(['cache']));
    expect(discoveryLints(spread.cluster, spread.objects).map((x) => en(x.message))).toEqual([
      'Pod client starts in the apply of apply-1.yaml, before Services db and cache are created by the later applies of apply-2.yaml and apply-3.yaml, so kubelet gives it no DB_SERVICE_HOST and CACHE_SERVICE_HOST: it writes the variables once, when a container starts.',
    ]);
  });

  it('checks each container’s references against that container’s own variables', () => {
    const { cluster, objects } = applies(
      `apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers:
    - name: a
      image: busybox
      env: [{ name: URL, value: "http://$(DB_SERVICE_HOST)" }]
    - name: b
      image: busybox
      env:
        - { name: DB_SERVICE_HOST, value: db.shop }
        - { name: URL, value: "http://$(DB_SERVICE_HOST)" }
`,
      `apiVersion: v1
kind: Service
metadata: { name: db }
spec: { ports: [{ port: 80 }] }
`,
    );
    const refs = discoveryLints(cluster, objects).filter(
      (x) => x.code === 'discovery.env.unresolvedReference',
    );
    expect(refs.map((x) => x.field)).toEqual(['spec.containers[0].env[0].value']);
    expect(en(refs[0]!.message)).toBe(
      '$(DB_SERVICE_HOST) is not defined for this container, so kubelet leaves it as the literal text "$(DB_SERVICE_HOST)": Service db was created by a later kubectl apply than pod client, and kubelet only injects the Services that exist when a container starts: DB_SERVICE_HOST is missing until the pod is recreated (DNS name db works now).',
    );
  });

  it('one message per workload however many Services follow it (output stays linear)', () => {
    const docs: string[] = [];
    for (let i = 0; i < 300; i++)
      docs.push(
        `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i} }\nspec: { containers: [{ name: c, image: busybox }] }\n`,
        `apiVersion: v1\nkind: Service\nmetadata: { name: s${i} }\nspec: { ports: [{ port: 80 }] }\n`,
      );
    const { cluster, objects } = applies(...docs);
    const d = discoveryLints(cluster, objects);
    expect(d.length).toBe(300);
    expect(en(d[0]!.message)).toMatch(
      /^Pod p0 starts in the apply of apply-1.yaml, before Services s0, s1, s2, s3, s4 and 295 more are created by the later applies of apply-2.yaml, apply-4.yaml, apply-6.yaml, apply-8.yaml, apply-10.yaml and 295 more, /,
    );
    expect(en(d[298]!.message)).toMatch(/^Pod p298 starts .*, before Services s298 and s299 are /);
    expect(en(d[299]!.message)).toMatch(/^Pod p299 starts .*, before Service s299 is /);
    // Bounded: at most five Services, five files and five variables named, whatever the count.
    expect(Math.max(...d.map((x) => en(x.message).length))).toBeLessThan(500);
  });
});
