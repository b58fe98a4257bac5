/**
 * internalTrafficPolicy: Local in IPVS mode, on a node without a local ready endpoint (issue 10). kube-proxy's
 * IPVS proxier (pkg/proxy/ipvs/proxier.go syncEndpoint, onlyNodeLocalEndpoints for the ClusterIP server)
 * takes the node's Local endpoints from CategorizeEndpoints (pkg/proxy/topology.go); when there are none it
 * falls back to the Cluster set (kubernetes#97081), which is empty for a Service reachable only on its
 * ClusterIP (UsesClusterEndpoints is false). The virtual server then has no real server and IPVS answers
 * ICMP port unreachable (ip_vs_leave): "connection refused", where iptables and nftables modes drop.
 * Before, svclab explained the refusal as a Service without endpoints for the port ("check the targetPort").
 *
 * internalTrafficPolicy covers only traffic to the ClusterIP: a NodePort's endpoints are the external
 * policy's (CategorizeEndpoints; ipvs/proxier.go syncService passes ExternalPolicyLocal to syncEndpoint for
 * the NodePort's virtual servers). The hop that sends a NodePort request to another node's pod says so, in
 * all three modes alike, and IPVS's fallback for the ClusterIP is said where it happens.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run';
import { scene, type Scene, WEB_AND_CLIENT_PODS } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const yaml = (mode: string): string =>
  [
    `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`,
    ...WEB_AND_CLIENT_PODS,
    `apiVersion: v1
kind: Service
metadata: { name: itp }
spec:
  internalTrafficPolicy: Local
  selector: { app: web }
  ports: [{ port: 80 }]
`,
    `apiVersion: v1
kind: Service
metadata: { name: itp-np }
spec:
  type: NodePort
  internalTrafficPolicy: Local
  selector: { app: web }
  ports: [{ port: 80, nodePort: 30082 }]
`,
  ].join('---\n');

const clusterIP = (s: Scene, name: string): string => {
  const o = s.json(`get svc ${name} -o json`);
  return (o.items ? o.items[0] : o).spec.clusterIP;
};
const curl = (s: Scene, from: string, ip: string, lang: 'en' | 'ko' = 'en'): Obj =>
  JSON.parse(runCommand(`curl --from ${from} -m 2 http://${ip}/ -o json`, { ...s.env, lang }).stdout);

/** The lines `ipvsadm -Ln` prints for one virtual server: its own line and its real servers. */
function virtualServer(s: Scene, node: string, ip: string): string[] {
  const lines = s.run(`node ${node} -- ipvsadm -Ln`).stdout.split('\n');
  const at = lines.indexOf(`TCP  ${ip}:80 rr`);
  expect(at, `virtual server ${ip}:80 on ${node}`).toBeGreaterThanOrEqual(0);
  const out = [lines[at]!];
  for (let i = at + 1; lines[i]?.startsWith('  -> '); i++) out.push(lines[i]!);
  return out;
}

describe('IPVS mode: internalTrafficPolicy Local on a node without a local endpoint', () => {
  const s = scene(yaml('ipvs'));
  const ip = clusterIP(s, 'itp');
  const pods = s.json('get pods -o json');
  const webIP = (pods.items ?? [pods]).find((o: Obj) => o.metadata.name === 'web').status.podIP as string;

  it('ipvsadm -Ln: the virtual server exists on node-1 with no real server; node-2 has its pod', () => {
    expect(virtualServer(s, 'node-1', ip)).toEqual([`TCP  ${ip}:80 rr`]);
    const two = virtualServer(s, 'node-2', ip);
    expect(two).toHaveLength(2);
    expect(two[1]).toMatch(new RegExp(`^  -> ${webIP.replace(/\./g, '\\.')}:80 +Masq +1 `));
  });

  it.each(['pod/client', 'node/node-1'])(
    'from %s: refused by IPVS, explained by the Local policy',
    (from) => {
      const t = curl(s, from, ip);
      expect(t.outcome).toBe('rejected');
      expect(t.explanationMsg).toEqual({
        id: 'sim.block.ipvsLocal',
        params: { service: 'default/itp', node: 'node-1', virtualServer: `TCP ${ip}:80` },
      });
      expect(t.explanation).toContain('internalTrafficPolicy Local');
      expect(t.explanation).toContain('ICMP port unreachable');
      expect(t.explanation).not.toContain('targetPort');
      const hop = t.hops.find((h: Obj) => h.action === 'reject');
      expect(hop.rule).toBe(`TCP  ${ip}:80 rr`);
      expect(hop.candidates).toEqual([]);
      expect(hop.leftOut.map((l: Obj) => [l.pod, l.reasonMsg.id])).toEqual([
        ['default/web', 'sim.leftOut.notLocal'],
      ]);
      const ko = curl(s, from, ip, 'ko');
      expect(ko.explanation).toContain(
        'internalTrafficPolicy가 Local인데 node-1 노드에는 준비된 파드가 없습니다',
      );
      expect(ko.explanation).toContain('리얼 서버를 하나도 두지 않습니다');
    },
  );

  it('from node-2, which runs the pod, the request is delivered', () => {
    const t = curl(s, 'node/node-2', ip);
    expect(t.outcome).toBe('delivered');
    expect(t.explanationMsg.id).not.toBe('sim.block.ipvsLocal');
  });

  it('a NodePort with internalTrafficPolicy Local falls back to the Cluster endpoints (kubernetes#97081)', () => {
    // UsesClusterEndpoints is true for an externally accessible port, so syncEndpoint's fallback is
    // not empty: the ClusterIP server on node-1 gets node-2's pod, unlike iptables and nftables modes.
    const np = clusterIP(s, 'itp-np');
    expect(virtualServer(s, 'node-1', np)).toHaveLength(2);
    const t = curl(s, 'pod/client', np);
    expect(t.outcome).toBe('delivered');
  });
});

describe('internalTrafficPolicy Local does not govern the NodePort: the hop says so in every mode', () => {
  const kubeProxyHop = (t: Obj): Obj =>
    t.hops.find((h: Obj) => h.stage === 'kube-proxy' && h.action === 'dnat');
  it.each(['iptables', 'ipvs', 'nftables'])(
    '%s: external → node-1:30082 goes to node-2’s pod under externalTrafficPolicy Cluster',
    (mode) => {
      const s = scene(yaml(mode));
      const nodeIP = (s.json('get nodes -o json').items as Obj[]).find((n) => n.metadata.name === 'node-1')!
        .status.addresses[0].address as string;
      const t = curl(s, 'external', `${nodeIP}:30082`);
      expect(t.outcome).toBe('delivered');
      const hop = kubeProxyHop(t);
      expect(hop.location).toBe('node/node-1');
      expect(hop.topologyMsg).toEqual({
        id: 'sim.policy.internalNotExternal',
        params: {
          node: 'node-1',
          via: 'NodePort',
          address: `${nodeIP}:30082`,
          external: 'Cluster',
          then: null,
        },
      });
      expect(hop.topology).toContain(
        'internalTrafficPolicy Local does not apply here: it covers only traffic from inside the cluster to the ClusterIP',
      );
      expect(hop.topology).toContain('externalTrafficPolicy Cluster');
      const ko = kubeProxyHop(curl(s, 'external', `${nodeIP}:30082`, 'ko'));
      expect(ko.topology).toContain('클러스터 안에서 ClusterIP로 가는 트래픽에만 적용됩니다');
      expect(ko.topology).toContain('externalTrafficPolicy Cluster가 정하는 엔드포인트');
    },
  );

  it('IPVS: the ClusterIP of the NodePort Service from node-1 says the Local policy was set aside (kubernetes#97081)', () => {
    const s = scene(yaml('ipvs'));
    const t = curl(s, 'pod/client', clusterIP(s, 'itp-np'));
    expect(t.outcome).toBe('delivered');
    const hop = kubeProxyHop(t);
    expect(hop.topologyMsg).toEqual({
      id: 'sim.policy.ipvsFallback',
      params: { node: 'node-1', then: null },
    });
    expect(hop.topology).toContain('falls back to the Cluster set (kubernetes#97081)');
  });

  it('no policy note where the Local policy was applied: node-2 to the ClusterIP keeps to its own pod', () => {
    const s = scene(yaml('ipvs'));
    const hop = kubeProxyHop(curl(s, 'node/node-2', clusterIP(s, 'itp-np')));
    expect(hop.topologyMsg).toBeUndefined();
  });
});

describe('iptables and nftables modes drop the same packet', () => {
  it.each(['iptables', 'nftables'])('%s: sim.block.local, the client times out', (mode) => {
    const s = scene(yaml(mode));
    const t = curl(s, 'pod/client', clusterIP(s, 'itp'));
    expect(t.outcome).toBe('dropped');
    expect(t.explanationMsg).toEqual({
      id: 'sim.block.local',
      params: { service: 'default/itp', node: 'node-1' },
    });
  });
});
