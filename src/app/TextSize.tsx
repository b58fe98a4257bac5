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
        aria-label={t('app.textSize.smaller')}
        title={t('app.textSize.smaller')}
      >
        A−
      </button>
      <output data-testid="text-size" aria-live="polite">
        {Math.round(scale * 100)}%
      </output>
      <button
        type="button"
        onClick={() => setScale(TEXT_SCALES[i + 1] ?? scale)}
        disabled={i >= TEXT_SCALES.length - 1}
        aria-label={t('app.textSize.larger')}
        title={t('app.textSize.larger')}
      >
        A+
      </button>
    </div>
  );
}
