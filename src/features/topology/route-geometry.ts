/**
 * Where a packet stands on a graph element and the curve it follows to the next one: one geometry for
 * the drawn route (RouteEdge, an SVG path under the boxes) and the moving packet (PacketOverlay, a
 * canvas over them), so the packet moves along the link the student sees.
 *
 * A packet rests on the right edge of a box, halfway down (a Kubernetes node: its top right corner, not
 * over one of its pods), where it hides no name. Links leave and enter sideways and turn only in the
 * gaps between columns (across columns) or in the gutter right of the nodes (within a column), so a link
 * runs over no box but the two it joins.
 *
 * @example
 * const c = linkCurve(portOf(a, 'pod'), portOf(b, 'kube-proxy'));
 * pointOn(c, 0.5); // halfway along the link
 */
import type { InternalNode } from '@xyflow/react';
import * as S from './sizes';

export interface Point {
  x: number;
  y: number;
}
export interface Rect extends Point {
  width: number;
  height: number;
}
/**
 * A path of cubic Bézier pieces: from, then two control points and the end of each piece (1 + 3n points).
 */
export type Curve = readonly Point[];

/** The point a packet stands on at an element of the given graph node type. */
export function portOf(box: Rect, type: string | undefined): Point {
  // A Kubernetes node is a tall box around its pods: its corner, so links run along its top edge and
  // cross neither its name nor its pods.
  const y = type === 'node' ? box.y : box.y + box.height / 2;
  return { x: box.x + box.width, y };
}

/** The port of a graph element as React Flow has measured and placed it. */
export function portOfNode(n: InternalNode): Point {
  const box = {
    ...n.internals.positionAbsolute,
    width: n.measured.width ?? n.width ?? 0,
    height: n.measured.height ?? n.height ?? 0,
  };
  return portOf(box, n.type);
}

/** Under this horizontal distance two places are in one column: the link loops out to the right. */
const SAME_COLUMN = 60;
/** Room right of the nodes' column, inside each zone's box, for those loops (to-flow-graph leaves it). */
export const ROUTE_GUTTER = 36;
/** Horizontal room between two columns of boxes (dagre's ranksep): a link turns up or down in it. */
export const RANK_GAP = 56;
/**
 * From the port on a Kubernetes node's right edge back to the middle of the gap left of the zones: the
 * node's width, half a gap to its zone's edge (dagre's compound border) and half the gap (a pod's or
 * kube-proxy's port is 10 further in, its lane 10 further left, still in the gap).
 */
const LANE_BACK = S.NODE_W + RANK_GAP;
/** The corners' radius where a link turns into its lane and out of it. */
const CORNER = 14;

/**
 * The path from one port to another (both on right edges).
 *
 * Across columns the link runs level at the left place's height, turns up or down in the gap just left
 * of the right place's column, and runs level again into the right place's box (from its left edge to
 * its port). So it passes over no box but its own two ends: the vertical stretch is in a gap between
 * columns, and the level stretch at the left place's height crosses only the gaps and whatever shares
 * that height in the columns between (the layout keeps the load balancers, the only boxes that reach the
 * nodes from a column away, below the Services in the Services' column). Forward, the last stretch runs
 * under the box it reaches; back, the first stretch runs under the box it leaves.
 */
export function linkCurve(a: Point, b: Point): Curve {
  const dx = b.x - a.x;
  if (Math.abs(dx) > SAME_COLUMN) {
    const [left, right] = dx > 0 ? [a, b] : [b, a];
    // The lane: in the gap left of the right place's column, but never behind the left place's port.
    const lane = Math.max(right.x - LANE_BACK, left.x + Math.min(RANK_GAP / 2, (right.x - left.x) / 2));
    const dy = b.y - a.y;
    if (Math.abs(dy) < 1) return [a, { x: (a.x + b.x) / 2, y: a.y }, { x: (a.x + b.x) / 2, y: b.y }, b];
    const r = Math.min(CORNER, Math.abs(dy) / 2, lane - left.x, right.x - lane);
    const sy = Math.sign(dy);
    const sx = Math.sign(dx);
    // A straight stretch as a Bézier piece (its control points a third of the way from each end).
    const line = (p: Point, q: Point): Point[] => [
      { x: p.x + (q.x - p.x) / 3, y: p.y + (q.y - p.y) / 3 },
      { x: p.x + ((q.x - p.x) * 2) / 3, y: p.y + ((q.y - p.y) * 2) / 3 },
      q,
    ];
    const inA = { x: lane - sx * r, y: a.y };
    const turnA = { x: lane, y: a.y };
    const downA = { x: lane, y: a.y + sy * r };
    const upB = { x: lane, y: b.y - sy * r };
    const turnB = { x: lane, y: b.y };
    const outB = { x: lane + sx * r, y: b.y };
    // Level to the lane, round the corner, along the lane, round the corner, level to the port.
    return [
      a,
      ...line(a, inA),
      turnA,
      turnA,
      downA,
      ...line(downA, upB),
      turnB,
      turnB,
      outB,
      ...line(outB, b),
    ];
  }
  // Within a column (kube-proxy to a pod, node to node): out into the gutter on the right and back in.
  // Going up (usually a reply) loops a little wider, so a request's and its reply's links stay apart.
  const k = 18 + Math.min(ROUTE_GUTTER - 14, Math.abs(b.y - a.y) * 0.1) + (b.y < a.y ? 6 : 0);
  const right = Math.max(a.x, b.x) + k;
  return [a, { x: right, y: a.y }, { x: right, y: b.y }, b];
}

/** The point at t (0..1) along one cubic Bézier piece. */
function bezier(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
    y: a * p0.y + b * p1.y + c * p2.y + d * p3.y,
  };
}

/**
 * The point at t (0..1) along the path: each piece gets a share of t by its length end to end, so a
 * packet keeps about one speed along the straight stretches and the corners.
 */
export function pointOn(c: Curve, t: number): Point {
  const pieces = (c.length - 1) / 3;
  if (pieces === 1) return bezier(c[0]!, c[1]!, c[2]!, c[3]!, t);
  if (t <= 0) return c[0]!;
  if (t >= 1) return c[c.length - 1]!;
  let total = 0;
  for (let i = 0; i < pieces; i++)
    total += Math.hypot(c[3 * i + 3]!.x - c[3 * i]!.x, c[3 * i + 3]!.y - c[3 * i]!.y);
  let at = Math.min(1, Math.max(0, t)) * total;
  for (let i = 0; i < pieces; i++) {
    const p = c[3 * i]!;
    const q = c[3 * i + 3]!;
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    if (at <= len || i === pieces - 1)
      return bezier(p, c[3 * i + 1]!, c[3 * i + 2]!, q, len ? Math.min(1, at / len) : 1);
    at -= len;
  }
  return c[c.length - 1]!;
}

/** The path as SVG. */
export function svgPath(c: Curve): string {
  let d = `M${c[0]!.x},${c[0]!.y}`;
  for (let i = 1; i + 2 < c.length; i += 3)
    d += ` C${c[i]!.x},${c[i]!.y} ${c[i + 1]!.x},${c[i + 1]!.y} ${c[i + 2]!.x},${c[i + 2]!.y}`;
  return d;
}
