/**
 * The built-in scenes as a reader opens them: in Korean, their teaching comments are Korean
 * (ko-comments/, written in with localize.ts); the YAML itself is the same bytes in either language.
 *
 * @example
 * scenarioText(findScenario('readiness')!, 'ko').split('\n')[0]; // "# 준비성: Ready가 아닌 파드는 …"
 * lessonFileText('clusterip', 'scene.yaml', text, 'en') === text; // English is the file as written
 */
import type { Locale } from '../i18n/translate';
import type { Scenario } from './index';
import { lessonCommentsKo, scenarioCommentsKo } from './ko-comments';
import { localizeComments, type CommentTable } from './localize';

const inLocale = (text: string, table: CommentTable | undefined): string =>
  table ? localizeComments(text, table) : text;

/** A scenario's YAML in `locale`. */
export function scenarioText(scenario: Pick<Scenario, 'file' | 'yaml'>, locale: Locale): string {
  return locale === 'ko' ? inLocale(scenario.yaml, scenarioCommentsKo[scenario.file]) : scenario.yaml;
}

/**
 * A file of a built-in lesson (its id and the file's name in its folder) in `locale`. Only for lessons
 * svclab ships: an instructor's lesson keeps its own words whatever its id.
 */
export function lessonFileText(lessonId: string, file: string, text: string, locale: Locale): string {
  return locale === 'ko' ? inLocale(text, lessonCommentsKo[`${lessonId}/${file}`]) : text;
}
