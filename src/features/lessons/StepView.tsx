/**
 * One step: its text in the page's language, what it points at (highlighted in the graph and the YAML;
 * each can be selected from here by keyboard), the request it prepared, the console line it suggests,
 * and its prediction.
 */
import type { LoadedLesson } from '../../engine';
import { useT } from '../../i18n';
import { selectCluster, selectLocale, stepCommand, useStore, type LessonRef } from '../../store';
import { PredictionView } from './PredictionView';

interface Props {
  lesson: LoadedLesson;
  lessonRef: LessonRef;
  index: number;
}

export function StepView({ lesson, lessonRef, index }: Props) {
  const t = useT();
  const locale = useStore(selectLocale);
  const request = useStore((s) => s.request);
  const select = useStore((s) => s.select);
  const draftConsole = useStore((s) => s.draftConsole);
  const step = lesson.steps[index]!;
  // Addresses the cluster allocates (a load balancer's IP, a node's) are filled in as the cluster is built.
  const command = useStore((s) => (step.command ? stepCommand(step.command, selectCluster(s)) : undefined));
  return (
    <div className="lesson-step" data-testid="lesson-step">
      <p className="lesson-text">{step.text[locale]}</p>
      {step.highlight && step.highlight.length > 0 && (
        <div className="lesson-marks">
          <span className="label">{t('lesson.marks')}</span>
          <ul>
            {step.highlight.map((mark) => {
              const [key = '', field] = mark.split('#', 2);
              const what = field ? `${key} · ${field}` : key;
              return (
                <li key={mark}>
                  <button
                    type="button"
                    className="chip chip-mark"
                    onClick={() => select(key, 'graph')}
                    title={t('lesson.mark.show', { what })}
                  >
                    {what}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {step.request && (
        <p className="lesson-request" data-testid="lesson-request">
          {t('lesson.request', { from: request.from, to: request.target })}
        </p>
      )}
      {command && (
        <div className="lesson-command">
          <span className="label">{t('lesson.command')}</span>
          <code>{command}</code>
          <button type="button" onClick={() => draftConsole(command)} title={t('lesson.command.title')}>
            {t('lesson.command.put')}
          </button>
        </div>
      )}
      {step.predict && (
        <PredictionView
          key={`${lessonRef}#${index}`}
          lessonRef={lessonRef}
          index={index}
          predict={step.predict}
          sends={!!step.request}
        />
      )}
    </div>
  );
}
