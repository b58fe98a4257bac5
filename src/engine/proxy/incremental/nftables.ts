/**
 * An edit in nftables mode: the edited Services' ports are made again; their elements replace the old ones
 * in the verdict maps and sets every port fills, key by key where no two ports share a key (a set that had
 * or would get a duplicate key is refilled instead, keeping the first element per key as nft does). Falls
 * back to a full build when anything but the Services changed.
 *
 * @example
 * const next = updateNftablesRules(prev, cluster, ['ns1/svc1']);
 */
import type { ClusterState } from '../../cluster/state';
import {
  buildNftablesRules,
  contextFor,
  fill,
  NFTABLES_FRAGMENTS,
  rulesOf,
  settingsOf,
  type NftCache,
} from '../nftables/proxier';
import type { NftFragment } from '../nftables/service';
import type { BuildOptions, NodeRules } from '../shared/types';
import { updateFragments } from './scope';
import { updateServiceMap } from './service-map-update';
import { spliceInOrder } from './splice';

/** The elements a port adds to one set or map. */
const elementsIn = (name: string) => (f: NftFragment) =>
  f.elements.filter((c) => c.set === name).map((c) => c.element);

/** Patches the keys of set `name` (true), or leaves it to be refilled when a key would be duplicated. */
function patchKeys(cache: NftCache, name: string, removed: NftFragment[], added: NftFragment[]): boolean {
  if (cache.dups.get(name) !== 0) return false;
  const byKey = cache.table.sets.get(name)!.byKey;
  for (const f of removed) for (const c of f.elements) if (c.set === name) byKey.delete(c.element.key);
  let clash = false;
  for (const f of added)
    for (const c of f.elements)
      if (c.set === name) {
        if (byKey.has(c.element.key)) clash = true;
        else byKey.set(c.element.key, c.element);
      }
  return !clash;
}

/**
 * Regenerates only the named Services' ports and patches the verdict maps and sets; `prev` is consumed.
 *
 * @example
 * const next = updateNftablesRules(prev, cluster, ['ns1/svc1']);
 */
export function updateNftablesRules(
  prev: NodeRules,
  cluster: ClusterState,
  changedServiceKeys: Iterable<string>,
  options: BuildOptions = {},
): NodeRules {
  const old = prev.cache as NftCache | undefined;
  const ctx = contextFor(cluster, prev.node);
  if (!old?.dups || settingsOf(cluster, ctx) !== old.settings)
    return buildNftablesRules(cluster, prev.node, { ...options, memo: options.memo ?? prev.cache?.memo });
  const changed = new Set(changedServiceKeys);
  const services = updateServiceMap(old.memo, old.services, cluster, changed);
  const cache: NftCache = { ...old, services };
  const changes = updateFragments(NFTABLES_FRAGMENTS, cache.memo, cluster, cache.set, services, ctx, changed);
  const removed = changes.flatMap((c) => c.old);
  const added = changes.flatMap((c) => c.fresh);
  const touched = new Set<string>();
  for (const f of [...removed, ...added]) for (const c of f.elements) touched.add(c.set);
  const refill: string[] = [];
  for (const name of touched)
    if (patchKeys(cache, name, removed, added))
      spliceInOrder(cache.table.sets.get(name)!.elements, cache.set, changes, elementsIn(name));
    else refill.push(name);
  fill(cache, refill);
  return rulesOf(cache, cluster);
}
