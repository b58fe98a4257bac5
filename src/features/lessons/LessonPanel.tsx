/**
 * The open lesson: its title, its pages (the steps, then the challenges) with Back and Next, and the
 * page itself. Moving to another page brings the keyboard focus to the page's heading when the focus
 * was in the panel (a screen reader reads the new step), and leaves it alone otherwise (a clicker).
 */
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import {
  lessonStatus,
  pageCount,
  selectActiveLesson,
  selectCourse,
  selectLessonPage,
  selectLocale,
  useStore,
} from '../../store';
import { ChallengesPage } from './ChallengesPage';
import { StepView } from './StepView';

export function LessonPanel({ onBrowse }: { onBrowse(): void }) {
  const t = useT();
  const locale = useStore(selectLocale);
  const lesson = useStore(selectActiveLesson);
  const ref = useStore((s) => s.lessonId)!;
  const page = useStore(selectLessonPage);
  const progress = useStore((s) => s.lessonProgress[ref]);
  const course = useStore(selectCourse);
  const catalogue = useStore((s) => s.lessonCatalogue);
  const { lessonStep, goToLessonStep, closeLesson, resetLessonScene, openLesson } = useStore.getState();
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    if (panel.current?.contains(document.activeElement) && document.activeElement !== document.body)
      heading.current?.focus();
  }, [page, ref]);

  if (!catalogue)
    return (
      <div className="lesson-panel">
        <p className="muted lesson-scroll">{t('lessons.loading')}</p>
      </div>
    );
  if (!lesson)
    return (
      <div className="lesson-panel">
        <p role="alert" className="banner banner-warn">
          {t('lesson.missing')}
        </p>
        <div className="lesson-nav">
          <button type="button" onClick={onBrowse}>
            {t('lesson.all')}
          </button>
          <button type="button" onClick={closeLesson}>
            {t('lesson.leave')}
          </button>
        </div>
      </div>
    );

  const pages = pageCount(lesson);
  const onChallenges = page >= lesson.steps.length;
  const status = lessonStatus(lesson, progress);
  const at = course.findIndex((c) => c.ref === ref);
  const next = status.done && onChallenges ? course[at + 1] : undefined;
  const reset = () => {
    if (window.confirm(t('lesson.reset.confirm'))) resetLessonScene();
  };

  const dots = Array.from({ length: pages }, (_, i) => {
    const challenge = i >= lesson.steps.length;
    const seen = challenge ? status.challengesPassed === status.challenges : progress?.seen.includes(i);
    return (
      <button
        key={i}
        type="button"
        className={`lesson-dot${seen ? ' seen' : ''}${challenge ? ' challenge' : ''}`}
        aria-current={i === page ? 'step' : undefined}
        aria-label={challenge ? t('lesson.challengePage') : t('lesson.goTo', { n: i + 1 })}
        onClick={() => goToLessonStep(i)}
      >
        {challenge ? '★' : i + 1}
      </button>
    );
  });

  return (
    <div className="lesson-panel" ref={panel} data-testid="lesson-panel">
      <header className="lesson-head lesson-head-open">
        <h3 className="lesson-title" data-testid="lesson-title">
          {lesson.title[locale]}
        </h3>
        <div className="lesson-tools">
          <button type="button" onClick={onBrowse}>
            ‹ {t('lesson.all')}
          </button>
          <button type="button" onClick={reset} title={t('lesson.reset.title')}>
            {t('lesson.reset')}
          </button>
          <button
            type="button"
            onClick={closeLesson}
            title={t('lesson.leave.title')}
            data-testid="lesson-leave"
          >
            {t('lesson.leave')}
          </button>
        </div>
      </header>
      <div className="lesson-scroll" ref={scroller}>
        <h4 className="lesson-page-title" ref={heading} tabIndex={-1} data-testid="lesson-page-title">
          {onChallenges
            ? t('lesson.challengePage')
            : t('lesson.page', { n: page + 1, total: lesson.steps.length })}
        </h4>
        {page === 0 && <p className="lesson-summary muted">{lesson.summary[locale]}</p>}
        {onChallenges ? (
          <ChallengesPage lesson={lesson} lessonRef={ref} />
        ) : (
          <StepView lesson={lesson} lessonRef={ref} index={page} />
        )}
        {status.done && onChallenges && (
          <p className="lesson-complete" role="status">
            ✓ {t('lesson.done')}
          </p>
        )}
      </div>
      <footer className="lesson-nav">
        <button type="button" onClick={() => lessonStep(-1)} disabled={page === 0} data-testid="lesson-back">
          ← {t('lesson.back')}
        </button>
        <nav className="lesson-pages" aria-label={t('lesson.pages')}>
          {dots}
        </nav>
        {next ? (
          <button type="button" className="primary" onClick={() => openLesson(next.ref)}>
            {t('lesson.nextLesson', { title: next.lesson.title[locale] })} →
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => lessonStep(+1)}
            disabled={page >= pages - 1}
            data-testid="lesson-next"
          >
            {t('lesson.next')} →
          </button>
        )}
      </footer>
    </div>
  );
}
