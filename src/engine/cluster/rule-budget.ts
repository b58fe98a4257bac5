/**
 * The rule-multiplication budget (issue 17): kube-proxy writes, on every node, rules for each Service
 * port × each endpoint (a KUBE-SEP chain with its DNAT per endpoint and port, a probability rule in the
 * Service's chain), so a scene well inside every other limit (a few hundred Services, a hundred ports,
 * two thousand pods) can still ask for hundreds of millions of rules. Before the endpoint controllers run,
 * this counts what each Service would cost — its ports × the pods its selector matches, plus the endpoints
 * of the EndpointSlices written for it — in creation order, and keeps the endpoints of the Services that fit
 * in `LIMITS.endpointRules`. A Service past the budget keeps its ClusterIP and DNS name but gets no
 * endpoints from svclab (kube-proxy then rejects its traffic), and one diagnostic at the first such Service
 * says so, on its `spec.ports`.
 *
 * The count is linear in what the user wrote: pods are indexed by label once, a Service looks only at the
 * pods that carry its first selector pair, and once the budget is spent a Service is tested only until its
 * first matching pod.
 *
 * @example
 * const over = overRuleBudget(cluster.services, cluster.pods, cluster.endpointSlices);
 * over.services.size; // 0 for every lesson scene
 */
import type { EndpointSlice, Pod, Service } from '../k8s/objects';

/** Σ ports × endpoints svclab simulates: one Service of 100 ports (the port limit) over 2,000 pods (the pod limit) fits; the bench's 10,000 Services × 10 endpoints is 100,000. */
export const ENDPOINT_RULES = 250_000;

export interface RuleBudget {
  /** The Services whose endpoints svclab leaves out. */
  services: Set<Service>;
  /** The first of them (the diagnostic's place). */
  first?: Service;
}

const nsOf = (o: { metadata: { namespace?: string } }): string => o.metadata.namespace ?? 'default';

/** Pods by "namespace\0key=value" for each of their labels. */
function labelIndex(pods: Pod[]): Map<string, Pod[]> {
  const index = new Map<string, Pod[]>();
  for (const p of pods)
    for (const [k, v] of Object.entries(p.metadata.labels ?? {})) {
      const key = `${nsOf(p)}\0${k}=${v}`;
      const list = index.get(key);
      if (list) list.push(p);
      else index.set(key, [p]);
    }
  return index;
}

/** The pods a Service's selector matches, counting at most `cap` of them. */
function countMatches(svc: Service, index: Map<string, Pod[]>, cap: number): number {
  const selector = Object.entries(svc.spec.selector ?? {});
  if (selector.length === 0) return 0;
  const [k, v] = selector[0]!;
  let n = 0;
  for (const p of index.get(`${nsOf(svc)}\0${k}=${v}`) ?? []) {
    if (selector.every(([sk, sv]) => p.metadata.labels?.[sk] === sv) && ++n >= cap) break;
  }
  return n;
}

/**
 * Which Services' endpoints fit in the budget, in the order given (the creation order).
 *
 * @example overRuleBudget([svc], pods, [], 10).services.has(svc); // true when svc's ports × pods > 10
 */
export function overRuleBudget(
  services: Service[],
  pods: Pod[],
  givenSlices: EndpointSlice[],
  budget: number = ENDPOINT_RULES,
): RuleBudget {
  const written = new Map<string, number>();
  for (const s of givenSlices) {
    const name = s.metadata.labels?.['kubernetes.io/service-name'];
    if (!name) continue;
    const key = `${nsOf(s)}/${name}`;
    const cost = (s.endpoints?.length ?? 0) * Math.max(1, s.ports?.length ?? 1);
    written.set(key, (written.get(key) ?? 0) + cost);
  }
  const index = labelIndex(pods);
  const out: RuleBudget = { services: new Set() };
  let used = 0;
  for (const svc of services) {
    const ports = Math.max(1, svc.spec.ports?.length ?? 0);
    const left = budget - used;
    // Past the budget only whether the Service has any endpoint matters.
    const cap = left <= 0 ? 1 : Math.floor(left / ports) + 1;
    const matched = countMatches(svc, index, cap);
    const cost = matched * ports + (written.get(`${nsOf(svc)}/${svc.metadata.name ?? ''}`) ?? 0);
    if (cost === 0) continue;
    if (used + cost > budget) {
      out.services.add(svc);
      out.first ??= svc;
    } else used += cost;
  }
  return out;
}
