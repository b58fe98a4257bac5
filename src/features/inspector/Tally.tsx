/**
 * Where a burst's requests went, counting only those that have come to rest: the tally grows as packets
 * arrive, so a burst does not give the answer away at its first hop. Re-renders when a packet arrives,
 * not every frame.
 */
import { useMemo } from 'react';
import { isMessageKey, useT } from '../../i18n';
import { arrived, selectArrivedCount, selectReadout, shortName, useStore } from '../../store';
import { tally } from './tally';

export function Tally() {
  const t = useT();
  const traces = useStore((s) => s.traces);
  const done = useStore(selectArrivedCount);
  const rows = useMemo(
    // `done` changes exactly when the set of arrived requests does.
    () => (done > 0 ? tally(arrived(traces, selectReadout(useStore.getState()))) : []),
    [traces, done],
  );
  return (
    <div className="tally" data-testid="tally">
      <div className="label">
        {t('inspector.tally')} ·{' '}
        <span data-testid="tally-arrived">{t('inspector.arrived', { done, total: traces.length })}</span>
      </div>
      {rows.map((r) => (
        <div key={r.label} className={`tally-row${r.ok ? '' : ' tally-bad'}`}>
          <span className="tally-label" title={r.label}>
            {r.ok
              ? shortName(r.label)
              : isMessageKey(`outcome.${r.label}`)
                ? t(`outcome.${r.label}` as never)
                : r.label}
          </span>
          <span className="tally-bar" style={{ width: `${(100 * r.count) / traces.length}%` }} />
          <span className="tally-count">{r.count}</span>
        </div>
      ))}
    </div>
  );
}
