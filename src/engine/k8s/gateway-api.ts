/**
 * The Gateway API objects (gateway.networking.k8s.io/v1, standard channel) as the API server stores
 * them after the CRD defaults: the fields svclab reads. Everything else stays in the objects as JSON.
 *
 * @example
 * const gw: Gateway = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway',
 *   metadata: { name: 'eg', namespace: 'default' },
 *   spec: { gatewayClassName: 'eg', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] } };
 */
import type { KubeObject } from './objects';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export interface Condition {
  type: string; // "Accepted"
  status: 'True' | 'False' | 'Unknown';
  reason: string; // "Accepted"
  message: string;
  observedGeneration?: number; // 1
  lastTransitionTime: string; // "2026-01-01T00:00:00Z"
}

export interface GatewayClass extends KubeObject {
  kind: 'GatewayClass';
  spec: { controllerName: string; description?: string; parametersRef?: Record<string, unknown> };
  status?: { conditions?: Condition[] };
}

export interface RouteGroupKind {
  group?: string; // "gateway.networking.k8s.io"
  kind: string; // "HTTPRoute"
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface SecretObjectReference {
  group?: string; // ""
  kind?: string; // "Secret"
  name: string;
  namespace?: string;
}

export interface Listener {
  name: string; // "http"
  hostname?: string; // "*.example.com"
  port: number; // 80
  protocol: string; // "HTTP" | "HTTPS" | "TLS" | "TCP" | "UDP"
  tls?: { mode?: 'Terminate' | 'Passthrough'; certificateRefs?: SecretObjectReference[] };
  allowedRoutes?: {
    namespaces?: { from?: 'All' | 'Same' | 'Selector'; selector?: LabelSelector };
    kinds?: RouteGroupKind[];
  };
}

export interface ListenerStatus {
  name: string;
  supportedKinds: RouteGroupKind[];
  attachedRoutes: number;
  conditions: Condition[];
}

export interface GatewayStatusAddress {
  type?: string; // "IPAddress"
  value: string; // "198.51.100.1"
}

export interface Gateway extends KubeObject {
  kind: 'Gateway';
  spec: {
    gatewayClassName: string; // "eg"
    listeners: Listener[];
    addresses?: { type?: string; value?: string }[];
  };
  status?: { addresses?: GatewayStatusAddress[]; conditions?: Condition[]; listeners?: ListenerStatus[] };
}

export interface ParentReference {
  group?: string; // "gateway.networking.k8s.io" (defaulted)
  kind?: string; // "Gateway" (defaulted)
  namespace?: string;
  name: string; // "eg"
  sectionName?: string; // "http"
  port?: number; // 80
}

export interface HTTPHeader {
  name: string;
  value: string;
}

export interface HeaderModifier {
  set?: HTTPHeader[];
  add?: HTTPHeader[];
  remove?: string[];
}

export interface PathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  replaceFullPath?: string;
  replacePrefixMatch?: string;
}

export interface BackendObjectReference {
  group?: string; // "" (core)
  kind?: string; // "Service"
  name: string;
  namespace?: string;
  port?: number;
}

export interface HTTPRouteFilter {
  type: string; // "RequestHeaderModifier" | "ResponseHeaderModifier" | "RequestRedirect" | "URLRewrite" | "RequestMirror" | "ExtensionRef" | "CORS"
  requestHeaderModifier?: HeaderModifier;
  responseHeaderModifier?: HeaderModifier;
  requestRedirect?: {
    scheme?: 'http' | 'https';
    hostname?: string;
    path?: PathModifier;
    port?: number;
    statusCode?: number; // 302 (defaulted)
  };
  urlRewrite?: { hostname?: string; path?: PathModifier };
  requestMirror?: {
    backendRef: BackendObjectReference;
    percent?: number;
    fraction?: { numerator: number; denominator?: number };
  };
  extensionRef?: { group: string; kind: string; name: string };
}

export interface HTTPRouteMatch {
  path?: { type?: 'Exact' | 'PathPrefix' | 'RegularExpression'; value?: string };
  headers?: { type?: 'Exact' | 'RegularExpression'; name: string; value: string }[];
  queryParams?: { type?: 'Exact' | 'RegularExpression'; name: string; value: string }[];
  method?: string; // "GET"
}

export interface BackendRef extends BackendObjectReference {
  weight?: number; // 1 (defaulted)
  filters?: HTTPRouteFilter[];
}

export interface HTTPRouteRule {
  name?: string;
  matches?: HTTPRouteMatch[];
  filters?: HTTPRouteFilter[];
  backendRefs?: BackendRef[];
}

export interface RouteParentStatus {
  parentRef: ParentReference;
  controllerName: string; // "gateway.envoyproxy.io/gatewayclass-controller"
  conditions: Condition[];
}

export interface HTTPRoute extends KubeObject {
  kind: 'HTTPRoute';
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: HTTPRouteRule[] };
  status?: { parents: RouteParentStatus[] };
}

export interface GRPCRouteMatch {
  method?: { type?: 'Exact' | 'RegularExpression'; service?: string; method?: string };
  headers?: { type?: 'Exact' | 'RegularExpression'; name: string; value: string }[];
}

export interface GRPCRouteRule {
  name?: string;
  matches?: GRPCRouteMatch[];
  filters?: HTTPRouteFilter[];
  backendRefs?: BackendRef[];
}

export interface GRPCRoute extends KubeObject {
  kind: 'GRPCRoute';
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: GRPCRouteRule[] };
  status?: { parents: RouteParentStatus[] };
}

export type Route = HTTPRoute | GRPCRoute;

export interface ReferenceGrant extends KubeObject {
  kind: 'ReferenceGrant';
  spec: {
    from: { group: string; kind: string; namespace: string }[];
    to: { group: string; kind: string; name?: string }[];
  };
}
