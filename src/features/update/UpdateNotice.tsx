/**
 * Says that a new version of svclab is ready (its service worker waits: service-worker.ts) and offers
 * to reload into it, the user's work saved first; or, when the browser refused to save it, that the page
 * did not reload and what to do. "Later" keeps this version until the next visit.
 */
import { useT } from '../../i18n';
import { dismissUpdate, updateNow, useUpdateState } from './service-worker';
import './update.css';

export function UpdateNotice() {
  const t = useT();
  const state = useUpdateState();
  if (state === 'idle') return null;
  if (state === 'unsaved') {
    return (
      <p role="alert" className="banner update-notice update-unsaved" data-testid="update-notice">
        {t('update.unsaved')}{' '}
        <button type="button" onClick={() => void updateNow(true)}>
          {t('update.reloadAnyway')}
        </button>{' '}
        <button type="button" onClick={dismissUpdate}>
          {t('update.later')}
        </button>
      </p>
    );
  }
  return (
    <p role="status" className="banner update-notice" data-testid="update-notice">
      {t('update.ready')}{' '}
      <button type="button" onClick={() => void updateNow()} data-testid="update-reload">
        {t('update.reload')}
      </button>{' '}
      <button type="button" onClick={dismissUpdate}>
        {t('update.later')}
      </button>
    </p>
  );
}
