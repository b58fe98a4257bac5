/**
 * `timeline add FAULT NAME [-n NS] [-c CONTAINER]`: writes a fault into the scene's Timeline at the
 * instant the command runs at (`--at`, or the page's scrubber), adding a Timeline document to the last
 * file when the scene has none. Like the imperative kubectl commands it edits the text (undoable in the
 * page, printed whole with `-o yaml`), so the fault is part of the scene and kept in links and files.
 * The target is named as the scene builds it (time 0), since a Timeline's faults are planned from there.
 *
 * @example
 * timelineAdd(['NodeStopped', 'node-2'], { ...env, timeline: { at: 10, events: [], start } }).stdout;
 * // "timeline.svclab.io/faults edited\n" (events: [{ at: 10s, fault: NodeStopped, node: node-2 }])
 */
import { FAULTS, formatDuration, TIMELINE_API_VERSION, type FaultKind } from '../manifest/timeline';
import { commit, takeNamespace, takeYaml } from './edit/common';
import { flagValue } from './edit/scale';
import { appendObject, editObject, findKind } from './edit/scene-text';
import { msg, render } from '../messages';
import { fail, usage, type CommandEnv, type CommandResult } from './types';

const FAULT_NAMES = Object.keys(FAULTS).join(', ');
/** The name a Timeline gets when `timeline add` writes the first one. */
export const NEW_TIMELINE_NAME = 'faults';

const isFault = (w: string): w is FaultKind => Object.hasOwn(FAULTS, w);

export function timelineAdd(args: string[], env: CommandEnv): CommandResult {
  const { yaml, rest: a0 } = takeYaml(args);
  const { namespace, rest: a1 } = takeNamespace(a0);
  const long = flagValue(a1, '--container');
  const short = flagValue(long.rest, '-c');
  const container = long.value ?? short.value;
  const unknown = short.rest.find((w) => w.startsWith('-'));
  if (unknown) return fail(`error: unknown flag: ${unknown}\n`);
  const [fault, name, ...extra] = short.rest;
  if (!fault || !isFault(fault))
    return usage(msg('usage.timelineFault', { faults: FAULT_NAMES }), 'timeline', env.lang);
  const field = FAULTS[fault];
  if (!name) return usage(msg('usage.timelineTarget', { fault, field }), 'timeline', env.lang);
  if (extra.length > 0)
    return usage(msg('usage.unexpectedArgument', { arg: extra[0] ?? '' }), 'timeline', env.lang);
  if (container !== undefined && fault !== 'ContainerCrashed')
    return usage(msg('usage.timelineContainer', {}), 'timeline', env.lang);
  if (!env.sources) return fail(`svclab: ${render(msg('edit.noScene', {}), env.lang)}\n`);

  // Faults are planned from the scene as built: their targets are named as they are at time 0.
  const start = env.timeline?.start ?? env.cluster;
  const event: Record<string, string> = { at: formatDuration(env.timeline?.at ?? 0), fault, [field]: name };
  if (field === 'node') {
    if (!start.nodes.some((n) => n.metadata.name === name))
      return fail(`Error from server (NotFound): nodes "${name}" not found\n`);
  } else {
    const pod = start.pods.find(
      (p) => p.metadata.name === name && (p.metadata.namespace ?? 'default') === namespace,
    );
    if (!pod) return fail(`Error from server (NotFound): pods "${name}" not found\n`);
    if (container !== undefined && !pod.spec.containers.some((c) => c.name === container))
      return fail(`error: container ${container} is not valid for pod ${name}\n`);
    if (namespace !== 'default') event.namespace = namespace;
    if (container !== undefined) event.container = container;
  }

  const found = findKind(env.sources, 'Timeline');
  const edited = found
    ? editObject(env.sources, found, (o) => {
        const events = o.getIn(['events']);
        if (Array.isArray(events)) o.setIn(['events', events.length], event);
        else o.setIn(['events'], [event]);
      })
    : appendObject(env.sources, {
        apiVersion: TIMELINE_API_VERSION,
        kind: 'Timeline',
        metadata: { name: NEW_TIMELINE_NAME },
        events: [event],
      });
  const timelineName = found ? found.ref.name : NEW_TIMELINE_NAME;
  return commit(env, edited, {
    stdout: `timeline.svclab.io/${timelineName || NEW_TIMELINE_NAME} ${found ? 'edited' : 'created'}\n`,
    yaml,
    refs: [],
  });
}
