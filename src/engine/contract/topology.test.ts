/**
 * Topology-aware routing through the CLI: the EndpointSlice controller's hints for spec.trafficDistribution
 * (k8s.io/endpointslice trafficdist_test.go TestReconcileHints) through `get endpointslices -o json`, and
 * kube-proxy's choice per node (pkg/proxy/topology_test.go TestCategorizeEndpoints, with hints written by
 * hand as upstream's table writes them) through the candidates of `curl --from node/… -o json`, with the
 * inspector's reasons for every endpoint left out.
 */
import { describe, expect, it } from 'vitest';
import { scene, type Scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const node = (name: string, ip: string, zone?: string): string => `apiVersion: v1
kind: Node
metadata: { name: ${name}${zone ? `, labels: { topology.kubernetes.io/zone: ${zone} }` : ''} }
status: { addresses: [{ type: InternalIP, address: ${ip} }] }
`;

/** node-1 and node-4 in zone-a, node-2 in zone-b, node-3 without a zone label. */
const NODES = [
  node('node-1', '192.168.0.11', 'zone-a'),
  node('node-2', '192.168.0.12', 'zone-b'),
  node('node-3', '192.168.0.13'),
  node('node-4', '192.168.0.14', 'zone-a'),
].join('---\n');

const pod = (name: string, nodeName: string, ready = true, extra = ''): string => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: web }${extra} }
spec:
  nodeName: ${nodeName}
  containers: [{ name: c, image: agnhost, ports: [{ name: http, containerPort: 8080 }] }]
${ready ? '' : 'status: { phase: Running, conditions: [{ type: Ready, status: "False" }] }\n'}`;

const service = (spec: string): string => `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
${spec}`;

function hintsByPod(s: Scene): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sl of s.json('get endpointslices -o json').items as Obj[])
    if (sl.metadata.labels['kubernetes.io/service-name'] === 'web')
      for (const ep of sl.endpoints ?? []) out[ep.targetRef.name] = ep.hints ?? null;
  return out;
}

describe('EndpointSlice controller: hints for trafficDistribution (trafficdist.go)', () => {
  const pods = [
    pod('a1', 'node-1'),
    pod('b1', 'node-2'),
    pod('a-unready', 'node-4', false),
    pod('nozone', 'node-3'),
    pod('a-terminating', 'node-4', true, ', deletionTimestamp: "2026-01-01T00:00:00Z"'),
  ].join('---\n');

  it('PreferClose: each ready endpoint gets its own zone; unready, terminating and zone-less ones get none', () => {
    const s = scene([NODES, pods, service('  trafficDistribution: PreferClose\n')].join('---\n'));
    expect(hintsByPod(s)).toEqual({
      a1: { forZones: [{ name: 'zone-a' }] },
      b1: { forZones: [{ name: 'zone-b' }] },
      'a-unready': null,
      nozone: null, // upstream hints each endpoint on its own: the others keep theirs
      'a-terminating': null,
    });
  });

  it('PreferSameZone hints as PreferClose does', () => {
    const s = scene([NODES, pods, service('  trafficDistribution: PreferSameZone\n')].join('---\n'));
    expect(hintsByPod(s)).toMatchObject({ a1: { forZones: [{ name: 'zone-a' }] }, 'a-unready': null });
  });

  it('PreferSameNode adds a node hint, also to an endpoint whose node has no zone', () => {
    const s = scene([NODES, pods, service('  trafficDistribution: PreferSameNode\n')].join('---\n'));
    expect(hintsByPod(s)).toEqual({
      a1: { forZones: [{ name: 'zone-a' }], forNodes: [{ name: 'node-1' }] },
      b1: { forZones: [{ name: 'zone-b' }], forNodes: [{ name: 'node-2' }] },
      'a-unready': null,
      nozone: { forNodes: [{ name: 'node-3' }] },
      'a-terminating': null,
    });
  });

  it('no trafficDistribution: no hints', () => {
    const s = scene([NODES, pods, service('')].join('---\n'));
    expect(Object.values(hintsByPod(s)).every((h) => h === null)).toBe(true);
  });

  it('publishNotReadyAddresses makes an unready pod ready in the slice, so it is hinted', () => {
    const s = scene(
      [NODES, pods, service('  trafficDistribution: PreferClose\n  publishNotReadyAddresses: true\n')].join(
        '---\n',
      ),
    );
    expect(hintsByPod(s)['a-unready']).toEqual({ forZones: [{ name: 'zone-a' }] });
  });
});

/** A Service without selector and one hand-written slice, as upstream's table writes its endpoints. */
function manual(endpoints: string, spec = ''): string {
  return [
    NODES,
    `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  ports: [{ name: http, port: 80${spec.includes('NodePort') ? ', nodePort: 30080' : ''} }]
${spec}`,
    `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: web-1, labels: { kubernetes.io/service-name: web } }
addressType: IPv4
ports: [{ name: http, port: 80 }]
endpoints:
${endpoints}`,
  ].join('---\n');
}

const ep = (
  ip: string,
  opts: { zones?: string[]; nodes?: string[]; ready?: boolean; node?: string } = {},
) => {
  const hints: string[] = [];
  if (opts.zones) hints.push(`forZones: [${opts.zones.map((z) => `{ name: ${z} }`).join(', ')}]`);
  if (opts.nodes) hints.push(`forNodes: [${opts.nodes.map((z) => `{ name: ${z} }`).join(', ')}]`);
  return `- { addresses: [${ip}], conditions: { ready: ${opts.ready ?? true} }${opts.node ? `, nodeName: ${opts.node}` : ''}${hints.length ? `, hints: { ${hints.join(', ')} }` : ''} }\n`;
};

interface Decision {
  outcome: string;
  candidates: string[];
  leftOut: Record<string, string>;
  topology: string | null;
}

/** The kube-proxy hop of a request from `from` to `url` (a `{ip}` in it is the Service's ClusterIP). */
function decide(s: Scene, from: string, url: string): Decision {
  const ip = s.json('get svc web -o json').items[0].spec.clusterIP;
  const t = s.json(`curl --from ${from} ${url.replace('{ip}', ip)} -o json`);
  const hop = t.hops.find(
    (h: Obj) => h.phase !== 'dns' && h.stage === 'kube-proxy' && (h.candidates || h.leftOut),
  );
  return {
    outcome: t.outcome,
    candidates: (hop?.candidates ?? []).map((c: Obj) => c.endpoint).sort(),
    leftOut: Object.fromEntries((hop?.leftOut ?? []).map((c: Obj) => [c.endpoint, c.reasonMsg.id])),
    topology: hop?.topologyMsg?.id ?? null,
  };
}

const FOUR = (d: string) =>
  ep('10.1.2.3', { zones: ['zone-a'] }) +
  ep('10.1.2.4', { zones: ['zone-b'] }) +
  ep('10.1.2.5', { zones: ['zone-c'] }) +
  ep('10.1.2.6', { zones: ['zone-a'], ...(d === 'unready' ? { ready: false } : {}) });

describe('kube-proxy: CategorizeEndpoints with hints (topology.go)', () => {
  it('normal endpoint filtering: node-1 in zone-a keeps to the endpoints hinted for zone-a', () => {
    const d = decide(scene(manual(FOUR(''))), 'node/node-1', 'http://{ip}');
    expect(d.candidates).toEqual(['10.1.2.3:80', '10.1.2.6:80']);
    expect(d.leftOut).toEqual({
      '10.1.2.4:80': 'sim.leftOut.otherZone',
      '10.1.2.5:80': 'sim.leftOut.otherZone',
    });
    expect(d.topology).toBe('sim.topology.sameZone');
  });

  it('unready endpoint: left out as not ready, the other zone-a endpoint stays', () => {
    const d = decide(scene(manual(FOUR('unready'))), 'node/node-1', 'http://{ip}');
    expect(d.candidates).toEqual(['10.1.2.3:80']);
    expect(d.leftOut['10.1.2.6:80']).toBe('sim.leftOut.notReady');
  });

  it('only unready endpoints in the same zone: no filtering, every ready endpoint', () => {
    const eps =
      ep('10.1.2.3', { zones: ['zone-a'], ready: false }) +
      ep('10.1.2.4', { zones: ['zone-b'] }) +
      ep('10.1.2.5', { zones: ['zone-c'] }) +
      ep('10.1.2.6', { zones: ['zone-a'], ready: false });
    const d = decide(scene(manual(eps)), 'node/node-1', 'http://{ip}');
    expect(d.candidates).toEqual(['10.1.2.4:80', '10.1.2.5:80']);
    expect(d.topology).toBe('sim.topology.noneForZone');
    expect(d.leftOut).toEqual({
      '10.1.2.3:80': 'sim.leftOut.notReady',
      '10.1.2.6:80': 'sim.leftOut.notReady',
    });
  });

  it('missing hints: one ready endpoint without a hint, no filtering', () => {
    const eps =
      ep('10.1.2.3', { zones: ['zone-a'] }) +
      ep('10.1.2.4', { zones: ['zone-b'] }) +
      ep('10.1.2.5') +
      ep('10.1.2.6', { zones: ['zone-a'] });
    const d = decide(scene(manual(eps)), 'node/node-1', 'http://{ip}');
    expect(d.candidates).toEqual(['10.1.2.3:80', '10.1.2.4:80', '10.1.2.5:80', '10.1.2.6:80']);
    expect(d.topology).toBe('sim.topology.missingHint');
  });

  it('multiple hints per endpoint: any endpoint whose hints include the zone', () => {
    const eps =
      ep('10.1.2.3', { zones: ['zone-a', 'zone-b', 'zone-c'] }) +
      ep('10.1.2.4', { zones: ['zone-b', 'zone-c'] }) +
      ep('10.1.2.5', { zones: ['zone-b', 'zone-d'] }) +
      ep('10.1.2.6', { zones: ['zone-c'] });
    // node-2 is in zone-b: every endpoint but 10.1.2.6 names zone-b.
    const d = decide(scene(manual(eps)), 'node/node-2', 'http://{ip}');
    expect(d.candidates).toEqual(['10.1.2.3:80', '10.1.2.4:80', '10.1.2.5:80']);
    expect(d.leftOut).toEqual({ '10.1.2.6:80': 'sim.leftOut.otherZone' });
  });

  it('empty node labels: a node without a zone uses every endpoint', () => {
    const d = decide(scene(manual(FOUR(''))), 'node/node-3', 'http://{ip}');
    expect(d.candidates).toHaveLength(4);
    expect(d.topology).toBe('sim.topology.nodeHasNoZone');
  });

  it('node in a zone no endpoint is hinted for: no endpoint filtering', () => {
    const d = decide(scene(manual(ep('10.1.2.3', { zones: ['zone-a'] }))), 'node/node-2', 'http://{ip}');
    expect(d.candidates).toEqual(['10.1.2.3:80']);
    expect(d.topology).toBe('sim.topology.noneForZone');
  });

  it('PreferSameNode hints: the node named, else the zone hints (every endpoint has a node hint)', () => {
    const eps =
      ep('10.1.2.3', { zones: ['zone-a'], nodes: ['node-1'] }) +
      ep('10.1.2.4', { zones: ['zone-b'], nodes: ['node-2'] }) +
      ep('10.1.2.6', { zones: ['zone-a'], nodes: ['node-4x'] });
    const s = scene(manual(eps));
    const d1 = decide(s, 'node/node-1', 'http://{ip}');
    expect(d1.candidates).toEqual(['10.1.2.3:80']);
    expect(d1.leftOut['10.1.2.6:80']).toBe('sim.leftOut.otherNode');
    expect(d1.topology).toBe('sim.topology.sameNode');
    const d4 = decide(s, 'node/node-4', 'http://{ip}');
    expect(d4.candidates).toEqual(['10.1.2.3:80', '10.1.2.6:80']);
    expect(d4.topology).toBe('sim.topology.sameZone');
  });

  it('serving-terminating fallback ignores topology (no ready endpoint anywhere)', () => {
    const term = (ip: string, zone: string) =>
      `- { addresses: [${ip}], conditions: { ready: false, serving: true, terminating: true }, hints: { forZones: [{ name: ${zone} }] } }\n`;
    const d = decide(
      scene(manual(term('10.1.2.3', 'zone-b') + term('10.1.2.4', 'zone-c'))),
      'node/node-1',
      'http://{ip}',
    );
    expect(d.candidates).toEqual(['10.1.2.3:80', '10.1.2.4:80']);
  });

  it('conflicting topology and localness: eTP Local external traffic uses the local set, pods the zone set', () => {
    const eps =
      ep('10.0.0.1', { zones: ['zone-a'], node: 'node-1' }) +
      ep('10.0.0.2', { zones: ['zone-b'], node: 'node-1' }) +
      ep('10.0.0.3', { zones: ['zone-a'], node: 'node-4' }) +
      ep('10.0.0.4', { zones: ['zone-b'], node: 'node-2' });
    const s = scene(manual(eps, '  type: NodePort\n  externalTrafficPolicy: Local\n'));
    const ext = decide(s, 'external', 'http://192.168.0.11:30080');
    expect(ext.candidates).toEqual(['10.0.0.1:80', '10.0.0.2:80']);
    expect(ext.leftOut).toEqual({
      '10.0.0.3:80': 'sim.leftOut.notLocal',
      '10.0.0.4:80': 'sim.leftOut.notLocal',
    });
    expect(ext.topology).toBeNull();
    const int = decide(s, 'node/node-1', 'http://{ip}');
    expect(int.candidates).toEqual(['10.0.0.1:80', '10.0.0.3:80']);
    expect(int.leftOut).toEqual({
      '10.0.0.2:80': 'sim.leftOut.otherZone',
      '10.0.0.4:80': 'sim.leftOut.otherZone',
    });
  });

  it('internalTrafficPolicy: Local, all endpoints remote: dropped, each left out as not local', () => {
    const eps = ep('10.0.0.1', { node: 'node-2' }) + ep('10.0.0.2', { node: 'node-4' });
    const d = decide(scene(manual(eps, '  internalTrafficPolicy: Local\n')), 'node/node-1', 'http://{ip}');
    expect(d.outcome).toBe('dropped');
    expect(d.candidates).toEqual([]);
    expect(d.leftOut).toEqual({
      '10.0.0.1:80': 'sim.leftOut.notLocal',
      '10.0.0.2:80': 'sim.leftOut.notLocal',
    });
  });

  it('internalTrafficPolicy: Local with a local endpoint: only it, topology hints play no part', () => {
    const eps =
      ep('10.0.0.1', { node: 'node-1', zones: ['zone-b'] }) +
      ep('10.0.0.2', { node: 'node-4', zones: ['zone-a'] });
    const d = decide(scene(manual(eps, '  internalTrafficPolicy: Local\n')), 'node/node-1', 'http://{ip}');
    expect(d.candidates).toEqual(['10.0.0.1:80']);
    expect(d.leftOut).toEqual({ '10.0.0.2:80': 'sim.leftOut.notLocal' });
    expect(d.topology).toBeNull();
  });
});

describe('topology end to end: pods, controller hints, kube-proxy', () => {
  const pods = [pod('a1', 'node-1'), pod('a2', 'node-4'), pod('b1', 'node-2'), pod('nozone', 'node-3')];
  const client = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-2, containers: [{ name: c, image: dnsutils }] }
`;

  it('a pod on a zone-less node has no hint, so kube-proxy ignores the hints everywhere (upstream fallback)', () => {
    const s = scene([NODES, ...pods, client, service('  trafficDistribution: PreferClose\n')].join('---\n'));
    const t = s.json('exec client -- curl -s http://web -o json');
    const hop = t.hops.find((h: Obj) => h.phase !== 'dns' && h.stage === 'kube-proxy' && h.candidates);
    expect(hop.candidates).toHaveLength(4);
    expect(hop.topologyMsg.id).toBe('sim.topology.missingHint');
  });

  it('without the zone-less pod, the client in zone-b reaches only zone-b', () => {
    const s = scene(
      [NODES, ...pods.slice(0, 3), client, service('  trafficDistribution: PreferClose\n')].join('---\n'),
    );
    const r = s.json('exec client -- curl -s --http1.0 --count 10 http://web -o json');
    expect(new Set(r.results.map((x: Obj) => x.backend.pod))).toEqual(new Set(['default/b1']));
  });

  it('in IPVS and nftables modes too', () => {
    for (const mode of ['ipvs', 'nftables']) {
      const kp = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ${mode}
`;
      const s = scene(
        [kp, NODES, ...pods.slice(0, 3), client, service('  trafficDistribution: PreferClose\n')].join(
          '---\n',
        ),
      );
      const t = s.json('exec client -- curl -s http://web -o json');
      expect(t.backend.pod, mode).toBe('default/b1');
      const hop = t.hops.find((h: Obj) => h.phase !== 'dns' && h.stage === 'kube-proxy' && h.candidates);
      expect(
        hop.candidates.map((c: Obj) => c.pod),
        mode,
      ).toEqual(['default/b1']);
      expect(Object.keys(hop.leftOut), mode).toHaveLength(2);
    }
  });
});
