/**
 * Patching a list every Service writes into (IPVS's virtual servers, an nftables set's elements) after an
 * edit: the edited Services' items replace their old ones in place, so the list reads as a full build's.
 *
 * @example
 * spliceInOrder(vss, set, changes, (f) => f.virtualServers);
 */
import type { Fragment, FragmentSet } from './fragment-set';
import type { FragmentChange } from './scope';

/**
 * Puts each changed Service's items where its old ones were, or before the first item of the next Service
 * in `set`'s order that has any (at the end when none has). `set` already holds the new fragments.
 *
 * @example
 * spliceInOrder(elements, set, changes, (f) => f.elementsOf('service-ips'));
 */
export function spliceInOrder<F extends Fragment, T>(
  list: T[],
  set: FragmentSet<F>,
  changes: readonly FragmentChange<F>[],
  pick: (f: F) => readonly T[],
): void {
  // Last Service first: whatever follows a Service in the list is then in its final place already.
  const pos = new Map(changes.map((c) => [c.key, set.order.indexOf(c.key)]));
  const ordered = [...changes].sort((a, b) => pos.get(b.key)! - pos.get(a.key)!);
  for (const { key, old, fresh } of ordered) {
    const gone = old.flatMap(pick);
    const added = fresh.flatMap(pick);
    if (gone.length === 0 && added.length === 0) continue;
    let at = gone.length > 0 ? list.indexOf(gone[0]!) : -1;
    if (at < 0) {
      const next = set.firstAfter(key, pick);
      at = next === undefined ? list.length : list.indexOf(next);
    }
    list.splice(at, gone.length, ...added);
  }
}
