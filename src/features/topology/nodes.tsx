/** The graph's node components. Each reads only its own `data`; highlighting comes in as a class. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../../i18n';
import type { GraphNode } from './to-flow-graph';

type P = NodeProps<GraphNode>;
const handles = (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} />
    <Handle type="source" position={Position.Right} isConnectable={false} />
  </>
);

export function ClientNode(_: P) {
  const t = useT();
  return (
    <div className="g-box g-client">
      {handles}
      <span className="g-icon" aria-hidden>
        🌐
      </span>
      {t('graph.external')}
    </div>
  );
}

export function LbNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'lb') return null;
  return (
    <div className="g-box g-lb">
      {handles}
      <div className="g-title">{t('graph.cloudLb')}</div>
      <div className="g-mono">{data.ips.join(', ') || '…'}</div>
    </div>
  );
}

export function ServiceNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'service') return null;
  const s = data.service;
  const ready = s.endpoints.filter((e) => e.ready).length;
  const headless = s.clusterIP === 'None';
  return (
    <div className={`g-box g-service${s.system ? ' g-system' : ''}${s.endpoints.length ? '' : ' g-empty'}`}>
      {handles}
      <div className="g-title">
        {s.name} <span className="g-tag">{s.type}</span>
      </div>
      <div className="g-mono">
        {s.externalName
          ? t('graph.externalName', { name: s.externalName })
          : headless
            ? t('graph.headless')
            : `${s.clusterIP} ${s.ports.join(' ')}`}
      </div>
      {!s.externalName && (
        <div className="g-sub">
          {t('graph.endpoints', { ready, total: s.endpoints.length })}
          {!headless && ` · ${t('graph.serviceRules')}`}
        </div>
      )}
    </div>
  );
}

export function ZoneNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'zone') return null;
  return (
    <div className="g-zone">
      <div className="g-zone-label">
        {data.zone ? t('graph.zone', { zone: data.zone }) : t('graph.noZone')}
      </div>
    </div>
  );
}

export function K8sNode({ data }: P) {
  if (data.kind !== 'node') return null;
  return (
    <div className="g-node">
      {handles}
      <div className="g-title">
        {data.node.name} <span className="g-mono">{data.node.ip}</span>
      </div>
    </div>
  );
}

export function KubeProxyNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'kube-proxy') return null;
  return (
    <div className="g-box g-proxy">
      {handles}
      <span className="g-title">{t('graph.kubeProxy', { mode: data.mode })}</span>
      <span className="g-sub">{t('graph.rulesFor', { count: data.services })}</span>
    </div>
  );
}

export function PodNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'pod') return null;
  const p = data.pod;
  return (
    <div className={`g-box g-pod${p.ready ? '' : ' g-not-ready'}${p.system ? ' g-system' : ''}`}>
      {handles}
      <div className="g-title" title={`${p.namespace}/${p.name}`}>
        {p.ingressController ? `${t('graph.ingress')} · ` : ''}
        {p.name}
      </div>
      <div className="g-mono">
        {p.ip || '—'}
        {!p.ready && <span className="g-warn"> · {t('graph.notReady')}</span>}
      </div>
    </div>
  );
}

export const nodeTypes = {
  client: ClientNode,
  lb: LbNode,
  service: ServiceNode,
  zone: ZoneNode,
  node: K8sNode,
  'kube-proxy': KubeProxyNode,
  pod: PodNode,
};
