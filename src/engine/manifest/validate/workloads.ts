/**
 * The other workload kinds svclab runs: StatefulSet and DaemonSet (pkg/apis/apps/validation), Job
 * (pkg/apis/batch/validation) and HorizontalPodAutoscaler (pkg/apis/autoscaling/validation), each with
 * the checks whose wording a student meets: the selector and template rules the apps kinds share with
 * Deployments, the Job's restart policies and counts, the autoscaler's replica bounds and target.
 *
 * @example
 * validateJob(jobWithRestartAlways)[0].message;
 * // 'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'
 */
import { invalid, notSupported, required, type FieldError } from './field';
import { isDNS1123Subdomain } from './messages';
import { validateLabels, validateObjectMeta } from './metadata';
import { validatePodSpec, validateWorkload } from './pod';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function nonNegative(errs: FieldError[], field: string, v: unknown): void {
  const n = num(v);
  if (n !== undefined && n < 0) errs.push(invalid(field, n, 'must be greater than or equal to 0'));
}

const POD_MANAGEMENT = ['OrderedReady', 'Parallel'];
const STS_STRATEGIES = ['RollingUpdate', 'OnDelete'];

/**
 * ValidateStatefulSet: the shared workload rules, podManagementPolicy, updateStrategy, ordinals.start.
 *
 * @example
 * validateStatefulSet(stsWithPolicyFoo)[0].message; // 'spec.podManagementPolicy: Unsupported value: "Foo": …'
 */
export function validateStatefulSet(obj: Obj): FieldError[] {
  const errs = validateWorkload(obj, 'statefulset');
  const spec = isObj(obj.spec) ? obj.spec : {};
  const policy = spec.podManagementPolicy;
  if (typeof policy === 'string' && !POD_MANAGEMENT.includes(policy))
    errs.push(notSupported('spec.podManagementPolicy', policy, POD_MANAGEMENT));
  const strategy = isObj(spec.updateStrategy) ? spec.updateStrategy : {};
  if (typeof strategy.type === 'string' && !STS_STRATEGIES.includes(strategy.type))
    errs.push(notSupported('spec.updateStrategy.type', strategy.type, STS_STRATEGIES));
  if (isObj(spec.ordinals)) nonNegative(errs, 'spec.ordinals.start', spec.ordinals.start);
  return errs;
}

/**
 * ValidateDaemonSet: the shared workload rules (restartPolicy Always), no replicas.
 *
 * @example
 * validateDaemonSet(dsWithoutSelector)[0].message; // "spec.selector: Required value"
 */
export function validateDaemonSet(obj: Obj): FieldError[] {
  return validateWorkload(obj, 'daemonset');
}

const JOB_RESTART = ['OnFailure', 'Never'];
const COMPLETION_MODES = ['NonIndexed', 'Indexed'];

/**
 * ValidateJob (the parts that do not need the uid the API server gives the Job first): name, counts,
 * completion mode, template labels and a pod spec that restarts OnFailure or Never.
 *
 * @example
 * validateJob({ …, spec: { completionMode: 'Indexed', template } })[0].message;
 * // "spec.completions: Required value: when completion mode is Indexed"
 */
export function validateJob(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  nonNegative(errs, 'spec.parallelism', spec.parallelism);
  nonNegative(errs, 'spec.completions', spec.completions);
  nonNegative(errs, 'spec.backoffLimit', spec.backoffLimit);
  const mode = spec.completionMode;
  if (typeof mode === 'string' && !COMPLETION_MODES.includes(mode))
    errs.push(notSupported('spec.completionMode', mode, COMPLETION_MODES));
  if (mode === 'Indexed' && num(spec.completions) === undefined)
    errs.push(required('spec.completions', 'when completion mode is Indexed'));
  if (spec.manualSelector === true && !isObj(spec.selector)) errs.push(required('spec.selector'));
  const template = isObj(spec.template) ? spec.template : {};
  const meta = isObj(template.metadata) ? template.metadata : {};
  errs.push(...validateLabels(meta.labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec', JOB_RESTART));
  return errs;
}

/**
 * ValidateHorizontalPodAutoscaler (autoscaling/v2, without HPAScaleToZero): the target reference and the
 * replica bounds.
 *
 * @example
 * validateHorizontalPodAutoscaler(hpa with minReplicas 5, maxReplicas 3)[0].message;
 * // "spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`"
 */
export function validateHorizontalPodAutoscaler(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const ref = isObj(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
  if (typeof ref.kind !== 'string' || ref.kind === '') errs.push(required('spec.scaleTargetRef.kind'));
  if (typeof ref.name !== 'string' || ref.name === '') errs.push(required('spec.scaleTargetRef.name'));
  const min = num(spec.minReplicas);
  const max = num(spec.maxReplicas) ?? 0;
  if (min !== undefined && min < 1)
    errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min)
    errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  return errs;
}
