/**
 * Section 7 of the reference through `get endpoints,endpointslices -o json`: what the Endpoints and
 * EndpointSlice controllers of Kubernetes 1.36 store for each case (endpoints_controller.go syncService,
 * endpointslice utils.go podToEndpoint, ShouldPodBeInEndpoints, FindPort, RepackSubsets).
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PODS = `apiVersion: v1
kind: Service
metadata: { name: web, labels: { tier: front } }
spec:
  selector: { app: web }
  ports:
  - { name: http, port: 80, targetPort: http }
  - { name: dns, port: 53, targetPort: dns, protocol: UDP }
---
# ready; hostname + subdomain naming this Service
apiVersion: v1
kind: Pod
metadata: { name: a, labels: { app: web } }
spec:
  nodeName: node-1
  hostname: a-host
  subdomain: web
  containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 8080 }, { name: dns, containerPort: 5353, protocol: UDP }] }]
---
# ready; "http" is 9090 here and its "dns" port is TCP, so the UDP service port has no target on this pod
apiVersion: v1
kind: Pod
metadata: { name: b, labels: { app: web } }
spec:
  nodeName: node-2
  containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 9090 }, { name: dns, containerPort: 53, protocol: TCP }] }]
---
apiVersion: v1
kind: Pod
metadata: { name: notready, labels: { app: web } }
spec:
  nodeName: node-3
  containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 8080 }, { name: dns, containerPort: 5353, protocol: UDP }] }]
status: { phase: Running, podIP: 10.244.2.50, conditions: [{ type: Ready, status: "False" }] }
---
apiVersion: v1
kind: Pod
metadata: { name: done, labels: { app: web } }
spec:
  nodeName: node-3
  containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 8080 }] }]
status: { phase: Succeeded, podIP: 10.244.2.51 }
---
apiVersion: v1
kind: Pod
metadata: { name: failed, labels: { app: web } }
spec:
  nodeName: node-3
  containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 8080 }] }]
status: { phase: Failed, podIP: 10.244.2.53 }
---
# no node will ever run it: no IP
apiVersion: v1
kind: Pod
metadata: { name: ghost, labels: { app: web } }
spec:
  nodeName: nowhere
  containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 8080 }] }]
---
apiVersion: v1
kind: Pod
metadata: { name: term, labels: { app: web }, deletionTimestamp: "2026-01-01T00:00:00Z" }
spec:
  nodeName: node-3
  containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 8080 }, { name: dns, containerPort: 5353, protocol: UDP }] }]
status: { phase: Running, podIP: 10.244.2.52, conditions: [{ type: Ready, status: "True" }] }
`;

function podIP(items: Obj[], name: string): string {
  const p = items.find((o) => o.kind === 'Pod' && o.metadata.name === name);
  return p?.status.podIP;
}

const names = (addrs: Obj[] | undefined): string[] => (addrs ?? []).map((a) => a.targetRef.name).sort();

describe('Endpoints (legacy controller)', () => {
  const s = scene(PODS);
  const ep: Obj = s.json('get endpoints web -o json').items[0];
  const pods: Obj[] = s.json('get pods -o json').items;

  it('is named after the Service, carries its labels and the controller label', () => {
    expect(ep.metadata.name).toBe('web');
    expect(ep.metadata.labels).toEqual({
      tier: 'front',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    });
  });

  it('ready pods in addresses, not-ready in notReadyAddresses; terminal, terminating and IP-less pods left out', () => {
    const all = ep.subsets.flatMap((x: Obj) => [...(x.addresses ?? []), ...(x.notReadyAddresses ?? [])]);
    expect(new Set(all.map((a: Obj) => a.targetRef.name))).toEqual(new Set(['a', 'b', 'notready']));
    for (const sub of ep.subsets) {
      expect(names(sub.addresses).every((n) => n === 'a' || n === 'b')).toBe(true);
      expect(names(sub.notReadyAddresses)).toEqual(sub.notReadyAddresses ? ['notready'] : []);
    }
    expect(pods.find((p) => p.metadata.name === 'ghost')?.status.podIP).toBeUndefined();
  });

  it('named targetPorts resolve per pod and protocol; RepackSubsets groups ports with the same addresses', () => {
    const portsOf = (pod: string) =>
      ep.subsets
        .filter((x: Obj) =>
          [...(x.addresses ?? []), ...(x.notReadyAddresses ?? [])].some((a: Obj) => a.targetRef.name === pod),
        )
        .flatMap((x: Obj) => x.ports)
        .sort((p: Obj, q: Obj) => p.port - q.port);
    expect(portsOf('a')).toEqual([
      { name: 'dns', port: 5353, protocol: 'UDP' },
      { name: 'http', port: 8080, protocol: 'TCP' },
    ]);
    expect(portsOf('b')).toEqual([{ name: 'http', port: 9090, protocol: 'TCP' }]);
    // a and notready offer the same two ports: one subset holds both addresses and both ports.
    const shared = ep.subsets.find((x: Obj) => names(x.addresses).includes('a'));
    expect(shared.ports).toHaveLength(2);
    expect(names(shared.notReadyAddresses)).toEqual(['notready']);
  });

  it("SortSubsets' order: kube-dns's ports as a real cluster lists them; addresses by IP string", () => {
    const dns: Obj = s.json('get endpoints kube-dns -n kube-system -o json').items[0];
    expect(dns.subsets).toHaveLength(1);
    expect(dns.subsets[0].ports.map((p: Obj) => p.name)).toEqual(['dns-tcp', 'dns', 'metrics']);
    const ips: string[] = dns.subsets[0].addresses.map((a: Obj) => a.ip);
    expect(ips).toEqual([...ips].sort());
    expect(s.run('get endpoints kube-dns -n kube-system').stdout).toContain(
      `${ips[0]}:53,${ips[1]}:53,${ips[0]}:53 + 3 more...`,
    );
  });

  it('hostname only when spec.subdomain names this Service', () => {
    const a = ep.subsets.flatMap((x: Obj) => x.addresses ?? []).find((x: Obj) => x.targetRef.name === 'a');
    expect(a).toMatchObject({ ip: podIP(pods, 'a'), hostname: 'a-host', nodeName: 'node-1' });
    const b = ep.subsets.flatMap((x: Obj) => x.addresses ?? []).find((x: Obj) => x.targetRef.name === 'b');
    expect(b.hostname).toBeUndefined();
  });
});

describe('EndpointSlices', () => {
  const s = scene(PODS);
  const slices: Obj[] = s
    .json('get endpointslices -o json')
    .items.filter((x: Obj) => x.metadata.labels['kubernetes.io/service-name'] === 'web');
  const pods: Obj[] = s.json('get pods -o json').items;
  const byPod = new Map<string, { ep: Obj; slice: Obj }>();
  for (const slice of slices) for (const ep of slice.endpoints) byPod.set(ep.targetRef.name, { ep, slice });

  it('labels: service-name and the controller as managed-by, plus the Service labels', () => {
    for (const x of slices) {
      expect(x.metadata.labels).toEqual({
        tier: 'front',
        'kubernetes.io/service-name': 'web',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      });
      expect(x.addressType).toBe('IPv4');
      expect(x.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    }
  });

  it('ready = serving && !terminating; terminating pods stay (serving, not ready); terminal and IP-less pods do not', () => {
    expect([...byPod.keys()].sort()).toEqual(['a', 'b', 'notready', 'term']);
    expect(byPod.get('a')!.ep.conditions).toEqual({ ready: true, serving: true, terminating: false });
    expect(byPod.get('notready')!.ep.conditions).toEqual({
      ready: false,
      serving: false,
      terminating: false,
    });
    expect(byPod.get('term')!.ep.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('endpoints carry addresses, targetRef, nodeName, zone and (for subdomain pods) hostname', () => {
    const a = byPod.get('a')!.ep;
    expect(a).toMatchObject({
      addresses: [podIP(pods, 'a')],
      hostname: 'a-host',
      nodeName: 'node-1',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'a' },
    });
    expect(typeof a.zone).toBe('string');
    expect(byPod.get('b')!.ep.hostname).toBeUndefined();
  });

  it('pods whose named ports resolve differently land in different slices', () => {
    const portSet = (pod: string) =>
      [...byPod.get(pod)!.slice.ports].sort((p: Obj, q: Obj) => p.port - q.port);
    expect(portSet('a')).toEqual([
      { name: 'dns', port: 5353, protocol: 'UDP' },
      { name: 'http', port: 8080, protocol: 'TCP' },
    ]);
    expect(portSet('b')).toEqual([{ name: 'http', port: 9090, protocol: 'TCP' }]);
    expect(byPod.get('a')!.slice).toBe(byPod.get('notready')!.slice);
    expect(byPod.get('a')!.slice).not.toBe(byPod.get('b')!.slice);
  });
});

const PUBLISH = `apiVersion: v1
kind: Service
metadata: { name: hl }
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector: { app: hl }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: r, labels: { app: hl } }
spec: { nodeName: node-1, containers: [{ name: c, image: x, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: nr, labels: { app: hl } }
spec: { nodeName: node-2, containers: [{ name: c, image: x }] }
status: { phase: Running, podIP: 10.244.1.77, conditions: [{ type: Ready, status: "False" }] }
---
apiVersion: v1
kind: Pod
metadata: { name: t, labels: { app: hl }, deletionTimestamp: "2026-01-01T00:00:00Z" }
spec: { nodeName: node-2, containers: [{ name: c, image: x }] }
status: { phase: Running, podIP: 10.244.1.78, conditions: [{ type: Ready, status: "True" }] }
`;

describe('publishNotReadyAddresses and headless Services', () => {
  const s = scene(PUBLISH);

  it('Endpoints: every pod with an IP is an address (tolerate unready; terminating included)', () => {
    const ep: Obj = s.json('get endpoints hl -o json').items[0];
    expect(ep.metadata.labels).toMatchObject({ 'service.kubernetes.io/headless': '' });
    expect(ep.subsets).toHaveLength(1);
    expect(names(ep.subsets[0].addresses)).toEqual(['nr', 'r', 't']);
    expect(ep.subsets[0].notReadyAddresses).toBeUndefined();
    // A numeric targetPort is taken as is, whether or not the container declares it.
    expect(ep.subsets[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('EndpointSlice: ready is true for all, serving and terminating as the pods are', () => {
    const slice: Obj = s
      .json('get endpointslices -o json')
      .items.find((x: Obj) => x.metadata.labels['kubernetes.io/service-name'] === 'hl');
    expect(slice.metadata.labels['service.kubernetes.io/headless']).toBe('');
    const cond = Object.fromEntries(slice.endpoints.map((e: Obj) => [e.targetRef.name, e.conditions]));
    expect(cond).toEqual({
      r: { ready: true, serving: true, terminating: false },
      nr: { ready: true, serving: false, terminating: false },
      t: { ready: true, serving: true, terminating: true },
    });
  });
});

const MANUAL = `apiVersion: v1
kind: Service
metadata: { name: ext }
spec:
  ports: [{ name: pg, port: 5432 }]
---
apiVersion: v1
kind: Endpoints
metadata: { name: ext }
subsets:
- addresses: [{ ip: 192.0.2.10 }]
  notReadyAddresses: [{ ip: 192.0.2.11 }]
  ports: [{ name: pg, port: 5432 }]
---
apiVersion: v1
kind: Service
metadata: { name: ext2 }
spec:
  ports: [{ port: 443 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ext2-manual, labels: { kubernetes.io/service-name: ext2, endpointslice.kubernetes.io/managed-by: me } }
addressType: IPv4
ports: [{ name: "", port: 8443, protocol: TCP }]
endpoints:
- addresses: [192.0.2.20]
  conditions: { ready: true }
`;

describe('selector-less Services', () => {
  const s = scene(MANUAL);

  it('keep hand-written Endpoints as written (the controller makes none)', () => {
    const ep: Obj = s.json('get endpoints ext -o json').items[0];
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: '192.0.2.10' }],
        notReadyAddresses: [{ ip: '192.0.2.11' }],
        ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      },
    ]);
    expect(ep.metadata.labels?.['endpoints.kubernetes.io/managed-by']).toBeUndefined();
  });

  it('hand-written Endpoints are mirrored into an EndpointSlice (ready per address list)', () => {
    const slice: Obj = s
      .json('get endpointslices -o json')
      .items.find((x: Obj) => x.metadata.labels['kubernetes.io/service-name'] === 'ext');
    expect(slice.metadata.labels['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslicemirroring-controller.k8s.io',
    );
    expect(slice.endpoints).toEqual([
      { addresses: ['192.0.2.10'], conditions: { ready: true } },
      { addresses: ['192.0.2.11'], conditions: { ready: false } },
    ]);
    expect(slice.ports).toEqual([{ name: 'pg', port: 5432, protocol: 'TCP' }]);
  });

  it('a hand-written EndpointSlice joins its Service by the service-name label; no Endpoints are made', () => {
    const slices: Obj[] = s
      .json('get endpointslices -o json')
      .items.filter((x: Obj) => x.metadata.labels['kubernetes.io/service-name'] === 'ext2');
    expect(slices.map((x) => x.metadata.name)).toEqual(['ext2-manual']);
    expect(slices[0]?.endpoints).toEqual([{ addresses: ['192.0.2.20'], conditions: { ready: true } }]);
    expect(s.run('get endpoints ext2').exitCode).toBe(1);
  });
});
