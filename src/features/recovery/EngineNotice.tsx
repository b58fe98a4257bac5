/**
 * Says when the engine's worker was stopped and restarted (store/engine-sync.ts, worker/engine-client.ts):
 * a build over its time budget or a worker that failed; either way the new worker holds the last cluster
 * built, which the graph shows. Gone with the next good build, or when closed. A worker that could not be
 * started again leaves only a reload.
 */
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function EngineNotice() {
  const t = useT();
  const stop = useStore((s) => s.engineStop);
  if (!stop) return null;
  if (stop.why === 'gaveUp') {
    return (
      <p role="alert" className="banner banner-error" data-testid="engine-notice">
        {t('engine.stopped.gaveUp')}{' '}
        <button type="button" onClick={() => location.reload()}>
          {t('engine.reload')}
        </button>
      </p>
    );
  }
  return (
    <p role="alert" className="banner banner-warn" data-testid="engine-notice">
      {stop.why === 'overBudget'
        ? t('engine.stopped.overBudget', { seconds: stop.budgetMs / 1000 })
        : t('engine.stopped.crashed')}{' '}
      <button type="button" onClick={() => useStore.setState({ engineStop: null })}>
        {t('save.dismiss')}
      </button>
    </p>
  );
}
