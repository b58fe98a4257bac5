/**
 * Sections 3, 8 and 9 of the reference through `curl … -o json` and `ping`: externalTrafficPolicy Local
 * drops on a node without a local pod (the client times out), Cluster masquerades (the pod sees a node
 * address), pod traffic short-circuits to all endpoints, ClientIP affinity holds for timeoutSeconds,
 * ICMP to a ClusterIP gets no answer, LoadBalancer health checks and the VIP kube-proxy captures.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { en } from '../testing/render';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const nodes = [1, 2, 3]
  .map(
    (i) => `apiVersion: v1
kind: Node
metadata: { name: node-${i}, labels: { topology.kubernetes.io/zone: ${i === 3 ? 'zone-b' : 'zone-a'} } }
spec: { podCIDR: 10.244.${i}.0/24 }
status: { addresses: [{ type: InternalIP, address: 10.0.0.1${i} }] }
`,
  )
  .join('---\n');

const YAML = `${nodes}---
apiVersion: apps/v1
kind: Deployment
metadata: { name: echo }
spec:
  replicas: 2
  selector: { matchLabels: { app: echo } }
  template:
    metadata: { labels: { app: echo } }
    spec:
      nodeName: node-1
      containers: [{ name: echo, image: agnhost, ports: [{ containerPort: 8080 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: local }
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: { app: echo }
  ports: [{ port: 80, targetPort: 8080, nodePort: 30001 }]
---
apiVersion: v1
kind: Service
metadata: { name: cluster }
spec:
  type: NodePort
  selector: { app: echo }
  ports: [{ port: 80, targetPort: 8080, nodePort: 30002 }]
---
apiVersion: v1
kind: Service
metadata: { name: sticky }
spec:
  clusterIP: 10.96.0.50
  sessionAffinity: ClientIP
  sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }
  selector: { app: echo }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: lb }
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: { app: echo }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-3, containers: [{ name: c, image: busybox }] }
`;

const fresh = () => scene(YAML);
const requestHops = (t: Obj): Obj[] =>
  t.hops.filter((h: Obj) => h.phase !== 'dns' && h.direction !== 'reply');

describe('externalTrafficPolicy: Local (NodePort)', () => {
  it('a node without a local pod drops the packet in KUBE-EXTERNAL-SERVICES; curl times out (exit 1, curl 28)', () => {
    const s = fresh();
    const t = s.json('curl --from external -m 3 http://10.0.0.12:30001/ -o json');
    expect(t.outcome).toBe('dropped');
    expect(t.backend).toBeNull();
    const last = t.hops[t.hops.length - 1];
    expect(last).toMatchObject({ stage: 'kube-proxy', location: 'node/node-2', action: 'drop' });
    expect(last.rule).toBe(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/local has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30001 -j DROP',
    );
    expect(en(t.explanation)).toMatch(/node-2 has no ready pod/);
    const text = s.run('curl --from external -m 3 http://10.0.0.12:30001/');
    expect(text.exitCode).toBe(1);
    expect(text.stderr).toBe('curl: (28) Connection timed out after 3001 milliseconds\n');
  });

  it('the node with the pods answers and the pod sees the client address (no SNAT hop)', () => {
    const t = fresh().json('curl --from external http://10.0.0.11:30001/ -o json');
    expect(t.outcome).toBe('delivered');
    expect(t.sourceSeenByBackend).toMatch(/^203\.0\.113\.10:\d+$/);
    expect(t.hops.some((h: Obj) => h.action === 'snat')).toBe(false);
    const dnat = t.hops.find((h: Obj) => h.action === 'dnat');
    expect(dnat.location).toBe('node/node-1');
    expect(dnat.candidates.map((c: Obj) => c.probability)).toEqual([0.5, 0.5]);
  });

  it('pod traffic to the NodePort short-circuits to every endpoint: no drop, no SNAT, source kept', () => {
    const s = fresh();
    const client = s.json('get pod client -o json').items[0].status.podIP;
    const t = s.json('curl --from pod/client http://10.0.0.12:30001/ -o json');
    expect(t.outcome).toBe('delivered');
    expect(t.sourceSeenByBackend).toMatch(new RegExp(`^${client.replaceAll('.', '\\.')}:\\d+$`));
    expect(t.hops.find((h: Obj) => h.action === 'dnat').location).toBe('node/node-2');
  });
});

describe('externalTrafficPolicy: Cluster (NodePort)', () => {
  it('another node forwards and masquerades: the pod sees that node’s flannel.1 address', () => {
    const t = fresh().json('curl --from external http://10.0.0.12:30002/ -o json');
    expect(t.outcome).toBe('delivered');
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.2\.0:\d+$/);
    const snat = t.hops.find((h: Obj) => h.action === 'snat');
    expect(snat.location).toBe('node/node-2');
    expect(snat.rule).toBe(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    );
    expect(snat.packet.src).toBe(t.sourceSeenByBackend);
    // The hop after the SNAT crosses to node-1, where the pods are.
    const req = requestHops(t);
    expect(req[req.findIndex((h: Obj) => h.action === 'snat') + 1]).toMatchObject({
      stage: 'network',
      action: 'forward',
    });
  });

  it('external traffic is always SNATed, even when the pod is on the receiving node (cni0 address)', () => {
    const t = fresh().json('curl --from external http://10.0.0.11:30002/ -o json');
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.1\.1:\d+$/);
  });

  it('replies are un-NATed by conntrack: the client sees the node address it connected to', () => {
    const t = fresh().json('curl --from external http://10.0.0.12:30002/ -o json');
    const last = t.hops[t.hops.length - 1];
    expect(last).toMatchObject({ stage: 'client', location: 'external', action: 'deliver' });
    expect(last.packet.src).toBe('10.0.0.12:30002');
    expect(last.packet.dst).toMatch(/^203\.0\.113\.10:\d+$/);
  });
});

describe('session affinity ClientIP (section 8)', () => {
  it('every request within timeoutSeconds reaches the same pod; after it expires the choice is random again', () => {
    const s = fresh();
    const within = s.json('curl --from pod/client --count 30 http://10.96.0.50/ -o json').results;
    const pods = new Set(within.map((t: Obj) => t.backend.pod));
    expect(pods.size).toBe(1);
    const later = s.json(
      'curl --from pod/client --count 30 --interval 61 http://10.96.0.50/ -o json',
    ).results;
    expect(new Set(later.map((t: Obj) => t.backend.pod)).size).toBe(2);
  });

  it('the first choice is random (both candidates 0.5); later ones follow the recent list', () => {
    const s = fresh();
    const [first, second] = s.json('curl --from pod/client --count 2 http://10.96.0.50/ -o json').results;
    const d1 = first.hops.find((h: Obj) => h.action === 'dnat' && h.phase !== 'dns');
    expect(d1.candidates.map((c: Obj) => c.probability)).toEqual([0.5, 0.5]);
    expect(d1.rule).toMatch(
      /-m recent --set --name KUBE-SEP-[A-Z2-7]{16} --mask 255\.255\.255\.255 --rsource/,
    );
    expect(en(second.explanation)).toMatch(/ClientIP session affinity/);
    expect(second.backend.pod).toBe(first.backend.pod);
  });
});

describe('ICMP to a ClusterIP (section 3)', () => {
  it('ping gets no answer (no rule matches ICMP to a virtual IP); TCP to the same address works', () => {
    const s = fresh();
    const ping = s.run('exec client -- ping -c 2 10.96.0.50');
    expect(ping.exitCode).toBe(1);
    expect(ping.stdout).toContain('2 packets transmitted, 0 received, 100% packet loss');
    const t = s.json('exec client -- ping -c 1 10.96.0.50 -o json');
    expect(t.outcome).toBe('timeout');
    expect(t.backend).toBeNull();
    expect(en(t.explanation)).toMatch(/No rule matches ICMP/);
    for (const h of requestHops(t)) expect(h.packet.protocol).toBe('ICMP');
    expect(s.run('exec client -- curl -s http://10.96.0.50/').exitCode).toBe(0);
  });

  it('ping to a pod answers', () => {
    const s = fresh();
    const ip = s.json('get pods -o json').items.find((p: Obj) => p.metadata.name.startsWith('echo-'))
      .status.podIP;
    const r = s.run(`exec client -- ping -c 1 ${ip}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^PING ${ip} \\(${ip}\\) 56\\(84\\) bytes of data\\.\\n64 bytes from ${ip}: icmp_seq=1 ttl=\\d+ time=`,
      ),
    );
  });
});

describe('LoadBalancer (section 9)', () => {
  it('Local: the health check keeps only nodes with a local pod in rotation; the client address is kept', () => {
    const s = fresh();
    const svc = s.json('get svc lb -o json').items[0];
    expect(svc.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    const vip = svc.status.loadBalancer.ingress[0].ip;
    const t = s.json(`curl --from external http://${vip}/ -o json`);
    const lb = t.hops.find((h: Obj) => h.stage === 'cloud-lb');
    expect(lb.location).toBe('lb/default/lb');
    const np = svc.spec.ports[0].nodePort;
    expect(lb.candidates).toEqual([
      expect.objectContaining({ endpoint: `10.0.0.11:${np}`, probability: 1 }),
      expect.objectContaining({ endpoint: `10.0.0.12:${np}`, probability: 0 }),
      expect.objectContaining({ endpoint: `10.0.0.13:${np}`, probability: 0 }),
    ]);
    expect(t.sourceSeenByBackend).toMatch(/^203\.0\.113\.10:\d+$/);
  });

  it('from inside the cluster kube-proxy captures the LB VIP: the packet never reaches the cloud LB', () => {
    const s = fresh();
    const vip = s.json('get svc lb -o json').items[0].status.loadBalancer.ingress[0].ip;
    const t = s.json(`curl --from pod/client http://${vip}/ -o json`);
    expect(t.outcome).toBe('delivered');
    expect(t.hops.some((h: Obj) => h.stage === 'cloud-lb')).toBe(false);
    expect(t.hops.find((h: Obj) => h.action === 'dnat').location).toBe('node/node-3');
  });
});
