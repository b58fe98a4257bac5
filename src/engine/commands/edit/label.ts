/**
 * `kubectl label` and `kubectl annotate`: TYPE NAME KEY=VALUE … KEY- … [--overwrite], editing
 * metadata.labels / metadata.annotations in the document that writes the object, with kubectl's words:
 * `pod/web labeled`, `'app' already has a value (web), and --overwrite is false`, `label "x" not found.`
 *
 * @example
 * labelCommand(['pod', 'web', 'tier=front'], env).stdout; // "pod/web labeled\n"
 */
import { isValidLabelValue } from '../../manifest/validate/messages';
import { fail, type CommandEnv, type CommandHandler, type CommandResult } from '../types';
import { commit, isResult, locate, printed, takeYaml, target } from './common';
import { editObject } from './scene-text';

interface Pairs {
  set: Map<string, string>;
  remove: string[];
}

/** label.go's parseLabels: KEY=VALUE (exactly one '=', a valid value) or KEY-. */
function parseLabels(specs: string[]): Pairs | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return `invalid label spec: ${spec}`;
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0) return `invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`;
      set.set(parts[0]!, parts[1]!);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return `unknown label spec: ${spec}`;
  }
  if (remove.some((r) => set.has(r))) return 'can not both modify and remove a label in the same command';
  return { set, remove };
}

/** cmdutil.ParsePairs for annotations: KEY=VALUE (the value may hold '=') or KEY-. */
function parseAnnotations(specs: string[]): Pairs | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=') && spec[0] !== '=') {
      const i = spec.indexOf('=');
      set.set(spec.slice(0, i), spec.slice(i + 1));
    } else if (spec.endsWith('-') && spec !== '-') remove.push(spec.slice(0, -1));
    else invalid.push(spec);
  }
  if (invalid.length > 0) return `invalid annotation format: ${invalid.join(', ')}`;
  const both = remove.filter((r) => set.has(r));
  if (both.length > 0)
    return `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`;
  return { set, remove };
}

type Field = 'labels' | 'annotations';

function run(args: string[], env: CommandEnv, field: Field): CommandResult {
  const { yaml, rest: a1 } = takeYaml(args);
  const overwrite = a1.some((a) => a === '--overwrite' || a === '--overwrite=true');
  const words = a1.filter((a) => !a.startsWith('--overwrite'));
  const unknown = words.find(
    (w) => w.startsWith('--') || (w.startsWith('-') && w.length > 1 && !w.endsWith('-') && w !== '-n'),
  );
  if (unknown && unknown !== '--namespace' && !unknown.startsWith('--namespace='))
    return fail(`error: unknown flag: ${unknown}\n`);
  // Pairs are the words with '=' or a trailing '-' after the target (label.go's getResourcesAndPairs).
  const isPair = (w: string) => w.includes('=') || (w.endsWith('-') && w.length > 1 && !w.startsWith('-'));
  const pairs = words.filter((w) => isPair(w) && !w.startsWith('--namespace='));
  const t = target(words.filter((w) => !pairs.includes(w)));
  if (isResult(t)) return t;
  if (pairs.length === 0)
    return fail(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\n`);
  const parsed = field === 'labels' ? parseLabels(pairs) : parseAnnotations(pairs);
  if (typeof parsed === 'string') return fail(`error: ${parsed}\n`);
  const at = locate(env, t);
  if (isResult(at)) return at;
  const current: Record<string, string> = (at.object.metadata[field] as Record<string, string>) ?? {};
  if (!overwrite) {
    const taken = [...parsed.set].filter(([k, v]) => k in current && current[k] !== v);
    if (taken.length > 0 && field === 'labels') {
      // utilerrors.NewAggregate: one error as it is, several as [a, b].
      const errs = taken.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
      return fail(`error: ${errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`}\n`);
    }
    const declared = taken.filter(([k]) => k !== 'kubernetes.io/change-cause');
    if (declared.length > 0)
      return fail(
        `error: --overwrite is false but found the following declared annotation(s): ${declared
          .map(([k]) => `'${k}' already has a value (${current[k]})`)
          .join('; ')}\n`,
      );
  }
  let out = '';
  const added = [...parsed.set].filter(([k, v]) => current[k] !== v);
  const removed = parsed.remove.filter((k) => k in current);
  if (field === 'labels')
    for (const k of parsed.remove) if (!(k in current)) out += `label ${JSON.stringify(k)} not found.\n`;
  const op =
    field === 'annotations'
      ? 'annotated'
      : added.length > 0 && removed.length > 0
        ? 'modified'
        : added.length > 0
          ? 'labeled'
          : removed.length > 0
            ? 'unlabeled'
            : 'not labeled';
  const edited = editObject(env.sources!, at.found, (o) => {
    for (const [k, v] of added) o.setIn(['metadata', field, k], v);
    for (const k of removed) o.deleteIn(['metadata', field, k]);
    // kubectl leaves `labels: {}` out of the object; so does the text.
    const left = o.getIn(['metadata', field]);
    if (left && typeof left === 'object' && Object.keys(left).length === 0) o.deleteIn(['metadata', field]);
  });
  return commit(env, edited, { stdout: out + printed(t.type, t.name, op), yaml, refs: [at.found.ref] });
}

export const labelCommand: CommandHandler = (args, env) => run(args, env, 'labels');
export const annotateCommand: CommandHandler = (args, env) => run(args, env, 'annotations');
