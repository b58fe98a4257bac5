/**
 * A pod whose address is outside kube-proxy's clusterCIDR (a `kubectl get -o yaml` dump from a cluster with
 * another pod range) reaching a ClusterIP: the Service chain's `! -s <clusterCIDR> -d <clusterIP>
 * -j KUBE-MARK-MASQ` matches it, so POSTROUTING masquerades it and the backend sees a node address. The walk
 * already did it; the SNAT hop and the explanation now say which rule marked it and why (en, ko), in
 * iptables, IPVS and nftables mode. Before, they said only that the rules marked the packet.
 */
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './cli.test-helper';

const tmp = tempDir('svclab-off-cluster-');
const dump = (clientIP: string) =>
  tmp.file(`apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  nodeName: node-1
  containers: [{ name: c, image: curlimages/curl }]
status:
  phase: Running
  podIP: ${clientIP}
  podIPs: [{ ip: ${clientIP} }]
  hostIP: 192.168.49.2
---
apiVersion: v1
kind: Pod
metadata: { name: web-1, labels: { app: web } }
spec:
  nodeName: node-2
  containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }]
status:
  phase: Running
  podIP: 172.16.6.11
  podIPs: [{ ip: 172.16.6.11 }]
  hostIP: 192.168.49.3
  conditions: [{ type: Ready, status: "True" }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`);
const mode = (m: string) =>
  tmp.file(`apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${m}\n`);

interface TraceJson {
  explanation: string;
  sourceSeenByBackend: string;
  hops: { action: string; note?: string; packet: { dst: string } }[];
}
async function trace(files: string[], lang = 'en'): Promise<TraceJson> {
  const args = files.flatMap((f) => ['-f', f]);
  const r = await run('--lang', lang, ...args, 'curl', '--from', 'pod/client', 'http://web', '-o', 'json');
  return JSON.parse(r.out) as TraceJson;
}
/** The SNAT hop of the request to web (not of its DNS lookup). */
const snatToWeb = (t: TraceJson) =>
  t.hops.find((h) => h.action === 'snat' && h.packet.dst === '172.16.6.11:80')!;

describe('a client pod outside clusterCIDR', () => {
  const outside = dump('172.16.5.10');
  it('iptables: masqueraded by the Service chain’s ! -s rule, and the explanation says why', async () => {
    const t = await trace([outside]);
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.0\.0:/);
    expect(t.explanation).toContain(
      "because the client's address 172.16.5.10 is outside kube-proxy's clusterCIDR 10.244.0.0/16: kube-proxy masquerades traffic to a Service that does not come from the pod network, and this pod's address is outside it",
    );
    const ip = (await run('-f', outside, 'get', 'svc', 'web', '-o', 'json')).out.match(
      /"clusterIP": "([\d.]+)"/,
    )![1];
    expect(snatToWeb(t).note).toMatch(
      new RegExp(
        `^The source 172\\.16\\.5\\.10 is outside kube-proxy's clusterCIDR 10\\.244\\.0\\.0/16, so -A KUBE-SVC-\\w+ ! -s 10\\.244\\.0\\.0/16 -d ${ip!.replaceAll('.', '\\.')}/32 -p tcp .*-j KUBE-MARK-MASQ marked the packet for masquerade\\.`,
      ),
    );
  });
  it('Korean', async () => {
    const t = await trace([outside], 'ko');
    expect(t.explanation).toContain(
      '클라이언트 주소 172.16.5.10이 kube-proxy의 clusterCIDR 10.244.0.0/16 밖에 있어서입니다.',
    );
    expect(snatToWeb(t).note).toMatch(
      /^출발지 172\.16\.5\.10이 kube-proxy의 clusterCIDR 10\.244\.0\.0\/16 밖에 있으므로 -A KUBE-SVC-/,
    );
  });
  it('IPVS names KUBE-SERVICES’ KUBE-CLUSTER-IP rule; nftables its saddr != rule', async () => {
    const ipvs = snatToWeb(await trace([outside, mode('ipvs')])).note!;
    expect(ipvs).toContain('so -A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment');
    expect(ipvs).toContain('--match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ marked the packet');
    const nft = snatToWeb(await trace([outside, mode('nftables')])).note!;
    expect(nft).toMatch(
      /so ip daddr [\d.]+ ip saddr != 10\.244\.0\.0\/16 jump mark-for-masquerade marked the packet/,
    );
  });
  it('a client inside clusterCIDR is not masqueraded and nothing says it is', async () => {
    const t = await trace([dump('10.244.0.50')]);
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.0\.50:/);
    expect(t.explanation).not.toContain('clusterCIDR');
    expect(t.hops.some((h) => h.action === 'snat')).toBe(false);
  });
});
