/**
 * `curl --from SRC [flags] URL` and `exec POD -- curl [flags] URL`: a simulated request (or `--count N` of
 * them) printed the way curl prints it; with `-o json` the CLI contract's Trace (`{ "results": [...] }` when
 * N > 1). `--from` defaults to `external`. With `--count N` (N > 1) and no `-o json`, svclab prints the
 * distribution table INSTEAD of the N bodies (with -v, the per-request conversation still goes to
 * stderr); failures are counted as rows such as `(refused)` and their curl error lines are summarised.
 * A request that gets no response exits 1 (curl's own code, 6/7/28/…, is in the error line).
 *
 * @example
 * curlCommand(['--from', 'pod/client', 'http://10.96.0.42/'], env).stdout; // "You've hit web-0\nclient: 10.244.0.5:41234\n"
 */
import { nsName } from '../cluster/cluster-index';
import type { Pod } from '../k8s/objects';
import { FULL_TRACE_LIMIT, parseTarget, request, resolveFrom } from '../simulate/request';
import { distribution } from '../simulate/distribution';
import { simulateMany } from '../simulate/simulate';
import type { Trace } from '../trace';
import {
  fail,
  json,
  usage,
  type CommandEnv,
  type CommandHandler,
  type CommandResult,
  type PodCommandHandler,
} from './types';
import { parseCurlArgs, urlError, type CurlOptions } from './curl-args';
import { connectTo } from './curl-connect-to';
import { pinnedAddress } from './curl-resolve';
import { CA_CERT_ERROR_TEXT } from './curl-tls';
import {
  curlErrorLine,
  curlExitCode,
  responseLines,
  verboseLines,
  writeOut,
  type CurlTarget,
} from './curl-output';
import { distributionText } from './curl-distribution';

interface Sent {
  url: string;
  target: CurlTarget;
  traces: Trace[];
}

/** Sends `o.count` requests to one URL; curl's error line when it cannot be sent. */
function send(o: CurlOptions, url: string, from: string, env: CommandEnv): Sent | { error: string } {
  const t = parseTarget(url);
  const bad = urlError(url);
  if (!t || bad !== undefined)
    return { error: `${bad ?? 'curl: (3) URL rejected: Malformed input to a URL function'}\n` };
  const port = t.port ?? (t.scheme === 'https' ? 443 : 80);
  const stop = (verbose: string[], error: string) => ({
    error: [...(o.verbose ? verbose : []), ...(!o.silent || o.showError ? [error] : [])]
      .map((l) => `${l}\n`)
      .join(''),
  });
  // --connect-to first (url.c create_conn), then the DNS cache --resolve filled is asked for that host.
  const conn = connectTo(o.connectTo, t.host, port);
  const connectHost = conn.error === undefined ? conn.host : undefined;
  const connectPort = conn.error === undefined ? conn.port : undefined;
  const pin = pinnedAddress(o.resolve, connectHost ?? t.host, connectPort ?? port, o.ipFamily);
  if ('error' in pin) return stop(pin.verbose, pin.error);
  if (conn.error !== undefined) return stop([...pin.verbose, ...conn.verbose], conn.error);
  // -v: the cache's "Added …" lines, then "Connecting to …", then the lookup that found the pinned name.
  const found = pin.address !== undefined ? pin.verbose.slice(-1) : [];
  const added = pin.address !== undefined ? pin.verbose.slice(0, -1) : pin.verbose;
  const target: CurlTarget = {
    host: t.host,
    port,
    path: t.path,
    scheme: t.scheme === 'https' ? 'https' : 'http',
    resolveLines: [...added, ...conn.verbose, ...found],
    ...(pin.address !== undefined ? { pinned: pin.address } : {}),
    ...(connectHost !== undefined ? { connectHost } : {}),
    ...(connectPort !== undefined ? { connectPort } : {}),
  };
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const timeout = o.connectTimeout ?? o.maxTime;
  const req = request({
    from,
    target: url,
    protocol: o.protocol,
    method,
    headers: o.headers,
    count: o.count ?? 1,
    keepalive: o.keepalive,
    insecure: o.insecure,
    alpn: o.alpn,
    ...(pin.address !== undefined ? { resolveTo: pin.address } : {}),
    ...(connectHost !== undefined ? { connectHost } : {}),
    ...(connectPort !== undefined ? { connectPort } : {}),
    interval: o.interval,
    ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
    ...(o.ipFamily ? { ipFamily: o.ipFamily } : {}),
    // Beyond what the page animates, a --count is a table: its requests are counted, not shown hop by
    // hop (unless -o json or -v prints every request).
    ...(tallyOnly(o, env) ? { detail: 'tally' as const } : {}),
  });
  return { url, target, traces: simulateMany(env.cluster, env.world, req) };
}

/** A --count larger than the page animates, printed as a table: only each request's decision is read. */
function tallyOnly(o: CurlOptions, env: CommandEnv): boolean {
  return (o.count ?? 1) > FULL_TRACE_LIMIT && !env.json && !o.verbose;
}

/**
 * Every URL in turn, as curl fetches them: each URL's output follows the previous one's; with `--count N`
 * the distributions stand side by side. A wrong URL prints curl's error and the others still run.
 */
function runCurl(o: CurlOptions, from: string, env: CommandEnv, command: string): CommandResult {
  const count = o.count ?? 1;
  const sent: Sent[] = [];
  let stderr = '';
  let exitCode: 0 | 1 = 0;
  // A URL curl cannot send is curl's error; a source that does not exist stops before anything is sent.
  const valid = o.urls.filter((url) => parseTarget(url) && urlError(url) === undefined);
  if (valid.length > 0) {
    const source = resolveFrom(env.cluster, from);
    if ('error' in source)
      return source.notFound
        ? fail(`Error from server (NotFound): ${source.error}\n`)
        : usage(source.error, command, env.lang);
  }
  for (const url of o.urls) {
    const r = send(o, url, from, env);
    if ('error' in r) {
      stderr += r.error;
      exitCode = 1;
    } else sent.push(r);
  }
  const traces = sent.flatMap((s) => s.traces);
  if (traces.some((x) => curlExitCode(x, o) !== 0)) exitCode = 1;
  if (env.json) {
    const one = sent.length === 1 && count === 1;
    return {
      exitCode,
      stdout: sent.length === 0 ? '' : json(one ? traces[0] : { results: traces }, env.lang),
      stderr,
      traces,
    };
  }
  if (count > 1) {
    if (sent.length === 0) return { exitCode, stdout: '', stderr };
    const r = summary(sent, o, env, exitCode, from);
    return { ...r, stderr: stderr + r.stderr, traces };
  }
  let stdout = '';
  for (const s of sent) {
    const r = single(s.traces[0]!, s.target, o);
    stdout += r.stdout;
    stderr += r.stderr;
  }
  return { exitCode, stdout, stderr, traces };
}

function single(tr: Trace, target: CurlTarget, o: CurlOptions): { stdout: string; stderr: string } {
  const err: string[] = o.verbose ? verboseLines(tr, target, o) : [];
  let stdout = '';
  const code = curlExitCode(tr, o);
  if (code === 0 && tr.response) {
    const discard = o.output !== undefined;
    if ((o.include || o.head) && !discard) stdout += `${responseLines(tr, o).join('\r\n')}\r\n\r\n`;
    if (!o.head && !discard) stdout += tr.response.body;
  }
  if (o.writeOut) stdout += writeOut(o.writeOut, tr, o);
  const line = curlErrorLine(tr, target, o);
  if (line && (!o.silent || o.showError)) {
    err.push(line);
    if (code === 60) err.push(CA_CERT_ERROR_TEXT.trimEnd());
  }
  return { stdout, stderr: err.length ? `${err.join('\n')}\n` : '' };
}

function summary(
  sent: Sent[],
  o: CurlOptions,
  env: CommandEnv,
  exitCode: 0 | 1,
  from: string,
): CommandResult {
  const err: string[] = [];
  if (o.verbose) for (const s of sent) for (const t of s.traces) err.push(...verboseLines(t, s.target, o));
  const errors = new Map<string, number>();
  for (const s of sent)
    for (const t of s.traces) {
      const line = curlErrorLine(t, s.target, o);
      if (line) errors.set(line, (errors.get(line) ?? 0) + 1);
    }
  if (!o.silent || o.showError) for (const [line, n] of errors) err.push(n > 1 ? `${line} (×${n})` : line);
  const reuse = o.keepalive && o.protocol !== 'HTTP/1.0';
  const how = reuse ? 'one keep-alive connection' : 'a new connection per request';
  const experiments = sent.map((s) => ({
    url: s.url,
    from,
    dist: distribution(s.traces, env.cluster),
    footer: `${s.traces.length} requests from ${from} to ${s.url} over ${how}`,
  }));
  let stdout = distributionText(experiments, env.lang);
  if (o.writeOut) for (const s of sent) stdout += s.traces.map((t) => writeOut(o.writeOut!, t, o)).join('');
  return {
    exitCode,
    stdout,
    stderr: err.length ? `${err.join('\n')}\n` : '',
    distributions: experiments.map(({ url, from: f, dist }) => ({ url, from: f, ...dist })),
  };
}

/**
 * Top-level `curl --from SRC [flags] URL`.
 *
 * @example curlCommand(['--from', 'external', '-s', 'http://198.51.100.1/'], env).exitCode // 0
 */
export const curlCommand: CommandHandler = (args, env) => {
  const parsed = parseCurlArgs(args);
  if ('error' in parsed) return usage(parsed.error, 'curl', env.lang);
  const from = parsed.options.from ?? 'external';
  return runCurl(parsed.options, from, env, 'curl');
};

/**
 * `exec POD -- curl [flags] URL`: the request leaves from the pod.
 *
 * @example execCurl(['-s', 'http://web/'], env, pod).stdout // "You've hit web-0\n…"
 */
export const execCurl: PodCommandHandler = (args, env, pod: Pod) => {
  const parsed = parseCurlArgs(args);
  if ('error' in parsed) return usage(parsed.error, 'exec', env.lang);
  return runCurl(parsed.options, `pod/${nsName(pod)}`, env, 'exec');
};
