/**
 * Says when the engine's worker was stopped and restarted (store/engine-sync.ts, worker/engine-client.ts):
 * a build over its time budget (the graph keeps the last good cluster) or a worker that failed (the
 * scene is built again). Gone with the next good build, or when closed.
 */
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function EngineNotice() {
  const t = useT();
  const stop = useStore((s) => s.engineStop);
  if (!stop) return null;
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
