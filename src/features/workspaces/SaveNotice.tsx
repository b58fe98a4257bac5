/**
 * What the page says about keeping the user's work, under the header: the storage is full or missing
 * (the work stays in this tab: download it), another tab saved this workspace (which version to keep),
 * records kept aside (from a newer svclab, or damaged). Nothing here ever drops what the user made.
 */
import { useT } from '../../i18n';
import { resolveOtherTab, useStore, workspaceSceneOf } from '../../store';
import { download, fileNameFor, sceneAsYaml } from './download';

function DownloadButton() {
  const t = useT();
  const save = () => {
    const s = useStore.getState();
    // The editor's files (a lesson's, when one is open) and the workspace's set aside, if different.
    download(fileNameFor(s.workspaceName ?? 'scene'), sceneAsYaml(s.files));
    const aside = workspaceSceneOf(s);
    if (aside.files !== s.files)
      download(fileNameFor(`${s.workspaceName ?? 'scene'}-workspace`), sceneAsYaml(aside.files));
  };
  return (
    <button type="button" onClick={save} data-testid="save-download">
      {t('save.download')}
    </button>
  );
}

export function SaveNotice() {
  const t = useT();
  const problem = useStore((s) => s.saveProblem);
  const notice = useStore((s) => s.workspaceNotice);
  const dismiss = () => useStore.getState().setWorkspaceNotice(null);
  if (!problem && !notice) return null;
  return (
    <div className="save-notice" data-testid="save-notice">
      {problem?.code === 'quota' && (
        <p role="alert" className="banner banner-error">
          {t('save.quota')} <DownloadButton />
        </p>
      )}
      {problem?.code === 'unavailable' && (
        <p role="alert" className="banner banner-error">
          {t('save.unavailable', { message: problem.message })} <DownloadButton />
        </p>
      )}
      {problem?.code === 'otherTab' && (
        <p role="alert" className="banner banner-warn">
          {t('save.otherTab')}{' '}
          <button type="button" onClick={() => void resolveOtherTab('theirs')} data-testid="other-tab-theirs">
            {t('save.otherTab.theirs')}
          </button>{' '}
          <button type="button" onClick={() => void resolveOtherTab('mine')} data-testid="other-tab-mine">
            {t('save.otherTab.mine')}
          </button>
        </p>
      )}
      {notice?.code === 'keptAside' && (
        <p role="status" className="banner banner-warn">
          {t('save.keptAside', { count: notice.count })}{' '}
          <button type="button" onClick={dismiss}>
            {t('save.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
