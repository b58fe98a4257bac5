/**
 * `exec POD -- ping [-c N] [-W SECONDS] [-q] HOST` (and the top-level `ping --from SRC …`): ICMP echo
 * requests through the simulated data path, printed in iputils ping's layout. A pod or node answers; a
 * ClusterIP does not: in iptables mode no kube-proxy rule matches ICMP and no interface owns a virtual
 * address (no answer), in IPVS and nftables mode kube-proxy REJECTs it ("Destination Port Unreachable",
 * counted as an error), which the trace explains. Without -c svclab sends 4 echoes (real ping runs until
 * interrupted). The TTL shown is
 * 64 minus the nodes that routed the reply; times are simulated (same node ~0.05 ms, across nodes ~0.4 ms,
 * across zones ~1 ms). `-o json` gives the curl shape with protocol ICMP (`{ "results": [...] }` for N > 1).
 *
 * @example
 * execPing(['-c', '1', '10.244.1.5'], env, pod).stdout.split('\n')[1]; // "64 bytes from 10.244.1.5: icmp_seq=1 ttl=62 time=0.41 ms"
 */
import { clusterIndex, nsName } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Pod } from '../k8s/objects';
import { request, resolveFrom } from '../simulate/request';
import { outgoingInterface } from '../simulate/topology';
import { simulateMany } from '../simulate/simulate';
import type { Trace } from '../trace';
import { createRng } from '../util/rng';
import {
  fail,
  json,
  usage,
  type CommandEnv,
  type CommandHandler,
  type CommandResult,
  type PodCommandHandler,
} from './types';

interface PingOptions {
  host: string;
  count: number;
  wait: number;
  quiet: boolean;
  from?: string;
}

function parsePing(args: string[]): PingOptions | string {
  const o: PingOptions = { host: '', count: 4, wait: 1, quiet: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => (a.length > 2 && !a.startsWith('--') ? a.slice(2) : args[++i]);
    if (a === '-q') o.quiet = true;
    else if (a.startsWith('-c')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 10000)
        return 'invalid argument for -c: out of range: 1 <= value <= 10000';
      o.count = n;
    } else if (a.startsWith('-W') || a.startsWith('-w')) {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) return `invalid timeout: '${a}'`;
      o.wait = n;
    } else if (a === '--from') o.from = args[++i];
    else if (a.startsWith('-i')) value();
    else if (a.startsWith('-')) return `invalid option -- '${a.slice(1)}'`;
    else if (o.host) return 'give one HOST';
    else o.host = a;
  }
  if (!o.host) return 'usage error: Destination address required';
  return o;
}

/** 64 minus the nodes that route the packet (the path is symmetric); the endpoints themselves do not count. */
function ttlOf(t: Trace): number {
  const path = t.hops.filter((h) => h.direction !== 'reply' && h.phase !== 'dns');
  const client = path[0]?.location;
  const responder = path[path.length - 1]?.location;
  const routers = new Set(
    path.map((h) => h.location).filter((l) => l.startsWith('node/') && l !== responder && l !== client),
  );
  return 64 - routers.size;
}

function rttOf(t: Trace, r: () => number): number {
  const request = t.hops.filter((h) => h.direction !== 'reply' && h.phase !== 'dns');
  let ms = 0.05;
  if (request.some((h) => h.stage === 'network')) ms = 0.4;
  if (request.some((h) => h.crossZone)) ms = 1.1;
  if (request[0]?.location === 'external') ms += 10;
  return ms * (0.85 + 0.3 * r());
}

/**
 * The sender of the ICMP error a REJECT sends back: the kernel answers from the address the echo was
 * sent to when that address is the node's own (IPVS mode binds every Service address to kube-ipvs0),
 * else from an address of the rejecting node (which one depends on the CNI; svclab shows its InternalIP).
 */
function rejectedBy(cluster: ClusterState, t: Trace): string | null {
  const hop = t.hops.findLast((h) => h.action === 'reject');
  if (!hop?.location.startsWith('node/')) return null;
  const index = clusterIndex(cluster);
  const owner = index.ipOwner(hop.packet.dst).kind;
  const onKubeIpvs0 =
    cluster.config.proxy.mode === 'ipvs' && (owner === 'cluster-ip' || owner === 'external-ip');
  // The kernel's REJECT answers from the rejected address when it is local (kube-ipvs0), otherwise from the
  // address of the interface that leads back to the sender (icmp_send with saddr 0): cni0's gateway for a
  // pod on this node, the InternalIP for the node itself.
  return onKubeIpvs0
    ? hop.packet.dst
    : outgoingInterface(cluster, hop.location.slice(5), hop.packet.src).address;
}

const fmt = (n: number): string =>
  n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(n >= 1 ? 2 : 3);

function runPing(o: PingOptions, from: string, env: CommandEnv, command: string): CommandResult {
  const source = resolveFrom(env.cluster, from);
  if ('error' in source)
    return source.notFound
      ? fail(`Error from server (NotFound): ${source.error}\n`)
      : usage(source.error, command, env.lang);
  const traces = simulateMany(
    env.cluster,
    env.world,
    request({ from, target: o.host, protocol: 'ICMP', count: o.count, interval: 1, timeoutSeconds: o.wait }),
  );
  const received = traces.filter((t) => t.outcome === 'delivered');
  const exitCode = received.length > 0 ? 0 : 1;
  if (env.json)
    return { exitCode, stdout: json(o.count > 1 ? { results: traces } : traces[0], env.lang), stderr: '' };
  if (traces[0]!.outcome === 'dns-failure')
    return { exitCode: 1, stdout: '', stderr: `ping: ${o.host}: Name or service not known\n` };
  const ip = traces[0]!.hops.find((h) => h.phase !== 'dns' && h.stage === 'client')?.packet.dst ?? o.host;
  const r = createRng(env.world.seed ^ Math.floor(env.world.clock * 1000)).next;
  const lines = [`PING ${o.host} (${ip}) 56(84) bytes of data.`];
  const rtts: number[] = [];
  let errors = 0;
  traces.forEach((t, i) => {
    const rejecter = t.outcome === 'rejected' ? rejectedBy(env.cluster, t) : null;
    if (rejecter !== null) {
      errors++;
      if (!o.quiet) lines.push(`From ${rejecter} icmp_seq=${i + 1} Destination Port Unreachable`);
    }
    if (t.outcome !== 'delivered') return;
    const rtt = rttOf(t, r);
    rtts.push(rtt);
    if (!o.quiet) lines.push(`64 bytes from ${ip}: icmp_seq=${i + 1} ttl=${ttlOf(t)} time=${fmt(rtt)} ms`);
  });
  const loss = Math.round((100 * (traces.length - received.length)) / traces.length);
  // ping stops once every echo got a reply or an error; only an echo that got neither makes it wait.
  const unanswered = received.length + errors < traces.length;
  const elapsed = (traces.length - 1) * 1000 + traces.length + (unanswered ? o.wait * 1000 : 0);
  lines.push('', `--- ${o.host} ping statistics ---`);
  lines.push(
    `${traces.length} packets transmitted, ${received.length} received, ${errors ? `+${errors} errors, ` : ''}${loss}% packet loss, time ${Math.round(elapsed)}ms`,
  );
  if (rtts.length) {
    const min = Math.min(...rtts);
    const max = Math.max(...rtts);
    const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
    const mdev = Math.sqrt(rtts.reduce((a, b) => a + (b - avg) ** 2, 0) / rtts.length);
    lines.push(`rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((x) => x.toFixed(3)).join('/')} ms`);
  }
  return { exitCode, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** `exec POD -- ping …`. @example execPing(['-c', '2', '10.96.0.42'], env, pod).exitCode // 1 (a ClusterIP does not answer) */
export const execPing: PodCommandHandler = (args, env, pod: Pod) => {
  const o = parsePing(args);
  if (typeof o === 'string') return usage(`ping: ${o}`, 'exec', env.lang);
  return runPing(o, `pod/${nsName(pod)}`, env, 'exec');
};

/** Top-level `ping --from SRC [-c N] HOST` (default source: external). */
export const pingCommand: CommandHandler = (args, env) => {
  const o = parsePing(args);
  if (typeof o === 'string') return usage(o, 'ping', env.lang);
  return runPing(o, o.from ?? 'external', env, 'ping');
};
