/**
 * CoreDNS on a kubeadm cluster tolerates the control-plane taint (cmd/kubeadm/app/phases/addons/dns/
 * manifests.go: `node-role.kubernetes.io/control-plane`, effect NoSchedule, and CriticalAddonsOnly), so
 * a cluster whose only node is a tainted control plane still resolves names; other pods stay off it.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Item = any;

const CONTROL_PLANE = `apiVersion: v1
kind: Node
metadata: { name: control-plane, labels: { node-role.kubernetes.io/control-plane: "" } }
spec: { taints: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }] }
status: { addresses: [{ type: InternalIP, address: 192.168.49.2 }] }
`;
const CLIENT = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  tolerations: [{ key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }]
  containers: [{ name: c, image: agnhost }]
---
apiVersion: v1
kind: Pod
metadata: { name: plain }
spec: { containers: [{ name: c, image: agnhost }] }
`;

describe('CoreDNS on a single tainted control-plane node', () => {
  const s = scene([CONTROL_PLANE, CLIENT]);

  it('both CoreDNS replicas run there, with kubeadm’s tolerations in their spec', () => {
    const dns: Item[] = s.json('get pods -n kube-system -l k8s-app=kube-dns -o json').items;
    expect(dns).toHaveLength(2);
    for (const p of dns) {
      expect(p.spec.nodeName).toBe('control-plane');
      expect(p.status.phase).toBe('Running');
      expect(p.spec.tolerations).toEqual([
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ]);
    }
    expect(
      s.json('get endpoints -n kube-system kube-dns -o json').items[0].subsets[0].addresses,
    ).toHaveLength(2);
  });

  it('a pod that tolerates the taint resolves names; one that does not stays Pending', () => {
    const r = s.run('exec client -- nslookup kubernetes.default');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Address: 10.96.0.1');
    const plain: Item = s.json('get pod plain -o json').items[0];
    expect(plain.status.phase).toBe('Pending');
    expect(plain.status.conditions[0].message).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });
});
