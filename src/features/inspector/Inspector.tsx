/**
 * The inspector follows the first request hop by hop (it re-renders when the hop changes, not every
 * frame), shows the outcome unmistakably, and for a burst, where the requests went. A DNS lookup's
 * trace is its queries; what nslookup printed comes with its outcome.
 */
import { isMessageKey, useT } from '../../i18n';
import { Message } from '../../i18n/message';
import { selectHopIndex, selectTraces, useStore } from '../../store';
import { HopView } from './HopView';
import { tally } from './tally';
import { useMemo } from 'react';

export function Inspector() {
  const t = useT();
  const traces = useStore(selectTraces);
  const hopIndex = useStore(selectHopIndex);
  const rows = useMemo(() => (traces.length > 1 ? tally(traces) : []), [traces]);
  const lookup = useStore((s) => s.lookupText);
  const trace = traces[0];
  const lookupOutput = lookup !== null && (
    <pre className="lookup" data-testid="lookup-output">
      {lookup}
    </pre>
  );
  if (!trace) return lookupOutput || <p className="muted inspector-empty">{t('inspector.empty')}</p>;
  const hop = trace.hops[hopIndex];
  const atEnd = hopIndex === trace.hops.length - 1;
  const ok = trace.outcome === 'delivered';
  const outcomeKey = `outcome.${trace.outcome}`;
  return (
    <div className="inspector" aria-live="polite">
      {(atEnd || trace.hops.length === 0) && (
        <div
          className={`outcome ${ok ? 'outcome-ok' : 'outcome-bad'}`}
          role={ok ? 'status' : 'alert'}
          data-testid="outcome"
        >
          <strong className="outcome-title">
            {isMessageKey(outcomeKey) ? t(outcomeKey) : trace.outcome}
            {trace.response && ` · ${t('inspector.response', { status: trace.response.status })}`}
          </strong>
          <Message as="p" m={trace.explanation} data-testid="explanation" className="explanation" />
          {trace.response?.body && <pre className="response-body">{trace.response.body.split('\n')[0]}</pre>}
          {lookupOutput}
          {trace.clientError && <pre className="response-body">{trace.clientError.message}</pre>}
          {trace.sourceSeenByBackend && (
            <p>{t('inspector.seenByBackend', { addr: trace.sourceSeenByBackend })}</p>
          )}
        </div>
      )}
      {hop && <HopView hop={hop} before={trace.hops[hopIndex - 1]?.packet} />}
      {rows.length > 0 && (
        <div className="tally" data-testid="tally">
          <div className="label">{t('inspector.tally')}</div>
          {rows.map((r) => (
            <div key={r.label} className={`tally-row${r.ok ? '' : ' tally-bad'}`}>
              <span className="tally-label">
                {r.ok
                  ? r.label
                  : isMessageKey(`outcome.${r.label}`)
                    ? t(`outcome.${r.label}` as never)
                    : r.label}
              </span>
              <span className="tally-bar" style={{ width: `${(100 * r.count) / traces.length}%` }} />
              <span className="tally-count">{r.count}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
