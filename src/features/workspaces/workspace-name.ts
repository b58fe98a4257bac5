/** How a workspace is called in the page: the name given, else its scenario's title, else "Untitled". */
import type { Locale } from '../../i18n';
import { findScenario } from '../../scenarios';
import type { WorkspaceMeta } from '../../store';

export function workspaceTitle(
  w: Pick<WorkspaceMeta, 'name' | 'scenarioId'>,
  locale: Locale,
  untitled: string,
): string {
  if (w.name) return w.name;
  const scenario = w.scenarioId ? findScenario(w.scenarioId) : undefined;
  return scenario ? scenario.title[locale] : untitled;
}
