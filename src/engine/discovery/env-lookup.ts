/**
 * One Service variable of a pod's environment without building the whole environment: what the lints
 * need to tell whether `$(DB_SERVICE_HOST)` in one env value expands, for every workload of a scene,
 * without costing (workloads × Services). Answers agree with podEnvironment / serviceEnvServices.
 */
import type { Pod, Service } from '../k8s/objects';
import type { CreationIndex } from './creation-index';
import { existsAtStart } from './creation-order';
import { envVarName, fromServices, isServiceIPSet, serviceLinksEnabled } from './env-vars';

/**
 * The Service of a namespace whose variables start with this prefix ("DB" → Service db).
 *
 * @example
 * serviceByEnvName(ix, 'shop', 'ORDER_DB')?.metadata.name; // "order-db"
 */
export function serviceByEnvName(ix: CreationIndex, namespace: string, prefix: string): Service | undefined {
  const names = ix.derived(`env-names/${namespace}`, () => {
    // Service names are DNS labels, so envVarName is one-to-one on a namespace's Services.
    const out = new Map<string, Service>();
    for (const svc of ix.services(namespace)) out.set(envVarName(svc.metadata.name ?? ''), svc);
    return out;
  });
  return names.get(prefix);
}

/**
 * A lookup of the pod's Service variables by name ("DB_SERVICE_HOST" → "10.96.0.42"), undefined for a
 * variable kubelet does not set. Costs O(length of the name) per lookup.
 *
 * @example
 * serviceVariableLookup(ix, webPod)('DB_PORT_5432_TCP_ADDR'); // "10.96.0.42"
 */
export function serviceVariableLookup(ix: CreationIndex, pod: Pod): (name: string) => string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const podApply = ix.apply(pod);
  const links = serviceLinksEnabled(pod);
  const eligible = (svc: Service | undefined): svc is Service =>
    !!svc && isServiceIPSet(svc) && existsAtStart(ix.apply(svc), podApply);
  const serviceFor = (prefix: string): Service | undefined => {
    const own = links ? serviceByEnvName(ix, ns, prefix) : undefined;
    if (eligible(own)) return own;
    // A namespace's own `kubernetes` replaces default/kubernetes (kubelet keys the map by name).
    if (prefix === 'KUBERNETES') {
      const kubernetes = ix.service('default', 'kubernetes');
      if (eligible(kubernetes)) return kubernetes;
    }
    return undefined;
  };
  return (name) => {
    // Every variable is "<PREFIX>_SERVICE_…" or "<PREFIX>_PORT…"; the prefix may itself hold "_PORT".
    // Longest prefix first: where two Services give one name, podEnvironment keeps the one whose name
    // sorts last, and of two names one extending the other, the longer sorts last.
    for (let i = name.lastIndexOf('_'); i > 0; i = name.lastIndexOf('_', i - 1)) {
      const svc = serviceFor(name.slice(0, i));
      const v = svc && fromServices([svc]).find((x) => x.name === name);
      if (v) return v.value;
    }
    return undefined;
  };
}
