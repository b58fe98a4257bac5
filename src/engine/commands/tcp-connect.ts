/**
 * `exec POD -- telnet HOST PORT` and `exec POD -- nc [-zv] [-w SECS] HOST PORT`: a bare TCP connection
 * through the same packet walk as curl (DNS through the pod's resolver, the client node's kube-proxy
 * rules, the backend's socket), printed as the real tools print it. Nothing is sent on the connection:
 * what they test is whether the three-way handshake completes.
 *
 * - telnet is netkit's (Debian's `telnet`): "Trying ADDR..." and, connected, "Connected to HOST." and
 *   "Escape character is '^]'." on stdout; `kubectl exec` without -i gives it no input, so it sees the end
 *   of its input at once, closes and says "Connection closed by foreign host." (commands.c tn(), exit 1).
 *   A failed connect is "telnet: Unable to connect to remote host: <strerror>".
 * - nc is netcat-openbsd (Debian's `nc`): with -v or -z, "Connection to HOST (ADDR) PORT port [tcp/SERVICE]
 *   succeeded!" (connection_info; SERVICE from /etc/services, `*` when it has none; no "(ADDR)" when HOST is
 *   the address); with -v a failure is "nc: connect to HOST (ADDR) port PORT (tcp) failed: <strerror>"
 *   (remote_connect's warn), "timed out: Operation now in progress" when -w ran out; an unknown name is
 *   `nc: getaddrinfo for host "HOST" port PORT: Name or service not known`.
 *
 * `-o json` gives the request's Trace (protocol TCP), as curl's does.
 *
 * @example
 * execNc(['-zv', 'web', '80'], env, client).stderr; // "Connection to web (10.96.0.42) 80 port [tcp/http] succeeded!\n"
 */
import { nsName } from '../cluster/cluster-index';
import type { Pod } from '../k8s/objects';
import { request, resolveFrom } from '../simulate/request';
import { simulateMany } from '../simulate/simulate';
import type { Trace } from '../trace';
import { fail, json, usage, type CommandEnv, type CommandResult, type PodCommandHandler } from './types';

/** The TCP names of /etc/services (Debian's netbase) for the ports a Kubernetes lesson meets. */
const TCP_SERVICES = new Map<number, string>([
  [21, 'ftp'],
  [22, 'ssh'],
  [23, 'telnet'],
  [25, 'smtp'],
  [53, 'domain'],
  [80, 'http'],
  [110, 'pop3'],
  [143, 'imap2'],
  [389, 'ldap'],
  [443, 'https'],
  [636, 'ldaps'],
  [873, 'rsync'],
  [1433, 'ms-sql-s'],
  [2049, 'nfs'],
  [3306, 'mysql'],
  [5432, 'postgresql'],
  [5672, 'amqp'],
  [6379, 'redis'],
  [8080, 'http-alt'],
  [9090, 'websm'],
  [11211, 'memcache'],
  [27017, 'mongodb'],
]);

interface Connect {
  host: string;
  port: number;
  /** Seconds before the connect gives up (nc -w); undefined: the kernel's SYN retries (about 127 s). */
  wait?: number;
}

/** The connect's result: what happened, the address tried (undefined when the name did not resolve). */
interface Attempt {
  trace: Trace;
  address?: string;
  /** The name getaddrinfo found (ai_canonname: the search list applied, CNAMEs followed), when it looked one up. */
  canonical?: string;
  /** strerror of a failed connect, as the kernel reports it to the tool. */
  error?: 'Connection refused' | 'Connection timed out' | 'No route to host';
}

function attempt(c: Connect, pod: Pod, env: CommandEnv): Attempt {
  const host = c.host.includes(':') ? `[${c.host}]` : c.host;
  const [trace] = simulateMany(
    env.cluster,
    env.world,
    request({
      from: `pod/${nsName(pod)}`,
      target: `${host}:${c.port}`,
      protocol: 'TCP',
      count: 1,
      keepLookup: true,
      ...(c.wait !== undefined ? { timeoutSeconds: c.wait } : {}),
    }),
  );
  const t = trace!;
  const record = t.lookup?.answer.find((r) => r.type === 'A' || r.type === 'AAAA');
  const canonical = record ? record.name.replace(/\.$/, '') : undefined;
  const first = t.hops.find((h) => h.phase !== 'dns' && h.stage === 'client' && h.direction !== 'reply');
  const address = first ? first.packet.dst.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1') : undefined;
  switch (t.outcome) {
    case 'delivered':
      return { trace: t, address, ...(canonical !== undefined ? { canonical } : {}) };
    case 'refused':
    case 'rejected':
      // A RST, or kube-proxy's REJECT (icmp-port-unreachable, tcp-reset): connect() fails with ECONNREFUSED.
      return { trace: t, address, error: 'Connection refused' };
    case 'unreachable':
      return { trace: t, address, error: 'No route to host' };
    case 'dns-failure':
      return { trace: t };
    default:
      return { trace: t, address, error: 'Connection timed out' };
  }
}

/** The destination port as the tools take it: a number, or a name /etc/services knows. */
function portOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 65535 ? n : undefined;
  }
  for (const [port, name] of TCP_SERVICES) if (name === text) return port;
  return undefined;
}

function started(pod: Pod, env: CommandEnv): CommandResult | undefined {
  const source = resolveFrom(env.cluster, `pod/${nsName(pod)}`);
  if ('error' in source)
    return source.notFound
      ? fail(`Error from server (NotFound): ${source.error}\n`)
      : usage(source.error, 'exec', env.lang);
  return undefined;
}

/**
 * `exec POD -- telnet HOST [PORT]` (netkit telnet; port 23 when none is given).
 *
 * @example execTelnet(['web', '80'], env, client).stdout; // "Trying 10.96.0.42...\nConnected to web.\nEscape character is '^]'.\n"
 */
export const execTelnet: PodCommandHandler = (args, env, pod) => {
  const words = args.filter((a) => !/^-[468EKLacdfrx]+$/.test(a));
  if (words.length < 1 || words.length > 2 || words.some((w) => w.startsWith('-')))
    return usage(
      'usage: telnet [-468ELadr] [-S tos] [-b address] [-e escapechar] [-l user] [-n tracefile] [host [port]]',
      'exec',
      env.lang,
    );
  const host = words[0]!;
  const port = portOf(words[1] ?? '23');
  if (port === undefined)
    return {
      exitCode: 1,
      stdout: '',
      stderr: `telnet: could not resolve ${host}/${words[1]}: Servname not supported for ai_socktype\n`,
    };
  const bad = started(pod, env);
  if (bad) return bad;
  const a = attempt({ host, port }, pod, env);
  if (env.json)
    return {
      exitCode: a.error || !a.address ? 1 : 0,
      stdout: json(a.trace, env.lang),
      stderr: '',
      traces: [a.trace],
    };
  if (a.address === undefined)
    return {
      exitCode: 1,
      stdout: '',
      stderr: `telnet: could not resolve ${host}/${words[1] ?? 'telnet'}: Name or service not known\n`,
      traces: [a.trace],
    };
  const trying = `Trying ${a.address}...\n`;
  if (a.error)
    return {
      exitCode: 1,
      stdout: trying,
      stderr: `telnet: Unable to connect to remote host: ${a.error}\n`,
      traces: [a.trace],
    };
  return {
    exitCode: 1,
    stdout: `${trying}Connected to ${a.canonical ?? host}.\nEscape character is '^]'.\n`,
    stderr: 'Connection closed by foreign host.\n',
    traces: [a.trace],
  };
};

interface NcOptions extends Connect {
  verbose: boolean;
  zero: boolean;
  numeric: boolean;
}

function parseNc(args: string[]): NcOptions | string {
  const o: NcOptions = { host: '', port: 0, verbose: false, zero: false, numeric: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'v') o.verbose = true;
        else if (f === 'z') o.zero = true;
        else if (f === 'n') o.numeric = true;
        else if (f === '4' || f === '6' || f === 'N') continue;
        else if (f === 'w') {
          const v = a.slice(j + 1) || args[++i];
          const n = Number(v);
          if (!/^\d+$/.test(v ?? '') || n < 0) return `nc: timeout cannot be negative`;
          o.wait = n;
          break;
        } else if (f === 'u' || f === 'l')
          return `nc: svclab's nc makes TCP connections only (-${f} is not simulated)`;
        else return `nc: invalid option -- '${f}'`;
      }
    } else words.push(a);
  }
  if (words.length !== 2)
    return 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl] … [destination] [port]';
  const port = portOf(words[1]!);
  if (port === undefined) return `nc: port number invalid: ${words[1]}`;
  o.host = words[0]!;
  o.port = port;
  return o;
}

/**
 * `exec POD -- nc [-zvn] [-w SECS] HOST PORT` (netcat-openbsd).
 *
 * @example execNc(['-zv', 'web', '80'], env, client).exitCode; // 0
 */
export const execNc: PodCommandHandler = (args, env, pod) => {
  const o = parseNc(args);
  if (typeof o === 'string') return usage(o, 'exec', env.lang);
  const bad = started(pod, env);
  if (bad) return bad;
  const a = attempt(o, pod, env);
  const exitCode = a.error || a.address === undefined ? 1 : 0;
  if (env.json) return { exitCode, stdout: json(a.trace, env.lang), stderr: '', traces: [a.trace] };
  const traces = [a.trace];
  if (a.address === undefined)
    return {
      exitCode: 1,
      stdout: '',
      stderr: `nc: getaddrinfo for host "${o.host}" port ${o.port}: Name or service not known\n`,
      traces,
    };
  const named = !o.numeric && o.host !== a.address;
  const who = named ? `${o.host} (${a.address})` : o.host;
  if (a.error) {
    if (!o.verbose) return { exitCode, stdout: '', stderr: '', traces };
    const how =
      a.error === 'Connection timed out' && o.wait !== undefined
        ? 'timed out: Operation now in progress'
        : `failed: ${a.error}`;
    return { exitCode, stdout: '', stderr: `nc: connect to ${who} port ${o.port} (tcp) ${how}\n`, traces };
  }
  if (!o.verbose && !o.zero) return { exitCode, stdout: '', stderr: '', traces };
  const service = o.numeric ? '*' : (TCP_SERVICES.get(o.port) ?? '*');
  return {
    exitCode,
    stdout: '',
    stderr: `Connection to ${named ? `${o.host} (${a.address})` : o.host} ${o.port} port [tcp/${service}] succeeded!\n`,
    traces,
  };
};
