/**
 * `grpcurl --from SRC -plaintext [-d DATA] [-H 'k: v'] [-authority A] ADDR SERVICE/METHOD` and
 * `exec POD -- grpcurl …`: a gRPC call as grpcurl v1.9.3 (grpc-go 1.61.0) makes it, through the simulated
 * data path. grpcurl has no .proto files here, so it does what it does without them: it first asks the
 * server's reflection service (grpc.reflection.v1, then v1alpha when v1 is UNIMPLEMENTED) for the service,
 * over the same path as the call (through a Gateway, the reflection call must be routed too: the Gateway
 * API's own gRPC guide routes `grpc.reflection.v1.ServerReflection` for this), then sends the call.
 * What each answer means to grpc-go (internal/transport/http2_client.go operateHeaders): an HTTP status
 * other than 200 or a content-type other than application/grpc is a failed call (404 UNIMPLEMENTED,
 * 503 UNAVAILABLE, 200 with text/plain UNKNOWN: "transport: received unexpected content-type"), else
 * grpc-status and grpc-message. Output as grpcurl prints it: the response message as JSON on stdout
 * (exit 0); `ERROR:\n  Code: …\n  Message: …` on stderr and exit 64 + the code; its "Failed to dial
 * target host" and "Error invoking method" lines and exit 1. `-o json` prints the call's Trace.
 * Listing services (`grpcurl ADDR list`, `describe`) is not simulated: svclab knows the services of one
 * server only (the Gateway API conformance echo server, simulate/grpc-app.ts).
 *
 * @example
 * grpcurlCommand(['-plaintext', '198.51.100.1:80', 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo'], env).exitCode; // 0
 */
import { nsName } from '../cluster/cluster-index';
import { GRPC_CODES, isGrpcContentType } from '../gateway/grpc-status';
import type { Pod } from '../k8s/objects';
import { msg } from '../messages';
import { splitEndpoint } from '../net/packet';
import { request, resolveFrom } from '../simulate/request';
import { simulate } from '../simulate/simulate';
import type { HttpResponse, Trace } from '../trace';
import { grpcurlUsage, metadataPairs, parseGrpcurlArgs, type GrpcurlOptions } from './grpcurl-args';
import { fail, json, usage, type CommandEnv, type CommandHandler, type CommandResult } from './types';
import type { PodCommandHandler } from './types';

/** grpcurl's user agent: its release tag, then grpc-go's. */
export const GRPCURL_USER_AGENT = 'grpcurl/v1.9.3 grpc-go/1.61.0';

/** grpc-go's HTTPStatusConvTab: the code of a call whose answer was not gRPC. */
const HTTP_TO_CODE: Record<number, number> = {
  400: 13,
  401: 16,
  403: 7,
  404: 12,
  429: 14,
  502: 14,
  503: 14,
  504: 14,
};

/** Go's http.StatusText, for the statuses a simulated proxy or app answers. */
const GO_STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

interface GrpcStatus {
  code: number;
  message: string;
}

/**
 * The gRPC status grpc-go makes of an answer.
 *
 * @example grpcStatusOf({ status: 404, body: '' }); // { code: 12, message: "unexpected HTTP status code received from server: 404 (Not Found); malformed header: missing HTTP content-type" }
 */
export function grpcStatusOf(r: HttpResponse): GrpcStatus {
  const h = new Map(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const contentType = h.get('content-type');
  const grpc = isGrpcContentType(contentType);
  if (r.status !== 200 || !grpc) {
    const errs: string[] = [];
    if (r.status !== 200)
      errs.push(
        `unexpected HTTP status code received from server: ${r.status} (${GO_STATUS_TEXT[r.status] ?? ''})`,
      );
    if (!grpc)
      errs.push(
        contentType === undefined
          ? 'malformed header: missing HTTP content-type'
          : `transport: received unexpected content-type "${contentType}"`,
      );
    return { code: r.status === 200 ? 2 : (HTTP_TO_CODE[r.status] ?? 2), message: errs.join('; ') };
  }
  const code = Number(h.get('grpc-status') ?? '2');
  return { code: Number.isInteger(code) ? code : 2, message: h.get('grpc-message') ?? '' };
}

const codeName = (code: number): string => GRPC_CODES[code] ?? `Code(${code})`;

/** grpcurl's parseSymbol: "svc/method", else the last dot splits "svc.method". */
function parseSymbol(symbol: string): { service: string; method: string } {
  const slash = symbol.lastIndexOf('/');
  if (slash >= 0) return { service: symbol.slice(0, slash), method: symbol.slice(slash + 1) };
  const dot = symbol.lastIndexOf('.');
  return dot < 0
    ? { service: '', method: '' }
    : { service: symbol.slice(0, dot), method: symbol.slice(dot + 1) };
}

/** The dial error grpcurl prints when the connection fails (the Go net error its dialer captured). */
function dialError(t: Trace, address: string): string {
  const first = t.hops.find((h) => h.phase !== 'dns' && h.stage === 'client' && h.direction !== 'reply');
  const dst = first ? splitEndpoint(first.packet.dst) : undefined;
  const at = dst ? `${dst.ip.includes(':') ? `[${dst.ip}]` : dst.ip}:${dst.port}` : address;
  const why =
    t.outcome === 'refused' || t.outcome === 'rejected'
      ? `dial tcp ${at}: connect: connection refused`
      : t.outcome === 'unreachable' && dst
        ? `dial tcp ${at}: connect: no route to host`
        : // a lost SYN, or a name that does not resolve (grpc-go keeps resolving): the dial's deadline passes
          'context deadline exceeded';
  return `Failed to dial target host "${address}": ${why}\n`;
}

/** The services and methods a reflection answer lists (grpc-app.ts answers with the server's registry). */
function reflected(body: string): Map<string, string[]> {
  try {
    const parsed = JSON.parse(body) as { services?: Record<string, string[]> };
    return new Map(Object.entries(parsed.services ?? {}));
  } catch {
    return new Map();
  }
}

interface Sent {
  traces: Trace[];
  result: Omit<CommandResult, 'traces'>;
}

function call(o: GrpcurlOptions, from: string, env: CommandEnv): Sent {
  const traces: Trace[] = [];
  const hostPort = /:\d+$/.test(o.address) ? o.address : `${o.address}:443`; // grpc-go's default port
  const base = {
    Host: o.authority ?? hostPort,
    'content-type': 'application/grpc',
    'user-agent': GRPCURL_USER_AGENT,
    te: 'trailers',
  };
  const send = (path: string, extra: readonly string[]): Trace => {
    const headers: Record<string, string> = { ...base };
    for (const [k, v] of metadataPairs([...o.headers, ...extra]))
      headers[k] = headers[k] !== undefined && k !== 'host' ? `${headers[k]}, ${v}` : v;
    const t = simulate(
      env.cluster,
      env.world,
      request({
        from,
        target: `http://${hostPort}${path}`,
        protocol: 'HTTP/2',
        method: 'POST',
        headers,
        grpc: true,
        timeoutSeconds: o.connectTimeout ?? o.maxTime ?? 10,
      }),
    );
    traces.push(t);
    return t;
  };
  const done = (stdout: string, stderr: string, exitCode: number): Sent => ({
    traces,
    result: { stdout, stderr, exitCode: exitCode as CommandResult['exitCode'] },
  });
  const { service, method } = parseSymbol(o.symbol);
  const invoking = `Error invoking method "${o.symbol}"`;
  if (service === '' || method === '')
    return done(
      '',
      `${invoking}: given method name "${o.symbol}" is not in expected format: 'service/method' or 'service.method'\n`,
      1,
    );
  // The reflection client: v1 first, v1alpha when the server (or a proxy) says UNIMPLEMENTED.
  let services: Map<string, string[]> | undefined;
  for (const version of ['v1', 'v1alpha']) {
    const t = send(`/grpc.reflection.${version}.ServerReflection/ServerReflectionInfo`, o.reflectHeaders);
    if (t.outcome !== 'delivered' || !t.response) return done('', dialError(t, hostPort), 1);
    const s = grpcStatusOf(t.response);
    if (s.code === 12) continue;
    if (s.code !== 0)
      return done(
        '',
        `${invoking}: rpc error: code = ${codeName(s.code)} desc = failed to query for service descriptor "${service}": ${s.message}\n`,
        1,
      );
    services = reflected(t.response.body);
    break;
  }
  if (!services)
    return done(
      '',
      `${invoking}: failed to query for service descriptor "${service}": server does not support the reflection API\n`,
      1,
    );
  const methods = services.get(service);
  if (!methods) return done('', `${invoking}: target server does not expose service "${service}"\n`, 1);
  if (!methods.includes(method))
    return done('', `${invoking}: service "${service}" does not include a method named "${method}"\n`, 1);
  const field = Object.keys(parseData(o.data ?? '') ?? {})[0];
  if (field !== undefined)
    return done(
      '',
      `${invoking}: error getting request data: message type gateway_api_conformance.echo_basic.grpcecho.EchoRequest has no known field named ${field}\n`,
      1,
    );
  const t = send(`/${service}/${method}`, o.rpcHeaders);
  if (t.outcome !== 'delivered' || !t.response) return done('', dialError(t, hostPort), 1);
  const s = grpcStatusOf(t.response);
  if (s.code !== 0)
    return done('', `ERROR:\n  Code: ${codeName(s.code)}\n  Message: ${s.message}\n`, 64 + s.code);
  let out = t.response.body;
  try {
    out = JSON.stringify(JSON.parse(t.response.body), null, 2);
  } catch {
    // an answer svclab cannot print as JSON is printed as it came
  }
  return done(`${out}\n`, '', 0);
}

function parseData(data: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(data);
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function run(args: string[], env: CommandEnv, from: string | undefined, command: string): CommandResult {
  const parsed = parseGrpcurlArgs(args);
  if ('error' in parsed) return { exitCode: 2, stdout: '', stderr: grpcurlUsage(parsed.error) };
  if ('svclab' in parsed) return usage(parsed.svclab, command, env.lang);
  const o = parsed.options;
  if (o.data !== undefined && o.data.trim() !== '' && parseData(o.data) === undefined)
    return usage(msg('usage.grpcurlData', { data: o.data }), command, env.lang);
  if (/^grpc\.reflection\./.test(o.symbol))
    return usage(msg('usage.grpcurlReflectionVerb', {}), command, env.lang);
  if (from !== undefined && o.from !== undefined)
    return usage(msg('usage.grpcurlFromInExec', {}), command, env.lang);
  const source = from ?? o.from ?? 'external';
  const place = resolveFrom(env.cluster, source);
  if ('error' in place)
    return place.notFound
      ? fail(`Error from server (NotFound): ${place.error}\n`)
      : usage(place.error, command, env.lang);
  const { traces, result } = call(o, source, env);
  if (env.json) {
    const last = traces[traces.length - 1];
    return { ...result, stdout: last ? json(last, env.lang) : '', traces };
  }
  return { ...result, traces };
}

/**
 * Top-level `grpcurl [--from SRC] -plaintext ADDR SERVICE/METHOD`.
 *
 * @example grpcurlCommand(['-plaintext', 'web:80', 'x.Y/Z'], env).exitCode; // 1 (a plain HTTP app has no reflection)
 */
export const grpcurlCommand: CommandHandler = (args, env) => run(args, env, undefined, 'grpcurl');

/**
 * `exec POD -- grpcurl -plaintext ADDR SERVICE/METHOD`: the call leaves from the pod.
 *
 * @example execGrpcurl(['-plaintext', 'echo:8080', 'x.Y/Z'], env, pod).stderr;
 */
export const execGrpcurl: PodCommandHandler = (args, env, pod: Pod) =>
  run(args, env, `pod/${nsName(pod)}`, 'exec');
