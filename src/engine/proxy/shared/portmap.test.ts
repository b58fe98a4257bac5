import { en } from '../../testing/render';
import { describe, expect, it } from 'vitest';
import { addPod, baseCluster } from '../../testing/data-plane-objects';
import { createRng } from '../../util/rng';
import { buildNodeRules, createProxyState, evaluate, iptablesSave, updateNodeRules } from '../index';
import { dnatChainName, portmapSandboxes, sandboxID } from './portmap';
import type { PacketIn } from './verdict';

// The container id of containernetworking/plugins plugins/meta/portmap/portmap_iptables_test.go.
const UPSTREAM_ID =
  'icee6giejonei6sohng6ahngee7laquohquee9shiGo7fohferakah3Feiyoolu2pei7ciPhoh7shaoX6vai3vuf0ahfaeng8yohb9ceu0daez5hashee8ooYai5wa3y';

function scene(mode: 'iptables' | 'ipvs' | 'nftables' = 'iptables') {
  const c = baseCluster({ mode });
  // The seed's hostport-pod: containerPort 80, hostPort 8080, on node-2 (192.168.49.3, pods 10.244.1.0/24).
  addPod(c, 'web', 'node-2', { app: 'web' }, [{ containerPort: 80, hostPort: 8080 }]);
  return c;
}

const syn = (src: string, dst: string, hook: PacketIn['hook'] = 'PREROUTING'): PacketIn => ({
  src,
  srcPort: 40000,
  dst,
  dstPort: 8080,
  protocol: 'TCP',
  hook,
});

describe('hostPort: the CNI portmap plugin', () => {
  it('names the per-container chain as utils.MustFormatChainNameWithPrefix does', () => {
    expect(dnatChainName('testNetName', UPSTREAM_ID)).toBe('CNI-DN-bfd599665540dd91d5d28');
    expect(dnatChainName('test', UPSTREAM_ID)).toBe('CNI-DN-67e92b96e692a494b6b85');
  });

  it('writes its chains into the nat table of the pod node only, after kube-proxy’s jumps', () => {
    const c = scene();
    const [s] = portmapSandboxes(c, 'node-2');
    const id = sandboxID(c.pods.find((p) => p.metadata.name === 'web')!);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(s!.chain).toBe(dnatChainName('cbr0', id));
    const dn = s!.chain;
    const save = iptablesSave(buildNodeRules(c, 'node-2'));
    const nat = save.slice(save.indexOf('*nat'));
    const lines = nat.split('\n');
    expect(lines.filter((l) => /^-A (PREROUTING|OUTPUT|POSTROUTING) /.test(l))).toEqual([
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT',
      '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A OUTPUT -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT',
      '-A POSTROUTING -m comment --comment "CNI portfwd requiring masquerade" -j CNI-HOSTPORT-MASQ',
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    ]);
    expect(lines.filter((l) => l.startsWith('-A CNI-'))).toEqual([
      `-A ${dn} -s 10.244.1.0/24 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK`,
      `-A ${dn} -s 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK`,
      `-A ${dn} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.244.1.5:80`,
      `-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"cbr0\\" id: \\"${id}\\"" -m multiport --dports 8080 -j ${dn}`,
      '-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE',
      '-A CNI-HOSTPORT-SETMARK -m comment --comment "CNI portfwd masquerade mark" -j MARK --set-xmark 0x2000/0x2000',
    ]);
    expect(lines.filter((l) => l.startsWith(':CNI-'))).toEqual([
      `:${dn} - [0:0]`,
      ':CNI-HOSTPORT-DNAT - [0:0]',
      ':CNI-HOSTPORT-MASQ - [0:0]',
      ':CNI-HOSTPORT-SETMARK - [0:0]',
    ]);
    expect(iptablesSave(buildNodeRules(c, 'node-1'))).not.toContain('CNI-');
  });

  it('DNATs <node IP>:<hostPort> to the pod after KUBE-SERVICES found nothing; the client address stays', () => {
    const c = scene();
    const v = evaluate(
      buildNodeRules(c, 'node-2'),
      syn('203.0.113.10', '192.168.49.3'),
      createProxyState(),
      createRng(1),
      0,
    );
    expect(v.action).toBe('dnat');
    expect(v.packet).toEqual({
      src: '203.0.113.10',
      srcPort: 40000,
      dst: '10.244.1.5',
      dstPort: 80,
      protocol: 'TCP',
    });
    expect(v.masquerade).toBe(false);
    expect(v.steps.slice(0, 5).map((s) => `${s.chain}#${s.index}`)).toEqual([
      'PREROUTING#0',
      'KUBE-SERVICES#0',
      'PREROUTING#1',
      'CNI-HOSTPORT-DNAT#0',
      `${v.decidingRule!.chain}#2`,
    ]);
    expect(v.endpoint).toEqual({ ip: '10.244.1.5', port: 80, pod: 'default/web', node: 'node-2' });
    expect(en(v.reason)).toBe(
      `hostPort 8080/TCP: the CNI portmap plugin's ${v.decidingRule!.chain} DNATs it to 10.244.1.5:80 (default/web), not kube-proxy`,
    );
  });

  it('marks hairpin (from the node’s pod network) and localhost traffic for CNI-HOSTPORT-MASQ', () => {
    const c = scene();
    const r = buildNodeRules(c, 'node-2');
    const hairpin = evaluate(r, syn('10.244.1.9', '192.168.49.3'), createProxyState(), createRng(1), 0);
    expect(hairpin.masquerade).toBe(true);
    expect(hairpin.masqueradeStep?.text).toBe(
      '-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE',
    );
    const local = evaluate(r, syn('127.0.0.1', '127.0.0.1', 'OUTPUT'), createProxyState(), createRng(1), 0);
    expect([local.action, local.packet.dst, local.masquerade]).toEqual(['dnat', '10.244.1.5', true]);
    // A pod on another node: its address is not in 10.244.1.0/24, so no SNAT.
    const other = evaluate(r, syn('10.244.0.5', '192.168.49.3'), createProxyState(), createRng(1), 0);
    expect([other.action, other.masquerade]).toEqual(['dnat', false]);
  });

  it('the same port on another node has no rule', () => {
    const v = evaluate(
      buildNodeRules(scene(), 'node-1'),
      syn('203.0.113.10', '192.168.49.2'),
      createProxyState(),
      createRng(1),
      0,
    );
    expect(v.action).toBe('none');
    expect(v.packet.dst).toBe('192.168.49.2');
  });

  it('works the same with kube-proxy in IPVS and nftables mode (the plugin still writes iptables rules)', () => {
    for (const mode of ['ipvs', 'nftables'] as const) {
      const c = scene(mode);
      const r = buildNodeRules(c, 'node-2');
      const v = evaluate(r, syn('203.0.113.10', '192.168.49.3'), createProxyState(), createRng(1), 0);
      expect([mode, v.action, v.packet.dst, v.packet.dstPort, v.masquerade]).toEqual([
        mode,
        'dnat',
        '10.244.1.5',
        80,
        false,
      ]);
      expect(iptablesSave(r)).toContain('-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT');
    }
  });

  it('hostNetwork pods get no portmap rules; several ports share one chain, newest pod first in CNI-HOSTPORT-DNAT', () => {
    const c = scene();
    addPod(c, 'agent', 'node-2', { app: 'agent' }, [{ containerPort: 9100, hostPort: 9100 }], {
      hostNetwork: true,
    });
    addPod(c, 'dns', 'node-2', { app: 'dns' }, [
      { containerPort: 53, hostPort: 53, protocol: 'UDP' },
      { containerPort: 53, hostPort: 53, protocol: 'TCP' },
    ]);
    expect(portmapSandboxes(c, 'node-2').map((s) => s.pod)).toEqual(['default/dns', 'default/web']);
    const top = buildNodeRules(c, 'node-2')
      .nat.byName.get('CNI-HOSTPORT-DNAT')!
      .rules.map((r) => r.text);
    expect(top.map((t) => / -p (\w+) .*--dports (\S+) -j (\S+)$/.exec(t)!.slice(1).join(' '))).toEqual([
      `tcp 53 ${portmapSandboxes(c, 'node-2')[0]!.chain}`,
      `udp 53 ${portmapSandboxes(c, 'node-2')[0]!.chain}`,
      `tcp 8080 ${portmapSandboxes(c, 'node-2')[1]!.chain}`,
    ]);
  });

  it('an incremental update follows the pods: the chains go when the pod goes', () => {
    const c = scene();
    const prev = buildNodeRules(c, 'node-2');
    const next = { ...c, pods: c.pods.filter((p) => p.metadata.name !== 'web') };
    const updated = updateNodeRules(prev, next, []);
    expect(iptablesSave(updated)).toBe(iptablesSave(buildNodeRules(next, 'node-2')));
    expect(iptablesSave(updated)).not.toContain('CNI-');
  });
});
