/**
 * The page's last line (issue 17): a render that throws shows this instead of a blank page. The work is
 * saved in this browser as it is typed (store/workspace-sync.ts); this offers it as files to download,
 * to be safe, and a reload. Written without hooks or the store's selectors, which may be what broke.
 */
import { Component, type ReactNode } from 'react';
import { download, fileNameFor, sceneAsYaml } from '../features/workspaces/download';
import { LOCALES, translate, type Locale } from '../i18n';
import { useStore, workspaceSceneOf } from '../store';

interface State {
  error: Error | null;
}

function locale(): Locale {
  const l = useStore.getState().locale;
  return LOCALES.includes(l) ? l : 'en';
}

/** Every file the page holds: the editor's, and the workspace's set aside when a lesson is open. */
function downloadAll() {
  const s = useStore.getState();
  const name = s.workspaceName ?? 'scene';
  download(fileNameFor(name), sceneAsYaml(s.files));
  const aside = workspaceSceneOf(s);
  if (aside.files !== s.files) download(fileNameFor(`${name}-workspace`), sceneAsYaml(aside.files));
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const l = locale();
    return (
      <main className="crash" role="alert" data-testid="crash">
        <h1>{translate(l, 'crash.title')}</h1>
        <p>{translate(l, 'crash.body')}</p>
        <p>
          <button type="button" className="primary" onClick={downloadAll} data-testid="crash-download">
            {translate(l, 'crash.download')}
          </button>{' '}
          <button type="button" onClick={() => location.reload()} data-testid="crash-reload">
            {translate(l, 'crash.reload')}
          </button>
        </p>
        <p className="muted">{translate(l, 'crash.detail', { message: error.message })}</p>
      </main>
    );
  }
}
