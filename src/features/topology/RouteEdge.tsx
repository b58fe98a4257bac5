/**
 * A link of the followed request's route (or of a burst's spread): drawn between the places' ports with
 * the curve the packet follows (route-geometry.ts), under the boxes so it never covers a name.
 */
import { useInternalNode, type EdgeProps } from '@xyflow/react';
import { linkCurve, portOfNode, svgPath } from './route-geometry';

export function RouteEdge({ id, source, target, markerEnd }: EdgeProps) {
  const a = useInternalNode(source);
  const b = useInternalNode(target);
  if (!a || !b) return null;
  return (
    <path
      id={id}
      className="react-flow__edge-path"
      d={svgPath(linkCurve(portOfNode(a), portOfNode(b)))}
      markerEnd={markerEnd}
      fill="none"
    />
  );
}

export const edgeTypes = { route: RouteEdge };
