/**
 * svclab's own kind `Timeline` (apiVersion svclab.io/v1alpha1): faults at instants of the scene's
 * simulated clock, for what Kubernetes YAML cannot say (a node that stops, a container that crashes, a
 * readiness probe that starts failing, a ReplicaSet's pod deleted). The cluster's reactions follow from
 * them (src/engine/timeline/). This file reads and checks the document, with line and field for each
 * mistake.
 *
 * ```yaml
 * apiVersion: svclab.io/v1alpha1
 * kind: Timeline
 * metadata: { name: node-2-dies }
 * events:
 *   - { at: 10s, fault: NodeStopped, node: node-2 }
 *   - { at: 20s, fault: PodDeleted, pod: web-6945978964-54zph }
 * ```
 *
 * @example
 * parseDuration('1m30s'); // 90
 */
import type { Diagnostic } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import { diagnosticAt } from './diagnose';
import type { Admission, SourcedObject } from './types';

export const TIMELINE_API_VERSION = 'svclab.io/v1alpha1';

/** The faults a Timeline can hold, and the field that names each one's target. */
export const FAULTS = {
  NodeStopped: 'node',
  NodeDrained: 'node',
  PodDeleted: 'pod',
  ReadinessFailing: 'pod',
  ContainerCrashed: 'pod',
} as const;
export type FaultKind = keyof typeof FAULTS;

export interface TimelineFault {
  at: number; // seconds since the scene started: 10
  fault: FaultKind;
  /** The node, pod or Service it happens to ("node-2", "web-6945978964-54zph", "web"). */
  target: string;
  namespace: string; // "default" (ignored for nodes)
  container?: string;
  /** Where it is written (for messages that point back at it). */
  file: string;
  line?: number;
}

export interface TimelineObject extends KubeObject {
  events?: unknown;
}

const UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/**
 * A Go duration (time.ParseDuration: "10s", "1m30s", "500ms", "1.5h") in seconds, or undefined.
 *
 * @example parseDuration('2m'); // 120
 */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  if (text === '') return undefined;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * UNITS[m[2]!]!;
    pos = re.lastIndex;
  }
  return total;
}

/**
 * Seconds as Go's time.Duration.String() prints them, which parseDuration reads back: "0s", "500ms",
 * "10s", "1m10s", "1h0m0s", "1.5s" (to the millisecond).
 *
 * @example formatDuration(70); // "1m10s"
 */
export function formatDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${abs}ms`;
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const rest = abs % 60_000;
  const sec = `${Math.floor(rest / 1000)}${
    rest % 1000
      ? `.${String(rest % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
      : ''
  }s`;
  if (h > 0) return `${sign}${h}h${m}m${sec}`;
  if (m > 0) return `${sign}${m}m${sec}`;
  return `${sign}${sec}`;
}

/**
 * Checks a Timeline document: each event has `at` (a duration), a known `fault` and its target.
 * Mistakes are schema errors on their line; the Timeline is then left out (`object: null`).
 */
export function admitTimeline(obj: SourcedObject): Admission {
  const diagnostics: Diagnostic[] = [];
  const err = (field: string, message: string) =>
    diagnostics.push(
      diagnosticAt(obj, field, { severity: 'error', source: 'schema', code: 'timeline.invalid', message }),
    );
  const raw = obj.object as TimelineObject;
  for (const key of Object.keys(raw))
    if (!['apiVersion', 'kind', 'metadata', 'events'].includes(key))
      err(key, `unknown field "${key}": a Timeline has apiVersion, kind, metadata and events`);
  const events = raw.events ?? [];
  if (!Array.isArray(events)) err('events', 'events must be a list of faults');
  else
    events.forEach((e: unknown, i) => {
      const at = `events[${i}]`;
      if (typeof e !== 'object' || e === null || Array.isArray(e))
        return err(at, 'each event is a map: at, fault and its target');
      const ev = e as Record<string, unknown>;
      if (typeof ev.at !== 'string' || parseDuration(ev.at) === undefined)
        err(
          `${at}.at`,
          `at must be a duration such as 10s, 1m30s or 500ms, not ${JSON.stringify(ev.at ?? null)}`,
        );
      const fault = ev.fault;
      if (typeof fault !== 'string' || !(fault in FAULTS)) {
        err(
          `${at}.fault`,
          `fault must be one of ${Object.keys(FAULTS).join(', ')}, not ${JSON.stringify(fault ?? null)}`,
        );
        return;
      }
      const field = FAULTS[fault as FaultKind];
      if (typeof ev[field] !== 'string' || ev[field] === '')
        err(`${at}.${field}`, `${fault} needs ${field}: the name of the ${field}`);
      const allowed = new Set([
        'at',
        'fault',
        field,
        'namespace',
        ...(fault === 'ContainerCrashed' ? ['container'] : []),
      ]);
      for (const k of Object.keys(ev))
        if (!allowed.has(k)) err(`${at}.${k}`, `unknown field "${k}" in a ${fault} event`);
    });
  if (diagnostics.length > 0) return { object: null, diagnostics };
  // Like kubeadm's and kube-proxy's configuration kinds, a Timeline may leave metadata out.
  return { object: { ...obj.object, metadata: obj.object.metadata ?? {} }, diagnostics };
}

/**
 * The faults of every admitted Timeline, in time order (document order among equal times).
 *
 * @example timelineFaults(build.objects).map((f) => f.fault); // ["NodeStopped"]
 */
export function timelineFaults(objects: SourcedObject[]): TimelineFault[] {
  const out: TimelineFault[] = [];
  for (const o of objects) {
    if (o.object.kind !== 'Timeline') continue;
    const events = (o.object as TimelineObject).events;
    if (!Array.isArray(events)) continue;
    events.forEach((e: Record<string, unknown>, i) => {
      const fault = e.fault as FaultKind;
      const at = parseDuration(String(e.at));
      if (at === undefined || !(fault in FAULTS)) return;
      const line = o.locate(['events', i])?.line;
      out.push({
        at,
        fault,
        target: String(e[FAULTS[fault]]),
        namespace: typeof e.namespace === 'string' && e.namespace !== '' ? e.namespace : 'default',
        ...(typeof e.container === 'string' ? { container: e.container } : {}),
        file: o.file,
        ...(line !== undefined ? { line } : {}),
      });
    });
  }
  return out.sort((a, b) => a.at - b.at);
}
