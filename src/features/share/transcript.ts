/**
 * The console's screen as a text file, as a terminal session reads: each line after a `$ ` prompt, then
 * what it printed (standard output, then standard error), a failed command's exit status as a shell
 * comment in the page's language.
 *
 * @example
 * consoleTranscript([{ id: 1, line: 'get svc', stdout: 'NAME …\n', stderr: '', exitCode: 0 }], 'en');
 * // "# svclab console transcript\n\n$ get svc\nNAME …\n"
 */
import { translate, type Locale } from '../../i18n';
import type { ConsoleEntry } from '../../store';

const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export function consoleTranscript(entries: readonly ConsoleEntry[], locale: Locale): string {
  const parts = [`# ${translate(locale, 'export.transcript.title')}\n`];
  for (const e of entries) {
    let block = `$ ${e.line}\n${withNewline(e.stdout)}${withNewline(e.stderr)}`;
    if (e.exitCode !== null && e.exitCode !== 0)
      block += `# ${translate(locale, 'console.exit', { code: e.exitCode })}\n`;
    parts.push(block);
  }
  return parts.join('\n');
}
