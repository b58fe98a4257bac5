/**
 * An Ingress on the graph: its name, class and address, then a row per path (host and path, and the
 * Service it sends to). The row nginx matched for the followed request is marked with ▶ and words, not
 * colour alone; a path another Ingress keeps is struck through and says which one; an Ingress the
 * controller does not serve is dotted and says so.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../../i18n';
import { shownPaths } from './ingress-boxes';
import type { GraphNode } from './to-flow-graph';
import './ingress.css';

/** "Service/default/shop-api" → "shop-api" (the namespace is the Ingress's own). */
const serviceName = (id: string) => id.split('/').slice(2).join('/');

export function IngressNode({ data }: NodeProps<GraphNode>) {
  const t = useT();
  if (data.kind !== 'ingress') return null;
  const ing = data.ingress;
  const { rows, more } = shownPaths(ing);
  return (
    <div className={`g-ingress${ing.served ? '' : ' g-ingress-off'}`} data-testid="ingress-box">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <div className="g-title" title={ing.id}>
        {t('graph.ingressObject', { name: ing.name })}{' '}
        {ing.className && <span className="g-tag">{ing.className}</span>}
      </div>
      <div className="g-mono">
        {ing.address ?? t('graph.gatewayNoAddress')}
        {!ing.served && <span className="g-warn"> · {t('graph.ingressNotServed')}</span>}
      </div>
      {rows.map((p) => {
        const hop = data.hopPath === p.field;
        const where =
          p.field === 'spec.defaultBackend'
            ? t('graph.defaultBackend')
            : `${p.host ?? t('graph.anyHost')} ${p.path}`;
        const to = p.service ? `${serviceName(p.service)}:${p.port}` : '—';
        return (
          <div
            key={p.field}
            className={`g-path${hop ? ' g-path-hop' : ''}${p.shadowedBy ? ' g-path-shadowed' : ''}`}
            data-testid={hop ? 'hop-ingress-path' : 'ingress-path'}
            title={`${where} (${p.pathType}) → ${to}${p.shadowedBy ? ` · ${t('graph.pathShadowed', { ingress: p.shadowedBy })}` : ''}`}
          >
            <div className="g-path-where">
              {hop && (
                <span className="g-path-mark">
                  <span aria-hidden>▶ </span>
                  <span className="sr-only">{t('graph.pathMatched')}: </span>
                </span>
              )}
              {where}
            </div>
            <div className="g-path-to">
              → {to}
              {p.shadowedBy && <span> · {t('graph.pathShadowed', { ingress: p.shadowedBy })}</span>}
            </div>
          </div>
        );
      })}
      {more > 0 && <div className="g-path g-path-more">{t('graph.morePaths', { count: more })}</div>}
    </div>
  );
}
