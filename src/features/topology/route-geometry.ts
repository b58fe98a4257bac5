/**
 * Where a packet stands on a graph element and the curve it follows to the next one: one geometry for
 * the drawn route (RouteEdge, an SVG path under the boxes) and the moving packet (PacketOverlay, a
 * canvas over them), so the packet moves along the link the student sees.
 *
 * A packet rests on the right edge of a box, halfway down (a Kubernetes node: its top right corner, not
 * over one of its pods), where it hides no name. Links leave and enter sideways: forward to the right,
 * back or within a column looping out to the right, where the boxes' gutters are.
 *
 * @example
 * const c = linkCurve(portOf(a, 'pod'), portOf(b, 'kube-proxy'));
 * pointOn(c, 0.5); // halfway along the link
 */
import type { InternalNode } from '@xyflow/react';

export interface Point {
  x: number;
  y: number;
}
export interface Rect extends Point {
  width: number;
  height: number;
}
/** A cubic Bézier curve: from, two control points, to. */
export type Curve = readonly [Point, Point, Point, Point];

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

/** The curve from one port to another (both on right edges). */
export function linkCurve(a: Point, b: Point): Curve {
  const dx = b.x - a.x;
  if (Math.abs(dx) > SAME_COLUMN) {
    // Across columns: leave level, sweep across, come in level. Forward, the last stretch runs under the
    // box it reaches; back, the first stretch runs under the box it leaves (boxes hide the link there).
    const k = Math.max(40, Math.abs(dx) / 2) * Math.sign(dx);
    return [a, { x: a.x + k, y: a.y }, { x: b.x - k, y: b.y }, b];
  }
  // Within a column (kube-proxy to a pod, node to node): out into the gutter on the right and back in.
  // Going up (usually a reply) loops a little wider, so a request's and its reply's links stay apart.
  const k = 18 + Math.min(ROUTE_GUTTER - 14, Math.abs(b.y - a.y) * 0.1) + (b.y < a.y ? 6 : 0);
  const right = Math.max(a.x, b.x) + k;
  return [a, { x: right, y: a.y }, { x: right, y: b.y }, b];
}

/** The point at t (0..1) along the curve. */
export function pointOn([p0, p1, p2, p3]: Curve, t: number): Point {
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

/** The curve as an SVG path. */
export function svgPath([p0, p1, p2, p3]: Curve): string {
  return `M${p0.x},${p0.y} C${p1.x},${p1.y} ${p2.x},${p2.y} ${p3.x},${p3.y}`;
}
