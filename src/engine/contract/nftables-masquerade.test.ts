/**
 * The masquerade in nftables mode is nftables' own: kube-proxy's `mark-for-masquerade` chain sets 0x4000
 * and the `masquerading` chain (type nat hook postrouting) masquerades with `fully-random`
 * (pkg/proxy/nftables/proxier.go, setupNFTables). The SNAT hop named iptables' KUBE-MARK-MASQ and
 * KUBE-POSTROUTING and showed no rule in this mode (issue 10, "nftables mode, the coming default").
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run';
import { deployment, scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const nodePortScene = (mode: string): ReturnType<typeof scene> =>
  scene(
    [
      `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`,
      deployment('web', 2),
      `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30080
`,
    ].join('---\n'),
  );

const snatHop = (s: ReturnType<typeof scene>, lang: 'en' | 'ko' = 'en'): Obj => {
  const node = s.json('get nodes -o json').items[0];
  const ip = node.status.addresses.find((a: Obj) => a.type === 'InternalIP').address as string;
  const t = JSON.parse(
    runCommand(`curl --from external http://${ip}:30080/ -o json`, { ...s.env, lang }).stdout,
  ) as Obj;
  expect(t.outcome).toBe('delivered');
  const hop = t.hops.find((h: Obj) => h.action === 'snat');
  expect(hop, JSON.stringify(t.hops.map((h: Obj) => h.action))).toBeDefined();
  return hop;
};

describe('the SNAT hop in nftables mode', () => {
  const s = nodePortScene('nftables');

  it('shows the masquerading chain’s rule as `nft list ruleset` prints it, and points at it', () => {
    const hop = snatHop(s);
    expect(hop.rule).toContain('masquerade fully-random');
    expect(hop.ruleRef).toMatchObject({ table: 'nft', chain: 'masquerading' });
    const ruleset = s.run(`node ${hop.ruleRef.node} -- nft list ruleset`).stdout;
    expect(ruleset).toContain(hop.rule.trim());
  });

  it('explains it with nftables’ chains, not iptables’', () => {
    const text = JSON.stringify(snatHop(s));
    expect(text).toContain('mark-for-masquerade');
    expect(text).not.toContain('KUBE-MARK-MASQ');
    expect(text).not.toContain('KUBE-POSTROUTING');
    const ko = JSON.stringify(snatHop(s, 'ko'));
    expect(ko).toContain('masquerading 체인');
  });

  it('keeps iptables mode’s explanation and rule', () => {
    const hop = snatHop(nodePortScene('iptables'));
    expect(hop.ruleRef).toMatchObject({ table: 'nat', chain: 'KUBE-POSTROUTING' });
    expect(JSON.stringify(hop)).toContain('KUBE-MARK-MASQ');
  });
});
