/**
 * A Gateway hop at a glance, from the hop's gatewayRef: which Gateway and listener took the request,
 * which route rule matched, which backendRef the weights chose (the graph lights the same). The
 * reasons, including why the earlier rules did not match, are the engine's note, one sentence a line.
 */
import type { GatewayRef, Msg } from '../../engine';
import { useT } from '../../i18n';
import { Message } from '../../i18n/message';

const objectName = (key: string) => key.split('/').slice(1).join('/'); // "HTTPRoute/default/shop" → "default/shop"

export function GatewayDecision({ gateway }: { gateway: GatewayRef }) {
  const t = useT();
  return (
    <dl className="packet gateway-decision" data-testid="gateway-decision">
      <dt>{t('inspector.gateway.gateway')}</dt>
      <dd>
        <code>{objectName(gateway.gateway)}</code>
      </dd>
      <dt>{t('inspector.gateway.listener')}</dt>
      <dd>
        <code>{gateway.listeners.join(', ')}</code>
      </dd>
      <dt>{t('inspector.gateway.route')}</dt>
      <dd>
        {gateway.route ? (
          <>
            {t('inspector.gateway.rule', {
              kind: gateway.route.split('/')[0] ?? '',
              rule: gateway.rule ?? 0,
            })}{' '}
            <code>{objectName(gateway.route)}</code>
          </>
        ) : (
          t('inspector.gateway.noRoute')
        )}
      </dd>
      {gateway.service && (
        <>
          <dt>{t('inspector.gateway.backend')}</dt>
          <dd>
            <code>{objectName(gateway.service)}</code>
          </dd>
        </>
      )}
    </dl>
  );
}

/** A note made of sentences, one a line (a Gateway's reasons are several steps: vhost, rule, weight, endpoint). */
export function NoteSteps({ note }: { note: Msg }) {
  const parts = note.id === 'common.sentences' ? (note.params as { parts?: Msg[] }).parts : undefined;
  if (!parts) return <Message m={note} />;
  return (
    <span className="note-steps" data-msg-id={note.id}>
      {parts.map((p, i) => (
        <Message key={i} className="note-step" m={p} />
      ))}
    </span>
  );
}
