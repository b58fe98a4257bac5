/**
 * API validation of one defaulted object, as Diagnostics (source `api`): each field.Error becomes
 * one diagnostic whose message is exactly what kubectl prints after `The <Kind> "<name>" is invalid: `.
 * Codes are stable: `<kind>.<field path without indexes and spec.>.<error type>`,
 * e.g. "service.ports.name.required".
 *
 * @example
 * validateObject(sourcedService).map((d) => d.message); // ['spec.ports[0].name: Required value', …]
 */
import type { Diagnostic } from '../../diagnostics';
import { mergeLabelKeys } from '../../k8s/label-key-merge';
import type { Pod } from '../../k8s/objects';
import { diagnosticAt } from '../diagnose';
import type { SourcedObject } from '../types';
import { validateConfigMapOrSecret, validateNamespace, validateNode } from './cluster-objects';
import { validateDeployment, validateReplicaSet } from './deployment';
import { validateEndpointSlice } from './endpoint-slice';
import { validateEndpoints } from './endpoints';
import type { FieldError } from './field';
import { validateIngress, validateIngressClass } from './ingress';
import { validatePod } from './pod';
import { validatePriorityClass } from './priority-class';
import { validateService } from './service';
import { validateServiceCIDR } from './service-cidr';
import { createWarnings } from './warnings';
import { validateHorizontalPodAutoscaler } from './autoscaling';
import { validateJob } from './batch';
import { validateCronJob } from './cronjob';
import { validateDaemonSet, validateStatefulSet } from './workloads';
import { type Obj } from './values';

const VALIDATORS: Record<string, (obj: Obj) => FieldError[]> = {
  Service: validateService,
  Endpoints: validateEndpoints,
  EndpointSlice: validateEndpointSlice,
  Ingress: validateIngress,
  IngressClass: validateIngressClass,
  ServiceCIDR: validateServiceCIDR,
  Pod: validatePod,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
  HorizontalPodAutoscaler: validateHorizontalPodAutoscaler,
  PriorityClass: validatePriorityClass,
  Namespace: validateNamespace,
  Node: validateNode,
  ConfigMap: validateConfigMapOrSecret,
  Secret: validateConfigMapOrSecret,
};

/**
 * A stable code for an error: kind, field without indexes or map keys (and without `spec.`), type.
 *
 * @example
 * errorCode('Service', { type: 'required', field: 'spec.ports[1].name', message: '' }); // "service.ports.name.required"
 */
export function errorCode(kind: string, e: FieldError): string {
  const path = e.field
    .replace(/\[[^\]]*\]/g, '')
    .replace(/^spec\./, '')
    .replace(/^spec$/, 'spec');
  return `${kind.toLowerCase()}.${path}.${e.type}`;
}

/**
 * The field errors of an object, without positions (for tests and callers that have no YAML).
 *
 * @example
 * validateFields({ kind: 'Service', metadata: { name: 'x', namespace: 'default' }, spec: {} }).length > 0; // true
 */
export function validateFields(obj: Obj): FieldError[] {
  const fn = VALIDATORS[String(obj.kind)];
  if (!fn) return [];
  // ErrorList.ToAggregate: an error already said in the same words is said once.
  const seen = new Set<string>();
  return fn(obj).filter((e) => !seen.has(e.message) && !!seen.add(e.message));
}

/**
 * A Pod as the API server validates it on create: after the strategy's PrepareForCreate merged the
 * matchLabelKeys into its terms' selectors (k8s/label-key-merge.ts). Other kinds as they are.
 */
function asCreated(o: SourcedObject['object']): SourcedObject['object'] {
  if (o.kind !== 'Pod') return o;
  const pod = { ...o, spec: { ...(o as Pod).spec } } as Pod;
  mergeLabelKeys(pod);
  return pod;
}

/**
 * Validates a defaulted object and returns its API errors as Diagnostics with YAML positions.
 *
 * @example
 * validateObject(sourced)[0]; // { severity: 'error', source: 'api', code: 'service.ports.required', field: 'spec.ports', … }
 */
export function validateObject(obj: SourcedObject): Diagnostic[] {
  const kind = obj.object.kind;
  const errors = validateFields(asCreated(obj.object) as unknown as Obj).map((e) =>
    diagnosticAt(obj, e.field, {
      severity: 'error',
      source: 'api',
      code: errorCode(kind, e),
      message: e.message,
    }),
  );
  // The API server's warnings (kubectl prints them as `Warning: …` and creates the object), only for an
  // object it accepts.
  if (errors.length > 0) return errors;
  return createWarnings(obj.object as unknown as Obj).map((w) =>
    diagnosticAt(obj, w.field, {
      severity: 'warning',
      source: 'api',
      code: w.field
        ? `${kind.toLowerCase()}.${w.field.replace(/\[[^\]]*\]/g, '').replace(/^spec\./, '')}.warning`
        : `${kind.toLowerCase()}.warning`,
      message: w.message,
    }),
  );
}
