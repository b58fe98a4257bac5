/**
 * `kubectl patch TYPE NAME -p PATCH [--type merge|strategic]`: a JSON merge patch (RFC 7386) applied to
 * the document that writes the object, key by key, so the rest of the text stays as written. kubectl's
 * default strategic merge patch equals a merge patch when it holds no lists; one with lists is refused
 * (svclab does not merge lists by key). Output: `deployment.apps/web patched` or `patched (no change)`.
 *
 * @example
 * patchCommand(['svc', 'web', '-p', '{"spec":{"type":"NodePort"}}'], env).stdout; // "service/web patched\n"
 */
import { parse } from 'yaml';
import { msg, render } from '../../messages';
import { fail, type CommandHandler } from '../types';
import { commit, isResult, locate, printed, takeYaml, target } from './common';
import { flagValue } from './scale';
import { editObject, sceneText, type ObjectEditor } from './scene-text';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const PATCH_TYPES = ['json', 'merge', 'strategic'];

function hasListsOrDirectives(v: unknown): boolean {
  if (Array.isArray(v)) return true;
  if (!isObj(v)) return false;
  return Object.entries(v).some(([k, x]) => k.startsWith('$') || hasListsOrDirectives(x));
}

/** RFC 7386 onto the document: null deletes, a map merges into a map, anything else replaces. */
function mergeInto(o: ObjectEditor, path: string[], patch: Obj): void {
  for (const [k, v] of Object.entries(patch)) {
    const at = [...path, k];
    if (v === null) o.deleteIn(at);
    else if (isObj(v) && isObj(o.getIn(at))) mergeInto(o, at, v);
    else if (isObj(v)) o.setIn(at, stripNulls(v));
    else o.setIn(at, v);
  }
}

/** A merge patch's nulls inside a new map mean "absent" (RFC 7386 MergePatch on a non-object target). */
function stripNulls(v: Obj): Obj {
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = isObj(x) ? stripNulls(x) : x;
  return out;
}

export const patchCommand: CommandHandler = (args, env) => {
  const { yaml, rest: a1 } = takeYaml(args);
  const p1 = flagValue(a1, '--patch');
  const p2 = flagValue(p1.rest, '-p');
  const type = flagValue(p2.rest, '--type');
  const patchText = p1.value ?? p2.value;
  const flag = type.rest.find((w) => w.startsWith('--') && !w.startsWith('--namespace'));
  if (flag) return fail(`error: unknown flag: ${flag}\n`);
  if (patchText === undefined)
    return fail('error: must specify --patch or --patch-file containing the contents of the patch\n');
  const patchType = (type.value ?? 'strategic').toLowerCase();
  if (!PATCH_TYPES.includes(patchType))
    return fail(
      `error: --type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(type.value)}\n`,
    );
  const t = target(type.rest);
  if (isResult(t)) return t;
  let patch: unknown;
  try {
    patch = parse(patchText);
  } catch (e) {
    return fail(
      `error: unable to parse ${JSON.stringify(patchText)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`,
    );
  }
  if (patchType === 'json' || (patchType === 'strategic' && hasListsOrDirectives(patch)))
    return fail(`svclab: ${render(msg('edit.strategicLists', {}), env.lang)}\n`);
  if (!isObj(patch))
    return fail(`error: unable to parse ${JSON.stringify(patchText)}: a merge patch is a JSON object\n`);
  const at = locate(env, t);
  if (isResult(at)) return at;
  const newName = isObj(patch.metadata) ? patch.metadata.name : undefined;
  if (typeof newName === 'string' && newName !== t.name)
    return fail(
      `Error from server (BadRequest): the name of the object (${newName}) does not match the name on the URL (${t.name})\n`,
    );
  const before = JSON.stringify(at.found.value);
  let after = before;
  const edited = editObject(env.sources!, at.found, (o) => {
    mergeInto(o, [], patch);
    after = JSON.stringify(o.getIn([]));
  });
  if (after === before)
    return {
      exitCode: 0,
      stdout: yaml ? sceneText(env.sources!) : printed(t.type, t.name, 'patched (no change)'),
      stderr: '',
    };
  return commit(env, edited, { stdout: printed(t.type, t.name, 'patched'), yaml, refs: [at.found.ref] });
};
