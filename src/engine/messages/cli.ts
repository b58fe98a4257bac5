/**
 * svclab's own words in the command interpreter and the CLI: the summary lines and labels it prints
 * around the imitated tools' output (which stays as those tools print it).
 */
import { defineMessages } from './define';

export const cli = defineMessages({
  'cli.hint': {
    en: (p: { text: string }) => `hint: ${p.text}`,
    ko: (p) => `힌트: ${p.text}`,
    example: { text: 'Create the Namespace shop before the objects in it.' },
  },
  'cli.allValid': {
    en: (p: { warnings: number }) =>
      `All objects are valid${p.warnings > 0 ? ` (${p.warnings} warning${p.warnings === 1 ? '' : 's'})` : ''}.`,
    ko: (p) => `모든 오브젝트가 유효합니다${p.warnings > 0 ? `(경고 ${p.warnings}개)` : ''}.`,
    example: { warnings: 2 },
  },
});
