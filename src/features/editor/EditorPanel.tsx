import { lazy, Suspense, useEffect, useState, type DragEvent } from 'react';
import { useT } from '../../i18n';
import {
  openFiles,
  selectEngine,
  selectLocale,
  selectProblemCounts,
  useShallow,
  useStore,
} from '../../store';
import { fromFile } from './FileActions';
import { FileNoticeView } from './FileNoticeView';
import { FileTabs } from './FileTabs';

const MonacoEditor = lazy(() => import('./MonacoEditor'));
const ProblemText = lazy(() => import('./ProblemText'));

/** Monaco's "Toggle Tab Key Moves Focus": Ctrl+M, and Ctrl+Shift+M on a Mac. */
const tabEscapeKeys = (): string =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌃⇧M' : 'Ctrl+M';

const carriesFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/** How long Monaco waits for the engine's first answer before it loads anyway (a slow or failed start). */
const EDITOR_WAIT_MS = 4000;

/**
 * Monaco (2.5 MB of script) loads once the first graph is drawn (issue 17, cold load): before, its
 * download and compile competed with the engine's worker and the graph for two cores, and the graph
 * came seconds later. Until then the panel shows the file's text as it is.
 */
function useEditorAfterGraph(): boolean {
  const answered = useStore((s) => s.engineStatus !== 'starting' || s.engineStop !== null);
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (show) return;
    const late = setTimeout(() => setShow(true), EDITOR_WAIT_MS);
    let frame = 0;
    // After the frame that draws the graph.
    if (answered) frame = requestAnimationFrame(() => setTimeout(() => setShow(true), 0));
    return () => {
      clearTimeout(late);
      cancelAnimationFrame(frame);
    };
  }, [answered, show]);
  return show;
}

/**
 * The manifests panel: the editor, a problem count, and what is wrong when the graph cannot follow.
 * Files dropped anywhere on it open as tabs (caught before Monaco, which would paste a dropped file's
 * path as text).
 */
export function EditorPanel() {
  const t = useT();
  const { errors, warnings } = useStore(useShallow(selectProblemCounts));
  const engine = useStore(useShallow(selectEngine));
  const firstError = useStore((s) => s.diagnostics.find((d) => d.severity === 'error'));
  const locale = useStore(selectLocale);
  const manyFiles = useStore((s) => s.files.length > 1);
  const [dropping, setDropping] = useState(false);
  const editorShown = useEditorAfterGraph();
  const shownText = useStore((s) => s.files.find((f) => f.name === s.activeFile)?.text ?? '');
  const waiting = (
    <div className="monaco-host loading" aria-busy="true">
      <p className="muted">{t('editor.loading')}</p>
      <pre className="editor-waiting-text">{shownText}</pre>
    </div>
  );
  const over = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const drop = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    setDropping(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) void openFiles(files.map(fromFile));
  };
  return (
    <section
      className="panel editor-panel"
      aria-label={t('editor.title')}
      onDragEnterCapture={over}
      onDragOverCapture={over}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDropCapture={drop}
      data-testid="editor-panel"
    >
      <header className="panel-header">
        <h2>{t('editor.title')}</h2>
        <span className={errors ? 'problems has-errors' : 'problems'} data-testid="problem-count">
          {errors || warnings ? t('editor.problems', { errors, warnings }) : t('editor.noProblems')}
        </span>
        {engine.computing && <span className="muted">{t('editor.computing')}</span>}
      </header>
      {engine.broken && (
        <div role="alert" className="banner banner-error" data-testid="broken-banner">
          <strong>{t('editor.broken')}</strong>
          {firstError && (
            <div className="banner-detail">
              {manyFiles && firstError.file ? `${firstError.file}:` : ''}
              {firstError.line ? `${firstError.line}: ` : ''}
              <Suspense fallback={null}>
                <ProblemText diagnostic={firstError} lang={locale} />
              </Suspense>
            </div>
          )}
        </div>
      )}
      {engine.status === 'error' && (
        <div role="alert" className="banner banner-error">
          {t('engine.error', { message: engine.message ?? '' })}
        </div>
      )}
      <FileTabs />
      <FileNoticeView />
      <div className="editor-body">
        {editorShown ? (
          <Suspense fallback={waiting}>
            <MonacoEditor />
          </Suspense>
        ) : (
          waiting
        )}
        {/* In the editor Tab indents; a keyboard user needs the way out, shown while the editor has focus. */}
        {dropping && (
          <div className="file-drop" aria-hidden>
            {t('file.drop')}
          </div>
        )}
        <p className="editor-keys" data-testid="editor-tab-hint">
          {t('editor.tabEscape', { keys: tabEscapeKeys() })}
        </p>
      </div>
    </section>
  );
}
