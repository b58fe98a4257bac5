/**
 * Pods indexed by namespace and by label, so that selecting a Service's pods costs the size of the
 * smallest matching posting list instead of a scan over every pod (10,000 Services × 100,000 pods would
 * otherwise be 10^9 label comparisons).
 *
 * @example
 * const index = new PodIndex(pods);
 * index.select('default', { app: 'web' }); // the pods of default with app=web, in creation order
 */
import type { Pod } from '../k8s/objects';

export class PodIndex {
  /** namespace → "key=value" → pods (creation order). */
  private readonly byLabel = new Map<string, Map<string, Pod[]>>();
  private readonly byNamespace = new Map<string, Pod[]>();

  constructor(pods: Pod[]) {
    for (const p of pods) {
      const ns = p.metadata.namespace ?? 'default';
      let nsPods = this.byNamespace.get(ns);
      if (!nsPods) this.byNamespace.set(ns, (nsPods = []));
      nsPods.push(p);
      let labels = this.byLabel.get(ns);
      if (!labels) this.byLabel.set(ns, (labels = new Map()));
      for (const [k, v] of Object.entries(p.metadata.labels ?? {})) {
        const key = `${k}=${v}`;
        const list = labels.get(key);
        if (list) list.push(p);
        else labels.set(key, [p]);
      }
    }
  }

  /** Every pod in the namespace, in creation order. */
  inNamespace(ns: string): Pod[] {
    return this.byNamespace.get(ns) ?? [];
  }

  /**
   * Pods of `ns` whose labels contain every selector pair (labels.SelectorFromSet semantics: an empty
   * selector selects every pod of the namespace — the controllers never call it with one, as an empty
   * Service selector means "no selector").
   *
   * @example
   * index.select('default', { app: 'web', tier: 'fe' }).length; // 3
   */
  select(ns: string, selector: Record<string, string>): Pod[] {
    const entries = Object.entries(selector);
    if (entries.length === 0) return this.inNamespace(ns);
    const labels = this.byLabel.get(ns);
    if (!labels) return [];
    let smallest: Pod[] | undefined;
    for (const [k, v] of entries) {
      const list = labels.get(`${k}=${v}`);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    if (entries.length === 1) return smallest!;
    return smallest!.filter((p) => entries.every(([k, v]) => p.metadata.labels?.[k] === v));
  }
}
