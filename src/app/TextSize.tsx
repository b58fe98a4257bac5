/** The presenter's text size: smaller, the current size, larger (the graph's labels and the inspector grow together). */
import { useT } from '../i18n';
import { TEXT_SCALES, useStore } from '../store';

export function TextSize() {
  const t = useT();
  const scale = useStore((s) => s.textScale);
  const setScale = useStore((s) => s.setTextScale);
  const i = TEXT_SCALES.findIndex((x) => x === scale);
  return (
    <div className="text-size" role="group" aria-label={t('app.textSize')}>
      <button
        type="button"
        onClick={() => setScale(TEXT_SCALES[i - 1] ?? scale)}
        disabled={i <= 0}
        title={t('app.textSize.smaller')}
      >
        {/* Named by its words, shown as its sign (an aria-label would not contain the sign: WCAG 2.5.3). */}
        <span aria-hidden>A−</span>
        <span className="sr-only">{t('app.textSize.smaller')}</span>
      </button>
      <output data-testid="text-size" aria-live="polite">
        {Math.round(scale * 100)}%
      </output>
      <button
        type="button"
        onClick={() => setScale(TEXT_SCALES[i + 1] ?? scale)}
        disabled={i >= TEXT_SCALES.length - 1}
        title={t('app.textSize.larger')}
      >
        <span aria-hidden>A+</span>
        <span className="sr-only">{t('app.textSize.larger')}</span>
      </button>
    </div>
  );
}
