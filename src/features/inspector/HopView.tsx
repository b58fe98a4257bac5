/**
 * One hop: what happened (the engine's rewrite label: new packet, reply, DNAT, SNAT, both, un-NAT, a
 * proxy's new connection; or the action), where, DNS or request, going or coming back; the packet's
 * source and destination, with a NAT rewrite shown as "before → after" (the changed part highlighted)
 * and nothing struck through when the packet is new or a reply; the exact rule that decided it (the
 * iptables-save line, the IPVS entry, the conntrack entry), the candidates with their probabilities, and why.
 */
import type { Hop, PacketView } from '../../engine';
import { isMessageKey, useT, type MessageKey } from '../../i18n';
import { Message } from '../../i18n/message';
import { GatewayDecision, NoteSteps } from './GatewayDecision';
import { hopLabel, isNat } from './hop-label';
import { diffEndpoint, splitEndpoint, type EndpointDiff } from './packet-diff';

function Endpoint({ value, changed }: { value: string; changed: EndpointDiff }) {
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

function Address({ label, before, after }: { label: string; before?: string; after: string }) {
  // `before` is given only for a hop that NAT rewrote (see isNat).
  const changed = diffEndpoint(before, after);
  const rewritten = changed.ip || changed.port;
  return (
    <>
      <dt>{label}</dt>
      <dd className={rewritten ? 'changed' : undefined}>
        {rewritten && before && (
          <>
            <code className="endpoint was">{before}</code>
            <span className="arrow" aria-hidden>
              {' → '}
            </span>
          </>
        )}
        <Endpoint value={after} changed={changed} />
      </dd>
    </>
  );
}

/** Where a rule comes from, in the words of the tool that prints it. */
function ruleSource(hop: Hop): MessageKey {
  if (hop.rule?.startsWith('conntrack')) return 'inspector.rule.conntrack';
  if (hop.rule?.startsWith('-A ')) return 'inspector.rule.iptables';
  if (/^(TCP|UDP|SCTP)\s/.test(hop.rule ?? '') || hop.rule?.includes('->')) return 'inspector.rule.ipvs';
  return 'inspector.rule';
}

const percent = (p: number) => `${(p * 100).toFixed(p === 1 || p === 0 ? 0 : 1)}%`;

export function HopView({ hop, before }: { hop: Hop; before: PacketView | undefined }) {
  const t = useT();
  const stageKey = `stage.${hop.stage}`;
  const bad = hop.action === 'drop' || hop.action === 'reject';
  const where = hop.location.replace(/^(node|pod|lb)\//, '');
  const nat = isNat(hop);
  const label = hopLabel(hop);
  return (
    <div
      className={`hop hop-${hop.action}${nat ? ' hop-nat' : ''}${bad ? ' hop-bad' : ''}`}
      data-testid="hop-view"
      data-rewrite={hop.rewrite}
    >
      <div className="hop-head">
        <span className={`action action-${label.kind.replace('+', '-')}`} data-testid="hop-label">
          {isMessageKey(label.key) ? t(label.key) : label.kind}
        </span>
        {bad && label.kind !== hop.action && (
          <span className={`action action-${hop.action}`}>{t(`action.${hop.action}`)}</span>
        )}
        {hop.phase && (
          <span className={`phase phase-${hop.phase}`}>
            {t(hop.phase === 'dns' ? 'inspector.phase.dns' : 'inspector.phase.request')}
            {hop.direction === 'reply' ? ` · ${t('inspector.reply')}` : ''}
          </span>
        )}
        {hop.crossZone && <span className="badge-warn">{t('inspector.crossZone')}</span>}
      </div>
      <div className="hop-where">
        {isMessageKey(stageKey) ? t(stageKey, { where }) : `${hop.stage} · ${hop.location}`}
      </div>
      <dl className="packet">
        <Address
          label={t('inspector.source')}
          before={nat ? before?.src : undefined}
          after={hop.packet.src}
        />
        <Address
          label={t('inspector.destination')}
          before={nat ? before?.dst : undefined}
          after={hop.packet.dst}
        />
        <dt>{t('inspector.protocol')}</dt>
        <dd>{hop.packet.protocol}</dd>
      </dl>
      {hop.gatewayRef && <GatewayDecision gateway={hop.gatewayRef} />}
      {hop.note && (
        <div className="note" data-testid="hop-note" data-msg-id={hop.note.id}>
          <span className="label">{t('inspector.note')}</span>{' '}
          {hop.gatewayRef ? <NoteSteps note={hop.note} /> : <Message m={hop.note} />}
        </div>
      )}
      {hop.rule && (
        <div className="rule">
          <div className="label">
            {t(ruleSource(hop), { node: hop.ruleRef?.node ?? where })}
            {hop.ruleRef?.chain && (
              <span className="rule-ref">
                {' '}
                {hop.ruleRef.table ? `-t ${hop.ruleRef.table} ` : ''}
                {hop.ruleRef.chain}
                {hop.ruleRef.index !== undefined ? ` #${hop.ruleRef.index + 1}` : ''}
              </span>
            )}
          </div>
          <pre data-testid="hop-rule">{hop.rule}</pre>
        </div>
      )}
      {hop.candidates && hop.candidates.length > 0 && (
        <div className="candidates" data-testid="hop-candidates">
          <div className="label">{t('inspector.candidates')}</div>
          <table>
            <tbody>
              {hop.candidates.map((c) => (
                <tr key={c.endpoint} className={c.chosen ? 'chosen' : undefined}>
                  <td>
                    {c.chosen && (
                      <span className="badge-ok" title={t('inspector.chosen')}>
                        ✓ <span className="sr-only">{t('inspector.chosen')}</span>
                      </span>
                    )}
                    <code>{c.endpoint}</code>
                    {c.pod && <div className="muted cand-pod">{c.pod.replace(/^default\//, '')}</div>}
                    {/* Under the address, not beside it: a long health note squeezed the address
                        column to "192.16 / 8.49.2 / :32743" at 1280×720. */}
                    {c.state && <div className="muted cand-note">{c.state}</div>}
                    {c.health && <Message as="div" className="muted cand-note cand-health" m={c.health} />}
                  </td>
                  <td className="cand-p">
                    {c.probability !== undefined && (
                      <>
                        <span className="p-bar" style={{ width: `${Math.round(c.probability * 60)}px` }} />
                        <strong>{percent(c.probability)}</strong>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hop.topology && (
        <p className="note" data-testid="hop-topology" data-msg-id={hop.topology.id}>
          <span className="label">{t('inspector.topology')}</span> <Message m={hop.topology} />
        </p>
      )}
      {hop.leftOut && hop.leftOut.length > 0 && (
        <div className="candidates left-out" data-testid="hop-left-out">
          <div className="label">{t('inspector.leftOut')}</div>
          <table>
            <tbody>
              {hop.leftOut.map((c) => (
                <tr key={c.endpoint}>
                  <td>
                    <code>{c.endpoint}</code>
                    {c.pod && <div className="muted cand-pod">{c.pod.replace(/^default\//, '')}</div>}
                    {/* Under the address, as a candidate's note: beside it, the reason squeezed the
                        address to "10.244 / .1.3:8 / 080". */}
                    <Message as="div" className="muted cand-note" m={c.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
