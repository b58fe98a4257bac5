import { describe, expect, it } from 'vitest';
import { dnatChainName, PORTMAP_NETWORK, sandboxID } from '../proxy/shared/portmap';
import { createWorld } from '../world';
import { request } from './request';
import { simulate } from './simulate';
import { addPod, baseCluster } from '../testing/data-plane-objects';
import { en } from '../testing/render';

function scene() {
  const c = baseCluster();
  // The seed's hostport-pod on node-2 (192.168.49.3): containerPort 80, hostPort 8080.
  addPod(c, 'web', 'node-2', { app: 'web' }, [{ containerPort: 80, hostPort: 8080 }]);
  addPod(c, 'neighbour', 'node-2', { app: 'neighbour' }, []);
  addPod(c, 'agent', 'node-3', { app: 'agent' }, [{ containerPort: 9100, hostPort: 9100 }], {
    hostNetwork: true,
  });
  return c;
}

const DN = dnatChainName(PORTMAP_NETWORK, sandboxID(scene().pods.find((p) => p.metadata.name === 'web')!));
const VIA = `through hostPort 8080/TCP on node-2: the CNI portmap plugin's DNAT (CNI-HOSTPORT-DNAT → ${DN}), which exists only on the node where the pod runs; no Service and no kube-proxy rule was involved.`;

const send = (from: string, target: string) => simulate(scene(), createWorld(1), request({ from, target }));

describe('hostPort through the data path', () => {
  it('<pod node IP>:<hostPort> reaches the pod, with the client address preserved', () => {
    const t = send('external', 'http://192.168.49.3:8080/');
    expect(t.outcome).toBe('delivered');
    expect(t.backend).toEqual({ pod: 'default/web', ip: '10.244.1.5', port: 80, service: null });
    expect(t.sourceSeenByBackend).toMatch(/^203\.0\.113\.10:\d+$/);
    expect(en(t.explanation)).toBe(
      `The request reached pod default/web (10.244.1.5:80) ${VIA} The client address 203.0.113.10 is preserved: nothing on the way did SNAT.`,
    );
    const dnat = t.hops.find((h) => h.action === 'dnat')!;
    expect(dnat).toMatchObject({
      stage: 'node',
      location: 'node/node-2',
      rule: `-A ${DN} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.244.1.5:80`,
      ruleRef: { node: 'node-2', table: 'nat', chain: DN, index: 2 },
    });
    expect(t.hops.some((h) => h.action === 'snat')).toBe(false);
  });

  it('the same port on another node is refused, and the explanation says where the hostPort is', () => {
    const t = send('external', 'http://192.168.49.2:8080/');
    expect(t.outcome).toBe('refused');
    expect(en(t.explanation)).toBe(
      "Nothing on node-1 listens on 8080/TCP and no kube-proxy rule (NodePort) matched it, so the node refuses the connection. Pod default/web on node-2 has hostPort 8080, but a hostPort is opened (by the CNI portmap plugin) only on the node where that pod runs: use that node's address, or a NodePort Service, which opens its port on every node.",
    );
  });

  it('a pod on another node keeps its address; a pod on the same node (hairpin) and localhost are masqueraded', () => {
    expect(send('pod/default/client', 'http://192.168.49.3:8080/').sourceSeenByBackend).toMatch(
      /^10\.244\.0\.5:/,
    );
    for (const [from, url] of [
      ['pod/default/neighbour', 'http://192.168.49.3:8080/'],
      ['node/node-2', 'http://127.0.0.1:8080/'],
    ] as const) {
      const t = send(from, url);
      expect(t.outcome).toBe('delivered');
      expect(t.sourceSeenByBackend).toMatch(/^10\.244\.1\.1:/);
      expect(en(t.explanation)).toBe(
        `The request reached pod default/web (10.244.1.5:80) ${VIA} The backend sees the client as 10.244.1.1: the portmap plugin's CNI-HOSTPORT-MASQ on node-2 masqueraded (SNAT) the packet to cni0's address.`,
      );
      const snat = t.hops.find((h) => h.action === 'snat')!;
      expect(snat.rule).toBe('-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE');
      expect(snat.ruleRef).toEqual({ node: 'node-2', table: 'nat', chain: 'CNI-HOSTPORT-MASQ', index: 0 });
    }
  });

  it('a hostNetwork pod listens on the node IP directly: no NAT, the client address is kept', () => {
    const t = send('external', 'http://192.168.49.4:9100/');
    expect(t.outcome).toBe('delivered');
    expect(t.backend?.pod).toBe('default/agent');
    expect(t.hops.some((h) => h.action === 'dnat' || h.action === 'snat')).toBe(false);
    expect(en(t.explanation)).toBe(
      "The request reached pod default/agent (192.168.49.4:9100), a hostNetwork pod: it uses node-3's own network namespace and address, so no NAT rule was needed. The client address 203.0.113.10 is preserved: nothing on the way did SNAT.",
    );
  });
});
