/**
 * The warnings the API server returns on create (pkg/api/pod/warnings.go warningsForPodSpecAndMeta), which
 * kubectl prints as `Warning: <text>` and still creates the object: two container ports with the same
 * containerPort and protocol (a second server cannot bind it), compared across init and regular containers
 * in the order the API server visits them.
 *
 * @example
 * podSpecWarnings({ containers: [{ ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 80, protocol: 'TCP' }] }] }, 'spec')[0].message;
 * // "spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]"
 */
import type { FieldError } from './field';
import { isObj, objects, str, type Obj } from './values';

const int = (v: unknown): number => (typeof v === 'number' ? v : 0);

interface Seen {
  field: string;
  hostIP: string;
  hostPort: number;
}

/** The port warnings of a pod spec at `path` ("spec" or "spec.template.spec"). */
export function podSpecWarnings(spec: unknown, path: string): FieldError[] {
  const s = isObj(spec) ? spec : {};
  const out: FieldError[] = [];
  const all = new Map<string, Seen[]>();
  const warn = (field: string, text: string): void => {
    out.push({ type: 'invalid', field, message: `${field}: ${text}` });
  };
  for (const list of ['initContainers', 'containers'] as const)
    objects(s[list]).forEach((c, ci) =>
      objects(c.ports).forEach((p, pi) => {
        const field = `${path}.${list}[${ci}].ports[${pi}]`;
        const hostIP = str(p.hostIP);
        const hostPort = int(p.hostPort);
        const key = `${int(p.containerPort)}/${str(p.protocol)}`;
        const others = all.get(key) ?? [];
        for (const o of others) {
          if (hostIP === o.hostIP && hostPort === o.hostPort)
            warn(field, `duplicate port definition with ${o.field}`);
          else if (hostPort === 0 || o.hostPort === 0)
            warn(field, `overlapping port definition with ${o.field}`);
          else if (hostPort === o.hostPort && (hostIP === '') !== (o.hostIP === ''))
            warn(field, `dangerously ambiguous port definition with ${o.field}`);
        }
        others.push({ field, hostIP, hostPort });
        all.set(key, others);
      }),
    );
  return out;
}

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATH: Record<string, string> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  Job: 'spec.template.spec',
};

/**
 * The create warnings of an object.
 *
 * @example createWarnings({ kind: 'Service', spec: {} }); // []
 */
export function createWarnings(obj: Obj): FieldError[] {
  const path = POD_SPEC_PATH[String(obj.kind)];
  if (!path) return [];
  let spec: unknown = obj;
  for (const part of path.split('.')) spec = isObj(spec) ? spec[part] : undefined;
  return podSpecWarnings(spec, path);
}
