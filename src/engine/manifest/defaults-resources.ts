/**
 * SetDefaults_Pod's resource defaulting (pkg/apis/core/v1/defaults.go): a container (or init container)
 * with a limit and no request for that resource gets the limit as its request. It runs on Pods only, not
 * on pod templates: a Deployment's template keeps what was written, its pods show the requests.
 *
 * Containers are replaced by copies, never changed in place: pods made from one template share its
 * container objects.
 *
 * @example
 * const spec = { containers: [{ name: 'c', resources: { limits: { cpu: '1' } } }] };
 * defaultPodRequests(spec); spec.containers[0].resources; // { limits: { cpu: '1' }, requests: { cpu: '1' } }
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The container with its missing requests filled from its limits, or itself when none is missing. */
function withRequests(c: unknown): unknown {
  if (!isObj(c) || !isObj(c.resources) || !isObj(c.resources.limits)) return c;
  const { limits } = c.resources;
  const requests = isObj(c.resources.requests) ? c.resources.requests : undefined;
  const missing = Object.keys(limits).filter((k) => !requests || !(k in requests));
  if (missing.length === 0 && requests) return c;
  const filled: Obj = { ...requests };
  for (const k of missing) filled[k] = limits[k];
  return { ...c, resources: { ...c.resources, requests: filled } };
}

/** Fills the requests of a Pod's containers and init containers from their limits (see above). */
export function defaultPodRequests(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const key of ['containers', 'initContainers'] as const) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    const next = list.map(withRequests);
    if (next.some((c, i) => c !== list[i])) spec[key] = next;
  }
}
