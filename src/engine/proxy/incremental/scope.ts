/**
 * Which per-Service fragments a node's rules are assembled from, in every proxy mode. kube-proxy's
 * syncProxyRules writes each Service port's rules in turn; here each port's rules are a fragment, and a
 * Service whose rules are the same on every node (no Local policy, topology or source ranges: see
 * `FragmentKind.shareable`) has its fragments made once per cluster state and rule settings, with a
 * context that names no node: the scope, which every node built from that state references. The other
 * Services' fragments each node makes for itself. An edit makes the edited Services' fragments again
 * (`updateFragments`), the node-independent ones once for all the nodes updated to the same state.
 *
 * @example
 * const set = nodeFragments(IPTABLES_FRAGMENTS, memo, cluster, map, ctx);
 * for (const f of set.fragments()) write(f); // every Service port, in the mode's order
 */
import type { ClusterState } from '../../cluster/state';
import { memoized, memoTable, type MemoTable, type ProxyMemo } from '../shared/memo';
import type { NodeContext } from '../shared/node-info';
import type { ServiceEntry, ServiceMap } from '../shared/service-map';
import { createBase, FragmentSet, orderOf, type Fragment, type FragmentBase } from './fragment-set';

/** How one proxy mode makes and orders its fragments. */
export interface FragmentKindSpec<F extends Fragment, C extends NodeContext> {
  /** One Service's fragments (one or more per port) as the node of `ctx` writes them. */
  make(e: ServiceEntry, ctx: C, memo: ProxyMemo): F[];
  /** Whether the Service's fragments are the same on every node (then made once, with no node in `ctx`). */
  shareable(e: ServiceEntry): boolean;
  /** The part of the context that node-independent fragments depend on. */
  shareKey(ctx: C): string;
  /** Where the Service sorts among the others in the node's rules. */
  sortKey(e: ServiceEntry): string;
  /** The names lookups must find from the start (the rest register when a fragment is built). */
  headNames?(f: F): Iterable<string>;
}

/** What the nodes built from one cluster state share. */
interface Scope<F extends Fragment> {
  base: FragmentBase<F>;
  /** Every Service key in the mode's order. */
  order: string[];
  /** Services whose fragments each node makes for itself. */
  perNode: ServiceEntry[];
}

/** A mode's fragment spec with the memo tables its scopes and edits are kept in. */
export interface FragmentKind<F extends Fragment, C extends NodeContext> extends FragmentKindSpec<F, C> {
  readonly scopes: MemoTable<ClusterState, Map<string, Scope<F>>>;
  /** Node-independent fragments made by an edit, by "key|shareKey", shared by the nodes updated alike. */
  readonly edits: MemoTable<ClusterState, Map<string, F[]>>;
}

/**
 * Declares a mode's kind of fragment (once, at module level: it names memo tables and holds no entries).
 *
 * @example
 * const IPVS_FRAGMENTS = fragmentKind('ipvs', { make, shareable: () => false, shareKey: () => '', sortKey });
 */
export function fragmentKind<F extends Fragment, C extends NodeContext>(
  mode: string,
  spec: FragmentKindSpec<F, C>,
): FragmentKind<F, C> {
  return {
    ...spec,
    scopes: memoTable(`${mode} scopes`),
    edits: memoTable(`${mode} edited fragments`),
  };
}

/** The context node-independent fragments are made with: the settings, and no node. */
function neutral<C extends NodeContext>(ctx: C): C {
  return { ...ctx, nodeName: '', nodeIP: '', zone: '' };
}

function register<F extends Fragment>(
  kind: FragmentKindSpec<F, NodeContext>,
  set: FragmentSet<F>,
  f: F,
): void {
  if (kind.headNames) set.register(f, kind.headNames(f), false);
}

function scopeOf<F extends Fragment, C extends NodeContext>(
  kind: FragmentKind<F, C>,
  memo: ProxyMemo,
  cluster: ClusterState,
  map: ServiceMap,
  ctx: C,
): Scope<F> {
  const byShareKey = memoized(memo, kind.scopes, cluster, () => new Map<string, Scope<F>>());
  const sk = kind.shareKey(ctx);
  let scope = byShareKey.get(sk);
  if (scope) return scope;
  const shared = neutral(ctx);
  const base = createBase<F>();
  const perNode: ServiceEntry[] = [];
  const sortKeys = new Map<string, { sortKey: string }[]>();
  for (const e of map.entries.values()) {
    sortKeys.set(e.key, [{ sortKey: kind.sortKey(e) }]);
    if (!kind.shareable(e)) {
      perNode.push(e);
      continue;
    }
    const frags = kind.make(e, shared, memo);
    base.byKey.set(e.key, frags);
    if (kind.headNames) for (const f of frags) for (const n of kind.headNames(f)) base.names.set(n, f);
  }
  scope = { base, order: orderOf(sortKeys), perNode };
  byShareKey.set(sk, scope);
  return scope;
}

/**
 * The fragments of every Service for the node of `ctx`: the scope's shared ones and the node's own.
 *
 * @example
 * nodeFragments(NFTABLES_FRAGMENTS, memo, cluster, serviceMapOf(memo, cluster), ctx).order[0]; // "ns1/svc1"
 */
export function nodeFragments<F extends Fragment, C extends NodeContext>(
  kind: FragmentKind<F, C>,
  memo: ProxyMemo,
  cluster: ClusterState,
  map: ServiceMap,
  ctx: C,
): FragmentSet<F> {
  const scope = scopeOf(kind, memo, cluster, map, ctx);
  const set = new FragmentSet(scope.base, scope.order);
  for (const e of scope.perNode) {
    const frags = kind.make(e, ctx, memo);
    set.overlay.set(e.key, frags);
    for (const f of frags) register(kind, set, f);
  }
  return set;
}

/** One Service's fragments before and after an edit (either list empty: added or deleted). */
export interface FragmentChange<F> {
  key: string; // "ns1/svc1"
  old: F[];
  fresh: F[];
}

/**
 * Makes the changed Services' fragments again (`map`: the edited cluster's Service map) and puts them in
 * `set` in place of the old ones; returns what changed, for the mode to patch the chains, maps and sets
 * every Service writes into.
 *
 * @example
 * for (const { key, old, fresh } of updateFragments(kind, memo, cluster, set, map, ctx, changed)) …
 */
export function updateFragments<F extends Fragment, C extends NodeContext>(
  kind: FragmentKind<F, C>,
  memo: ProxyMemo,
  cluster: ClusterState,
  set: FragmentSet<F>,
  map: ServiceMap,
  ctx: C,
  changed: Iterable<string>,
): FragmentChange<F>[] {
  const edits = memoized(memo, kind.edits, cluster, () => new Map<string, F[]>());
  const sk = kind.shareKey(ctx);
  const changes: FragmentChange<F>[] = [];
  for (const key of changed) {
    const e = map.entries.get(key);
    let fresh: F[] = [];
    if (e && kind.shareable(e)) {
      const mk = `${key}|${sk}`;
      fresh = edits.get(mk) ?? kind.make(e, neutral(ctx), memo);
      edits.set(mk, fresh);
    } else if (e) fresh = kind.make(e, ctx, memo);
    changes.push({ key, old: set.get(key) ?? [], fresh });
    set.replace(key, fresh);
    for (const f of fresh) register(kind, set, f);
  }
  return changes;
}
