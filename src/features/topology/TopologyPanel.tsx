/**
 * The cluster graph. Layout is recomputed only when the cluster changes; selection only toggles
 * classes. A broken document keeps the last good cluster, dimmed. The packet overlay is passed in by
 * the page (features do not import each other) and rendered inside React Flow's viewport context.
 */
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { keyForGraphId, selectCluster, selectGraphRevision, selectSelected, useStore } from '../../store';
import { highlightFor } from './highlight';
import { flowEdges, flowNodes, graphFor, lastLayoutMs } from './flow-elements';
import { nodeTypes } from './nodes';

export function TopologyPanel({ overlay }: { overlay?: ReactNode }) {
  const t = useT();
  const cluster = useStore(selectCluster);
  const revision = useStore(selectGraphRevision);
  const selected = useStore(selectSelected);
  const broken = useStore((s) => s.broken);
  const select = useStore((s) => s.select);
  const scenarioKey = useStore((s) => s.scenarioId ?? 'custom');
  const graph = useMemo(() => (cluster ? graphFor(cluster) : null), [cluster]);
  const lit = useMemo(() => (graph ? highlightFor(graph, selected) : null), [graph, selected]);
  const nodes = useMemo(() => flowNodes(graph, lit), [graph, lit]);
  const edges = useMemo(() => flowEdges(graph, lit), [graph, lit]);

  useEffect(() => {
    if (revision) performance.mark('svclab:graph', { detail: { revision, layoutMs: lastLayoutMs() } });
  }, [revision, nodes]);

  return (
    <section className={`panel topology-panel${broken ? ' stale' : ''}`} aria-label={t('graph.title')}>
      <header className="panel-header">
        <h2>{t('graph.title')}</h2>
        {broken && cluster && <span className="badge-stale">{t('graph.stale')}</span>}
        <span className="muted legend">{t('graph.legend')}</span>
      </header>
      <div className="flow-host" data-testid="topology" data-revision={revision}>
        {graph ? (
          <ReactFlowProvider key={scenarioKey}>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              fitView
              fitViewOptions={{ padding: 0.05 }}
              minZoom={0.2}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable
              onlyRenderVisibleElements={false}
              proOptions={{ hideAttribution: true }}
              onNodeClick={(_, n) => select(n.type === 'zone' ? null : keyForGraphId(n.id), 'graph')}
              onPaneClick={() => select(null, 'graph')}
            >
              <Background gap={24} />
              <Controls showInteractive={false} />
              {overlay}
            </ReactFlow>
          </ReactFlowProvider>
        ) : (
          <p className="empty">{t('graph.empty')}</p>
        )}
      </div>
    </section>
  );
}
