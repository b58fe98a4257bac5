/** One hop: the packet before and after (rewritten parts highlighted), the action, the rule, the candidates, why. */
import type { Hop, PacketView } from '../../engine/trace';
import { isMessageKey, useT } from '../../i18n';
import { diffEndpoint, splitEndpoint } from './packet-diff';

function Endpoint({ value, changed }: { value: string; changed: { ip: boolean; port: boolean } }) {
  const { ip, port } = splitEndpoint(value);
  return (
    <code className="endpoint">
      <span className={changed.ip ? 'rewritten' : undefined}>{ip}</span>
      {port && (
        <>
          :<span className={changed.port ? 'rewritten' : undefined}>{port}</span>
        </>
      )}
    </code>
  );
}

export function HopView({ hop, before }: { hop: Hop; before: PacketView | undefined }) {
  const t = useT();
  const actionKey = `action.${hop.action}`;
  const bad = hop.action === 'drop' || hop.action === 'reject';
  const same = { ip: false, port: false };
  return (
    <div className={`hop${bad ? ' hop-bad' : ''}`} data-testid="hop-view">
      <div className="hop-head">
        <span className={`action action-${hop.action}`}>
          {isMessageKey(actionKey) ? t(actionKey) : hop.action}
        </span>
        <span className="hop-where">
          {hop.stage} · {hop.location}
        </span>
        {hop.crossZone && <span className="badge-warn">{t('inspector.crossZone')}</span>}
      </div>
      <table className="packet-table">
        <thead>
          <tr>
            <th />
            <th>{t('inspector.source')}</th>
            <th>{t('inspector.destination')}</th>
          </tr>
        </thead>
        <tbody>
          {before && (
            <tr>
              <th>{t('inspector.before')}</th>
              <td>
                <Endpoint value={before.src} changed={same} />
              </td>
              <td>
                <Endpoint value={before.dst} changed={same} />
              </td>
            </tr>
          )}
          <tr>
            <th>{t('inspector.after')}</th>
            <td>
              <Endpoint value={hop.packet.src} changed={diffEndpoint(before?.src, hop.packet.src)} />
            </td>
            <td>
              <Endpoint value={hop.packet.dst} changed={diffEndpoint(before?.dst, hop.packet.dst)} />
            </td>
          </tr>
        </tbody>
      </table>
      {hop.rule && (
        <div className="rule">
          <div className="label">{t('inspector.rule')}</div>
          <pre data-testid="hop-rule">{hop.rule}</pre>
        </div>
      )}
      {hop.candidates && hop.candidates.length > 0 && (
        <div className="candidates">
          <div className="label">{t('inspector.candidates')}</div>
          <ul>
            {hop.candidates.map((c) => (
              <li key={c.endpoint} className={c.chosen ? 'chosen' : undefined}>
                <code>{c.endpoint}</code> {c.pod && <span className="muted">{c.pod}</span>}{' '}
                {c.probability !== undefined && <strong>{(c.probability * 100).toFixed(1)}%</strong>}
                {c.state && <span className="muted"> {c.state}</span>}
                {c.chosen && <span className="badge-ok"> {t('inspector.chosen')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {hop.note && (
        <p className="note">
          <span className="label">{t('inspector.note')}</span> {hop.note}
        </p>
      )}
    </div>
  );
}
