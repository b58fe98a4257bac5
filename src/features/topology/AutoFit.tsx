/**
 * Keeps the whole cluster in view: fits again when the graph's shape changes (a pod added, a scenario
 * loaded) and when the panel changes size (the window, the editor hidden for presenting). React Flow's
 * `fitView` prop fits only once, on the first render.
 */
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect } from 'react';

const FIT = { padding: 0.04, maxZoom: 1.6, duration: 0 };

export function AutoFit({ shape }: { shape: string }) {
  const { fitView } = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  useEffect(() => {
    if (!width || !height) return;
    // After React Flow has measured the nodes of this render.
    const frame = requestAnimationFrame(() => void fitView(FIT));
    return () => cancelAnimationFrame(frame);
  }, [fitView, shape, width, height]);
  return null;
}
