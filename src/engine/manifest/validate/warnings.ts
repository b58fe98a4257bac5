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

const warning = (field: string, message: string): FieldError => ({ type: 'invalid', field, message });

/**
 * GetWarningsForService (pkg/api/service/warnings.go), in its order: the old topology annotation, fields a
 * headless Service ignores, externalIPs on an ExternalName Service, externalName on another type, and
 * trafficDistribution PreferClose (deprecated in favour of PreferSameZone).
 *
 * @example
 * serviceWarnings({ kind: 'Service', spec: { type: 'ExternalName', externalIPs: ['1.2.3.4'] } })[0].message;
 * // 'spec.externalIPs is ignored when spec.type is "ExternalName"'
 */
export function serviceWarnings(obj: Obj): FieldError[] {
  const out: FieldError[] = [];
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const annotations = isObj(meta.annotations) ? meta.annotations : {};
  const spec = isObj(obj.spec) ? obj.spec : {};
  const type = str(spec.type) || 'ClusterIP';
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  if (Object.prototype.hasOwnProperty.call(annotations, 'service.kubernetes.io/topology-aware-hints'))
    out.push(
      warning(
        'metadata.annotations',
        'annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead',
      ),
    );
  if (type === 'ClusterIP' && str(spec.clusterIP) === 'None') {
    if (str(spec.loadBalancerIP) !== '')
      out.push(warning('spec.loadBalancerIP', 'spec.loadBalancerIP is ignored for headless services'));
    if (externalIPs.length > 0)
      out.push(warning('spec.externalIPs', 'spec.externalIPs is ignored for headless services'));
    if ((str(spec.sessionAffinity) || 'None') !== 'None')
      out.push(warning('spec.sessionAffinity', 'spec.SessionAffinity is ignored for headless services'));
  }
  if (type === 'ExternalName' && externalIPs.length > 0)
    out.push(warning('spec.externalIPs', 'spec.externalIPs is ignored when spec.type is "ExternalName"'));
  if (type !== 'ExternalName' && str(spec.externalName) !== '')
    out.push(
      warning('spec.externalName', 'spec.externalName is ignored when spec.type is not "ExternalName"'),
    );
  if (str(spec.trafficDistribution) === 'PreferClose')
    out.push(
      warning(
        'spec.trafficDistribution',
        'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"',
      ),
    );
  return out;
}

/**
 * The warning the API server adds to every request for a v1 Endpoints (KEP-4974, 1.33+), which kubectl
 * prints on apply and on `get endpoints` alike.
 */
export const ENDPOINTS_DEPRECATED =
  'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

/**
 * The create warnings of an object.
 *
 * @example createWarnings({ kind: 'Service', spec: {} }); // []
 */
export function createWarnings(obj: Obj): FieldError[] {
  if (obj.kind === 'Service') return serviceWarnings(obj);
  if (obj.kind === 'Endpoints' && obj.apiVersion === 'v1') return [warning('', ENDPOINTS_DEPRECATED)];
  const path = POD_SPEC_PATH[String(obj.kind)];
  if (!path) return [];
  let spec: unknown = obj;
  for (const part of path.split('.')) spec = isObj(spec) ? spec[part] : undefined;
  return podSpecWarnings(spec, path);
}
