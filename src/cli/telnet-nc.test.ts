/**
 * `exec POD -- telnet HOST PORT` and `exec POD -- nc -zv HOST PORT` (commands/tcp-connect.ts): a bare TCP
 * connect through the same walk as curl, printed as netkit telnet and netcat-openbsd print it. The seed
 * notes test a Service with telnet ("telnet 요청도 TCP 기반이므로 동작함"); before, svclab answered
 * `svclab: exec: telnet is not one of …`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './cli.test-helper';

const scenarios = join(import.meta.dirname, '..', 'scenarios');
const iptables = join(scenarios, 'clusterip-three-pods.yaml');
const ipvs = join(scenarios, 'ipvs-scheduler-myth.yaml');
const exec = (scene: string, ...cmd: string[]) => run('-f', scene, 'exec', 'client', '--', ...cmd);

describe('telnet', () => {
  it('connects to a Service port: Trying the ClusterIP, Connected to the name getaddrinfo found', async () => {
    const r = await exec(iptables, 'telnet', 'web', '80');
    expect(r.out).toBe(
      "Trying 10.111.139.248...\nConnected to web.default.svc.cluster.local.\nEscape character is '^]'.\n",
    );
    // kubectl exec without -i gives telnet no input: it closes at once, as netkit's tn() says.
    expect(r.err).toBe('Connection closed by foreign host.\n');
    expect(r.code).toBe(1);
  });
  it('an address is printed as typed', async () => {
    const r = await exec(iptables, 'telnet', '10.111.139.248', '80');
    expect(r.out.split('\n')[1]).toBe('Connected to 10.111.139.248.');
  });
  it('a port the Service does not have: no rule matches in iptables mode (timeout), IPVS rejects it (refused)', async () => {
    const a = await exec(iptables, 'telnet', 'web', '81');
    expect([a.code, a.out, a.err]).toEqual([
      1,
      'Trying 10.111.139.248...\n',
      'telnet: Unable to connect to remote host: Connection timed out\n',
    ]);
    const b = await exec(ipvs, 'telnet', 'web', '81');
    expect(b.err).toBe('telnet: Unable to connect to remote host: Connection refused\n');
  });
  it('a name that does not resolve', async () => {
    const r = await exec(iptables, 'telnet', 'nope', '80');
    expect([r.code, r.out, r.err]).toEqual([
      1,
      '',
      'telnet: could not resolve nope/80: Name or service not known\n',
    ]);
  });
});

describe('nc', () => {
  it('-zv to a Service port succeeds, naming the port from /etc/services', async () => {
    const r = await exec(iptables, 'nc', '-zv', 'web', '80');
    expect([r.code, r.out, r.err]).toEqual([
      0,
      '',
      'Connection to web (10.111.139.248) 80 port [tcp/http] succeeded!\n',
    ]);
    const dns = await exec(iptables, 'nc', '-z', '-v', 'kube-dns.kube-system', '53');
    expect(dns.err).toBe('Connection to kube-dns.kube-system (10.96.0.10) 53 port [tcp/domain] succeeded!\n');
  });
  it('to a pod: its listening port succeeds, another is refused by the pod (RST)', async () => {
    const pods = (await run('-f', iptables, 'get', 'pods', '-l', 'app=web', '-o', 'json')).out;
    const ip = (JSON.parse(pods) as { items: { status: { podIP: string } }[] }).items[0]!.status.podIP;
    expect((await exec(iptables, 'nc', '-zv', ip, '8080')).err).toBe(
      `Connection to ${ip} 8080 port [tcp/http-alt] succeeded!\n`,
    );
    const refused = await exec(iptables, 'nc', '-zv', ip, '9999');
    expect([refused.code, refused.err]).toEqual([
      1,
      `nc: connect to ${ip} port 9999 (tcp) failed: Connection refused\n`,
    ]);
  });
  it('a missing Service port: refused under IPVS; under iptables a timeout, "timed out" once -w runs out', async () => {
    expect((await exec(ipvs, 'nc', '-zv', 'web', '81')).err).toBe(
      'nc: connect to web (10.111.139.248) port 81 (tcp) failed: Connection refused\n',
    );
    expect((await exec(iptables, 'nc', '-zv', 'web', '81')).err).toBe(
      'nc: connect to web (10.111.139.248) port 81 (tcp) failed: Connection timed out\n',
    );
    expect((await exec(iptables, 'nc', '-zv', '-w', '2', 'web', '81')).err).toBe(
      'nc: connect to web (10.111.139.248) port 81 (tcp) timed out: Operation now in progress\n',
    );
  });
  it('without -v a failure is silent (exit 1); an unknown name is getaddrinfo’s error', async () => {
    const quiet = await exec(iptables, 'nc', '-z', 'web', '81');
    expect([quiet.code, quiet.out, quiet.err]).toEqual([1, '', '']);
    expect((await exec(iptables, 'nc', '-zv', 'nope', '80')).err).toBe(
      'nc: getaddrinfo for host "nope" port 80: Name or service not known\n',
    );
  });
  it('-o json gives the walk: DNS, then kube-proxy DNAT to a web pod', async () => {
    const r = await run('-f', iptables, 'exec', 'client', '--', 'nc', '-zv', 'web', '80', '-o', 'json');
    const t = JSON.parse(r.out) as {
      outcome: string;
      backend: { pod: string };
      hops: { phase?: string; stage: string; action: string }[];
    };
    expect(t.outcome).toBe('delivered');
    expect(t.backend.pod).toMatch(/^default\/web-/);
    expect(t.hops.some((h) => h.phase === 'dns')).toBe(true);
    expect(t.hops.some((h) => h.stage === 'kube-proxy' && h.action === 'dnat')).toBe(true);
  });
});
