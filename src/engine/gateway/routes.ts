/**
 * How Envoy Gateway attaches an HTTPRoute or GRPCRoute to its parents and checks its rules
 * (internal/gatewayapi/route.go): for each parentRef to a Gateway it manages, the listeners picked by
 * sectionName/port, of those the ones whose allowedRoutes admit the route's kind and namespace, the
 * hostnames the route serves on each, then each rule's filters and backendRefs. The result is the
 * route's `status.parents[]` entry (conditions with Envoy Gateway's reasons and messages) and, for the
 * data path, one entry per rule and match on every listener the route attached to.
 *
 * @example
 * const r = attachRoute(route, gatewaysByKey, ctx);
 * r.parents[0].conditions.find((c) => c.type === 'Accepted')?.reason; // "NotAllowedByListeners"
 */
import type { Namespace } from '../k8s/objects';
import {
  GATEWAY_GROUP,
  type BackendRef,
  type HTTPRouteFilter,
  type ParentReference,
  type Route,
} from '../k8s/gateway-api';
import { resolveBackend, type BackendInputs, type BackendResult } from './backends';
import { hasCondition, setCondition, type CondInit } from './conditions';
import { computeHosts } from './hostnames';
import { allowsKind, allowsNamespace, type ListenerResult } from './listeners';

/** One rule of a route as the data plane uses it. */
export interface RuleResult {
  index: number;
  filters: HTTPRouteFilter[];
  backends: BackendResult[];
  /** The rule answers 500 itself (a filter it cannot apply, or no valid backend with weight). */
  direct500?: 'filter' | 'backends';
}

export interface ParentResult {
  parentRef: ParentReference;
  gatewayKey: string; // "default/eg"
  conditions: CondInit[];
  /** Listener → hostnames the route serves there (only listeners it attached to). */
  attached: { listener: ListenerResult; hosts: string[] }[];
  /** The listeners this parentRef selected, and why each that did not admit the route refused it. */
  refused: { listener: ListenerResult; why: 'kind' | 'namespace' | 'hostname' }[];
  accepted: boolean;
}

export interface RouteResult {
  route: Route;
  parents: ParentResult[];
  rules: RuleResult[];
}

export interface GatewayEntry {
  key: string; // "default/eg"
  listeners: ListenerResult[];
}

export interface RouteContext extends BackendInputs {
  namespaces: readonly Namespace[];
}

/** Error2ConditionMsg: first letter upper-case, a final period. */
function conditionMessage(m: string): string {
  if (m === '') return m;
  const s = m[0]!.toUpperCase() + m.slice(1);
  return s.endsWith('.') ? s : `${s}.`;
}

function namespaceLabels(ctx: RouteContext, ns: string): Record<string, string> | undefined {
  const n = ctx.namespaces.find((x) => x.metadata.name === ns);
  if (!n) return undefined;
  // The API server labels every namespace with its name (NamespaceDefaultLabelName).
  return { ...(n.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns };
}

/** IsRefToGateway: which managed Gateway a parentRef names, if any. */
function gatewayOf(
  ref: ParentReference,
  routeNs: string,
  gateways: ReadonlyMap<string, GatewayEntry>,
): GatewayEntry | undefined {
  if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway')
    return undefined;
  return gateways.get(`${ref.namespace ?? routeNs}/${ref.name}`);
}

/** One error per condition type, as Envoy Gateway's TypedErrorCollector groups them. */
class Errors {
  readonly byType = new Map<string, { reasons: Set<string>; messages: string[] }>();
  add(type: string, reason: string, message: string): void {
    const e = this.byType.get(type) ?? { reasons: new Set<string>(), messages: [] };
    e.reasons.add(reason);
    e.messages.push(conditionMessage(message));
    this.byType.set(type, e);
  }
}

function checkRules(route: Route, ctx: RouteContext, errors: Errors): RuleResult[] {
  const ns = route.metadata.namespace ?? 'default';
  return (route.spec.rules ?? []).map((rule, ruleIdx) => {
    const out: RuleResult = { index: ruleIdx, filters: rule.filters ?? [], backends: [] };
    for (const f of out.filters) {
      if (f.type === 'ExtensionRef') {
        out.direct500 = 'filter';
        errors.add(
          'ResolvedRefs',
          'UnsupportedValue',
          `Reference ${ns}/${f.extensionRef?.name ?? ''} not found for filter type: ${f.extensionRef?.kind ?? ''}`,
        );
      } else if (f.type === 'RequestMirror' && f.requestMirror) {
        const m = resolveBackend(f.requestMirror.backendRef as BackendRef, 0, route.kind, ns, ctx);
        if (m.error) {
          out.direct500 = 'filter';
          errors.add(
            'ResolvedRefs',
            m.error.reason,
            `failed to validate the RequestMirror filter: ${m.error.message}`,
          );
        }
      }
    }
    (rule.backendRefs ?? []).forEach((ref, i) => {
      const b = resolveBackend(ref, i, route.kind, ns, ctx);
      if (b.error)
        errors.add(
          'ResolvedRefs',
          b.error.reason,
          `failed to process route rule ${ruleIdx} backendRef ${i}: ${b.error.message}`,
        );
      out.backends.push(b);
    });
    const valid = out.backends.filter((b) => !b.error && b.weight > 0);
    const redirects = out.filters.some((f) => f.type === 'RequestRedirect');
    if (!out.direct500 && !redirects && valid.length === 0) out.direct500 = 'backends';
    return out;
  });
}

/**
 * Attaches one route to the Gateways it names (those of `gateways`, the ones Envoy Gateway manages),
 * counting it in each listener's attachedRoutes.
 *
 * @example
 * attachRoute(route, gateways, ctx).parents.map((p) => p.accepted); // [true]
 */
export function attachRoute(
  route: Route,
  gateways: ReadonlyMap<string, GatewayEntry>,
  ctx: RouteContext,
): RouteResult {
  const ns = route.metadata.namespace ?? 'default';
  const parents: ParentResult[] = [];
  let rules: RuleResult[] = [];
  const hostnames = route.spec.hostnames ?? [];
  for (const ref of route.spec.parentRefs ?? []) {
    const gw = gatewayOf(ref, ns, gateways);
    if (!gw) continue; // not a Gateway Envoy Gateway controls: it writes nothing for this parent
    const p: ParentResult = {
      parentRef: ref,
      gatewayKey: gw.key,
      conditions: [],
      attached: [],
      refused: [],
      accepted: false,
    };
    parents.push(p);
    const selected = gw.listeners.filter(
      (l) =>
        (ref.sectionName === undefined || ref.sectionName === l.listener.name) &&
        (ref.port === undefined || ref.port === l.listener.port),
    );
    if (selected.length === 0) {
      setCondition(p.conditions, {
        type: 'Accepted',
        status: 'False',
        reason: 'NoMatchingParent',
        message: 'No listeners match this parent ref',
      });
      continue;
    }
    const labels = namespaceLabels(ctx, ns) ?? { 'kubernetes.io/metadata.name': ns };
    const allowed: ListenerResult[] = [];
    for (const l of selected) {
      if (!allowsKind(l, route.kind)) p.refused.push({ listener: l, why: 'kind' });
      else if (!allowsNamespace(l, ns, labels)) p.refused.push({ listener: l, why: 'namespace' });
      else allowed.push(l);
    }
    if (allowed.length === 0) {
      setCondition(p.conditions, {
        type: 'Accepted',
        status: 'False',
        reason: 'NotAllowedByListeners',
        message: 'No listeners included by this parent ref allowed this attachment.',
      });
      continue;
    }
    setCondition(p.conditions, {
      type: 'Accepted',
      status: 'True',
      reason: 'Accepted',
      message: 'Route is accepted',
    });
    const errors = new Errors();
    rules = checkRules(route, ctx, errors);
    for (const [type, e] of errors.byType)
      setCondition(p.conditions, {
        type,
        status: 'False',
        reason: [...e.reasons].sort().join(','),
        message: conditionMessage(e.messages.join('\n')),
      });
    if (!hasCondition(p.conditions, 'ResolvedRefs', 'False'))
      setCondition(p.conditions, {
        type: 'ResolvedRefs',
        status: 'True',
        reason: 'ResolvedRefs',
        message: 'Resolved all the Object references for the Route',
      });
    for (const l of allowed) {
      const hosts = computeHosts(
        hostnames,
        l.listener,
        gw.listeners.map((x) => x.listener),
      );
      if (hosts.length === 0) {
        p.refused.push({ listener: l, why: 'hostname' });
        continue;
      }
      l.attachedRoutes += 1;
      p.attached.push({ listener: l, hosts });
    }
    if (p.attached.length === 0)
      setCondition(p.conditions, {
        type: 'Accepted',
        status: 'False',
        reason: 'NoMatchingListenerHostname',
        message: `There were no hostname intersections between the ${route.kind} and this parent ref's Listener(s).`,
      });
    p.accepted = hasCondition(p.conditions, 'Accepted', 'True');
  }
  return { route, parents, rules };
}
