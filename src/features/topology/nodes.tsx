/** The graph's node components. Each reads only its own `data`; highlighting comes in as a class. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../../i18n';
import { PROXY_CHIPS } from './sizes';
import type { GraphNode } from './to-flow-graph';

type P = NodeProps<GraphNode>;
const handles = (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} />
    <Handle type="source" position={Position.Right} isConnectable={false} />
  </>
);

export function ClientNode({ data }: P) {
  const t = useT();
  return (
    <div className="g-box g-client">
      {handles}
      <div className="g-title">{t('graph.external')}</div>
      {data.kind === 'client' && <div className="g-mono">{data.ip}</div>}
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
      {s.externalName ? (
        <div className="g-mono">{t('graph.externalName', { name: s.externalName })}</div>
      ) : headless ? (
        <div className="g-mono">{t('graph.headless')}</div>
      ) : (
        <>
          <div className="g-mono" title={t('graph.serviceRules')}>
            {s.clusterIP}
          </div>
          <div className="g-mono g-ports">{s.ports.join(' ')}</div>
        </>
      )}
      {!s.externalName && (
        <div className={`g-sub${ready === 0 ? ' g-warn' : ''}`}>
          {t('graph.endpoints', { ready, total: s.endpoints.length })}
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

/** The chips of the followed hop's and the selected Service come first, never hidden behind "+N". */
const selectedFirst = <T extends { id: string }>(list: T[], ...first: (string | undefined)[]) => {
  const ids = first.filter(Boolean);
  return [
    ...ids.flatMap((id) => list.filter((s) => s.id === id)),
    ...list.filter((s) => !ids.includes(s.id)),
  ];
};

export function KubeProxyNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'kube-proxy') return null;
  return (
    <div className="g-box g-proxy">
      {handles}
      <div className="g-title">{t('graph.kubeProxy', { mode: data.mode })}</div>
      <div className="g-rules" title={t('graph.rulesFor', { count: data.services.length })}>
        {selectedFirst(data.services, data.hopService, data.selectedService)
          .slice(0, PROXY_CHIPS)
          .map((s) => (
            <span
              key={s.id}
              className={`g-rule${s.id === data.selectedService ? ' g-rule-lit' : ''}${s.id === data.hopService ? ' g-rule-hop' : ''}`}
              data-testid={s.id === data.hopService ? 'hop-rule-chip' : undefined}
            >
              {s.id === data.hopService && <span aria-hidden>▶ </span>}
              {s.name}
            </span>
          ))}
        {data.services.length > PROXY_CHIPS && (
          <span className="g-rule g-rule-more">+{data.services.length - PROXY_CHIPS}</span>
        )}
      </div>
    </div>
  );
}

/**
 * "web-85d78d4558-4wc5n": when the box is too narrow, the middle (the ReplicaSet's hash) gives way,
 * never the suffix that tells the pods apart.
 */
function PodName({ name }: { name: string }) {
  const m = /^(.*-)([a-z0-9]{5})$/.exec(name);
  if (!m) return <>{name}</>;
  return (
    <span className="pod-name">
      <span className="pod-name-head">{m[1]}</span>
      <span className="pod-name-tail">{m[2]}</span>
    </span>
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
        <PodName name={p.name} />
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
