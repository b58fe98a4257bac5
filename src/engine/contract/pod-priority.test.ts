/**
 * The Priority admission plugin (plugin/pkg/admission/priority, admitPod) as `kubectl get pod -o yaml`
 * shows it: every pod gets spec.priority and spec.preemptionPolicy when it is created. With no
 * priorityClassName (and no globalDefault class) that is 0 and PreemptLowerPriority; kubeadm's CoreDNS
 * Deployment and kube-proxy DaemonSet name system-cluster-critical (2000000000) and system-node-critical
 * (2000001000). Templates are not pods: a Deployment's template has neither field.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: nginx:1.27 }]
`;
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: c, image: nginx:1.27 }]
`;

/** The lines of `-o yaml` from the pod spec's `dnsPolicy` to `restartPolicy`, as kubectl sorts them. */
const specMiddle = (yaml: string): string => {
  const from = yaml.indexOf('\n  dnsPolicy:');
  return yaml.slice(from + 1, yaml.indexOf('\n', yaml.indexOf('\n  restartPolicy:', from) + 1) + 1);
};

describe('pod priority from the Priority admission plugin', () => {
  it('a Pod with no priorityClassName: priority 0, PreemptLowerPriority, in kubectl’s key order', () => {
    const s = scene(POD);
    expect(specMiddle(s.run('get pod client -o yaml').stdout)).toBe(
      [
        '  dnsPolicy: ClusterFirst',
        '  enableServiceLinks: true',
        '  nodeName: node-3',
        '  preemptionPolicy: PreemptLowerPriority',
        '  priority: 0',
        '  restartPolicy: Always',
        '',
      ].join('\n'),
    );
  });

  it('a Deployment’s pod has them; its template does not', () => {
    const s = scene(DEPLOY);
    const pod = s.json('get pods -l app=web -o json').items[0];
    expect(pod.spec.priority).toBe(0);
    expect(pod.spec.preemptionPolicy).toBe('PreemptLowerPriority');
    const template = s.json('get deploy web -o json').items[0].spec.template.spec;
    expect(template.priority).toBeUndefined();
    expect(template.preemptionPolicy).toBeUndefined();
    expect(s.run('get deploy web -o yaml').stdout).not.toContain('priority');
  });

  it('CoreDNS is system-cluster-critical (2000000000) and kube-proxy system-node-critical (2000001000)', () => {
    const s = scene(POD);
    const pods = s.json('get pods -n kube-system -o json').items as {
      metadata: { name: string };
      spec: { priority?: number; priorityClassName?: string; preemptionPolicy?: string };
    }[];
    const coredns = pods.filter((p) => p.metadata.name.startsWith('coredns-'));
    const proxies = pods.filter((p) => p.metadata.name.startsWith('kube-proxy-'));
    expect(coredns.length).toBeGreaterThan(0);
    expect(proxies.length).toBeGreaterThan(0);
    for (const p of coredns)
      expect(p.spec).toMatchObject({
        priority: 2000000000,
        priorityClassName: 'system-cluster-critical',
        preemptionPolicy: 'PreemptLowerPriority',
      });
    for (const p of proxies)
      expect(p.spec).toMatchObject({
        priority: 2000001000,
        priorityClassName: 'system-node-critical',
        preemptionPolicy: 'PreemptLowerPriority',
      });
    const yaml = s.run(`get pod -n kube-system ${proxies[0]!.metadata.name} -o yaml`).stdout;
    expect(yaml).toContain(
      '\n  preemptionPolicy: PreemptLowerPriority\n  priority: 2000001000\n  priorityClassName: system-node-critical\n',
    );
  });

  it('a priority the pod already carries (a dump of a real cluster’s pod) is kept', () => {
    const s = scene(
      POD.replace('spec:\n', 'spec:\n  priority: 0\n  preemptionPolicy: PreemptLowerPriority\n'),
    );
    expect(s.json('get pod client -o json').items[0].spec.priority).toBe(0);
  });
});
