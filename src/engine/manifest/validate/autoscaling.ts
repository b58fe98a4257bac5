/**
 * HorizontalPodAutoscaler (pkg/apis/autoscaling/validation, autoscaling/v2, without HPAScaleToZero): the
 * target reference, the replica bounds and each metric: a known source type with exactly that source
 * filled in, a resource name, and a target of type Utilization, Value or AverageValue with positive numbers;
 * the behavior's scaling rules (stabilizationWindowSeconds 0..3600, selectPolicy Max/Min/Disabled, each
 * policy of type Pods or Percent with a positive value and periodSeconds 1..1800).
 *
 * @example
 * validateHorizontalPodAutoscaler(hpa with minReplicas 5, maxReplicas 3)[0].message;
 * // "spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`"
 */
import { forbidden, invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { isDNS1123Subdomain } from './messages';
import { validateObjectMeta } from './metadata';
import { parseQuantity, quantityString } from './quantity';
import { isObj, objects, str, type Obj } from './values';

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** path.IsValidPathSegmentName. */
function pathSegment(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** sets.List of the source types: sorted. */
const SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const FIELD_OF: Record<string, string> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  External: 'external',
  ContainerResource: 'containerResource',
};

/** validateMetricTarget: the target type and its positive value. */
function validateTarget(target: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(target.type);
  if (type === '') errs.push(required(`${path}.type`, 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue')
    errs.push(invalid(`${path}.type`, type, 'must be either Utilization, Value, or AverageValue'));
  for (const f of ['value', 'averageValue']) {
    const raw = target[f];
    if (raw === undefined || raw === null) continue;
    const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
    if (q && q.nanos <= 0n) errs.push(invalid(`${path}.${f}`, quantityString(q), 'must be positive'));
  }
  const utilization = num(target.averageUtilization);
  if (utilization !== undefined && utilization < 1)
    errs.push(invalid(`${path}.averageUtilization`, utilization, 'must be greater than 0'));
  return errs;
}

/** validateResourceSource / validateContainerResourceSource. */
function validateResourceSource(src: Obj, path: string, container: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (str(src.name) === '') errs.push(required(`${path}.name`, 'must specify a resource name'));
  if (container && str(src.container) === '')
    errs.push(required(`${path}.container`, 'must specify a container'));
  const target = isObj(src.target) ? src.target : {};
  errs.push(...validateTarget(target, `${path}.target`));
  if (target.averageUtilization === undefined && target.averageValue === undefined)
    errs.push(
      required(
        `${path}.target.averageUtilization`,
        'must set either a target raw value or a target utilization',
      ),
    );
  if (target.averageUtilization !== undefined && target.averageValue !== undefined)
    errs.push(
      forbidden(
        `${path}.target.averageValue`,
        'may not set both a target raw value and a target utilization',
      ),
    );
  return errs;
}

function validateMetric(m: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(m.type);
  if (type === '') errs.push(required(`${path}.type`, 'must specify a metric source type'));
  if (!SOURCE_TYPES.includes(type)) errs.push(notSupported(`${path}.type`, type, SOURCE_TYPES));
  const present = Object.values(FIELD_OF).filter((f) => isObj(m[f]));
  const first = present[0];
  if (first === 'resource')
    errs.push(...validateResourceSource(m.resource as Obj, `${path}.resource`, false));
  if (first === 'containerResource')
    errs.push(...validateResourceSource(m.containerResource as Obj, `${path}.containerResource`, true));
  if (first && (first === 'pods' || first === 'object' || first === 'external')) {
    const src = m[first] as Obj;
    errs.push(...validateTarget(isObj(src.target) ? src.target : {}, `${path}.${first}.target`));
  }
  const expected = FIELD_OF[type];
  if (expected && !present.includes(expected))
    errs.push(required(`${path}.${expected}`, 'must populate information for the given metric source'));
  if (present.length !== 1)
    for (const f of present)
      if (f !== expected) errs.push(forbidden(`${path}.${f}`, 'must populate the given metric source only'));
  return errs;
}

/** sets.List of validSelectPolicyTypes and validPolicyTypes; the upper bounds of the behavior's seconds. */
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const POLICY_TYPES = ['Percent', 'Pods'];
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

/** validateScalingPolicy. */
function validateScalingPolicy(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(p.type);
  if (type !== 'Pods' && type !== 'Percent') errs.push(notSupported(`${path}.type`, type, POLICY_TYPES));
  const value = num(p.value) ?? 0;
  if (value <= 0) errs.push(invalid(`${path}.value`, value, 'must be greater than zero'));
  const period = num(p.periodSeconds) ?? 0;
  if (period <= 0) errs.push(invalid(`${path}.periodSeconds`, period, 'must be greater than zero'));
  if (period > MAX_PERIOD_SECONDS)
    errs.push(
      invalid(`${path}.periodSeconds`, period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`),
    );
  return errs;
}

/**
 * validateScalingRules. SetDefaults_HorizontalPodAutoscalerBehavior fills what a rule leaves out (a
 * missing policies list gets the default policies), so only an explicitly empty list is "at least one".
 */
function validateScalingRules(rules: unknown, path: string): FieldError[] {
  if (!isObj(rules)) return [];
  const errs: FieldError[] = [];
  const window = num(rules.stabilizationWindowSeconds);
  if (window !== undefined && window < 0)
    errs.push(invalid(`${path}.stabilizationWindowSeconds`, window, 'must be greater than or equal to zero'));
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS)
    errs.push(
      invalid(
        `${path}.stabilizationWindowSeconds`,
        window,
        `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`,
      ),
    );
  if (
    rules.selectPolicy !== undefined &&
    rules.selectPolicy !== null &&
    !SELECT_POLICIES.includes(str(rules.selectPolicy))
  )
    errs.push(notSupported(`${path}.selectPolicy`, str(rules.selectPolicy), SELECT_POLICIES));
  if (Array.isArray(rules.policies) && rules.policies.length === 0)
    errs.push(required(`${path}.policies`, 'must specify at least one Policy'));
  objects(rules.policies).forEach((p, i) => errs.push(...validateScalingPolicy(p, `${path}.policies[${i}]`)));
  return errs;
}

/**
 * ValidateHorizontalPodAutoscaler.
 *
 * @example validateHorizontalPodAutoscaler({ …, spec: { minReplicas: 0, maxReplicas: 3, scaleTargetRef } })[0].message;
 * // "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1"
 */
export function validateHorizontalPodAutoscaler(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const min = num(spec.minReplicas);
  const max = num(spec.maxReplicas) ?? 0;
  if (min !== undefined && min < 1)
    errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min)
    errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const ref = isObj(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
  for (const f of ['kind', 'name'] as const) {
    const v = str(ref[f]);
    if (v === '') errs.push(required(`spec.scaleTargetRef.${f}`));
    else errs.push(...invalidEach(`spec.scaleTargetRef.${f}`, v, pathSegment(v)));
  }
  objects(spec.metrics).forEach((m, i) => errs.push(...validateMetric(m, `spec.metrics[${i}]`)));
  if (isObj(spec.behavior)) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, 'spec.behavior.scaleUp'));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, 'spec.behavior.scaleDown'));
  }
  return errs;
}
