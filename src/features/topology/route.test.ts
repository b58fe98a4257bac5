import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine';
import { scene } from '../../engine/testing/scene';
import { hopLights } from './hop-lights';
import { burstLinks, routeOf } from './route';
import { linkCurve, pointOn, portOf } from './route-geometry';

import clusterip from '../../scenarios/clusterip-three-pods.yaml?raw';
import nodeport from '../../scenarios/nodeport-local-vs-cluster.yaml?raw';

const SCENES: Record<string, string> = {
  'clusterip-three-pods': clusterip,
  'nodeport-local-vs-cluster': nodeport,
};
const yaml = (name: string) => SCENES[name]!;

describe('routeOf: the links a request travels', () => {
  const s = scene(yaml('clusterip-three-pods'));
  const trace = s.json<Trace>('curl --from pod/client http://web -o json');

  it('links consecutive places, through the kube-proxy that rewrote the packet, and back', () => {
    const links = routeOf(trace).map((l) => `${l.from}>${l.to}`);
    const backend = `pod/${trace.backend!.pod}`;
    expect(links[0]).toBe('pod/default/client>kube-proxy/node-3');
    expect(links.filter((l) => new RegExp(`^node/node-\\d>${backend}$`).test(l))).toHaveLength(1);
    // A pod answering in place makes no link; every link joins two different places.
    expect(routeOf(trace).every((l) => l.from !== l.to)).toBe(true);
    expect(links.at(-1)).toBe('kube-proxy/node-3>pod/default/client');
  });

  it('a burst fans out over the links of all its requests, each once', () => {
    const many = s.json<{ results: Trace[] }>('curl --from pod/client --count 30 http://web -o json').results;
    const links = burstLinks(many);
    expect(new Set(links).size).toBe(links.length);
    const pods = new Set(
      links.map((l) => /^(?:node|kube-proxy)\/[^>]+>(pod\/default\/web-.*)$/.exec(l)?.[1]),
    );
    pods.delete(undefined);
    expect(pods.size).toBe(3); // the three web pods, each reached from its node (or the client's own)
    expect(burstLinks(many, 2)).toEqual([]);
  });
});

describe('hopLights: what the followed hop lights', () => {
  const s = scene(yaml('clusterip-three-pods'));
  const trace = s.json<Trace>('curl --from pod/client http://web -o json');
  const at = (pred: (i: number) => boolean) => trace.hops.findIndex((_, i) => pred(i));

  it('nothing before a decision; the DNS lookup lights kube-dns and the CoreDNS pod chosen', () => {
    expect(hopLights(s.env.cluster, trace.hops, 0)).toEqual({ service: null, pod: null, proxy: null });
    const dnat = at((i) => trace.hops[i]!.phase === 'dns' && trace.hops[i]!.rewrite === 'dnat');
    const lit = hopLights(s.env.cluster, trace.hops, dnat);
    expect(lit.service).toBe('Service/kube-system/kube-dns');
    expect(lit.pod).toMatch(/^pod\/kube-system\/coredns-/);
    expect(lit.proxy).toBe('kube-proxy/node-3');
  });

  it('the request lights web and its chosen pod, through the reply, and not the lookup any more', () => {
    const first = at((i) => trace.hops[i]!.phase === 'request');
    expect(hopLights(s.env.cluster, trace.hops, first).service).toBeNull();
    const last = trace.hops.length - 1;
    const lit = hopLights(s.env.cluster, trace.hops, last);
    expect(lit).toEqual({
      service: 'Service/default/web',
      pod: `pod/${trace.backend!.pod}`,
      proxy: 'kube-proxy/node-3',
    });
  });

  it('a NodePort request lights the Service reached on the node address', () => {
    const np = scene(yaml('nodeport-local-vs-cluster'));
    const svc = np
      .json<{ items: { metadata: { name: string }; spec: { ports: { nodePort?: number }[] } }[] }>(
        'get svc -o json',
      )
      .items.find((x) => x.spec.ports.some((p) => p.nodePort));
    const port = svc!.spec.ports.find((p) => p.nodePort)!.nodePort!;
    const nodes = np.json<{ items: { status: { addresses: { address: string }[] } }[] }>('get nodes -o json');
    const ip = nodes.items[0]!.status.addresses[0]!.address;
    const t = np.json<Trace>(`curl --from external http://${ip}:${port} -o json`);
    const lit = hopLights(np.env.cluster, t.hops, t.hops.length - 1);
    expect(lit.service).toBe(`Service/default/${svc!.metadata.name}`);
  });

  it('no cluster, or a hop out of range, lights nothing', () => {
    expect(hopLights(null, trace.hops, 3).service).toBeNull();
    expect(hopLights(s.env.cluster, trace.hops, 99).service).toBeNull();
  });
});

describe('route geometry', () => {
  const box = { x: 0, y: 0, width: 100, height: 40 };
  it('a packet stands on the right edge; on a Kubernetes node at its corner, over none of its pods', () => {
    expect(portOf(box, 'pod')).toEqual({ x: 100, y: 20 });
    expect(portOf({ ...box, height: 400 }, 'node')).toEqual({ x: 100, y: 0 });
  });
  it('a link back across columns leaves under its own box and comes in from the right', () => {
    const back = linkCurve({ x: 600, y: 20 }, { x: 100, y: 20 });
    expect(back[1]!.x).toBeLessThan(600);
    expect(back[2]!.x).toBeGreaterThan(100);
  });
  it('a link starts and ends at the ports and loops to the right within a column', () => {
    const a = { x: 100, y: 20 };
    const b = { x: 100, y: 220 };
    const c = linkCurve(a, b);
    expect(pointOn(c, 0)).toEqual(a);
    expect(pointOn(c, 1)).toEqual(b);
    expect(pointOn(c, 0.5).x).toBeGreaterThan(120);
    const fwd = linkCurve(a, { x: 600, y: 20 });
    expect(pointOn(fwd, 0.5)).toEqual({ x: 350, y: 20 });
  });
  it('across columns a link runs level and turns only in the gap left of the right-hand column', () => {
    // A load balancer's port (its right edge at x 450) and a kube-proxy's two columns on (x 804, in a node
    // from 564 to 814, whose zone starts at 536): the turn is in the gap, at 804 - 250 - 56 = 498.
    const lb = { x: 450, y: 800 };
    const kp = { x: 804, y: 300 };
    for (const [a, b] of [
      [lb, kp],
      [kp, lb],
    ] as const) {
      const c = linkCurve(a, b);
      expect(pointOn(c, 0)).toEqual(a);
      expect(pointOn(c, 1)).toEqual(b);
      for (let i = 0; i <= 100; i++) {
        const p = pointOn(c, i / 100);
        // Off the two ends' heights only in the lane (corners of 14 units aside).
        if (p.y < 786 && p.y > 314) expect(p.x).toBeCloseTo(498, 6);
        expect(p.x).toBeGreaterThanOrEqual(450 - 1e-9);
        expect(p.x).toBeLessThanOrEqual(804 + 1e-9);
      }
    }
  });
});
