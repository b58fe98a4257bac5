/**
 * Opens an instructor's lesson from a file (one bundle, YAML or JSON). A file larger than the engine
 * reads is refused before it is read; a file that does not decode shows each problem with its line and
 * field, and opens nothing.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n';
import { loadLessonFile, useStore } from '../../store';
import { LessonErrors } from './LessonErrors';

export function LessonFileLoader({ onOpened }: { onOpened(): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const maxBytes = useStore((s) => s.lessonCatalogue?.maxBytes ?? 0);
  const failed = useStore((s) => s.lessonFileErrors);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after it is fixed
    if (!file) return;
    setProblem(null);
    useStore.setState({ lessonFileErrors: null });
    if (file.size > maxBytes) {
      setProblem(t('lessons.file.tooLarge', { name: file.name, max: maxBytes }));
      return;
    }
    setBusy(true);
    try {
      if (await loadLessonFile(file.name, await file.text())) onOpened();
    } catch (err) {
      setProblem(t('lessons.file.unreadable', { name: file.name, message: String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lesson-file">
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => void pick(e)}
        data-testid="lesson-file-input"
      />
      <button type="button" onClick={() => input.current?.click()} disabled={busy || !maxBytes}>
        {t('lessons.file.load')}
      </button>
      <p className="muted">{t('lessons.file.hint')}</p>
      {problem && (
        <p role="alert" className="banner banner-error">
          {problem}
        </p>
      )}
      {failed && (
        <LessonErrors title={t('lessons.file.errors', { name: failed.name })} errors={failed.errors} />
      )}
    </div>
  );
}
