/** The hints of a challenge, one at a time: a nudge, then the concept, then the exact field. */
import type { Challenge } from '../../engine';
import { useT, type MessageKey } from '../../i18n';
import { selectLocale, useStore, type LessonRef } from '../../store';

const RUNGS: readonly { key: keyof Challenge['hints']; label: MessageKey }[] = [
  { key: 'nudge', label: 'challenge.hint.nudge' },
  { key: 'concept', label: 'challenge.hint.concept' },
  { key: 'field', label: 'challenge.hint.field' },
];

export function HintLadder({ challenge, lessonRef }: { challenge: Challenge; lessonRef: LessonRef }) {
  const t = useT();
  const locale = useStore(selectLocale);
  const shown = useStore((s) => s.lessonProgress[lessonRef]?.hints[challenge.id] ?? 0);
  const revealHint = useStore((s) => s.revealHint);
  return (
    <div className="hint-ladder">
      {shown > 0 && (
        <ol className="hints" aria-label={t('challenge.hints')} data-testid="hints">
          {RUNGS.slice(0, shown).map((rung) => (
            <li key={rung.key}>
              <span className="label">{t(rung.label)}</span> {challenge.hints[rung.key][locale]}
            </li>
          ))}
        </ol>
      )}
      {shown < RUNGS.length && (
        <button type="button" onClick={() => revealHint(challenge.id)} data-testid="hint-next">
          {shown === 0 ? t('challenge.hint') : t('challenge.hint.more')}
        </button>
      )}
    </div>
  );
}
