import { lazy, Suspense, useEffect, useState, type DragEvent } from 'react';
import { useT } from '../../i18n';
import {
  afterFirstGraph,
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

/**
 * Monaco (2.5 MB of script) loads once the first graph is drawn (issue 17, cold load): before, its
 * download and compile competed with the engine's worker and the graph for two cores, and the graph
 * came seconds later. Until then the panel shows the file's text as it is.
 *
 * It waits for the graph itself (store/first-graph.ts: after the frame that draws it, or after
 * FIRST_GRAPH_WAIT_MS), not for the engine's answer: once the worker got faster, its answer often reached
 * the page before the graph's own chunk had rendered, and Monaco, starting in the next frame, held the
 * main thread for the 0.3–2.4 s the graph then waited. When the answer has no graph to draw (a text that
 * does not parse, an engine that failed or was stopped), the editor is what the student needs: it loads
 * at once.
 */
function useEditorAfterGraph(): boolean {
  const noGraph = useStore(
    (s) => (s.engineStatus !== 'starting' && s.lastGood === null) || s.engineStop !== null,
  );
  const [graphShown, setGraphShown] = useState(false);
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstGraph().then(() => {
      if (live) setGraphShown(true);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (show || !(graphShown || noGraph)) return;
    // After the frame that shows the answer.
    const frame = requestAnimationFrame(() => setTimeout(() => setShow(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [graphShown, noGraph, show]);
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
