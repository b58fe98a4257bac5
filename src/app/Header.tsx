/** The page header: name, scenario menu, reload, language switch. */
import { LOCALES, useT, type Locale } from '../i18n';
import { scenarios, type ScenarioId } from '../scenarios';
import { ShareButton } from '../features/share/ShareButton';
import { WorkspaceMenu } from '../features/workspaces/WorkspaceMenu';
import { useShallow, useStore } from '../store';
import { TextSize } from './TextSize';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'EN', ko: '한국어' };

export function Header() {
  const t = useT();
  const { scenarioId, edited, locale, inLesson } = useStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      edited: s.edited,
      locale: s.locale,
      inLesson: s.lessonId !== null,
    })),
  );
  const loadScenario = useStore((s) => s.loadScenario);
  const setLocale = useStore((s) => s.setLocale);
  const presenting = useStore((s) => s.presenting);
  const setPresenting = useStore((s) => s.setPresenting);
  const current = scenarios.find((s) => s.id === scenarioId);

  // Never a loss: edited manifests stay in their workspace and the scenario opens as a new one.
  const load = (id: ScenarioId) => loadScenario(id);

  return (
    <header className="app-header">
      {/* One row of controls that never wraps (the scenario and workspace names give way), and the
          scenario's thesis on its own row under it. */}
      <div className="header-row">
        <h1>svclab</h1>
        <span className="tagline">{t('app.tagline')}</span>
        <label className="scenario-menu">
          {t('app.scenario')}
          <select
            value={scenarioId ?? ''}
            onChange={(e) => load(e.target.value as ScenarioId)}
            data-testid="scenario-menu"
            title={current?.description[locale]}
          >
            {scenarioId === null && (
              <option value="" disabled>
                {inLesson ? t('app.scenario.lesson') : t('app.scenario.custom')}
              </option>
            )}
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[locale]}
                {s.id === scenarioId && edited ? ' *' : ''}
              </option>
            ))}
          </select>
        </label>
        <WorkspaceMenu />
        <ShareButton />
        {scenarioId && edited && (
          <button type="button" onClick={() => load(scenarioId)} title={t('app.reset.title')}>
            {t('app.reset')}
          </button>
        )}
        <button
          type="button"
          className="present-toggle"
          data-testid="present-toggle"
          aria-pressed={presenting}
          onClick={() => setPresenting(!presenting)}
          title={t('app.present.title')}
        >
          {presenting ? t('app.present.off') : t('app.present.on')}
        </button>
        {presenting && <TextSize />}
        <div className="lang-switch" role="group" aria-label={t('app.language')}>
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={l === locale}
              className={l === locale ? 'active' : undefined}
              onClick={() => setLocale(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </div>
      {current && (
        <p className="scenario-description" data-testid="scenario-description">
          {current.description[locale]}
        </p>
      )}
    </header>
  );
}
