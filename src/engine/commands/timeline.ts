/**
 * `svclab timeline`: the scene's timeline as a table, each fault and each reaction at its instant, with
 * a line where the command runs (`--at`); `timeline add FAULT NAME` writes a fault (timeline-add.ts). `-o json`: `{ "at": 60, "events": [ { "at", "fault", "message" } ] }`.
 *
 * @example
 * timelineCommand([], env).stdout; // "TIME   EVENT\n10s    Node node-2 stops …\n── now: 0s ──\n…"
 */
import { humanDuration } from '../cluster/time';
import { msg, render } from '../messages';
import { timelineAdd } from './timeline-add';
import { json, ok, usage, type CommandHandler } from './types';

export const timelineCommand: CommandHandler = (args, env) => {
  if (args[0] === 'add') return timelineAdd(args.slice(1), env);
  if (args.length > 0)
    return usage(msg('usage.noArguments', { command: 'timeline', got: args[0] ?? '' }), 'timeline', env.lang);
  const at = env.timeline?.at ?? 0;
  const events = env.timeline?.events ?? [];
  if (env.json)
    return ok(
      json({ at, events: events.map((e) => ({ at: e.at, fault: e.fault, message: e.msg })) }, env.lang),
    );
  const width = Math.max(4, ...events.map((e) => humanDuration(e.at).length)) + 3;
  const lines = [`${'TIME'.padEnd(width)}EVENT`];
  let marked = false;
  for (const e of events) {
    if (!marked && e.at > at) {
      lines.push(`── now: ${humanDuration(at)} ──`);
      marked = true;
    }
    lines.push(`${humanDuration(e.at).padEnd(width)}${e.fault ? '! ' : '  '}${render(e.msg, env.lang)}`);
  }
  if (!marked) lines.push(`── now: ${humanDuration(at)} ──`);
  return ok(`${lines.join('\n')}\n`);
};
