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
import { clusterIndex, nsName } from '../cluster/cluster-index';
import type { Pod } from '../k8s/objects';
import { parseTarget, request, resolveFrom } from '../simulate/request';
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
import { CA_CERT_ERROR_TEXT } from './curl-tls';
import {
  curlErrorLine,
  curlExitCode,
  distributionTable,
  responseLines,
  verboseLines,
  writeOut,
  type CurlTarget,
} from './curl-output';

function runCurl(o: CurlOptions, from: string, env: CommandEnv, command: string): CommandResult {
  const t = parseTarget(o.url);
  const bad = urlError(o.url);
  if (!t || bad !== undefined)
    return {
      exitCode: 1,
      stdout: '',
      stderr: `${bad ?? 'curl: (3) URL rejected: Malformed input to a URL function'}\n`,
    };
  const target: CurlTarget = {
    host: t.host,
    port: t.port ?? (t.scheme === 'https' ? 443 : 80),
    path: t.path,
    scheme: t.scheme === 'https' ? 'https' : 'http',
  };
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const count = o.count ?? 1;
  const timeout = o.connectTimeout ?? o.maxTime;
  const req = request({
    from,
    target: o.url,
    protocol: o.protocol,
    method,
    headers: o.headers,
    count,
    keepalive: o.keepalive,
    insecure: o.insecure,
    alpn: o.alpn,
    interval: o.interval,
    ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
    ...(o.ipFamily ? { ipFamily: o.ipFamily } : {}),
  });
  const source = resolveFrom(env.cluster, from);
  if ('error' in source)
    return source.notFound
      ? fail(`Error from server (NotFound): ${source.error}\n`)
      : usage(source.error, command, env.lang);
  const traces = simulateMany(env.cluster, env.world, req);
  const failed = traces.filter((x) => curlExitCode(x, o) !== 0);
  const exitCode = failed.length > 0 ? 1 : 0;
  if (env.json)
    return {
      exitCode,
      stdout: json(count > 1 ? { results: traces } : traces[0], env.lang),
      stderr: '',
      traces,
    };
  if (count > 1) return { ...summary(traces, target, o, env, exitCode, from), traces };
  return { ...single(traces[0]!, target, o, exitCode), traces };
}

function single(tr: Trace, target: CurlTarget, o: CurlOptions, exitCode: 0 | 1): CommandResult {
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
  return { exitCode, stdout, stderr: err.length ? `${err.join('\n')}\n` : '' };
}

function summary(
  traces: Trace[],
  target: CurlTarget,
  o: CurlOptions,
  env: CommandEnv,
  exitCode: 0 | 1,
  from: string,
): CommandResult {
  const nodeOf = (pod: string): string => clusterIndex(env.cluster).findPod(pod)?.spec.nodeName ?? '-';
  const err: string[] = [];
  if (o.verbose) for (const t of traces) err.push(...verboseLines(t, target, o));
  const errors = new Map<string, number>();
  for (const t of traces) {
    const line = curlErrorLine(t, target, o);
    if (line) errors.set(line, (errors.get(line) ?? 0) + 1);
  }
  if (!o.silent || o.showError) for (const [line, n] of errors) err.push(n > 1 ? `${line} (×${n})` : line);
  const reuse = o.keepalive && o.protocol !== 'HTTP/1.0';
  const how = reuse ? 'one keep-alive connection' : 'a new connection per request';
  let stdout = `${distributionTable(traces, nodeOf)}\n`;
  stdout += `${traces.length} requests from ${from} to ${o.url} over ${how}\n`;
  if (o.writeOut) stdout += traces.map((t) => writeOut(o.writeOut!, t, o)).join('');
  return { exitCode, stdout, stderr: err.length ? `${err.join('\n')}\n` : '' };
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
