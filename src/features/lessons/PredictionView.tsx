/**
 * A prediction: the student picks an answer, then sends the step's request (or, for a step without one,
 * asks the cluster); the engine runs the prediction's commands on the scene as it is and says whether
 * the answer matches what the cluster did, with the lesson's explanation.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Prediction } from '../../engine';
import { useT } from '../../i18n';
import { Message } from '../../i18n/message';
import {
  answerPrediction,
  predictionKey,
  selectLocale,
  sendRequest,
  useStore,
  type LessonRef,
} from '../../store';

interface Props {
  lessonRef: LessonRef;
  index: number;
  predict: Prediction;
  /** The step has a request: answering sends it, so the packets play while the engine judges. */
  sends: boolean;
}

export function PredictionView({ lessonRef, index, predict, sends }: Props) {
  const t = useT();
  const locale = useStore(selectLocale);
  const run = useStore((s) => s.predictionRuns[predictionKey(lessonRef, index)]);
  const earlier = useStore((s) => s.lessonProgress[lessonRef]?.predictions[index]);
  const revision = useStore((s) => s.revision);
  const setSidePanel = useStore((s) => s.setSidePanel);
  const [chosen, setChosen] = useState<string | null>(earlier?.chosen ?? null);
  const [asked, setAsked] = useState(false);
  const name = useId();
  const running = run?.status === 'running';
  // The answer appears below the question: bring it into the panel's view when it arrives.
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run?.status === 'done' || run?.status === 'error')
      answer.current?.scrollIntoView({ block: 'nearest' });
  }, [run]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(true);
    if (chosen) void answerPrediction(chosen, sendRequest);
  };
  const choiceText = (id: string) => predict.choices.find((c) => c.id === id)?.text[locale] ?? id;

  return (
    <form className="lesson-predict" onSubmit={submit} data-testid="lesson-predict">
      <fieldset disabled={running}>
        <legend>
          <span className="label">{t('lesson.predict')}</span>
          <span className="lesson-question">{predict.question[locale]}</span>
        </legend>
        {predict.choices.map((c) => (
          <label key={c.id} className="lesson-choice">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={chosen === c.id}
              onChange={() => setChosen(c.id)}
            />
            <span>{c.text[locale]}</span>
          </label>
        ))}
      </fieldset>
      <div className="lesson-actions">
        <button type="submit" className="primary" disabled={running} data-testid="lesson-predict-send">
          {sends ? t('lesson.predict.send') : t('lesson.predict.check')}
        </button>
        {asked && !chosen && <span className="lesson-note">{t('lesson.predict.pick')}</span>}
        {running && <span className="muted">{t('lesson.predict.running')}</span>}
      </div>
      <div aria-live="polite" ref={answer}>
        {run?.status === 'done' && (
          <div
            className={`lesson-verdict ${run.result.right ? 'verdict-right' : 'verdict-wrong'}`}
            data-testid="lesson-verdict"
          >
            <Message m={run.result.verdict} as="p" className="verdict-line" />
            <p>
              <span className="label">{t('lesson.predict.why')}</span> <Message m={run.result.explain} />
            </p>
            {run.revision !== revision && <p className="lesson-note">{t('lesson.predict.stale')}</p>}
            {sends && (
              <button type="button" onClick={() => setSidePanel('inspector')}>
                {t('lesson.predict.inspector')}
              </button>
            )}
          </div>
        )}
        {run?.status === 'error' && (
          <p role="alert" className="banner banner-error">
            {t('lesson.engineError', { message: run.error })}
          </p>
        )}
        {!run && earlier && (
          <div className={`lesson-verdict ${earlier.right ? 'verdict-right' : 'verdict-wrong'}`}>
            <p className="verdict-line">
              {t('lesson.predict.earlier', {
                choice: choiceText(earlier.chosen),
                verdict: earlier.right ? t('lesson.predict.right') : t('lesson.predict.wrong'),
              })}
            </p>
            <p>
              <span className="label">{t('lesson.predict.why')}</span> {predict.explain[locale]}
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
