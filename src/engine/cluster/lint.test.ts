import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';

const lints = (text: string) =>
  buildCluster([{ file: 's.yaml', text }]).diagnostics.filter(
    (d) => d.source === 'lint' && !d.code.startsWith('discovery.'),
  );

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: { app: api }${extra}
spec:
  containers:
    - name: app
      image: api
      ports:
        - name: http
          containerPort: 8080
`;

describe('lintCluster', () => {
  it('warns about a numeric targetPort nobody listens on, and a named one nobody declares', () => {
    const d = lints(`${pod('a')}---
apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  selector: { app: api }
  ports:
    - name: web
      port: 80
      targetPort: 9090
    - name: admin
      port: 81
      targetPort: admin
`);
    expect(d.map((x) => [x.code, x.field, x.line, en(x.message)])).toEqual([
      [
        'service.targetPort.notListening',
        'spec.ports[0].targetPort',
        22,
        'targetPort 9090/TCP: no selected pod listens on it (their containers declare 8080/TCP); connections through port 80 will be refused',
      ],
      [
        'service.targetPort.nameNotFound',
        'spec.ports[1].targetPort',
        25,
        "named targetPort admin is not the name of any TCP containerPort of the selected pods; they are left out of the Service's endpoints for port admin",
      ],
    ]);
  });

  it('looks at each way of listening once: the pods of two templates, and a pod whose annotation moves it', () => {
    const deployment = (name: string, annotations: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 3
  selector: { matchLabels: { app: api, v: ${name} } }
  template:
    metadata: { labels: { app: api, v: ${name} }${annotations} }
    spec: { containers: [{ name: app, image: ${image} }] }
---
`;
    const svc = (target: number) => `apiVersion: v1
kind: Service
metadata: { name: api-${target} }
spec: { selector: { app: api }, ports: [{ port: ${target} }] }
---
`;
    const d = lints(
      deployment('one', '', 'nginx:1.27') +
        deployment('two', ', annotations: { svclab.io/listen: "9090" }', 'nginx:1.27') +
        svc(80) +
        svc(9090) +
        svc(7070),
    );
    // nginx's pods answer on 80, the annotated template's on 9090: only 7070 has no listener.
    expect(
      d
        .filter((x) => x.code === 'service.targetPort.notListening')
        .map((x) => (x.message as { params?: unknown }).params),
    ).toEqual([{ target: 7070, protocol: 'TCP', declared: [], port: 7070 }]);
  });

  it('warns about a readiness probe on a loopback-only port, once per template', () => {
    const d = lints(`apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata:
      labels: { app: api }
      annotations: { svclab.io/listen: "127.0.0.1:8080" }
    spec:
      containers:
        - name: app
          image: api
          readinessProbe:
            tcpSocket: { port: 8080 }
`);
    const probe = d.filter((x) => x.code === 'pod.readinessProbe.notListening');
    expect(probe).toHaveLength(1);
    expect(probe[0]).toMatchObject({
      kind: 'Deployment',
      name: 'api',
      field: 'spec.template.spec.containers[0].readinessProbe.tcpSocket.port',
      line: 16,
    });
    expect(en(probe[0]!.message)).toMatch(
      /^readiness probe of container app aims at port 8080, where nothing in the pod listens on the pod IP: the pod never becomes Ready \(Readiness probe failed: dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused\)$/,
    );
  });

  it('warns about Endpoints pointing at another Service ClusterIP and about overwritten Endpoints', () => {
    const d = lints(`apiVersion: v1
kind: Service
metadata: { name: target }
spec:
  clusterIP: 10.96.100.100
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: alias }
spec:
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Endpoints
metadata: { name: alias }
subsets:
  - addresses: [{ ip: 10.96.100.100 }]
    ports: [{ port: 80 }]
---
${pod('a')}---
apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  selector: { app: api }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Endpoints
metadata: { name: api }
subsets:
  - addresses: [{ ip: 192.0.2.1 }]
`);
    expect(d.map((x) => [x.code, x.kind, x.field, x.line])).toEqual([
      ['endpoints.address.clusterIP', 'Endpoints', 'subsets[0].addresses[0].ip', 18],
      ['endpoints.replaced', 'Endpoints', 'subsets', 44],
    ]);
    expect(en(d[0]!.message)).toBe(
      "10.96.100.100 is the ClusterIP of Service default/target: endpoint IP addresses cannot be the cluster IPs of other Kubernetes Services, because kube-proxy doesn't support virtual IPs as a destination",
    );
  });

  it('reports unreadable svclab.io/listen entries', () => {
    const d = lints(pod('a', '\n  annotations: { svclab.io/listen: "80x" }'));
    expect(d.map((x) => en(x.message))).toEqual([
      'svclab.io/listen: 80x: expected [container=][127.0.0.1:]PORT[/TCP|UDP|SCTP]',
    ]);
  });
});
