/**
 * `service.kubernetes.io/topology-mode: Auto` through the CLI: the EndpointSlice controller's topology cache
 * (k8s.io/endpointslice/topologycache: SetNodes, getAllocations, AddHints, redistributeHints), after
 * upstream's TestAddHints and TestSetNodes tables, with the zones' CPU written as each node's
 * status.allocatable.cpu. The hints are read with `get endpointslices -o json`, the Warning event
 * TopologyAwareHintsDisabled with `validate` (svclab shows the controller's events as the Service's
 * warnings), and kube-proxy's use of the hints with `curl --from node/… -o json`.
 */
import { describe, expect, it } from 'vitest';
import { scene, type Scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const node = (
  name: string,
  ip: string,
  zone: string | undefined,
  cpu: string,
  extra = '',
): string => `apiVersion: v1
kind: Node
metadata: { name: ${name}, labels: { ${[zone ? `topology.kubernetes.io/zone: ${zone}` : '', extra].filter(Boolean).join(', ')} } }
status:
  addresses: [{ type: InternalIP, address: ${ip} }]
  allocatable: { cpu: "${cpu}" }
`;

const pod = (name: string, nodeName: string, ready = true): string => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: web } }
spec:
  nodeName: ${nodeName}
  containers: [{ name: c, image: agnhost, ports: [{ name: http, containerPort: 8080 }] }]
${ready ? '' : 'status: { phase: Running, conditions: [{ type: Ready, status: "False" }] }\n'}`;

const service = (
  annotations = 'service.kubernetes.io/topology-mode: Auto',
  spec = '',
): string => `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations: { ${annotations} }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
${spec}`;

function hintsByPod(s: Scene): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const sl of s.json('get endpointslices -o json').items as Obj[])
    if (sl.metadata.labels['kubernetes.io/service-name'] === 'web')
      for (const ep of sl.endpoints ?? [])
        out[ep.targetRef.name] = ep.hints ? (ep.hints.forZones as Obj[]).map((z) => z.name).join(',') : null;
  return out;
}

const warnings = (s: Scene): string[] =>
  s.env.diagnostics
    .filter((d) => d.code === 'service.topologyHints.disabled')
    .map((d) => (d.message as Obj).params.event);

/** Zones weighted 35/35/30 % by CPU (TestAddHints "slices to create and update within 3 zone threshold"). */
const THREE_ZONES = [
  node('node-a', '192.168.0.11', 'zone-a', '7'),
  node('node-b', '192.168.0.12', 'zone-b', '7'),
  node('node-c', '192.168.0.13', 'zone-c', '6000m'),
];

describe('topology-mode Auto: the topology cache’s hints', () => {
  it('hints in proportion to CPU: the zone with too many gives its first endpoint away', () => {
    // Endpoints in upstream's order: zones a b c c a a a b c a (five in zone-a, which should have 3.5).
    const zones = ['a', 'b', 'c', 'c', 'a', 'a', 'a', 'b', 'c', 'a'];
    const s = scene(
      [...THREE_ZONES, ...zones.map((z, i) => pod(`p${i}-${z}`, `node-${z}`)), service()].join('---\n'),
    );
    expect(hintsByPod(s)).toEqual({
      'p0-a': 'zone-b',
      'p1-b': 'zone-b',
      'p2-c': 'zone-c',
      'p3-c': 'zone-c',
      'p4-a': 'zone-a',
      'p5-a': 'zone-a',
      'p6-a': 'zone-a',
      'p7-b': 'zone-b',
      'p8-c': 'zone-c',
      'p9-a': 'zone-a',
    });
    expect(warnings(s)).toEqual([]);
  });

  it('two endpoints in two zones of 45/55 % each keep their own zone; unready ones get no hint', () => {
    const s = scene(
      [
        node('node-a', '192.168.0.11', 'zone-a', '900m'),
        node('node-b', '192.168.0.12', 'zone-b', '1100m'),
        pod('a1', 'node-a'),
        pod('b1', 'node-b'),
        pod('b-unready', 'node-b', false),
        service(),
      ].join('---\n'),
    );
    expect(hintsByPod(s)).toEqual({ a1: 'zone-a', b1: 'zone-b', 'b-unready': null });
  });

  it('fewer ready endpoints than zones: no hints, and the Warning event with the counts', () => {
    const s = scene([...THREE_ZONES, pod('a1', 'node-a'), pod('b1', 'node-b'), service()].join('---\n'));
    expect(hintsByPod(s)).toEqual({ a1: null, b1: null });
    expect(warnings(s)).toEqual([
      'Insufficient number of endpoints (2 endpoints, 3 zones), addressType: IPv4',
    ]);
    const v = s.run('validate');
    expect(v.stdout + v.stderr).toContain('TopologyAwareHintsDisabled');
  });

  it('minimums above the overload threshold: 3 endpoints for zones of 60/20/20 % cannot be spread', () => {
    const s = scene(
      [
        node('node-a', '192.168.0.11', 'zone-a', '6'),
        node('node-b', '192.168.0.12', 'zone-b', '2'),
        node('node-c', '192.168.0.13', 'zone-c', '2'),
        pod('a1', 'node-a'),
        pod('b1', 'node-b'),
        pod('c1', 'node-c'),
        service(),
      ].join('---\n'),
    );
    // zone-a needs ceil(1.8 / 1.2) = 2, zone-b and zone-c 1 each: 4 > 3.
    expect(hintsByPod(s)).toEqual({ a1: null, b1: null, c1: null });
    expect(warnings(s)).toEqual([
      'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold (3 endpoints, 3 zones), addressType: IPv4',
    ]);
  });

  it('one node without a zone: insufficient node information, for every Service (SetNodes)', () => {
    const s = scene(
      [
        ...THREE_ZONES,
        node('node-x', '192.168.0.14', undefined, '2'),
        ...['a', 'b', 'c'].map((z) => pod(`${z}1`, `node-${z}`)),
        service(),
      ].join('---\n'),
    );
    expect(hintsByPod(s)).toEqual({ a1: null, b1: null, c1: null });
    expect(warnings(s)).toEqual([
      'Insufficient Node information: allocatable CPU or zone not specified on one or more nodes, addressType: IPv4',
    ]);
  });

  it('control-plane and unready nodes are left out of the weights; one zone left is not enough', () => {
    const cp = node('cp', '192.168.0.10', undefined, '2', 'node-role.kubernetes.io/control-plane: ""');
    const s = scene(
      [...THREE_ZONES, cp, ...['a', 'b', 'c'].map((z) => pod(`${z}1`, `node-${z}`)), service()].join('---\n'),
    );
    expect(hintsByPod(s)).toEqual({ a1: 'zone-a', b1: 'zone-b', c1: 'zone-c' });
    const one = scene(
      [
        node('node-a', '192.168.0.11', 'zone-a', '2'),
        node('node-a2', '192.168.0.12', 'zone-a', '2'),
        pod('a1', 'node-a'),
        pod('a2', 'node-a2'),
        service(),
      ].join('---\n'),
    );
    expect(warnings(one)).toEqual([
      'Insufficient Node information: allocatable CPU or zone not specified on one or more nodes, addressType: IPv4',
    ]);
  });

  it('the deprecated topology-aware-hints annotation wins over topology-mode (hintsEnabled)', () => {
    const pods = ['a', 'b', 'c'].map((z) => pod(`${z}1`, `node-${z}`));
    const off = scene(
      [
        ...THREE_ZONES,
        ...pods,
        service(
          'service.kubernetes.io/topology-aware-hints: Disabled, service.kubernetes.io/topology-mode: Auto',
        ),
      ].join('---\n'),
    );
    expect(hintsByPod(off)).toEqual({ a1: null, b1: null, c1: null });
    const on = scene(
      [...THREE_ZONES, ...pods, service('service.kubernetes.io/topology-mode: auto')].join('---\n'),
    );
    expect(hintsByPod(on)).toEqual({ a1: 'zone-a', b1: 'zone-b', c1: 'zone-c' });
  });

  it('the annotation switches trafficDistribution off: refused hints stay refused, and svclab says why', () => {
    const s = scene(
      [
        ...THREE_ZONES,
        pod('a1', 'node-a'),
        pod('b1', 'node-b'),
        service(undefined, '  trafficDistribution: PreferClose\n'),
      ].join('---\n'),
    );
    // PreferClose alone would hint both endpoints for their zones.
    expect(hintsByPod(s)).toEqual({ a1: null, b1: null });
    expect(s.env.diagnostics.some((d) => d.code === 'service.topologyHints.trafficDistribution')).toBe(true);
    const plain = scene(
      [
        ...THREE_ZONES,
        pod('a1', 'node-a'),
        pod('b1', 'node-b'),
        service('note: plain', '  trafficDistribution: PreferClose\n'),
      ].join('---\n'),
    );
    expect(hintsByPod(plain)).toEqual({ a1: 'zone-a', b1: 'zone-b' });
  });

  it('kube-proxy on a node of zone-b uses the endpoints hinted for zone-b, including one from zone-a', () => {
    const zones = ['a', 'b', 'c', 'c', 'a', 'a', 'a', 'b', 'c', 'a'];
    const s = scene(
      [...THREE_ZONES, ...zones.map((z, i) => pod(`p${i}-${z}`, `node-${z}`)), service()].join('---\n'),
    );
    const ip = s.json('get svc web -o json').items[0].spec.clusterIP;
    const t = s.json(`curl --from node/node-b http://${ip}/ -o json`);
    const hop = t.hops.find((h: Obj) => h.phase !== 'dns' && h.stage === 'kube-proxy' && h.candidates);
    const ips = (s.json('get pods -o json').items as Obj[]).reduce<Record<string, string>>((m, p) => {
      m[p.metadata.name] = p.status.podIP;
      return m;
    }, {});
    expect((hop.candidates as Obj[]).map((c) => c.endpoint).sort()).toEqual(
      ['p0-a', 'p1-b', 'p7-b'].map((n) => `${ips[n]}:8080`).sort(),
    );
  });

  it('hinting records the Normal event TopologyAwareHintsEnabled once, beside no Warning; a refusal records none', () => {
    const pods = ['a', 'b', 'c'].map((z) => pod(`${z}1`, `node-${z}`));
    const on = scene([...THREE_ZONES, ...pods, service()].join('---\n'));
    const enabled = on.env.diagnostics.filter((d) => d.code === 'service.topologyHints.enabled');
    expect(enabled.map((d) => [d.severity, (d.message as Obj).params.event])).toEqual([
      ['info', 'Topology Aware Hints has been enabled, addressType: IPv4'],
    ]);
    expect(warnings(on)).toEqual([]);
    const v = on.run('validate');
    expect(v.stdout + v.stderr).toContain(
      'Normal event on this Service, TopologyAwareHintsEnabled: "Topology Aware Hints has been enabled, addressType: IPv4"',
    );
    on.env.lang = 'ko';
    const ko = on.run('validate');
    expect(ko.stdout + ko.stderr).toContain('Normal 이벤트 TopologyAwareHintsEnabled');
    const off = scene([...THREE_ZONES, pods[0]!, pods[1]!, service()].join('---\n'));
    expect(off.env.diagnostics.some((d) => d.code === 'service.topologyHints.enabled')).toBe(false);
    expect(warnings(off)).toHaveLength(1);
    const plain = scene([...THREE_ZONES, ...pods, service('note: plain')].join('---\n'));
    expect(plain.env.diagnostics.some((d) => d.code === 'service.topologyHints.enabled')).toBe(false);
  });

  it('the default cluster’s nodes report allocatable CPU', () => {
    const n = scene(service()).json('get nodes -o json').items[0];
    expect(n.status.allocatable.cpu).toBe('2');
    expect(n.status.capacity.cpu).toBe('2');
  });
});
