/**
 * `kubectl delete TYPE NAME…` (and `TYPE/NAME`): removes the documents that write the objects, printing
 * kubectl's `pod "web" deleted from default namespace` per object. An object made by a controller (a
 * ReplicaSet's pod) or the system has no document; svclab says so instead of pretending.
 *
 * @example
 * deleteCommand(['pod', 'client'], env).stdout; // 'pod "client" deleted from default namespace\n'
 */
import { fail, type CommandHandler, type CommandResult } from '../types';
import { commit, isResult, locate, takeNamespace, takeYaml, target } from './common';
import { removeObject, type ObjectRef } from './scene-text';

const IMMEDIATE =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

export const deleteCommand: CommandHandler = (args, env) => {
  const { yaml, rest: a1 } = takeYaml(args);
  let force = false;
  let grace: number | undefined;
  const words: string[] = [];
  for (let i = 0; i < a1.length; i++) {
    const a = a1[i]!;
    if (a === '--force' || a === '--force=true') force = true;
    else if (a === '--now') grace = 1;
    else if (a === '--grace-period' || a.startsWith('--grace-period=')) {
      const v = a === '--grace-period' ? a1[++i] : a.slice('--grace-period='.length);
      if (v === undefined || !/^-?\d+$/.test(v))
        return fail(
          `error: invalid argument "${v ?? ''}" for "--grace-period" flag: strconv.ParseInt: parsing "${v ?? ''}": invalid syntax\n`,
        );
      grace = Number(v);
    } else if (a === '--wait' || a.startsWith('--wait=') || a === '--ignore-not-found') continue;
    else words.push(a);
  }
  if (force && grace !== undefined && grace > 0)
    return fail('error: --force and --grace-period greater than 0 cannot be specified together\n');
  // kubectl: --force without a grace period means 0.
  const immediate = grace === 0 || (force && grace === undefined);
  const { namespace, rest } = takeNamespace(words);
  const flag = rest.find((w) => w.startsWith('-'));
  if (flag) return fail(`error: unknown flag: ${flag}\n`);
  // TYPE NAME NAME… or TYPE/NAME TYPE/NAME…
  const targets = rest[0]?.includes('/')
    ? rest.map((r) => [...r.split('/', 2), '-n', namespace])
    : rest.slice(1).map((n) => [rest[0]!, n, '-n', namespace]);
  if (rest.length === 0)
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  if (targets.length === 0) return fail('error: resource(s) were provided, but no name was specified\n');
  let sources = env.sources;
  let stdout = '';
  const refs: ObjectRef[] = [];
  let failed: CommandResult | undefined;
  for (const words of targets) {
    const t = target(words);
    if (isResult(t)) return t;
    const at = locate({ ...env, ...(sources ? { sources } : {}) }, t);
    if (isResult(at)) {
      failed = { ...at, stdout: stdout + at.stdout };
      break;
    }
    sources = removeObject(sources!, at.found);
    refs.push(at.found.ref);
    const kind = t.type.prefix;
    const op = `${immediate ? 'force deleted' : 'deleted'}${t.type.namespaced ? ` from ${t.namespace} namespace` : ''}`;
    stdout += `${kind} "${t.name}" ${op}\n`;
  }
  const warning = immediate ? IMMEDIATE : '';
  if (failed && refs.length === 0) return { ...failed, stderr: warning + failed.stderr };
  const done = commit(env, sources!, { stdout, stderr: warning, yaml, refs: [] });
  return failed ? { ...done, exitCode: 1, stderr: done.stderr + failed.stderr } : done;
};
