/**
 * The Monaco editor bound to the store: text both ways, engine diagnostics as markers, the cursor
 * selects the object under it, and a selection made in the graph reveals and highlights its YAML lines.
 * Loaded lazily (React.lazy) so Monaco is not in the initial JavaScript.
 */
import { useEffect, useRef } from 'react';
import { SCENE_FILE, selectCluster, selectLessonMarks, useStore } from '../../store';
import { useT } from '../../i18n';
import { monaco } from './monaco-setup';
import { markLines } from './lesson-marks';
import { linesOf, objectAtLine } from './origins';
import { toMonacoMarkers } from './to-monaco-markers';

export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ReturnType<typeof monaco.editor.create> | null>(null);
  const t = useT();
  const ariaLabel = t('editor.textarea');

  useEffect(() => {
    const model = monaco.editor.createModel(
      useStore.getState().text,
      'yaml',
      monaco.Uri.parse(`file:///${SCENE_FILE}`),
    );
    const editor = monaco.editor.create(host.current!, {
      model,
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

    const applyMarkers = () =>
      monaco.editor.setModelMarkers(
        model,
        'svclab',
        toMonacoMarkers(useStore.getState().diagnostics, model.getLineCount(), useStore.getState().locale),
      );
    const highlight = (key: string | null, reveal: boolean) => {
      const cluster = selectCluster(useStore.getState());
      const lines = key && cluster ? linesOf(cluster.origins, key, SCENE_FILE) : null;
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

    // What the lesson's step points at: the objects' lines, and the field's lines marked more strongly.
    const markLesson = (reveal: boolean) => {
      const s = useStore.getState();
      const cluster = selectCluster(s);
      const found = cluster
        ? selectLessonMarks(s).flatMap(
            (m) => markLines(model.getValue(), cluster.origins, m, SCENE_FILE) ?? [],
          )
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

    const onEdit = model.onDidChangeContent(() => useStore.getState().setText(model.getValue()));
    const onCursor = editor.onDidChangeCursorPosition((e) => {
      if (e.source === 'api' || e.source === 'modelChange') return;
      const cluster = selectCluster(useStore.getState());
      if (!cluster) return;
      useStore.getState().select(objectAtLine(cluster.origins, SCENE_FILE, e.position.lineNumber), 'editor');
    });
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.text !== prev.text && s.text !== model.getValue()) model.setValue(s.text);
      if (s.diagnostics !== prev.diagnostics || s.locale !== prev.locale) applyMarkers();
      if (s.selected !== prev.selected || s.lastGood !== prev.lastGood)
        highlight(s.selected, s.selectionSource === 'graph' && s.selected !== prev.selected);
      const marksChanged = selectLessonMarks(s) !== selectLessonMarks(prev);
      if (marksChanged || s.lastGood !== prev.lastGood) markLesson(marksChanged);
    });
    applyMarkers();
    markLesson(true);
    return () => {
      unsubscribe();
      onEdit.dispose();
      onCursor.dispose();
      editorRef.current = null;
      editor.dispose();
      model.dispose();
    };
  }, []);

  useEffect(() => editorRef.current?.updateOptions({ ariaLabel }), [ariaLabel]);

  return <div ref={host} className="monaco-host" data-testid="yaml-editor" />;
}
