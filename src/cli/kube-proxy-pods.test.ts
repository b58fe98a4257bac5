/**
 * kube-proxy as a kubeadm cluster shows it (proxy/system-objects.ts): `get ds -n kube-system` lists the
 * kube-proxy DaemonSet, `get pods -n kube-system -o wide` one kube-proxy pod per node with the node's
 * address (hostNetwork), a control-plane node included (it tolerates every taint), and its ConfigMap
 * holds the scene's KubeProxyConfiguration. Before, the cluster had no kube-proxy object at all.
 */
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './cli.test-helper';

const tmp = tempDir('svclab-kube-proxy-');
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }]
`;
const CONTROL_PLANE = `apiVersion: v1
kind: Node
metadata:
  name: cp-1
  labels: { node-role.kubernetes.io/control-plane: "" }
spec:
  taints: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }]
---
apiVersion: v1
kind: Node
metadata: { name: worker-1 }
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
ipvs: { scheduler: sh }
`;

/** The rows of a kubectl table, split on runs of spaces. */
const rows = (out: string): string[][] =>
  out
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/ {2,}/));

describe('kube-proxy in kube-system', () => {
  const scene = tmp.file(WEB);
  it('get ds -n kube-system lists the kube-proxy DaemonSet, one pod per node, all ready', async () => {
    const r = await run('-f', scene, 'get', 'ds', '-n', 'kube-system');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(
      /^NAME +DESIRED +CURRENT +READY +UP-TO-DATE +AVAILABLE +NODE SELECTOR +AGE$/,
    );
    expect(rows(r.out)).toEqual([['kube-proxy', '3', '3', '3', '3', '3', 'kubernetes.io/os=linux', '0s']]);
  });
  it("get pods -o wide: a kube-proxy pod on each node, with the node's own address (hostNetwork)", async () => {
    const nodes = rows((await run('-f', scene, 'get', 'nodes', '-o', 'wide')).out).map((c) => [c[0], c[5]]);
    const pods = rows((await run('-f', scene, 'get', 'pods', '-n', 'kube-system', '-o', 'wide')).out);
    const proxies = pods.filter((c) => c[0]!.startsWith('kube-proxy-'));
    expect(proxies.map((c) => [c[6], c[5]]).sort()).toEqual(nodes.sort());
    for (const c of proxies) expect(c.slice(1, 3)).toEqual(['1/1', 'Running']);
    // CoreDNS still has pod-network addresses beside them.
    expect(pods.filter((c) => c[0]!.startsWith('coredns-')).map((c) => c[5]!.startsWith('10.244.'))).toEqual([
      true,
      true,
    ]);
    const yaml = (
      await run('-f', scene, 'get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-proxy', '-o', 'yaml')
    ).out;
    expect(yaml).toContain('    hostNetwork: true\n');
    expect(yaml).toContain('    image: registry.k8s.io/kube-proxy:v1.36.0\n');
    expect(yaml).toContain('    priorityClassName: system-node-critical\n');
  });
  it('runs on a tainted control-plane node too, and its ConfigMap carries the scene’s mode', async () => {
    const cp = tmp.file(CONTROL_PLANE);
    const pods = rows((await run('-f', cp, 'get', 'pods', '-n', 'kube-system', '-o', 'wide')).out);
    expect(
      pods
        .filter((c) => c[0]!.startsWith('kube-proxy-'))
        .map((c) => c[6])
        .sort(),
    ).toEqual(['cp-1', 'worker-1']);
    const cm = (await run('-f', cp, 'get', 'cm', 'kube-proxy', '-n', 'kube-system', '-o', 'yaml')).out;
    expect(cm).toContain('    mode: ipvs\n');
    expect(cm).toContain('      scheduler: "sh"\n');
    expect(cm).toContain('    clusterCIDR: 10.244.0.0/16\n');
  });
  it('a DaemonSet the scene writes as kube-system/kube-proxy replaces kubeadm’s', async () => {
    const own = tmp.file(
      WEB.replace(
        'kind: Deployment\nmetadata: { name: web }',
        'kind: DaemonSet\nmetadata: { name: kube-proxy, namespace: kube-system }',
      ).replace('  replicas: 2\n', ''),
    );
    const r = await run('-f', own, 'get', 'ds', 'kube-proxy', '-n', 'kube-system', '-o', 'yaml');
    expect(r.out).toContain('image: nginx');
    expect(r.out).not.toContain('registry.k8s.io/kube-proxy');
  });
  it('drain without --ignore-daemonsets refuses the kube-proxy pod, as kubectl does on a kubeadm cluster', async () => {
    const r = await run('-f', scene, 'drain', 'node-2');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-\w+/,
    );
  });
});
