/**
 * The course: every lesson in course order with its ideas, its challenges and where the student stands
 * (steps seen, challenges passed, done), the instructors' lessons after it, and a file to open one more.
 */
import { useT } from '../../i18n';
import {
  lessonStatus,
  selectCourse,
  selectLocale,
  useShallow,
  useStore,
  type CourseEntry,
} from '../../store';
import { conceptLabel } from './concept-labels';
import { LessonErrors } from './LessonErrors';
import { LessonFileLoader } from './LessonFileLoader';

interface Props {
  onOpened(): void;
  /** Back to the open lesson (when one is open). */
  onBack?: (() => void) | undefined;
}

export function LessonPicker({ onOpened, onBack }: Props) {
  const t = useT();
  const locale = useStore(selectLocale);
  const course = useStore(selectCourse);
  const { catalogue, error, lessonId, progress } = useStore(
    useShallow((s) => ({
      catalogue: s.lessonCatalogue,
      error: s.lessonCatalogueError,
      lessonId: s.lessonId,
      progress: s.lessonProgress,
    })),
  );
  const openLesson = useStore((s) => s.openLesson);
  const removeUserLesson = useStore((s) => s.removeUserLesson);
  const open = (entry: CourseEntry) => {
    if (openLesson(entry.ref)) onOpened();
  };

  return (
    <div className="lesson-picker" data-testid="lesson-picker">
      {onBack && (
        <header className="lesson-head">
          <h3>{t('lessons.title')}</h3>
          <button type="button" onClick={onBack} data-testid="lesson-picker-back">
            ← {t('lessons.backToLesson')}
          </button>
        </header>
      )}
      <div className="lesson-scroll">
        <p className="muted lesson-intro">{t('lessons.intro')}</p>
        {error && (
          <p role="alert" className="banner banner-error">
            {t('lessons.loadFailed', { message: error })}
          </p>
        )}
        {!catalogue && !error && <p className="muted">{t('lessons.loading')}</p>}
        <ol className="lesson-list">
          {course.map((entry, i) => {
            const { lesson } = entry;
            const status = lessonStatus(lesson, progress[entry.ref]);
            const current = entry.ref === lessonId;
            return (
              <li key={entry.ref} className={status.done ? 'lesson-done' : undefined}>
                <button
                  type="button"
                  className="lesson-item"
                  onClick={() => open(entry)}
                  aria-current={current ? 'true' : undefined}
                  data-testid={`lesson-item-${entry.ref}`}
                >
                  <span className="lesson-item-head">
                    <span className="lesson-num" aria-hidden>
                      {i + 1}
                    </span>
                    <span className="lesson-item-title">{lesson.title[locale]}</span>
                    <span className="lesson-mark-done" data-testid="lesson-status">
                      {status.done
                        ? `✓ ${t('lessons.progress.done')}`
                        : current
                          ? t('lessons.progress.open')
                          : ''}
                    </span>
                  </span>
                  <span className="lesson-concepts">
                    <span className="sr-only">{t('lessons.concepts')}: </span>
                    {lesson.concepts.map((c) => conceptLabel(c, locale)).join(' · ')}
                  </span>
                  {lesson.challenges.length > 0 && (
                    <span className="lesson-challenges">
                      <span className="sr-only">{t('lessons.challenges')}: </span>
                      {lesson.challenges.map((c) => (
                        <span key={c.id} className="lesson-challenge-chip">
                          {progress[entry.ref]?.passed.includes(c.id) ? '✓ ' : ''}
                          {c.title[locale]}
                        </span>
                      ))}
                    </span>
                  )}
                  <span className="lesson-progress muted">
                    {t('lessons.progress.steps', { seen: status.stepsSeen, total: status.steps })}
                    {status.challenges > 0 &&
                      ` · ${t('lessons.progress.challenges', { passed: status.challengesPassed, total: status.challenges })}`}
                  </span>
                  {entry.file && (
                    <span className="lesson-progress muted">
                      {t('lessons.fromFile', { name: entry.file })}
                    </span>
                  )}
                </button>
                {entry.file && (
                  <button
                    type="button"
                    className="lesson-remove"
                    onClick={() => removeUserLesson(entry.file!)}
                  >
                    {t('lessons.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {catalogue?.builtinErrors.map((b) => (
          <LessonErrors
            key={b.folder}
            title={t('lessons.builtinBroken', { folder: b.folder })}
            errors={b.errors}
          />
        ))}
        {catalogue?.user.map((u) =>
          u.ok ? null : (
            <div key={u.name}>
              <LessonErrors title={t('lessons.file.broken', { name: u.name })} errors={u.errors} />
              <button type="button" onClick={() => removeUserLesson(u.name)}>
                {t('lessons.remove')}
              </button>
            </div>
          ),
        )}
        <LessonFileLoader onOpened={onOpened} />
      </div>
    </div>
  );
}
