/**
 * A KubeProxyConfiguration kube-proxy refuses. cmd/kube-proxy/app/server.go: RunE calls opts.Validate()
 * (pkg/proxy/apis/config/validation) and on an error returns "failed validate: %w", so kube-proxy exits
 * before it makes a proxier; the DaemonSet restarts it into the same error (CrashLoopBackOff) and no rule
 * of kube-proxy's is ever written. svclab reported the field's error but then ran the scene in iptables
 * mode as if kube-proxy had started (issue 10). Now: the field error plus an error on the object saying
 * kube-proxy exits, no kube-proxy rule in any dump (kubelet's canaries and the CNI's chains stay), and a
 * request to a Service address times out with kube-proxy's error as the reason.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run';
import { render, type Msg } from '../messages';
import { sceneWithErrors, WEB_AND_CLIENT_PODS } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MODE_ERROR =
  'KubeProxyConfiguration.ProxyMode: Invalid value: "nftable": must be iptables, ipvs, nftables or blank (blank means the best-available proxy [currently iptables])';

const yaml = (proxy: string): string =>
  [
    `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n${proxy}`,
    ...WEB_AND_CLIENT_PODS,
    `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, nodePort: 30080 }]
`,
  ].join('---\n');

describe('an invalid proxy mode: kube-proxy does not start', () => {
  const { env, errors } = sceneWithErrors(yaml('mode: nftable\n'));
  const run = (line: string, lang: 'en' | 'ko' = 'en') => runCommand(line, { ...env, lang });

  it('reports the field’s error and, on the object, that kube-proxy exits with it', () => {
    expect(errors.map((d) => d.code)).toEqual(['config.proxyMode', 'config.kubeProxyExits']);
    expect(errors[0]!.message).toBe(MODE_ERROR);
    expect(errors[1]!.line).toBe(errors[0]!.line);
    const text = render(errors[1]!.message as Msg, 'en');
    expect(text).toContain(`"Error: failed validate: ${MODE_ERROR}"`);
    expect(text).toContain('CrashLoopBackOff');
    expect(render(errors[1]!.message as Msg, 'ko')).toContain('CrashLoopBackOff');
    expect(env.cluster.config.proxy.startError).toBe(`failed validate: ${MODE_ERROR}`);
  });

  it('no node has a kube-proxy rule; kubelet’s chains remain', () => {
    for (const node of ['node-1', 'node-2']) {
      const r = run(`node ${node} -- iptables-save`);
      expect(r.stdout).not.toMatch(/KUBE-(SERVICES|NODEPORTS|POSTROUTING|PROXY-CANARY|SVC|SEP)/);
      expect(r.stdout).toContain(':KUBE-KUBELET-CANARY - [0:0]');
      expect(r.stdout).toContain(':KUBE-IPTABLES-HINT - [0:0]');
      expect(r.stderr).toContain(`kube-proxy is not running on ${node}`);
      expect(run(`node ${node} -- ip6tables-save`).stdout).not.toContain('KUBE-SERVICES');
      expect(run(`node ${node} -- nft list ruleset`).stdout).toBe('');
    }
  });

  it('a ClusterIP leads nowhere: the request times out, with kube-proxy’s error as the reason', () => {
    const svc = JSON.parse(run('get svc web -o json').stdout).items[0];
    const t = JSON.parse(run(`curl --from pod/client -m 2 http://${svc.spec.clusterIP}/ -o json`).stdout);
    expect(t.outcome).toBe('timeout');
    expect(t.explanationMsg).toMatchObject({
      id: 'kubeProxy.down.vip',
      params: { node: 'node-1', service: 'default/web', error: `failed validate: ${MODE_ERROR}` },
    });
    expect(t.hops.some((h: Obj) => h.action === 'dnat')).toBe(false);
    expect(t.hops.find((h: Obj) => h.noteMsg?.id === 'kubeProxy.down.hop')).toBeDefined();
    const ko = JSON.parse(
      run(`curl --from pod/client -m 2 http://${svc.spec.clusterIP}/ -o json`, 'ko').stdout,
    );
    expect(ko.explanation).toContain('kube-proxy는 시작하자마자 종료해서 실행되고 있지 않습니다');
  });

  it.each(['external', 'pod/client'])(
    'a NodePort from %s is refused, per node, because kube-proxy wrote no rule (CrashLoopBackOff, its error)',
    (from) => {
      for (const node of JSON.parse(run('get nodes -o json').stdout).items as Obj[]) {
        const ip = node.status.addresses.find((a: Obj) => a.type === 'InternalIP').address;
        const url = `http://${ip}:30080/`;
        const t = JSON.parse(run(`curl --from ${from} -m 2 ${url} -o json`).stdout);
        expect(t.outcome).toBe('refused');
        expect(t.explanationMsg).toEqual({
          id: 'kubeProxy.down.nodePort',
          params: {
            node: node.metadata.name,
            port: 30080,
            protocol: 'TCP',
            service: 'default/web',
            error: `failed validate: ${MODE_ERROR}`,
          },
        });
        expect(t.explanation).toContain(`kube-proxy on ${node.metadata.name} wrote no rule for it`);
        expect(t.explanation).toContain('CrashLoopBackOff');
        const ko = JSON.parse(run(`curl --from ${from} -m 2 ${url} -o json`, 'ko').stdout);
        expect(ko.explanation).toContain(
          `${node.metadata.name} 노드의 kube-proxy는 이 포트에 규칙을 하나도 만들지 않았습니다`,
        );
        expect(ko.explanation).toContain(`"Error: failed validate: ${MODE_ERROR}"`);
      }
    },
  );

  it('a LoadBalancer: from outside the NodePort is refused; from a pod the address is not captured', () => {
    const lb = sceneWithErrors(yaml('mode: nftable\n').replace('type: NodePort', 'type: LoadBalancer'));
    const lbRun = (line: string, lang: 'en' | 'ko' = 'en') => runCommand(line, { ...lb.env, lang });
    const svc = JSON.parse(lbRun('get svc web -o json').stdout).items[0];
    const vip = svc.status.loadBalancer.ingress[0].ip as string;
    const out = JSON.parse(lbRun(`curl --from external -m 2 http://${vip}/ -o json`).stdout);
    expect(out.outcome).toBe('refused');
    expect(out.explanationMsg.id).toBe('kubeProxy.down.nodePort');
    expect(out.hops.some((h: Obj) => h.location === `lb/default/web`)).toBe(true);
    const inside = JSON.parse(lbRun(`curl --from pod/client -m 2 http://${vip}/ -o json`).stdout);
    expect(inside.explanationMsg).toEqual({
      id: 'kubeProxy.down.lb',
      params: { node: 'node-1', ip: vip, service: 'default/web', error: `failed validate: ${MODE_ERROR}` },
    });
    expect(inside.explanation).toContain('CrashLoopBackOff');
    const ko = JSON.parse(lbRun(`curl --from pod/client -m 2 http://${vip}/ -o json`, 'ko').stdout);
    expect(ko.explanation).toContain('파드가 CrashLoopBackOff 상태이기 때문입니다');
  });
});

describe('a valid mode with a refused field: still no kube-proxy', () => {
  it('nftables mode with a bad clusterCIDR writes no nftables table', () => {
    const { env, errors } = sceneWithErrors(yaml('mode: nftables\nclusterCIDR: 10.244.0.0/33\n'));
    expect(errors.map((d) => d.code)).toEqual(['config.clusterCIDR', 'config.kubeProxyExits']);
    expect(env.cluster.config.proxy.startError).toBe(
      'failed validate: KubeProxyConfiguration.ClusterCIDR: Invalid value: "10.244.0.0/33": must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)',
    );
    expect(runCommand('node node-1 -- nft list ruleset', env).stdout).toBe('');
  });

  it('two refused fields: kube-proxy prints the aggregate in brackets', () => {
    const { env } = sceneWithErrors(
      yaml('mode: ipvs\nipvs: { scheduler: fair }\nnodePortAddresses: [nope]\n'),
    );
    const e = env.cluster.config.proxy.startError!;
    // createProxier, which logs the IPVS deprecation, is never reached.
    expect(env.diagnostics.map((d) => d.code)).not.toContain('config.proxyMode.ipvsDeprecated');
    expect(
      e.startsWith(
        'failed validate: [KubeProxyConfiguration.KubeProxyIPVSConfiguration.Scheduler: Invalid value: "fair"',
      ),
    ).toBe(true);
    expect(e).toContain(
      ', KubeProxyConfiguration.NodePortAddresses[0]: Invalid value: "nope": must be a valid CIDR]',
    );
    expect(runCommand('node node-1 -- ipvsadm -Ln', env).stdout).not.toContain('TCP');
  });

  it('a valid configuration still runs kube-proxy', () => {
    const { env, errors } = sceneWithErrors(yaml('mode: nftables\n'));
    expect(errors).toEqual([]);
    expect(env.cluster.config.proxy.startError).toBeUndefined();
    expect(runCommand('node node-1 -- nft list ruleset', env).stdout).toContain('table ip kube-proxy {');
  });
});
