/**
 * The kube-apiserver on the control-plane node: it listens on every address of that node on 6443 (what
 * `default/kubernetes` points at) and speaks only TLS. What a pod gets from `curl https://kubernetes/`
 * without credentials, as a kubeadm cluster answers it (anonymous auth on, RBAC):
 * - curl does not trust the cluster's CA unless told (`--cacert …/serviceaccount/ca.crt`): exit 60;
 * - with `-k`: the request is `system:anonymous`, which RBAC's `system:public-info-viewer` lets read
 *   only /healthz, /livez, /readyz and /version; everything else is 403 Forbidden, as a Status object;
 * - a bearer token svclab cannot verify (it issues none): 401 Unauthorized;
 * - plain HTTP on the TLS port: Go's TLS server answers 400 "Client sent an HTTP request to an HTTPS server."
 *
 * @example
 * apiServerAnswer(cluster, node, packet, request)?.response?.status; // 403
 */
import type { NodeInfo } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import { msg, type Msg } from '../messages';
import type { Packet } from '../net/packet';
import type { HttpResponse } from '../trace';
import { parseTarget, type Request } from './request';

export const API_SERVER_PORT = 6443;

export interface ApiServerAnswer {
  response: HttpResponse | null;
  clientError?: { curlExitCode: number; message: string };
  note: Msg;
}

/** True when `node`'s address is the API server's endpoint (kubeadm: the control-plane node). */
export function runsApiServer(cluster: ClusterState, node: NodeInfo): boolean {
  const ep = cluster.endpoints.find(
    (e) => e.metadata.namespace === 'default' && e.metadata.name === 'kubernetes',
  );
  return (ep?.subsets ?? []).some(
    (s) =>
      (s.addresses ?? []).some((a) => a.ip === node.ip) &&
      (s.ports ?? []).some((p) => p.port === API_SERVER_PORT && (p.protocol ?? 'TCP') === 'TCP'),
  );
}

const JSON_HEADERS = {
  'Cache-Control': 'no-cache, private',
  'Content-Type': 'application/json',
  'X-Content-Type-Options': 'nosniff',
};

/** A metav1.Status as the API server prints it for curl (indented JSON). */
function status(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, string>,
): HttpResponse {
  const body = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
  return { status: code, body: `${JSON.stringify(body, null, 2)}\n`, headers: { ...JSON_HEADERS } };
}

const VERBS: Record<string, [collection: string, item: string]> = {
  GET: ['list', 'get'],
  HEAD: ['list', 'get'],
  POST: ['create', 'create'],
  PUT: ['update', 'update'],
  PATCH: ['patch', 'patch'],
  DELETE: ['deletecollection', 'delete'],
};

/** RBAC's Forbidden for the anonymous user, in the API server's words (request info from the path). */
function forbidden(method: string, path: string): HttpResponse {
  const user = 'User "system:anonymous"';
  const m =
    /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?\/?$/.exec(path);
  const verbs = VERBS[method.toUpperCase()];
  if (!m || !verbs || (m[4] && !m[5])) {
    return status(403, 'Forbidden', `forbidden: ${user} cannot ${method.toLowerCase()} path "${path}"`, {});
  }
  const [, , group = '', , ns, resource, name] = m;
  const verb = name ? verbs[1] : verbs[0];
  const scope = ns ? `in the namespace "${ns}"` : 'at the cluster scope';
  const subject = name ? `${resource} "${name}"` : resource!;
  return status(
    403,
    'Forbidden',
    `${subject} is forbidden: ${user} cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
    name ? { name, kind: resource! } : { kind: resource! },
  );
}

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/** What the anonymous user may read (system:public-info-viewer). */
function publicInfo(path: string): HttpResponse | undefined {
  if (HEALTH.has(path))
    return {
      status: 200,
      body: 'ok',
      headers: {
        'Cache-Control': 'no-cache, private',
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      },
    };
  if (path === '/version') {
    // The build fields (gitCommit, buildDate, goVersion) depend on the binary; svclab names only the release.
    const v = {
      major: '1',
      minor: '36',
      gitVersion: 'v1.36.0',
      gitTreeState: 'clean',
      compiler: 'gc',
      platform: 'linux/amd64',
    };
    return { status: 200, body: `${JSON.stringify(v, null, 2)}\n`, headers: { ...JSON_HEADERS } };
  }
  return undefined;
}

/**
 * The API server's answer to a TCP connection on `node`:6443, or undefined when it does not run there.
 *
 * @example apiServerAnswer(cluster, node, { ...p, dstPort: 6443 }, req)?.note.id; // "apiserver.answers"
 */
export function apiServerAnswer(
  cluster: ClusterState,
  node: NodeInfo,
  p: Packet,
  req: Request,
): ApiServerAnswer | undefined {
  if (p.protocol !== 'TCP' || p.dstPort !== API_SERVER_PORT || !runsApiServer(cluster, node))
    return undefined;
  const target = parseTarget(req.target);
  const rawPath = target?.path ?? '/';
  const path = rawPath.split('?')[0] || '/';
  if (target?.scheme !== 'https') {
    const body = 'Client sent an HTTP request to an HTTPS server.\n';
    return {
      response: { status: 400, body, headers: {} },
      note: msg('apiserver.plainHttp', { node: node.name }),
    };
  }
  if (!req.insecure)
    return {
      response: null,
      clientError: {
        curlExitCode: 60,
        message: 'curl: (60) SSL certificate problem: unable to get local issuer certificate',
      },
      note: msg('apiserver.untrusted', { node: node.name }),
    };
  const auth = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  if (auth !== undefined && /^bearer\s/i.test(auth.trim()))
    return {
      response: status(401, 'Unauthorized', 'Unauthorized'),
      note: msg('apiserver.token', { node: node.name }),
    };
  const open =
    req.method.toUpperCase() === 'GET' || req.method.toUpperCase() === 'HEAD' ? publicInfo(path) : undefined;
  return {
    response: open ?? forbidden(req.method, path),
    note: msg('apiserver.anonymous', { node: node.name, path, allowed: open !== undefined }),
  };
}
