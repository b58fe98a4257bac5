/**
 * The reader's-language line beside a tool's own error (issue 12): the API server's, the schema
 * check's and the YAML parser's messages stay in English as kubectl prints them, and each gets a
 * descriptor saying what it means and how to fix it, chosen by the diagnostic's code (its last part
 * is the field.ErrorType for API validation errors).
 *
 * @example
 * meaningOf({ severity: 'error', source: 'api', code: 'service.ports.port.required', field: 'spec.ports[0].port', message: '…' });
 * // msg('api.meaning.required', { field: 'spec.ports[0].port' })
 */
import type { Diagnostic } from '../diagnostics';
import { msg, type Msg } from '../messages';

/** The meaning of a tool's error, or undefined for svclab's own sentences (lints) and unknown codes. */
export function meaningOf(d: Diagnostic): Msg | undefined {
  if (d.source === 'lint' || typeof d.message !== 'string') return undefined;
  const field = d.field || d.kind || '';
  const code = d.code;
  if (d.source === 'yaml' || code.startsWith('yaml.')) return msg('api.meaning.yaml', {});
  if (code.startsWith('config.')) return msg('api.meaning.config', { field });
  if (code === 'schema.type') return msg('api.meaning.schemaType', { field });
  if (code === 'schema.unknown-field') return msg('api.meaning.unknownField', { field });
  if (code === 'schema.required') return msg('api.meaning.required', { field });
  const last = code.slice(code.lastIndexOf('.') + 1);
  switch (last) {
    case 'required':
      return msg('api.meaning.required', { field });
    case 'invalid':
      return msg('api.meaning.invalid', { field });
    case 'duplicate':
      return msg('api.meaning.duplicate', { field });
    case 'unsupported':
      return msg('api.meaning.unsupported', { field });
    case 'forbidden':
      return msg('api.meaning.forbidden', { field });
    case 'too-many':
      return msg('api.meaning.tooMany', { field });
    case 'not-found':
      return msg('api.meaning.notFound', { field });
    case 'allocated':
      return msg('api.meaning.allocated', { field });
    case 'range':
      return msg('api.meaning.range', { field });
    case 'full':
      return msg('api.meaning.full', { field });
    default:
      return undefined;
  }
}

/**
 * The diagnostics with a meaning beside every tool's error that has one (the input is not changed).
 *
 * @example
 * withMeanings(diagnostics).filter((d) => d.meaning).length;
 */
export function withMeanings(ds: Diagnostic[]): Diagnostic[] {
  return ds.map((d) => {
    if (d.meaning) return d;
    const meaning = meaningOf(d);
    return meaning ? { ...d, meaning } : d;
  });
}
