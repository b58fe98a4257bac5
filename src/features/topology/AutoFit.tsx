/**
 * The graph's camera. It fits the whole cluster in view when a scene is first shown (another scenario,
 * workspace or lesson: once the graph built from its text is on screen), when presenter mode ends, and
 * when the panel changes size while the student has not moved the camera. An edit never moves it: a
 * student who zoomed into a node keeps their place (the Fit button fits again). Presenting, it fits only
 * while the labels stay readable at the chosen text size; otherwise it follows the packet's
 * neighbourhood (presenter-view.ts), moving with each hop (at once under reduced motion). React Flow's
 * `fitView` prop fits only once, on the first render.
 */
import { useReactFlow, useStore as useFlowStore, type InternalNode } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import {
  EXTERNAL_ID,
  graphIdForKey,
  prefersReducedMotion,
  selectGraphRevision,
  selectHopNeighbourhood,
  selectSelected,
  useStore,
} from '../../store';
import { cameraFor, type Box } from './presenter-view';
import { SMALLEST_LABEL } from './sizes';

export const FIT = { padding: 0.04, maxZoom: 1.6, duration: 0 };
/** Presenting, no graph label is smaller than this on the screen at text size 1 (CSS pixels). */
export const READABLE_LABEL_PX = 16;
/**
 * Presenting, the camera leaves the pane's left edge to the zoom buttons (React Flow's Controls, bottom
 * left: 26 px wide, 15 px from the edge): at 1280×720 the external client's box sat under them.
 */
const CONTROLS_INSET = 48;
/** How long the camera takes to move to the next hop. */
const MOVE_MS = 350;

const boxOf = (n: InternalNode): Box => ({
  ...n.internals.positionAbsolute,
  width: n.measured.width ?? n.width ?? 0,
  height: n.measured.height ?? n.height ?? 0,
});

/**
 * @param scene which scene the graph shows (workspace, scenario, lesson): another one is fitted.
 * @param moved set by the panel when the student pans or zooms, cleared here by every fit.
 */
export function AutoFit({
  scene,
  moved,
  shownAs,
}: {
  scene: string;
  moved: RefObject<boolean>;
  /** A pod of a collapsed group → the group's box the camera follows instead. */
  shownAs?: ReadonlyMap<string, string>;
}) {
  const flow = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const presenting = useStore((s) => s.presenting);
  const textScale = useStore((s) => s.textScale);
  const around = useStore(selectHopNeighbourhood);
  const selected = useStore(selectSelected);
  const built = useStore(selectGraphRevision);
  // The text revision of the scene to fit once its graph is built (null: nothing to fit).
  const fitFrom = useRef<number | null>(null);
  // What the camera last answered to: the panel's size and, presenting, what it follows.
  const last = useRef<{ size: string; view: string; presenting: boolean } | null>(null);

  useEffect(() => {
    fitFrom.current = useStore.getState().revision;
  }, [scene]);

  useEffect(() => {
    if (!width || !height) return;
    // After React Flow has measured the nodes of this render.
    const frame = requestAnimationFrame(() => {
      const size = `${width}x${height}`;
      const view = `${textScale}|${around}|${selected}`;
      const was = last.current;
      last.current = { size, view, presenting };
      const sceneShown = fitFrom.current !== null && built >= fitFrom.current;
      if (sceneShown) fitFrom.current = null;
      if (!presenting) {
        const resized = !!was && was.size !== size && !moved.current;
        if (!was || sceneShown || was.presenting || resized) {
          moved.current = false;
          void flow.fitView(FIT);
        }
        return;
      }
      // Presenting: the camera follows the hop; an edit alone (a new build) leaves it.
      if (was?.presenting && was.size === size && was.view === view && !sceneShown) return;
      const nodes = flow.getNodes();
      if (!nodes.length) return;
      const ids = around ? around.split(' ') : [selected ? graphIdForKey(selected) : EXTERNAL_ID];
      const focus = ids.flatMap((id) => {
        const n = flow.getInternalNode(shownAs?.get(id) ?? id);
        return n ? [boxOf(n)] : [];
      });
      const camera = cameraFor({
        scene: flow.getNodesBounds(nodes),
        focus,
        view: { width: Math.max(1, width - CONTROLS_INSET), height },
        minZoom: (textScale * READABLE_LABEL_PX) / SMALLEST_LABEL,
        maxZoom: FIT.maxZoom,
        padding: FIT.padding,
      });
      moved.current = false;
      void flow.setViewport(
        { ...camera, x: camera.x + CONTROLS_INSET },
        { duration: prefersReducedMotion() ? 0 : MOVE_MS },
      );
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, moved, width, height, presenting, textScale, around, selected, built, shownAs]);
  return null;
}
