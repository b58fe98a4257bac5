/**
 * The graph's node components. Each reads only its own `data` (and the kube-proxy box whether the room is
 * presenting: its chips' font grows); highlighting comes in as a class.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../../i18n';
import { useRender } from '../../i18n/message';
import { useStore } from '../../store';
import { averageCharWidth, sansFamily } from '../../ui/measure-text';
import { CHAR, chipRow } from './chip-labels';
import { countEndpoints } from './cluster-view';
import { IngressNode } from './IngressNode';
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
  const { ready, total } = countEndpoints(s.endpoints);
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
          {(s.clusterIPs.length > 0 ? s.clusterIPs : [s.clusterIP]).map((ip) => (
            <div key={ip} className="g-mono g-addr" title={t('graph.serviceRules')}>
              {ip}
            </div>
          ))}
          <div className="g-mono g-ports">{s.ports.join(' ')}</div>
        </>
      )}
      {!s.externalName && (
        <div className={`g-sub${ready === 0 ? ' g-warn' : ''}`}>{t('graph.endpoints', { ready, total })}</div>
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
      {data.node.ip6 && <div className="g-mono g-addr">{data.node.ip6}</div>}
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

/** Chips' text: bold, 15 graph units, 16 presenting (styles.css .g-rule, presenter.css). */
const chipFont = (presenting: boolean) => `600 ${presenting ? 16 : 15}px ${sansFamily()}`;
/** Measured widths are averages over the names; a cut keeps other letters, so leave a little room. */
const MEASURE_MARGIN = 1.08;

export function KubeProxyNode({ data }: P) {
  const t = useT();
  const presenting = useStore((s) => s.presenting);
  if (data.kind !== 'kube-proxy') return null;
  if (data.down)
    return (
      <div
        className="g-box g-proxy g-proxy-down"
        data-testid="kube-proxy-down"
        title={t('graph.kubeProxyNoRules')}
      >
        {handles}
        <div className="g-title">{t('graph.kubeProxyDown')}</div>
        <div className="g-rules">CrashLoopBackOff</div>
        <span className="sr-only">{t('graph.kubeProxyNoRules')}</span>
      </div>
    );
  const first = selectedFirst(data.services, data.hopService, data.selectedService).slice(0, PROXY_CHIPS);
  // Cut so chips of different Services never read alike (a shared start gives way first, the room goes
  // where it is needed, the followed hop's ▶ counted), in the chips' measured font; a chip that would be
  // cut past reading is counted in "+N" instead. The full name for hover and AT.
  const measured = averageCharWidth(chipFont(presenting), first.map((s) => s.name).join(''));
  const { labels, hidden } = chipRow(
    first.map((s) => s.name),
    data.services.length,
    first.map((s) => (s.id === data.hopService ? 2 : 0)),
    measured === undefined ? CHAR : measured * MEASURE_MARGIN,
  );
  const shown = first.slice(0, labels.length);
  const counted = selectedFirst(data.services, data.hopService, data.selectedService).slice(shown.length);
  return (
    <div className="g-box g-proxy">
      {handles}
      <div className="g-title">{t('graph.kubeProxy', { mode: data.mode })}</div>
      <div className="g-rules" title={t('graph.rulesFor', { count: data.services.length })}>
        {shown.map((s, i) => (
          <span
            key={s.id}
            className={`g-rule${s.id === data.selectedService ? ' g-rule-lit' : ''}${s.id === data.hopService ? ' g-rule-hop' : ''}`}
            data-testid={s.id === data.hopService ? 'hop-rule-chip' : undefined}
            title={labels[i] === s.name ? undefined : s.name}
          >
            {s.id === data.hopService && <span aria-hidden>▶ </span>}
            {labels[i] === s.name ? (
              s.name
            ) : (
              <>
                <span aria-hidden>{labels[i]}</span>
                <span className="sr-only">{s.name}</span>
              </>
            )}
          </span>
        ))}
        {hidden > 0 && (
          <span className="g-rule g-rule-more" title={counted.map((s) => s.name).join(', ')}>
            +{hidden}
          </span>
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
    <div
      className={`g-box g-pod${p.terminating ? ' g-terminating' : p.ready ? '' : ' g-not-ready'}${p.system ? ' g-system' : ''}`}
    >
      {handles}
      <div className="g-title" title={`${p.namespace}/${p.name}`}>
        {p.ingressController && <span className="pod-role">{t('graph.ingress')} · </span>}
        {p.gateway && (
          <span className="pod-role">
            {t('graph.envoy', { gateway: p.gateway.split('/')[1] ?? p.gateway })} ·{' '}
          </span>
        )}
        <PodName name={p.name} />
      </div>
      <div className="g-mono">{p.ip || '—'}</div>
      {p.ips.slice(1).map((ip) => (
        <div key={ip} className="g-mono g-addr">
          {ip}
        </div>
      ))}
      {/* Said in words on a line of its own (the box grows for it), not only by the border. */}
      {(p.terminating || !p.ready) && (
        <div className="g-sub g-warn">{t(p.terminating ? 'graph.terminating' : 'graph.notReady')}</div>
      )}
    </div>
  );
}

/**
 * A big workload's pods on one node (pod-groups.ts): a stack of cards with the workload's name, its
 * count, its share of the workload's pods on every node and the ready/not-ready tally; ▸ folded, ▾ open (its pods listed under it).
 */
export function PodGroupNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'pod-group') return null;
  const g = data.group;
  const notReady = g.pods.length - g.ready;
  return (
    <div
      className={`g-box g-pod g-group${notReady ? ' g-group-warn' : ''}${g.expanded ? ' g-group-open' : ''}`}
      title={t(g.expanded ? 'graph.groupClose' : 'graph.groupOpen', { count: g.pods.length })}
      data-testid="pod-group"
    >
      {handles}
      <div className="g-title" title={`${g.namespace}/${g.name}`}>
        <span aria-hidden>{g.expanded ? '▾ ' : '▸ '}</span>
        {g.name} ×{g.pods.length}
      </div>
      {/* The kind on a line of its own: beside a long name it was cut ("Deploym…"). */}
      <div className="g-sub">
        <span className="g-tag">{g.kind}</span>
        {/* Its share of the workload ("×67" above, "Deployment of 200" here): boxes on other nodes hold the rest. */}
        {g.total > g.pods.length && (
          <span className="g-share"> {t('graph.groupShare', { total: g.total })}</span>
        )}
      </div>
      <div className="g-mono g-tally">
        {t('graph.groupReady', { ready: g.ready })}
        {notReady > 0 && <span className="g-warn"> · {t('graph.groupNotReady', { count: notReady })}</span>}
      </div>
    </div>
  );
}

/** A Gateway: its name, class and address, then a row per listener (the route boxes sit inside it). */
export function GatewayNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'gateway') return null;
  const g = data.gateway;
  return (
    <div className={`g-gateway${g.programmed ? '' : ' g-gateway-off'}`}>
      {handles}
      <div className="g-title" title={g.id}>
        {t('graph.gateway', { name: g.name })} <span className="g-tag">{g.className}</span>
      </div>
      <div className="g-mono">
        {g.address ?? t('graph.gatewayNoAddress')}
        {!g.programmed && <span className="g-warn"> · {t('graph.notProgrammed')}</span>}
      </div>
      {g.listeners.map((l) => {
        const hop = data.hopListeners?.includes(l.name);
        return (
          <div
            key={l.name}
            className={`g-listener${hop ? ' g-listener-hop' : ''}${l.programmed ? '' : ' g-listener-off'}`}
            data-testid={hop ? 'hop-listener' : undefined}
            title={hop ? t('graph.listenerHop') : undefined}
          >
            {hop && <span aria-hidden>▶ </span>}
            <b>{l.name}</b> :{l.port}/{l.protocol}
            {l.hostname ? ` ${l.hostname}` : ''} · {t('graph.listenerRoutes', { count: l.attachedRoutes })}
            {!l.programmed && <span className="g-warn"> · {t('graph.notProgrammed')}</span>}
          </div>
        );
      })}
    </div>
  );
}

/** A route attached to the Gateway whose box holds it: kind, name, hostnames; linked to its backends. */
export function RouteNode({ data }: P) {
  const t = useT();
  if (data.kind !== 'route') return null;
  const r = data.route;
  const name = r.id.split('/').slice(2).join('/');
  const hosts = r.hostnames.length ? r.hostnames.join(', ') : t('graph.anyHost');
  return (
    <div className={`g-box g-route${r.accepted ? '' : ' g-route-refused'}`}>
      {handles}
      <div className="g-title" title={r.id}>
        {name} <span className="g-tag">{r.kind}</span>
      </div>
      <div className="g-mono" title={hosts}>
        {data.hopRule !== undefined ? (
          <span className="g-rule g-rule-hop" data-testid="hop-route-rule">
            <span aria-hidden>▶ </span>
            {t('graph.ruleMatched', { rule: data.hopRule })}
          </span>
        ) : r.accepted ? (
          hosts
        ) : (
          <span className="g-warn">{t('graph.routeNotAccepted')}</span>
        )}
      </div>
    </div>
  );
}

/** An object the API server refused: drawn faint and dashed, named "not created", with its error. */
export function GhostNode({ data }: P) {
  const t = useT();
  const r = useRender();
  if (data.kind !== 'ghost') return null;
  const x = data.ghost;
  const message = r(x.message);
  return (
    <div className="g-box g-ghost" title={message}>
      {handles}
      <div className="g-title">
        {x.name} <span className="g-tag">{x.kind}</span>
      </div>
      <div className="g-warn">✕ {t('graph.ghost')}</div>
      <div className="g-sub g-ghost-error">{message}</div>
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
  'pod-group': PodGroupNode,
  gateway: GatewayNode,
  route: RouteNode,
  ingress: IngressNode,
  ghost: GhostNode,
};
