/**
 * Positions that stay where the user last saw them. Dagre lays a scene out from scratch, so an edit that
 * adds or removes one object could move every box. After such an edit, every box that was already on
 * the graph keeps its previous place (pushed down only when something above it grew), and what is new
 * goes below the last box of its column, in dagre's order. Columns keep their previous x (moved right
 * only when the column before them grew wider). Boxes are in dagre's terms: centre x/y, width, height.
 *
 * @example
 * const boxes = stabilize(fresh, parents, previous, { rankGap: 56, gap: 38, zonePadBottom: 4 });
 */

export interface Box {
  x: number; // centre
  y: number; // centre
  width: number;
  height: number;
}

export interface StableOptions {
  /** Horizontal room between columns. */
  rankGap: number;
  /** Vertical room between boxes of a column, and between nodes inside a zone. */
  gap: number;
}

const top = (b: Box) => b.y - b.height / 2;

/**
 * Stacks `ids` (all in one column or one zone) from their previous tops: the ones that existed keep
 * their order and place unless pushed down; new ones follow the last, in fresh order. Answers each id's
 * top edge.
 */
function stack(
  ids: readonly string[],
  height: (id: string) => number,
  fresh: Map<string, Box>,
  previousTop: (id: string) => number | undefined,
  previousHeight: (id: string) => number,
  gap: number,
  start: number,
): Map<string, number> {
  const old = ids.filter((id) => previousTop(id) !== undefined);
  old.sort((a, b) => previousTop(a)! - previousTop(b)!);
  const added = ids.filter((id) => previousTop(id) === undefined);
  added.sort((a, b) => top(fresh.get(a)!) - top(fresh.get(b)!));
  const out = new Map<string, number>();
  // A box the user saw moves only off the one above it (kept apart by the room they had, at most `gap`);
  // a new one goes a full `gap` under the last.
  let bottom = -Infinity;
  let lastTop = -Infinity;
  let room = gap;
  for (const id of old) {
    const was = previousTop(id)!;
    if (Number.isFinite(bottom)) room = Math.max(0, Math.min(gap, was - lastTop));
    const t = Math.max(was, bottom + (Number.isFinite(bottom) ? Math.min(room, gap) : 0));
    out.set(id, t);
    // The room it had is measured from where the box above ended then, not from its grown height.
    lastTop = was + previousHeight(id);
    bottom = t + height(id);
  }
  for (const id of added) {
    const t = Number.isFinite(bottom) ? bottom + gap : start;
    out.set(id, t);
    bottom = t + height(id);
  }
  return out;
}

/**
 * The fresh layout moved as little as possible from the previous one. `parents` maps a child to its
 * compound parent (a Kubernetes node to its zone); only one level of nesting is expected. With no box
 * in common (another scene), the fresh layout is answered as it is.
 */
export function stabilize(
  fresh: Map<string, Box>,
  parents: ReadonlyMap<string, string>,
  previous: ReadonlyMap<string, Box> | null,
  o: StableOptions,
): Map<string, Box> {
  if (!previous) return fresh;
  const topLevel = [...fresh.keys()].filter((id) => !parents.has(id));
  if (!topLevel.some((id) => previous.has(id))) return fresh;
  const out = new Map<string, Box>();
  const childrenOf = new Map<string, string[]>();
  for (const [child, parent] of parents)
    if (fresh.has(child)) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);

  // Inside each compound box first: its children's tops relative to the box's top, and its new height.
  const inner = new Map<string, { rel: Map<string, number>; height: number }>();
  for (const [parent, kids] of childrenOf) {
    const f = fresh.get(parent);
    if (!f) continue;
    const fTop = top(f);
    const firstFresh = Math.min(...kids.map((k) => top(fresh.get(k)!))) - fTop;
    const p = previous.get(parent);
    // The room under the last child: as it was, for a box the user saw; dagre's for a new one.
    const seen = kids.map((k) => previous.get(k)).filter((b): b is Box => !!b);
    const bottomPad =
      p && seen.length
        ? top(p) + p.height - Math.max(...seen.map((b) => top(b) + b.height))
        : fTop + f.height - Math.max(...kids.map((k) => top(fresh.get(k)!) + fresh.get(k)!.height));
    const prevRel = (id: string) => {
      const b = previous.get(id);
      return p && b ? top(b) - top(p) : undefined;
    };
    const rel = stack(
      kids,
      (k) => fresh.get(k)!.height,
      fresh,
      prevRel,
      (k) => previous.get(k)?.height ?? fresh.get(k)!.height,
      o.gap,
      firstFresh,
    );
    const bottom = Math.max(...kids.map((k) => rel.get(k)! + fresh.get(k)!.height));
    inner.set(parent, { rel, height: bottom + bottomPad });
  }
  const heightOf = (id: string) => inner.get(id)?.height ?? fresh.get(id)!.height;

  // Columns: boxes dagre put at the same centre x.
  const columns = new Map<number, string[]>();
  for (const id of topLevel) {
    const x = Math.round(fresh.get(id)!.x);
    columns.set(x, [...(columns.get(x) ?? []), id]);
  }
  let rightOfPrevious = -Infinity;
  for (const [freshX, ids] of [...columns].sort((a, b) => a[0] - b[0])) {
    const half = Math.max(...ids.map((id) => fresh.get(id)!.width)) / 2;
    const kept = ids.map((id) => previous.get(id)?.x).filter((x): x is number => x !== undefined);
    let x = kept.length ? Math.max(freshX, Math.min(...kept)) : freshX;
    x = Math.max(x, rightOfPrevious + o.rankGap + half);
    rightOfPrevious = x + half;
    const start = Math.min(...ids.map((id) => top(fresh.get(id)!)));
    const prevTop = (id: string) => {
      const b = previous.get(id);
      return b ? top(b) : undefined;
    };
    const tops = stack(
      ids,
      heightOf,
      fresh,
      prevTop,
      (id) => previous.get(id)?.height ?? heightOf(id),
      o.gap,
      start,
    );
    for (const id of ids) {
      const f = fresh.get(id)!;
      const h = heightOf(id);
      const t = tops.get(id)!;
      out.set(id, { x, y: t + h / 2, width: f.width, height: h });
      const kids = inner.get(id);
      if (!kids) continue;
      const dx = x - f.x;
      for (const [kid, rel] of kids.rel) {
        const k = fresh.get(kid)!;
        out.set(kid, { x: k.x + dx, y: t + rel + k.height / 2, width: k.width, height: k.height });
      }
    }
  }
  for (const [id, b] of fresh) if (!out.has(id)) out.set(id, b);
  return out;
}
