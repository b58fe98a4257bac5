import { describe, expect, it } from 'vitest';
import { deployment, scene } from '../testing/scene';
import { en } from '../testing/render';

/** A Service web (80/TCP) over two pods, a client pod, kube-proxy in `mode`. */
const yaml = (mode: string) => `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ${mode}
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  clusterIP: 10.96.0.42
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
---
${deployment('web', 2)}---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox }] }
`;

describe('ping to a ClusterIP', () => {
  it('iptables mode: no rule matches ICMP and no interface owns the address, so no answer comes', () => {
    const s = scene(yaml('iptables'));
    const r = s.run('exec client -- ping -c 2 10.96.0.42');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).not.toContain('Unreachable');
    expect(r.stdout).toContain('2 packets transmitted, 0 received, 100% packet loss, time 2002ms');
    const t = s.json('exec client -- ping -c 1 10.96.0.42 -o json');
    expect(t.outcome).toBe('timeout');
    expect(t.explanationMsg.id).toBe('sim.icmpToVip');
  });

  it('IPVS mode: the address is on kube-ipvs0, and KUBE-IPVS-FILTER rejects the echo from it', () => {
    const s = scene(yaml('ipvs'));
    const r = s.run('exec client -- ping -c 2 web');
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'PING web (10.96.0.42) 56(84) bytes of data.',
      'From 10.96.0.42 icmp_seq=1 Destination Port Unreachable',
      'From 10.96.0.42 icmp_seq=2 Destination Port Unreachable',
      '',
      '--- web ping statistics ---',
      '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1002ms',
      '',
    ]);
    const t = s.json('exec client -- ping -c 1 10.96.0.42 -o json');
    expect(t.outcome).toBe('rejected');
    const reject = t.hops.at(-1);
    expect(reject.action).toBe('reject');
    expect(reject.rule).toMatch(/^-A KUBE-IPVS-FILTER .*--match-set KUBE-IPVS-IPS dst -j REJECT/);
    expect(t.explanationMsg).toMatchObject({
      id: 'sim.vip.ipvsFilter',
      params: { ip: '10.96.0.42', service: 'default/web', ports: ['80/TCP'], external: false },
    });
    expect(t.explanationMsg.params.port).toBeUndefined();
    expect(en(t.explanationMsg)).toContain('kube-ipvs0');
    // -q keeps the summary only, errors counted.
    expect(s.run('exec client -- ping -q -c 1 web').stdout).toContain('+1 errors, 100% packet loss');
  });

  it('IPVS mode: a port the Service does not have is refused by the same rule, and a Service port works', () => {
    const s = scene(yaml('ipvs'));
    const wrong = s.json('curl --from pod/client http://10.96.0.42:81/ -o json');
    expect(wrong.outcome).toBe('rejected');
    expect(wrong.explanationMsg).toMatchObject({ id: 'sim.vip.ipvsFilter', params: { port: '81/TCP' } });
    expect(s.json('curl --from pod/client http://10.96.0.42/ -o json').outcome).toBe('delivered');
  });

  it('nftables mode: cluster-ips-check rejects it on the client’s node', () => {
    const s = scene(yaml('nftables'));
    const t = s.json('exec client -- ping -c 1 10.96.0.42 -o json');
    expect(t.outcome).toBe('rejected');
    expect(t.hops.at(-1).rule).toContain('Reject traffic to invalid ports of ClusterIPs');
    expect(t.explanationMsg).toMatchObject({ id: 'sim.vip.clusterIpsCheck', params: { ip: '10.96.0.42' } });
    // The kernel answers from the interface that leads back to the sender (icmp_send picks the source by
    // route when the rejected address is not local): for a pod on this node that is cni0's gateway (.1 of the
    // node's podCIDR), not the node's InternalIP.
    const node = t.hops.at(-1).location.slice('node/'.length);
    const nodeObj = s
      .json('get nodes -o json')
      .items.find((n: { metadata: { name: string } }) => n.metadata.name === node);
    const gateway = nodeObj.spec.podCIDR.replace(/\.0\/\d+$/, '.1');
    expect(s.run('exec client -- ping -c 1 10.96.0.42').stdout).toContain(
      `From ${gateway} icmp_seq=1 Destination Port Unreachable`,
    );
    // From the node itself the error comes back over loopback, from the node's own address.
    expect(s.run(`ping --from node/${node} -c 1 10.96.0.42`).stdout).toContain(
      `From ${nodeObj.status.addresses[0].address} icmp_seq=1 Destination Port Unreachable`,
    );
  });
});
