/**
 * The Monaco editor bound to the store: one model per file of the scene (the tabs above pick the one
 * shown), text both ways, engine diagnostics as markers on the file they are about, the cursor selects
 * the object under it, and a selection made in the graph opens the file of its YAML and highlights the
 * lines. Loaded lazily (React.lazy) so Monaco is not in the initial JavaScript.
 */
import { useEffect, useRef } from 'react';
import { registerSceneEditor, selectCluster, selectLessonMarks, useStore, type SceneFile } from '../../store';
import { useT } from '../../i18n';
import { monaco } from './monaco-setup';
import { markLines } from './lesson-marks';
import { fileOf, linesOf, objectAtLine } from './origins';
import { minimalEdit } from './text-edit';
import { toMonacoMarkers } from './to-monaco-markers';

type Model = ReturnType<typeof monaco.editor.createModel>;

/** The diagnostics about one file (those that name none go on the first file, so none is lost). */
const diagnosticsOf = (name: string, files: readonly SceneFile[]) =>
  useStore.getState().diagnostics.filter((d) => (d.file ?? files[0]?.name) === name);

export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ReturnType<typeof monaco.editor.create> | null>(null);
  const t = useT();
  const ariaLabel = t('editor.textarea');

  useEffect(() => {
    const models = new Map<string, Model>();
    const views = new Map<string, ReturnType<typeof editor.saveViewState>>();
    let syncing = false;
    let shown: string | null = null;

    const editor = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      fontSize: 16,
      lineHeight: 22,
      minimap: { enabled: false },
      // Sticky scroll took 5 of 27 visible lines of a Service at 720p; the cursor's object is lit instead.
      stickyScroll: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      wordWrap: 'off',
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    editorRef.current = editor;
    const decorations = editor.createDecorationsCollection();
    const lessonDecorations = editor.createDecorationsCollection();

    const applyMarkers = () => {
      const { files, locale } = useStore.getState();
      for (const [name, model] of models)
        monaco.editor.setModelMarkers(
          model,
          'svclab',
          toMonacoMarkers(diagnosticsOf(name, files), model.getLineCount(), locale),
        );
    };

    /** Models for the store's files: new files get one, removed or renamed ones lose theirs. */
    const syncModels = (files: readonly SceneFile[]) => {
      syncing = true;
      try {
        for (const f of files) {
          const model = models.get(f.name);
          if (!model) {
            const created = monaco.editor.createModel(
              f.text,
              'yaml',
              monaco.Uri.from({ scheme: 'file', path: `/${f.name}` }),
            );
            created.onDidChangeContent(() => {
              if (!syncing) useStore.getState().setFileText(f.name, created.getValue());
            });
            models.set(f.name, created);
          } else if (model.getValue() !== f.text) model.setValue(f.text);
        }
        for (const [name, model] of models)
          if (!files.some((f) => f.name === name)) {
            models.delete(name);
            views.delete(name);
            model.dispose();
          }
      } finally {
        syncing = false;
      }
    };

    /**
     * A command's edit (the console's `kubectl scale` …) as one undoable step on that file's model, shown
     * or not: the model's change reaches the store as typing does, and Ctrl+Z takes it back.
     */
    const applyEdit = (file: string, text: string): boolean => {
      const model = models.get(file);
      if (!model) return false;
      const edit = minimalEdit(model.getValue(), text);
      if (!edit) return true;
      const range = monaco.Range.fromPositions(
        model.getPositionAt(edit.start),
        model.getPositionAt(edit.end),
      );
      model.pushStackElement();
      model.pushEditOperations(null, [{ range, text: edit.text, forceMoveMarkers: true }], () => null);
      model.pushStackElement();
      return true;
    };
    const stopEdits = registerSceneEditor(applyEdit);

    const highlight = (key: string | null, reveal: boolean) => {
      const cluster = selectCluster(useStore.getState());
      const lines = key && cluster && shown ? linesOf(cluster.origins, key, shown) : null;
      if (!lines) return decorations.clear();
      decorations.set([
        {
          range: new monaco.Range(lines.startLine, 1, lines.endLine, 1),
          options: {
            isWholeLine: true,
            className: 'yaml-selected',
            linesDecorationsClassName: 'yaml-selected-gutter',
          },
        },
      ]);
      if (reveal) editor.revealLinesInCenterIfOutsideViewport(lines.startLine, lines.endLine);
    };

    // What the lesson's step points at in the file shown: the objects' lines, the field's more strongly.
    let revealPending = false;
    const markLesson = (reveal: boolean) => {
      const s = useStore.getState();
      const cluster = selectCluster(s);
      const model = shown ? models.get(shown) : undefined;
      const found =
        cluster && model && shown
          ? selectLessonMarks(s).flatMap((m) => markLines(model.getValue(), cluster.origins, m, shown!) ?? [])
          : [];
      lessonDecorations.set(
        found.flatMap(({ object, field }) => [
          {
            range: new monaco.Range(object.startLine, 1, object.endLine, 1),
            options: { isWholeLine: true, linesDecorationsClassName: 'yaml-lesson-gutter' },
          },
          ...(field
            ? [
                {
                  range: new monaco.Range(field.startLine, 1, field.endLine, 1),
                  options: { isWholeLine: true, className: 'yaml-lesson-field' },
                },
              ]
            : []),
        ]),
      );
      const first = found[0];
      const target = first?.field ?? first?.object;
      if (reveal && target) editor.revealLinesInCenterIfOutsideViewport(target.startLine, target.endLine);
    };

    /** Shows the store's active file, keeping each file's cursor and scroll for when it comes back. */
    const show = (name: string) => {
      if (name === shown) return;
      const model = models.get(name);
      if (!model) return;
      if (shown) views.set(shown, editor.saveViewState());
      shown = name;
      decorations.clear();
      lessonDecorations.clear();
      editor.setModel(model);
      const view = views.get(name);
      if (view) editor.restoreViewState(view);
      const s = useStore.getState();
      highlight(s.selected, false);
      markLesson(false);
    };

    /** A selection in the graph, or a step's mark, in another file: that file is shown. */
    const followTo = (key: string | null) => {
      const s = useStore.getState();
      const cluster = selectCluster(s);
      const file = key && cluster ? fileOf(cluster.origins, key) : null;
      if (file && file !== s.activeFile && models.has(file)) s.showFile(file);
    };

    const onCursor = editor.onDidChangeCursorPosition((e) => {
      if (e.source === 'api' || e.source === 'modelChange' || !shown) return;
      const cluster = selectCluster(useStore.getState());
      if (!cluster) return;
      useStore.getState().select(objectAtLine(cluster.origins, shown, e.position.lineNumber), 'editor');
    });
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.files !== prev.files) syncModels(s.files);
      if (s.files !== prev.files || s.diagnostics !== prev.diagnostics || s.locale !== prev.locale)
        applyMarkers();
      const fromGraph = s.selectionSource === 'graph' && s.selected !== prev.selected;
      if (fromGraph) followTo(s.selected);
      const marksChanged = selectLessonMarks(s) !== selectLessonMarks(prev);
      if (marksChanged) followTo(selectLessonMarks(s)[0]?.split('#', 1)[0] ?? null);
      const now = useStore.getState();
      if (now.activeFile !== shown) show(now.activeFile);
      if (s.selected !== prev.selected || s.lastGood !== prev.lastGood) highlight(s.selected, fromGraph);
      // A step's mark is revealed once the cluster has been built from the text now shown: when a
      // lesson opens, its marks change before its scene is built, and the previous scene's lines would
      // scroll to the wrong place (or nowhere).
      if (marksChanged) revealPending = true;
      if (marksChanged || s.lastGood !== prev.lastGood) {
        const built = now.lastGood?.revision === now.revision;
        markLesson(revealPending && built);
        if (built) revealPending = false;
      }
    });
    syncModels(useStore.getState().files);
    applyMarkers();
    show(useStore.getState().activeFile);
    markLesson(true);
    return () => {
      stopEdits();
      unsubscribe();
      onCursor.dispose();
      editorRef.current = null;
      editor.dispose();
      for (const model of models.values()) model.dispose();
    };
  }, []);

  useEffect(() => editorRef.current?.updateOptions({ ariaLabel }), [ariaLabel]);

  return <div ref={host} className="monaco-host" data-testid="yaml-editor" />;
}
