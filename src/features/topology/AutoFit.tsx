/**
 * The graph's camera. Normally it keeps the whole cluster in view: it fits again when the graph's shape
 * changes (a pod added, a scenario loaded) and when the panel changes size. Presenting, it fits only
 * while the labels stay readable at the chosen text size; otherwise it follows the packet's
 * neighbourhood (presenter-view.ts), moving with each hop (at once under reduced motion). React Flow's
 * `fitView` prop fits only once, on the first render.
 */
import { useReactFlow, useStore as useFlowStore, type InternalNode } from '@xyflow/react';
import { useEffect } from 'react';
import {
  EXTERNAL_ID,
  graphIdForKey,
  prefersReducedMotion,
  selectHopNeighbourhood,
  selectSelected,
  useStore,
} from '../../store';
import { cameraFor, type Box } from './presenter-view';
import { SMALLEST_LABEL } from './sizes';

const FIT = { padding: 0.04, maxZoom: 1.6, duration: 0 };
/** Presenting, no graph label is smaller than this on the screen at text size 1 (CSS pixels). */
export const READABLE_LABEL_PX = 16;
/** How long the camera takes to move to the next hop. */
const MOVE_MS = 350;

const boxOf = (n: InternalNode): Box => ({
  ...n.internals.positionAbsolute,
  width: n.measured.width ?? n.width ?? 0,
  height: n.measured.height ?? n.height ?? 0,
});

export function AutoFit({ shape }: { shape: string }) {
  const flow = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const presenting = useStore((s) => s.presenting);
  const textScale = useStore((s) => s.textScale);
  const around = useStore(selectHopNeighbourhood);
  const selected = useStore(selectSelected);

  useEffect(() => {
    if (!width || !height) return;
    // After React Flow has measured the nodes of this render.
    const frame = requestAnimationFrame(() => {
      if (!presenting) return void flow.fitView(FIT);
      const nodes = flow.getNodes();
      if (!nodes.length) return;
      const ids = around ? around.split(' ') : [selected ? graphIdForKey(selected) : EXTERNAL_ID];
      const focus = ids.flatMap((id) => {
        const n = flow.getInternalNode(id);
        return n ? [boxOf(n)] : [];
      });
      const camera = cameraFor({
        scene: flow.getNodesBounds(nodes),
        focus,
        view: { width, height },
        minZoom: (textScale * READABLE_LABEL_PX) / SMALLEST_LABEL,
        maxZoom: FIT.maxZoom,
        padding: FIT.padding,
      });
      void flow.setViewport(camera, { duration: prefersReducedMotion() ? 0 : MOVE_MS });
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, shape, width, height, presenting, textScale, around, selected]);
  return null;
}
