/**
 * One challenge: what the scene must do, a Check that runs it in the worker on the editor's text, each
 * check's verdict with what the engine found (in the page's language), and the hints ladder.
 */
import { useEffect, useRef } from 'react';
import type { Challenge } from '../../engine';
import { useT } from '../../i18n';
import { Message } from '../../i18n/message';
import { challengeKey, checkLessonChallenge, selectLocale, useStore, type LessonRef } from '../../store';
import { HintLadder } from './HintLadder';

export function ChallengeView({ challenge, lessonRef }: { challenge: Challenge; lessonRef: LessonRef }) {
  const t = useT();
  const locale = useStore(selectLocale);
  const run = useStore((s) => s.challengeRuns[challengeKey(lessonRef, challenge.id)]);
  const passedBefore = useStore((s) => s.lessonProgress[lessonRef]?.passed.includes(challenge.id) ?? false);
  const revision = useStore((s) => s.revision);
  const running = run?.status === 'running';
  // The verdict appears below the goal: bring its first line into the panel's view when it arrives.
  const verdict = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run?.status === 'done' || run?.status === 'error')
      verdict.current?.scrollIntoView({ block: 'nearest' });
  }, [run]);
  const headingId = `challenge-${challenge.id}`;

  return (
    <section
      className="lesson-challenge"
      aria-labelledby={headingId}
      data-testid={`challenge-${challenge.id}`}
    >
      <h5 id={headingId}>
        {challenge.title[locale]}
        {passedBefore && <span className="badge-ok">✓ {t('challenge.passedBefore')}</span>}
      </h5>
      <p>
        <span className="label">{t('challenge.goal')}</span> {challenge.goal[locale]}
      </p>
      <div className="lesson-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void checkLessonChallenge(challenge.id)}
          disabled={running}
          data-testid="challenge-check"
        >
          {running ? t('challenge.checking') : t('challenge.check')}
        </button>
      </div>
      <div aria-live="polite" ref={verdict}>
        {run?.status === 'done' && (
          <div className="challenge-result" data-testid="challenge-result">
            <p className={run.result.passed ? 'verdict-line verdict-pass' : 'verdict-line verdict-fail'}>
              {run.result.passed ? `✓ ${t('challenge.passed')}` : `✗ ${t('challenge.failed')}`}
            </p>
            {run.revision !== revision && <p className="lesson-note">{t('challenge.stale')}</p>}
            <ul className="challenge-checks" aria-label={t('challenge.results')}>
              {run.result.checks.map((c, i) => (
                <li
                  key={i}
                  className={c.passed ? 'check-pass' : 'check-fail'}
                  data-testid="challenge-check-row"
                >
                  <span className="check-icon" aria-hidden>
                    {c.passed ? '✓' : '✗'}
                  </span>
                  <span className="sr-only">
                    {c.passed ? t('challenge.check.passed') : t('challenge.check.failed')}:{' '}
                  </span>
                  <Message m={c.description} className="check-description" />
                  <Message m={c.detail} className="check-detail" />
                </li>
              ))}
            </ul>
          </div>
        )}
        {run?.status === 'error' && (
          <p role="alert" className="banner banner-error">
            {t('lesson.engineError', { message: run.error })}
          </p>
        )}
      </div>
      <HintLadder challenge={challenge} lessonRef={lessonRef} />
    </section>
  );
}
