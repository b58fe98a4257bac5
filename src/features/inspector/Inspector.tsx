/**
 * The inspector follows the focused request of a burst hop by hop (it re-renders when the hop changes,
 * not every frame); once that request has come to rest it shows the outcome unmistakably (and, for a
 * DNS lookup, nslookup's output); for a burst, where the requests that have arrived went.
 */
import { isMessageKey, useT } from '../../i18n';
import { Message } from '../../i18n/message';
import { selectFocusDone, selectFocusTrace, selectHopIndex, useStore } from '../../store';
import { HopView } from './HopView';
import { Tally } from './Tally';

/**
 * Before the first request: how to start, and, outside a lesson, the way into the course (the path
 * forward a newcomer needs after the first request).
 */
function InspectorEmpty() {
  const t = useT();
  const inLesson = useStore((s) => s.lessonId !== null);
  const openCourse = useStore((s) => s.setSidePanel);
  return (
    <div className="inspector-empty">
      <p className="muted">{t('inspector.empty')}</p>
      {!inLesson && (
        <p className="inspector-course">
          {t('inspector.courseHint')}{' '}
          <button type="button" data-testid="open-course" onClick={() => openCourse('lesson')}>
            {t('inspector.openCourse')}
          </button>
        </p>
      )}
    </div>
  );
}

export function Inspector() {
  const t = useT();
  const trace = useStore(selectFocusTrace);
  const count = useStore((s) => s.traces.length);
  const focus = useStore((s) => s.focus);
  const hopIndex = useStore(selectHopIndex);
  const done = useStore(selectFocusDone);
  const lookupText = useStore((s) => s.lookupText);
  // A lookup that answered with text only (no packets to follow) shows it alone.
  if (!trace && lookupText !== null)
    return (
      <pre className="lookup" data-testid="lookup-output">
        {lookupText}
      </pre>
    );
  if (!trace) return <InspectorEmpty />;
  const hop = trace.hops[hopIndex];
  const ok = trace.outcome === 'delivered';
  const outcomeKey = `outcome.${trace.outcome}`;
  return (
    <div className="inspector" aria-live="polite">
      {count > 1 && (
        <p className="inspector-request" data-testid="inspector-request">
          {t('inspector.request', { k: focus + 1, n: count })}
        </p>
      )}
      {(done || trace.hops.length === 0) && (
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
          {trace.clientError && <pre className="response-body">{trace.clientError.message}</pre>}
          {focus === 0 && lookupText !== null && (
            <pre className="lookup" data-testid="lookup-output">
              {lookupText}
            </pre>
          )}
          {trace.sourceSeenByBackend && lookupText === null && (
            <p>{t('inspector.seenByBackend', { addr: trace.sourceSeenByBackend })}</p>
          )}
        </div>
      )}
      {hop && <HopView hop={hop} before={trace.hops[hopIndex - 1]?.packet} />}
      {count > 1 && <Tally />}
    </div>
  );
}
