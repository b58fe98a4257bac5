/**
 * The scene's timeline (issue 15): a scrubber over the Timeline's events on a time axis. Moving it
 * rebuilds the cluster at that instant, so the graph, the rules, the console and the requests are the
 * cluster then. Keyboard: the slider's arrows (1 s), Page Up/Down, Home/End, and the buttons that jump
 * to the previous or next event. Shown once the scene has a Timeline (or a fault was just tried).
 */
import { useMemo } from 'react';
import { formatDuration } from '../../engine';
import { useT } from '../../i18n';
import { useRender } from '../../i18n/message';
import { useStore } from '../../store';
import { around, axisEnd, instants } from './events';
import './timeline.css';

export function TimelineBar() {
  const t = useT();
  const render = useRender();
  const events = useStore((s) => s.timelineEvents);
  const at = useStore((s) => s.sceneAt);
  const setAt = useStore((s) => s.setSceneAt);
  const status = useStore((s) => s.faultStatus);
  const list = useMemo(() => instants(events), [events]);
  // Without a Timeline the page stays as it was: the bar comes with the first fault.
  if (list.length === 0 && at === 0 && !status) return null;
  const end = axisEnd(events, at);
  const { last, next } = around(list, at);
  const previous = [...list].reverse().find((i) => i.at < at);
  const now = formatDuration(at);

  return (
    <section className="panel timeline-bar" aria-label={t('timeline.title')} data-testid="timeline">
      <div className="timeline-row">
        <label htmlFor="scene-at" className="timeline-label">
          {t('timeline.label')}
        </label>
        <button
          type="button"
          className="timeline-step"
          aria-label={t('timeline.prev')}
          title={t('timeline.prev')}
          disabled={!previous && at === 0}
          onClick={() => setAt(previous?.at ?? 0)}
          data-testid="timeline-prev"
        >
          ◀
        </button>
        <div className="timeline-track">
          <input
            id="scene-at"
            type="range"
            min={0}
            max={end}
            step={1}
            value={at}
            title={t('timeline.scrubber')}
            aria-valuetext={now}
            onChange={(e) => setAt(Number(e.target.value))}
            data-testid="timeline-scrubber"
          />
          <div className="timeline-marks" aria-hidden="true">
            {list.map((i) => (
              <button
                type="button"
                key={i.at}
                tabIndex={-1}
                className={`timeline-mark${i.fault ? ' fault' : ''}${i.at <= at ? ' past' : ''}`}
                style={{ left: `${(i.at / end) * 100}%` }}
                title={`${formatDuration(i.at)}: ${i.events.map((e) => render(e.msg)).join('\n')}`}
                onClick={() => setAt(i.at)}
                data-testid="timeline-mark"
              />
            ))}
          </div>
        </div>
        <button
          type="button"
          className="timeline-step"
          aria-label={t('timeline.next')}
          title={t('timeline.next')}
          disabled={!next}
          onClick={() => next && setAt(next.at)}
          data-testid="timeline-next"
        >
          ▶
        </button>
        <output htmlFor="scene-at" className="timeline-at" data-testid="timeline-at">
          t = {now}
        </output>
        {list.length === 0 && <span className="muted timeline-hint">{t('timeline.hint')}</span>}
      </div>
      {list.length === 0 ? null : (
        <div className="timeline-now" data-testid="timeline-now" aria-live="polite">
          {last ? (
            <>
              <strong>{formatDuration(last.at)}</strong>{' '}
              {last.events.map((e, k) => (
                <span key={k} className={e.fault ? 'fault' : undefined} data-msg-id={e.msg.id}>
                  {render(e.msg)}{' '}
                </span>
              ))}
            </>
          ) : (
            t('timeline.before')
          )}
        </div>
      )}
      {status && (
        <p className={`timeline-status${status.ok ? '' : ' error'}`} role="status" data-testid="fault-status">
          <code>$ {status.line}</code> {status.text}
        </p>
      )}
    </section>
  );
}
