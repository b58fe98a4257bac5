/**
 * The one translator from engine diagnostics to Monaco markers (architecture principle 6). The words are
 * those `svclab validate` prints: an API error reads as kubectl's `The Service "x" is invalid: <field>:
 * <detail>` (English, as on a real cluster, with a Korean line on what it means in Korean); warnings and
 * lints as `Warning: <message>` in the page's language, with their hint on the next line.
 *
 * @example
 * toMonacoMarkers([{ severity: 'error', source: 'api', code: 'c', kind: 'Service', name: 'x',
 *   message: 'spec.ports[0].port: Required value', line: 7, column: 5 }], 20, 'en');
 * // [{ severity: 8, message: 'The Service "x" is invalid: spec.ports[0].port: Required value', startLineNumber: 7, … }]
 */
import { render, renderText, type Diagnostic, type Lang } from '../../engine';
import { translate } from '../../i18n/translate';

/** monaco.MarkerSeverity values, inlined so this module stays pure and testable in Node. */
export const MarkerSeverity = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

export interface MarkerLike {
  severity: number;
  message: string;
  source: string; // "svclab api"
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** The text a diagnostic reads as, in editor and CLI alike (without its hint). */
export function diagnosticText(d: Diagnostic, lang: Lang): string {
  const message = renderText(d.message, lang);
  const meaning = lang !== 'en' && d.meaning ? `\n${render(d.meaning, lang)}` : '';
  if (d.severity === 'error' && d.source === 'api' && d.kind && d.name)
    return `The ${d.kind} "${d.name}" is invalid: ${message}${meaning}`;
  if (d.severity === 'warning') return `${translate(lang, 'editor.warning', { message })}${meaning}`;
  return `${message}${meaning}`;
}

const severityOf = (d: Diagnostic) =>
  d.severity === 'error'
    ? MarkerSeverity.Error
    : d.severity === 'warning'
      ? MarkerSeverity.Warning
      : MarkerSeverity.Info;

/** Diagnostics without a line go on line 1 so they are never silently lost. `lineCount` clamps ranges. */
export function toMonacoMarkers(
  diagnostics: readonly Diagnostic[],
  lineCount: number,
  lang: Lang,
): MarkerLike[] {
  const clamp = (l: number) => Math.max(1, Math.min(lineCount, l));
  return diagnostics.map((d) => {
    const line = clamp(d.line ?? 1);
    const column = Math.max(1, d.column ?? 1);
    const endLine = clamp(d.endLine ?? line);
    // No end column: underline to the end of the line (Monaco clamps a large column to the line's end).
    const endColumn = d.endColumn ?? 1000;
    return {
      severity: severityOf(d),
      message: d.hint ? `${diagnosticText(d, lang)}\n${renderText(d.hint, lang)}` : diagnosticText(d, lang),
      source: `svclab ${d.source}`,
      code: d.code,
      startLineNumber: line,
      startColumn: column,
      endLineNumber: endLine,
      endColumn,
    };
  });
}
