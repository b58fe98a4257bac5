/**
 * `svclab validate`: prints what `kubectl apply` would print for the build's diagnostics, then
 * warnings and notes with file:line. Exit 1 when any diagnostic is an error. With `-o json`:
 * `{ "diagnostics": [ … ] }` (docs/cli-contract.md).
 *
 * Error forms, as kubectl prints them:
 * - API validation: `The Service "x" is invalid: <one error>`, or the prefix, a newline and one
 *   `* <error>` line per error (kubectl's MultilineError).
 * - decoding: `Error from server (BadRequest): error when creating "f.yaml": Service in version "v1"
 *   cannot be handled as a Service: json: cannot unmarshal …` / `strict decoding error: unknown field "…"`.
 *
 * svclab's own sentences (lints, hints, the summary) are printed in `env.lang`; the API server's and the
 * parser's words stay English, and with `--lang ko` each of them gets a Korean line after it (`  ↳ …`)
 * saying what it means and how to fix it.
 *
 * @example
 * validateCommand([], env).stderr;
 * // 'The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n'
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { supportedKind } from '../manifest/kinds';
import { msg, render, renderText, type Lang } from '../messages';
import { ADMISSION_FORBIDDEN } from '../cluster/priority-admission';
import { json, usage, type CommandHandler } from './types';

const sameObject = (a: Diagnostic, b: Diagnostic): boolean =>
  a.file === b.file && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;

/** Splits diagnostics into runs that concern one object, keeping their order. */
function groups(list: Diagnostic[]): Diagnostic[][] {
  const out: Diagnostic[][] = [];
  for (const d of list) {
    const last = out[out.length - 1];
    if (last && sameObject(last[0]!, d)) last.push(d);
    else out.push([d]);
  }
  return out;
}

/** The text of a diagnostic's message: a tool's words as they are, svclab's in `lang`. */
const text = (d: Diagnostic, lang: Lang): string => renderText(d.message, lang);

/** In Korean, the line after a tool's English message that says what it means (nothing in English). */
function meaningLine(d: Diagnostic, lang: Lang): string {
  return lang !== 'en' && d.meaning ? `  ↳ ${render(d.meaning, lang)}\n` : '';
}

/** svclab's hint for an error, on its own line after kubectl's words (in every language). */
function hintLine(d: Diagnostic, lang: Lang): string {
  return d.hint ? `  ${render(msg('cli.hint', { text: renderText(d.hint, lang) }), lang)}\n` : '';
}

/** What follows a tool's error line: its meaning (not in English) and svclab's hint. */
const after = (d: Diagnostic, lang: Lang): string => meaningLine(d, lang) + hintLine(d, lang);

/** kubectl's MultilineError(prefix, errs), each error followed by its meaning and hint lines. */
function multiline(prefix: string, ds: Diagnostic[], lang: Lang): string {
  if (ds.length === 1) return `${prefix}${text(ds[0]!, lang)}\n${after(ds[0]!, lang)}`;
  return `${prefix}\n${ds.map((d) => `* ${text(d, lang)}\n${after(d, lang)}`).join('')}`;
}

function version(kind: string | undefined): string {
  const v = (kind && supportedKind(kind)?.apiVersions[0]) || 'v1';
  return v.split('/').pop() ?? v;
}

function where(d: Diagnostic): string {
  if (!d.file) return '';
  return `${d.file}${d.line !== undefined ? `:${d.line}` : ''}${d.column !== undefined ? `:${d.column}` : ''}`;
}

function apiGroup(ds: Diagnostic[], lang: Lang): string {
  const d = ds[0]!;
  return multiline(`The ${d.kind ?? 'object'} ${JSON.stringify(d.name ?? '')} is invalid: `, ds, lang);
}

function schemaGroup(ds: Diagnostic[], lang: Lang): string {
  const out: string[] = [];
  const d = ds[0]!;
  const decoding = ds.filter((x) => x.code === 'schema.type' || x.code === 'schema.unknown-field');
  if (decoding.length > 0 && d.kind && d.name !== undefined) {
    const typeError = decoding.find((x) => x.code === 'schema.type');
    const detail = typeError
      ? text(typeError, lang)
      : `strict decoding error: ${decoding.map((x) => text(x, lang)).join(', ')}`;
    out.push(
      `Error from server (BadRequest): error when creating ${JSON.stringify(d.file ?? '')}: ${d.kind} in version ${JSON.stringify(version(d.kind))} cannot be handled as a ${d.kind}: ${detail}\n`,
      ...decoding.map((x) => after(x, lang)),
    );
  }
  const decoded = new Set(decoding);
  for (const x of ds) {
    if (decoded.has(x)) continue;
    const message = text(x, lang);
    if (x.code === 'manifest.kind.version' && !message.startsWith('no kind'))
      out.push(
        `error: resource mapping not found for name: ${JSON.stringify(x.name ?? '')} namespace: ${JSON.stringify(x.namespace ?? '')} from ${JSON.stringify(x.file ?? '')}: ${message}\nensure CRDs are installed first\n`,
      );
    else if (
      x.code.startsWith('manifest.') &&
      x.code.endsWith('.missing') &&
      message.startsWith('error validating data')
    )
      out.push(
        `error: error validating ${JSON.stringify(x.file ?? '')}: ${message}; if you choose to ignore these errors, turn validation off with --validate=false\n`,
      );
    else if (x.code === 'manifest.name.generateName') out.push(`error: ${message}\n`);
    else out.push(`error: ${where(x)}: ${message}\n`);
    out.push(after(x, lang));
  }
  return out.join('');
}

/** The API errors that are a refused create, not an invalid object, and their StatusReason. */
const REFUSALS: Partial<Record<string, string>> = {
  'namespace.notFound': 'NotFound',
  [ADMISSION_FORBIDDEN]: 'Forbidden',
};

function errorText(errors: Diagnostic[], lang: Lang): string {
  const out: string[] = [];
  for (const g of groups(errors)) {
    const api = g.filter((d) => d.source === 'api');
    const schema = g.filter((d) => d.source === 'schema');
    const yaml = g.filter((d) => d.source === 'yaml' || d.source === 'lint');
    if (schema.length > 0) out.push(schemaGroup(schema, lang));
    // Admission refusals that are not validation errors print as kubectl prints a failed create.
    for (const d of api) {
      const status = REFUSALS[d.code];
      if (status)
        out.push(
          `Error from server (${status}): error when creating ${JSON.stringify(d.file ?? '')}: ${text(d, lang)}\n`,
          after(d, lang),
        );
    }
    const invalid = api.filter((x) => !REFUSALS[x.code]);
    if (invalid.length > 0) out.push(apiGroup(invalid, lang));
    // svclab's own limits: not kubectl's words, so said as svclab's notes are, with what to change.
    for (const d of g) if (d.source === 'limit') out.push(noteText(d, lang, 'error'));
    for (const d of yaml)
      out.push(
        `error: error parsing ${d.file ?? 'input'}: line ${d.line ?? '?'}, column ${d.column ?? '?'}: ${text(d, lang)}\n`,
        after(d, lang),
      );
  }
  return out.join('');
}

function noteText(d: Diagnostic, lang: Lang, label = d.severity === 'warning' ? 'Warning' : 'Info'): string {
  const subject = d.kind
    ? ` ${d.kind}${d.name ? ` ${d.namespace ? `${d.namespace}/` : ''}${d.name}` : ''}:`
    : '';
  const at = where(d);
  const hint = d.hint ? `\n  ${render(msg('cli.hint', { text: renderText(d.hint, lang) }), lang)}` : '';
  return `${label}: ${at ? `${at}:` : ''}${subject} ${text(d, lang)}${hint}\n${meaningLine(d, lang)}`;
}

/**
 * Prints the build's diagnostics as kubectl apply would, or as JSON.
 *
 * @example
 * validateCommand([], { ...env, json: true }).stdout; // '{\n  "diagnostics": [ … ]\n}\n'
 */
export const validateCommand: CommandHandler = (args, env) => {
  if (args.length > 0)
    return usage(msg('usage.noArguments', { command: 'validate', got: args[0] ?? '' }), 'validate', env.lang);
  const hasError = env.diagnostics.some((d) => d.severity === 'error');
  const exitCode = hasError ? 1 : 0;
  if (env.json) return { exitCode, stdout: json({ diagnostics: env.diagnostics }, env.lang), stderr: '' };
  const errors = env.diagnostics.filter((d) => d.severity === 'error');
  const notes = env.diagnostics.filter((d) => d.severity !== 'error').sort(compareDiagnostics);
  const stderr = errorText(errors, env.lang) + notes.map((d) => noteText(d, env.lang)).join('');
  const warnings = notes.filter((d) => d.severity === 'warning').length;
  const stdout = hasError ? '' : `${render(msg('cli.allValid', { warnings }), env.lang)}\n`;
  return { exitCode, stdout, stderr };
};
