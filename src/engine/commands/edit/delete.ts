/**
 * `kubectl delete TYPE NAME…` (and `TYPE/NAME`): removes the documents that write the objects, printing
 * kubectl's `pod "web" deleted from default namespace` per object. An object made by a controller (a
 * ReplicaSet's pod) or the system has no document; svclab says so instead of pretending.
 *
 * @example
 * deleteCommand(['pod', 'client'], env).stdout; // 'pod "client" deleted from default namespace\n'
 */
import { buildCluster } from '../../build';
import { addressesHeldOnlyBy, DEFAULT_SERVICE_CIDR } from '../../cluster/service-cidrs';
import { formatTimestamp } from '../../cluster/time';
import type { ManifestSource } from '../../manifest/parse';
import { msg, render } from '../../messages';
import { fail, type CommandEnv, type CommandHandler, type CommandResult } from '../types';
import { resourceArgs } from '../resource-args';
import { commit, isResult, locate, notFound, takeNamespace, takeYaml, type Target } from './common';
import { appendObject, findObject, moveObjectToEnd, removeObject, type ObjectRef } from './scene-text';

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
  if (rest.length === 0)
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  // TYPE NAME NAME…, TYPE,TYPE NAME… or TYPE/NAME TYPE/NAME…, read as kubectl's resource builder does.
  const asked = resourceArgs(rest);
  if (isResult(asked)) return asked;
  if (!asked.named) return fail('error: resource(s) were provided, but no name was specified\n');
  const targets: Target[] = asked.requests.map(({ type, name }) => ({
    type,
    name: name!,
    namespace: type.namespaced ? namespace : '',
    rest: [],
  }));
  let sources = env.sources;
  let stdout = '';
  const refs: ObjectRef[] = [];
  let failed: CommandResult | undefined;
  let notes = '';
  for (const t of targets) {
    if (t.type.kind === 'ServiceCIDR') {
      const r = deleteServiceCIDR({ ...env, ...(sources ? { sources } : {}) }, t);
      if ('exitCode' in r) {
        failed = { ...r, stdout: stdout + r.stdout };
        break;
      }
      sources = r.sources;
      notes += r.note;
      stdout += `${t.type.prefix} "${t.name}" ${immediate ? 'force deleted' : 'deleted'}\n`;
      continue;
    }
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
  if (failed && stdout === '') return { ...failed, stderr: warning + failed.stderr };
  const done = commit(env, sources!, { stdout, stderr: warning + notes, yaml, refs: [] });
  return failed ? { ...done, exitCode: 1, stderr: done.stderr + failed.stderr } : done;
};

/**
 * A ServiceCIDR has the ServiceCIDR controller's finalizer, so the API server only sets its
 * deletionTimestamp (and deletionGracePeriodSeconds 0); the controller then takes the finalizer away
 * unless some IPAddress would be left in no ServiceCIDR (cluster/service-cidrs.ts). The scene's text
 * follows: the document keeps the deletionTimestamp and moves to the end of the scene, where the deletion
 * happened, so that a Service written after it gets no address from it (the allocator does not allocate
 * from a ServiceCIDR being deleted: MetaAllocator.syncAllocators), while those before it keep theirs. It
 * stays Terminating while it holds addresses; otherwise the controller lets it go 10 s later, after its
 * deletion grace period, which the timeline shows (timeline/service-cidr.ts). The API server's default
 * `kubernetes` one, written in no document, gets one at the end that records its deletion; when nothing
 * holds it, it is gone and at once made again by the API server's default-ServiceCIDR controller, which
 * is where the scene already is.
 */
function deleteServiceCIDR(
  env: CommandEnv,
  t: Target,
): { sources: ManifestSource[]; note: string } | CommandResult {
  if (!env.sources) return fail(`svclab: ${render(msg('edit.noScene', {}), env.lang)}\n`);
  const live = env.cluster.serviceCIDRs.find((c) => c.metadata.name === t.name);
  if (!live) return notFound(t.type, t.name);
  if (live.metadata.deletionTimestamp) return { sources: env.sources, note: '' };
  const ref: ObjectRef = { kind: 'ServiceCIDR', namespace: '', name: t.name };
  const found = findObject(env.sources, ref);
  const stamp = formatTimestamp(env.world.clock);
  const marked = found
    ? moveObjectToEnd(env.sources, found, (o) => {
        o.setIn(['metadata', 'deletionTimestamp'], stamp);
        o.setIn(['metadata', 'deletionGracePeriodSeconds'], 0);
      })
    : appendObject(env.sources, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'ServiceCIDR',
        metadata: { name: t.name, deletionTimestamp: stamp, deletionGracePeriodSeconds: 0 },
        spec: { cidrs: live.spec?.cidrs ?? [] },
      });
  const after = buildCluster(marked, { seed: env.world.seed }).cluster;
  const still = after.serviceCIDRs.find((c) => c.metadata.name === t.name);
  if (!still) {
    // The API server makes the default one again at once: its document goes. Any other stays stamped
    // in the scene, so that the timeline shows it deleted and, 10 s later (the controller's deletion
    // grace period), gone (timeline/service-cidr.ts); the built cluster is the one after it.
    if (t.name === DEFAULT_SERVICE_CIDR || !found)
      return { sources: found ? removeObject(env.sources, found) : env.sources, note: '' };
    return { sources: marked, note: '' };
  }
  const addresses = after.services.flatMap((s) => (s.spec.clusterIPs ?? []).filter((ip) => ip !== 'None'));
  const held = addressesHeldOnlyBy(still, after.serviceCIDRs, addresses);
  return {
    sources: marked,
    note: `svclab: ${render(msg('edit.serviceCidrTerminating', { name: t.name, ips: held.join(', ') }), env.lang)}\n`,
  };
}
