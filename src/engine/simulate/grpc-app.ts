/**
 * What a pod answers to a gRPC call. svclab knows one gRPC server: the Gateway API conformance echo
 * server (kubernetes-sigs/gateway-api-conformance-images echo-basic, run with GRPC_ECHO_SERVER set;
 * echo-basic/grpc/grpc.go): on HTTP_PORT (default 3000) a grpc-go server with the service
 * `gateway_api_conformance.echo_basic.grpcecho.GrpcEcho` (Echo and EchoTwo answer an EchoResponse whose
 * assertions name the method, the metadata the server received, the :authority and the pod's context
 * from NAMESPACE, INGRESS_NAME, SERVICE_NAME and POD_NAME; EchoThree is left unimplemented) and the
 * reflection services (`reflection.Register`: grpc.reflection.v1 and v1alpha). grpc-go answers an
 * unknown service or method with UNIMPLEMENTED ("unknown service X", "unknown method M for service X").
 * Every other app svclab simulates speaks plain HTTP: it answers a gRPC call with its text/plain page,
 * which a gRPC client refuses (grpc-go: "received unexpected content-type").
 *
 * @example
 * grpcAppResponse(cluster, pod, 3000, { path: '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo', host: 'gw:80', headers: {} })?.headers?.['grpc-status']; // "0"
 */
import type { ClusterState } from '../cluster/state';
import { imageRepository } from '../cluster/image-ports';
import { podEnvironment } from '../discovery/env-vars';
import type { Container, Pod } from '../k8s/objects';
import type { HttpResponse } from '../trace';
import { appResponse } from './app';
import { parseTarget, type Request } from './request';

export const ECHO_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
const REFLECTION = ['grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection'];

/** The gRPC request as the server receives it. */
export interface GrpcCall {
  path: string; // "/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo"
  host: string; // the :authority: "198.51.100.1:80"
  headers: Record<string, string | string[]>;
}

/** A gRPC server a pod runs: the services it registered, and how it answers. */
export interface GrpcServer {
  /** Each registered service with its methods (the .proto's, implemented or not). */
  services: Record<string, string[]>;
  container: Container;
}

function literalEnv(c: Container, name: string): string | undefined {
  const e = (c.env ?? []).find((x) => x && x.name === name);
  return typeof e?.value === 'string' ? e.value : undefined;
}

/**
 * The gRPC server listening on `port` in the pod, if svclab knows one there.
 *
 * @example Object.keys(grpcServerOf(pod, 3000)?.services ?? {})[0]; // "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho"
 */
export function grpcServerOf(pod: Pod, port: number): GrpcServer | undefined {
  for (const c of pod.spec.containers ?? []) {
    if (typeof c.image !== 'string' || !imageRepository(c.image).endsWith('echo-basic')) continue;
    if (c.command?.length) continue; // another program than the echo server
    if ((literalEnv(c, 'GRPC_ECHO_SERVER') ?? '') === '') continue;
    const httpPort = Number(literalEnv(c, 'HTTP_PORT') ?? '3000');
    if (httpPort === port)
      return {
        services: {
          [ECHO_SERVICE]: ['Echo', 'EchoTwo', 'EchoThree'],
          ...Object.fromEntries(REFLECTION.map((r) => [r, ['ServerReflectionInfo']])),
        },
        container: c,
      };
  }
  return undefined;
}

const status = (code: number, message: string, body = ''): HttpResponse => ({
  status: 200,
  body,
  headers: {
    'content-type': 'application/grpc',
    'grpc-status': String(code),
    ...(message !== '' ? { 'grpc-message': message } : {}),
  },
});

/**
 * The metadata grpc-go hands the handler (http2_server operateHeaders): every header but the reserved
 * ones (te, grpc-timeout, grpc-encoding, …) and pseudo-headers, with :authority and user-agent kept;
 * names are lower case (HTTP/2). Sorted by name: the server ranges over a Go map, whose order changes
 * from call to call.
 */
function metadataOf(call: GrpcCall): { key: string; value: string }[] {
  const reserved = new Set(['te', 'grpc-timeout', 'grpc-encoding', 'grpc-message', 'grpc-status', 'host']);
  const out: { key: string; value: string }[] = [{ key: ':authority', value: call.host }];
  for (const [k, v] of Object.entries(call.headers)) {
    const key = k.toLowerCase();
    if (reserved.has(key) || key.startsWith(':')) continue;
    for (const value of Array.isArray(v) ? v : [v]) out.push({ key, value });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The pod's answer to a gRPC call on `port`: the echo server's, or the plain HTTP app's page (undefined:
 * the caller answers with the HTTP app).
 *
 * @example grpcAppResponse(cluster, webPod, 8080, call); // undefined (a plain HTTP app)
 */
export function grpcAppResponse(
  cluster: ClusterState,
  pod: Pod,
  port: number,
  call: GrpcCall,
): HttpResponse | undefined {
  const server = grpcServerOf(pod, port);
  if (!server) return undefined;
  // grpc-go handleStream: "/service/method", split at the last slash.
  const full = call.path.startsWith('/') ? call.path.slice(1) : call.path;
  const at = full.lastIndexOf('/');
  if (at < 0) return status(12, `malformed method name: "${call.path}"`);
  const service = full.slice(0, at);
  const method = full.slice(at + 1);
  if (!(service in server.services)) return status(12, `unknown service ${service}`);
  if (REFLECTION.includes(service)) {
    if (method !== 'ServerReflectionInfo')
      return status(12, `unknown method ${method} for service ${service}`);
    // The reflection stream answers from the server's registered services and their descriptors: what
    // grpcurl asks it (the service's file, whose methods it then looks the call's method up in).
    return status(0, '', JSON.stringify({ services: server.services }));
  }
  if (method === 'EchoThree') return status(12, 'method EchoThree not implemented');
  if (method !== 'Echo' && method !== 'EchoTwo')
    return status(12, `unknown method ${method} for service ${service}`);
  const env = new Map(podEnvironment(cluster, pod, server.container.name).map((v) => [v.name, v.value]));
  const context: Record<string, string> = {};
  // protojson leaves empty strings out.
  for (const [field, name] of [
    ['namespace', 'NAMESPACE'],
    ['ingress', 'INGRESS_NAME'],
    ['serviceName', 'SERVICE_NAME'],
    ['pod', 'POD_NAME'],
  ] as const) {
    const v = env.get(name);
    if (v) context[field] = v;
  }
  const assertions: Record<string, unknown> = {
    fullyQualifiedMethod: `/${ECHO_SERVICE}/${method}`,
    headers: metadataOf(call),
    authority: call.host,
  };
  if (Object.keys(context).length > 0) assertions.context = context;
  return status(0, '', JSON.stringify({ assertions }));
}

/**
 * The answering pod's response to a request: a gRPC call gets the gRPC server's answer when the pod runs
 * one on that port, anything else the plain HTTP app's page.
 *
 * @example podAnswer(cluster, pod, 8080, '10.244.0.5:41234', 'GET').status; // 200
 */
export function podAnswer(
  cluster: ClusterState,
  pod: Pod,
  port: number,
  seen: string,
  method: string,
  call?: GrpcCall,
): HttpResponse {
  return (call && grpcAppResponse(cluster, pod, port, call)) ?? appResponse(pod, seen, method);
}

/**
 * The call a gRPC request (`req.grpc`) makes straight to a pod: the target's path, the headers as sent.
 *
 * @example grpcCallOf(req).path; // "/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo"
 */
export function grpcCallOf(req: Request): GrpcCall {
  const host = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
  return { path: parseTarget(req.target)?.path ?? '/', host, headers: req.headers };
}
