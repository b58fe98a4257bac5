/**
 * The cluster graph. Layout is recomputed only when the cluster changes; selection only toggles
 * classes. A broken document keeps the last good cluster, dimmed. The followed request's route is drawn
 * as links (a burst's spread faintly), its current hop lights the deciding Service, its rule chip and the
 * chosen pod, and the packet overlay moves the packets along those links.
 */
import { Background, Controls, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useT } from '../../i18n';
import {
  instrumentation,
  keyForGraphId,
  selectCluster,
  selectDropPlace,
  selectFocusTrace,
  selectGraphRevision,
  selectHopIndex,
  selectHopPlace,
  selectLessonMarks,
  selectSelected,
  useStore,
} from '../../store';
import { refusedObjects } from './ghosts';
import { highlightFor, lessonMarksFor } from './highlight';
import { AutoFit, FIT } from './AutoFit';
import { flowEdges, flowNodes, graphFor } from './flow-elements';
import { ghostsOf, sceneKeyOf } from './graph-layout';
import { hopLights } from './hop-lights';
import { nodeTypes } from './nodes';
import { isGroupId } from './pod-groups';
import { PacketOverlay } from './PacketOverlay';
import { burstLinks, routeOf } from './route';
import { edgeTypes } from './RouteEdge';

/**
 * What React Flow draws before the engine's first answer (issue 17, cold load): the graph's pane is
 * mounted empty as soon as this chunk has run, so the answer only adds the boxes.
 */
const NO_NODES: Node[] = [];
const NO_EDGES: Edge[] = [];

/** A context menu asked for on a graph element (right click, Shift+F10 or the menu key). */
export type ElementMenuRequest = (menu: { id: string; x: number; y: number }) => void;

export function TopologyPanel({ onElementMenu }: { onElementMenu?: ElementMenuRequest } = {}) {
  const t = useT();
  const cluster = useStore(selectCluster);
  const revision = useStore(selectGraphRevision);
  const selected = useStore(selectSelected);
  const broken = useStore((s) => s.broken);
  const select = useStore((s) => s.select);
  const inspect = useStore((s) => s.inspect);
  const scenarioKey = useStore((s) => s.scenarioId ?? 'custom');
  const sceneKey = useStore(sceneKeyOf);
  const diagnostics = useStore((s) => s.diagnostics);
  const ghosts = useMemo(() => refusedObjects(diagnostics), [diagnostics]);
  // The pod groups the student opened, in this scene (another scene starts with every group folded).
  const [open, setOpen] = useState<{ scene: string; ids: ReadonlySet<string> }>({
    scene: '',
    ids: new Set(),
  });
  const expanded = useMemo(() => (open.scene === sceneKey ? open.ids : new Set<string>()), [open, sceneKey]);
  const toggleGroup = (id: string) => {
    const ids = new Set(expanded);
    if (!ids.delete(id)) ids.add(id);
    setOpen({ scene: sceneKey, ids });
  };
  const graph = useMemo(
    () => (cluster ? graphFor(cluster, ghostsOf(broken, ghosts), sceneKey, expanded) : null),
    [cluster, ghosts, broken, sceneKey, expanded],
  );
  const lit = useMemo(() => (graph ? highlightFor(graph, selected) : null), [graph, selected]);
  // The student moved the camera (pan, wheel, pinch, the zoom buttons): a resize no longer refits.
  const moved = useRef(false);
  const userMoved = () => {
    moved.current = true;
  };
  const selectedService = selected?.startsWith('Service/') ? selected : null;
  const at = useStore(selectHopPlace);
  const drop = useStore(selectDropPlace);
  const marks = useStore(selectLessonMarks);
  const marked = useMemo(() => lessonMarksFor(marks), [marks]);
  const trace = useStore(selectFocusTrace);
  const traces = useStore((s) => s.traces);
  const hop = useStore(selectHopIndex);
  const links = useMemo(() => routeOf(trace), [trace]);
  const burst = useMemo(() => (traces.length > 1 ? burstLinks(traces) : []), [traces]);
  const lights = useMemo(() => hopLights(cluster, trace?.hops ?? [], hop), [cluster, trace, hop]);
  const phase = trace?.hops[hop]?.phase;
  const nodes = useMemo(
    () => flowNodes(graph, lit, selectedService, { at, drop, marked, lights }),
    [graph, lit, selectedService, at, drop, marked, lights],
  );
  const edges = useMemo(
    () => flowEdges(graph, lit, { links, hop, phase, burst }, lights),
    [graph, lit, links, hop, phase, burst, lights],
  );

  useEffect(() => {
    if (revision) instrumentation.graphShown(revision);
  }, [revision, nodes]);

  const openElement = (id: string, type: string | undefined) =>
    type === 'pod-group' ? toggleGroup(id) : select(type === 'zone' ? null : keyForGraphId(id), 'graph');
  // React Flow hands its handlers to every node's wrapper: a new function on each render (a keystroke
  // re-renders this panel) re-rendered every box. These keep one identity and call the newest code.
  const latest = useRef({ openElement, onElementMenu, select });
  useLayoutEffect(() => {
    latest.current = { openElement, onElementMenu, select };
  });
  const onNodeClick = useCallback((_: MouseEvent, n: Node) => latest.current.openElement(n.id, n.type), []);
  const onNodeContextMenu = useCallback((e: MouseEvent, n: Node) => {
    const menu = latest.current.onElementMenu;
    if (!menu) return;
    e.preventDefault();
    menu({ id: n.id, x: e.clientX, y: e.clientY });
  }, []);
  const onPaneClick = useCallback(() => latest.current.select(null, 'graph'), []);
  const onMoveStart = useCallback((e: unknown) => {
    if (e) moved.current = true;
  }, []);
  // A graph element takes focus with Tab (React Flow makes nodes focusable); Enter opens it in the
  // inspector.
  // Shift+F10 or the menu key: the element's context menu, beside it.
  const onKeyDown = (e: KeyboardEvent) => {
    const menuKey = e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey);
    if ((e.key !== 'Enter' && !menuKey) || !(e.target instanceof HTMLElement)) return;
    const el = e.target.closest<HTMLElement>('.react-flow__node');
    const id = el?.dataset.id;
    if (!id || !el) return;
    e.preventDefault();
    // Enter opens the element in the inspector and moves focus there (a zone has nothing to show); on
    // a pod group it lists the group's pods, or folds them again.
    if (!menuKey) {
      const type = nodes.find((n) => n.id === id)?.type;
      if (type === 'zone') return;
      if (type === 'pod-group') return toggleGroup(id);
      return inspect(keyForGraphId(id));
    }
    if (isGroupId(id)) return;
    const box = el.getBoundingClientRect();
    onElementMenu?.({ id, x: box.left + 12, y: box.bottom });
  };

  return (
    <section className={`panel topology-panel${broken ? ' stale' : ''}`} aria-label={t('graph.title')}>
      <header className="panel-header">
        <h2>{t('graph.title')}</h2>
        {broken && cluster && <span className="badge-stale">{t('graph.stale')}</span>}
        <span className="muted legend">{t('graph.legend')}</span>
      </header>
      {ghosts.length > 0 && !broken && (
        <p className="graph-banner" role="status" data-testid="graph-refused">
          {t('graph.refused', { names: ghosts.map((x) => `${x.kind} ${x.name}`).join(', ') })}
        </p>
      )}
      <div className="flow-host" data-testid="topology" data-revision={revision} onKeyDown={onKeyDown}>
        {/* Mounted before the engine's first answer (empty), so that answer only adds the boxes. */}
        <ReactFlowProvider key={scenarioKey}>
          <ReactFlow
            nodes={graph ? nodes : NO_NODES}
            edges={graph ? edges : NO_EDGES}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            fitView
            fitViewOptions={FIT}
            onMoveStart={onMoveStart}
            minZoom={0.2}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable
            onlyRenderVisibleElements={false}
            proOptions={{ hideAttribution: true }}
            onNodeClick={onNodeClick}
            onNodeContextMenu={onNodeContextMenu}
            onPaneClick={onPaneClick}
          >
            {graph && (
              <>
                <Background gap={24} />
                <Controls
                  showInteractive={false}
                  fitViewOptions={FIT}
                  onZoomIn={userMoved}
                  onZoomOut={userMoved}
                  onFitView={() => {
                    moved.current = false;
                  }}
                />
                <AutoFit scene={sceneKey} moved={moved} shownAs={graph.shownAs} />
                <PacketOverlay shownAs={graph.shownAs} />
              </>
            )}
          </ReactFlow>
        </ReactFlowProvider>
        {!graph && <p className="empty graph-empty">{t('graph.empty')}</p>}
      </div>
    </section>
  );
}
