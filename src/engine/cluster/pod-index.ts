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
  /** namespace → label key → label value → pods (creation order). */
  private readonly byLabel = new Map<string, Map<string, Map<string, Pod[]>>>();
  private readonly byNamespace = new Map<string, Pod[]>();

  constructor(pods: Pod[]) {
    // Consecutive pods of one ReplicaSet share their labels object: their posting lists are looked up once.
    let lastLabels: Record<string, string> | undefined;
    let lastNs: string | undefined;
    let lists: Pod[][] = [];
    let nsPods: Pod[] = [];
    for (const p of pods) {
      const ns = p.metadata.namespace ?? 'default';
      const labels = p.metadata.labels;
      if (ns !== lastNs || labels !== lastLabels || labels === undefined) {
        if (ns !== lastNs) {
          const list = this.byNamespace.get(ns);
          if (list) nsPods = list;
          else this.byNamespace.set(ns, (nsPods = []));
        }
        lists = this.postingLists(ns, labels ?? {});
        lastNs = ns;
        lastLabels = labels;
      }
      nsPods.push(p);
      for (let i = 0; i < lists.length; i++) lists[i]!.push(p);
    }
  }

  private postingLists(ns: string, labels: Record<string, string>): Pod[][] {
    let keys = this.byLabel.get(ns);
    if (!keys) this.byLabel.set(ns, (keys = new Map()));
    const out: Pod[][] = [];
    for (const k of Object.keys(labels)) {
      let values = keys.get(k);
      if (!values) keys.set(k, (values = new Map()));
      const v = labels[k]!;
      let list = values.get(v);
      if (!list) values.set(v, (list = []));
      out.push(list);
    }
    return out;
  }

  /** Every pod in the namespace, in creation order. */
  inNamespace(ns: string): Pod[] {
    return this.byNamespace.get(ns) ?? [];
  }

  /**
   * Pods of `ns` whose labels contain every selector pair (labels.SelectorFromSet semantics: an empty
   * selector selects every pod of the namespace — the controllers never call it with one, as an empty
   * Service selector means "no selector"). The result may be the index's own list: do not modify it.
   *
   * @example
   * index.select('default', { app: 'web', tier: 'fe' }).length; // 3
   */
  select(ns: string, selector: Record<string, string>): Pod[] {
    const keys = Object.keys(selector);
    if (keys.length === 0) return this.inNamespace(ns);
    const labels = this.byLabel.get(ns);
    if (!labels) return [];
    let smallest: Pod[] | undefined;
    for (const k of keys) {
      const list = labels.get(k)?.get(selector[k]!);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    if (keys.length === 1) return smallest!;
    return smallest!.filter((p) => keys.every((k) => p.metadata.labels?.[k] === selector[k]));
  }
}
