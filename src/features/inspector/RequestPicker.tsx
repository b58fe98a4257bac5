/**
 * Which request of a burst the inspector and the graph follow: previous, next, or a number typed in.
 * Picking one leaves the playhead where it is (every packet keeps its place); stepping then moves
 * between the picked request's hops.
 */
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function RequestPicker() {
  const t = useT();
  const count = useStore((s) => s.traces.length);
  const focus = useStore((s) => s.focus);
  const setFocus = useStore((s) => s.setFocus);
  if (count < 2) return null;
  return (
    <span className="request-picker" role="group" aria-label={t('events.request')}>
      <button
        type="button"
        className="icon"
        onClick={() => setFocus(focus - 1)}
        disabled={focus === 0}
        aria-label={t('events.prevRequest')}
        title={t('events.prevRequest')}
      >
        ‹
      </button>
      <label>
        <span className="sr-only">{t('events.request')}</span>
        <input
          type="number"
          min={1}
          max={count}
          value={focus + 1}
          onChange={(e) => setFocus(Number(e.target.value) - 1)}
          data-testid="request-picker"
          className="count"
        />
      </label>
      <span aria-hidden>/ {count}</span>
      <button
        type="button"
        className="icon"
        onClick={() => setFocus(focus + 1)}
        disabled={focus >= count - 1}
        aria-label={t('events.nextRequest')}
        title={t('events.nextRequest')}
      >
        ›
      </button>
    </span>
  );
}
