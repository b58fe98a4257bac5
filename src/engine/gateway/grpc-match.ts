/**
 * A GRPCRoute match as Envoy Gateway writes it into Envoy's route table (internal/gatewayapi/route.go
 * processGRPCRouteRule, processGRPCRouteMethodExact, processGRPCRouteMethodRegularExpression). gRPC
 * calls are HTTP/2 POSTs to `/<service>/<method>`, so a method match becomes a path match:
 *
 * - Exact service and method: the path `/service/method` exactly;
 * - Exact service only: a path prefix `/service` (whole segments, as for an HTTPRoute PathPrefix);
 * - Exact method only: a `:path` header match with the suffix `/method` (Envoy's path match has no suffix);
 * - RegularExpression: a path regex `/service/method`, a missing half replaced by the pattern of a
 *   valid service (`(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*`) or method name (`[A-Za-z_][A-Za-z_0-9]*`).
 *
 * Header matches stay header matches. A rule without matches matches every request. The result is
 * sorted with the HTTPRoutes' entries of the same virtual host (http-match.ts): GRPCRoute and
 * HTTPRoute rules share one Envoy route table.
 *
 * @example
 * grpcEnvoyMatch({ method: { service: 'echo.Echo', method: 'Ping' } }).path; // { type: "Exact", value: "/echo.Echo/Ping" }
 */
import type { GRPCRouteMatch, HTTPRouteMatch } from '../k8s/gateway-api';

/** A match as Envoy holds it: an HTTPRoute match, plus the `:path` suffix a method-only gRPC match needs. */
export type EnvoyMatch = HTTPRouteMatch & { pathSuffix?: string };

const VALID_SERVICE = String.raw`(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*`;
const VALID_METHOD = '[A-Za-z_][A-Za-z_0-9]*';

/**
 * The Envoy match of one GRPCRoute match.
 *
 * @example
 * grpcEnvoyMatch({ method: { method: 'Echo' } }).pathSuffix; // "/Echo"
 */
export function grpcEnvoyMatch(m: GRPCRouteMatch): EnvoyMatch {
  const out: EnvoyMatch = {};
  if (m.headers && m.headers.length > 0)
    out.headers = m.headers.map((h) => ({ type: h.type ?? 'Exact', name: h.name, value: h.value }));
  const method = m.method;
  if (!method) return out;
  const { service, method: name } = method;
  if ((method.type ?? 'Exact') === 'Exact') {
    if (service !== undefined && name !== undefined)
      out.path = { type: 'Exact', value: `/${service}/${name}` };
    else if (name !== undefined) out.pathSuffix = `/${name}`;
    else if (service !== undefined) out.path = { type: 'PathPrefix', value: `/${service}` };
    return out;
  }
  if (service !== undefined || name !== undefined)
    out.path = {
      type: 'RegularExpression',
      value: `/${service ?? VALID_SERVICE}/${name ?? VALID_METHOD}`,
    };
  return out;
}

/**
 * A GRPCRoute match as a line a student reads beside the YAML.
 *
 * @example
 * describeGrpcMatch({ method: { service: 'echo.Echo', method: 'Ping' }, headers: [{ name: 'version', value: 'two' }] });
 * // "method echo.Echo/Ping, header version=two"
 * describeGrpcMatch(undefined); // "method *" (a rule without matches takes every call)
 */
export function describeGrpcMatch(m: GRPCRouteMatch | undefined): string {
  const parts: string[] = [];
  const method = m?.method;
  if (method) {
    const regex = (method.type ?? 'Exact') === 'RegularExpression';
    parts.push(`method${regex ? '~' : ' '}${method.service ?? '*'}/${method.method ?? '*'}`);
  }
  for (const h of m?.headers ?? [])
    parts.push(`header ${h.name}${(h.type ?? 'Exact') === 'Exact' ? '=' : '~'}${h.value}`);
  return parts.length > 0 ? parts.join(', ') : 'method *';
}
