/**
 * StatefulSet and DaemonSet as pkg/apis/apps/validation checks them (ValidateStatefulSetSpec,
 * ValidateDaemonSetSpec): the selector and template rules every workload shares, the pod-management
 * policy, the update strategies (type, partition, maxUnavailable/maxSurge as int or percent), minReadySeconds,
 * the PVC retention policy, and a template that restarts Always without an activeDeadlineSeconds. A
 * StatefulSet's name is a DNS-1123 label (its pods' names and hostnames are built from it).
 *
 * @example
 * validateStatefulSet(stsWithPolicyFoo)[0].message;
 * // "spec.podManagementPolicy: Invalid value: \"Foo\": must be 'OrderedReady' or 'Parallel'"
 */
import { intOrPercentValue, intOrString, positiveIntOrPercent } from './deployment';
import { forbidden, goLiteral, goQuote, invalid, notSupported, required, type FieldError } from './field';
import { isDNS1123Label } from './messages';
import { validateWorkload } from './pod';
import { isObj, str, type Obj } from './values';

const NON_NEGATIVE = 'must be greater than or equal to 0';
function nonNegative(errs: FieldError[], field: string, v: unknown): void {
  if (typeof v === 'number' && v < 0) errs.push(invalid(field, v, NON_NEGATIVE));
}

/**
 * A pointer field inside a struct printed with %#v: nil, or an address. The address is the API server's
 * heap and differs on every request; svclab prints one of that shape.
 */
const pointer = (type: string, set: boolean): string => `(*${type})(${set ? '0xc000a1e2c0' : 'nil'})`;

/** IsNotMoreThan100Percent. */
function notOver100(field: string, v: unknown): FieldError[] {
  if (typeof v !== 'string' || !/^[0-9]+%$/.test(v)) return [];
  return intOrPercentValue(v) > 100 ? [invalid(field, intOrString(v), 'must not be greater than 100%')] : [];
}

/** The rules every apps workload template shares: restartPolicy Always, no activeDeadlineSeconds. */
function templateRules(spec: Obj, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const template = isObj(spec.template) ? spec.template : {};
  const podSpec = isObj(template.spec) ? template.spec : {};
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null)
    errs.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  return errs;
}

/** validateRollingUpdateStatefulSet. */
function statefulSetRollingUpdate(ru: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(errs, `${path}.partition`, ru.partition);
  const max = ru.maxUnavailable;
  if (max !== undefined && max !== null) {
    const at = `${path}.maxUnavailable`;
    errs.push(...positiveIntOrPercent(at, max));
    if (intOrPercentValue(max) === 0) errs.push(invalid(at, intOrString(max), 'cannot be 0'));
    errs.push(...notOver100(at, max));
  }
  return errs;
}

function statefulSetStrategy(spec: Obj): FieldError[] {
  const strategy = isObj(spec.updateStrategy) ? spec.updateStrategy : {};
  const type = str(strategy.type);
  const ru = isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
  const path = 'spec.updateStrategy';
  if (type === '') return [required(path)];
  if (type === 'OnDelete') {
    if (!ru) return [];
    const partition = typeof ru.partition === 'number' ? ru.partition : 0;
    const max = pointer('intstr.IntOrString', ru.maxUnavailable !== undefined && ru.maxUnavailable !== null);
    return [
      invalid(
        `${path}.rollingUpdate`,
        goLiteral(`apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:${max}}`),
        "only allowed for updateStrategy 'RollingUpdate'",
      ),
    ];
  }
  if (type === 'RollingUpdate') return ru ? statefulSetRollingUpdate(ru, `${path}.rollingUpdate`) : [];
  const value = goLiteral(
    `apps.StatefulSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:${pointer('apps.RollingUpdateStatefulSetStrategy', !!ru)}}`,
  );
  return [invalid(path, value, "must be 'RollingUpdate' or 'OnDelete'")];
}

const RETENTION = ['Retain', 'Delete'];

/**
 * ValidateStatefulSet. ValidateStatefulSetSpec leaves the template's pod spec to pod creation: a broken
 * container is accepted here and fails each pod the controller creates (cluster/pod-create.ts: no pod,
 * the FailedCreate event as a lint on the set).
 *
 * @example validateStatefulSet({ …, spec: { …, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } } })
 * // ['spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0']
 */
export function validateStatefulSet(obj: Obj): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  // Metadata (the name a DNS-1123 label), replicas, selector, template labels, restartPolicy Always.
  const errs = validateWorkload(obj, 'statefulset', false, isDNS1123Label);
  const policy = str(spec.podManagementPolicy);
  if (policy === '') errs.push(required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel')
    errs.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...statefulSetStrategy(spec));
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (isObj(retention))
    for (const f of ['whenDeleted', 'whenScaled'])
      if (!RETENTION.includes(str(retention[f])))
        errs.push(
          notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, str(retention[f]), RETENTION),
        );
  nonNegative(errs, 'spec.minReadySeconds', spec.minReadySeconds);
  if (isObj(spec.ordinals)) nonNegative(errs, 'spec.ordinals.start', spec.ordinals.start);
  errs.push(...templateRules(spec, 'StatefulSet'));
  return errs;
}

/** ValidateRollingUpdateDaemonSet. */
function daemonSetRollingUpdate(ru: Obj, path: string): FieldError[] {
  const errs = [
    ...positiveIntOrPercent(`${path}.maxUnavailable`, ru.maxUnavailable),
    ...positiveIntOrPercent(`${path}.maxSurge`, ru.maxSurge),
    ...notOver100(`${path}.maxUnavailable`, ru.maxUnavailable),
    ...notOver100(`${path}.maxSurge`, ru.maxSurge),
  ];
  const unavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const surge = intOrPercentValue(ru.maxSurge) !== 0;
  if (unavailable && surge)
    errs.push(
      invalid(`${path}.maxSurge`, intOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'),
    );
  else if (!unavailable && !surge)
    errs.push(required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** ValidateDaemonSetUpdateStrategy (after defaulting: RollingUpdate with maxUnavailable 1, maxSurge 0). */
function daemonSetStrategy(spec: Obj): FieldError[] {
  const strategy = isObj(spec.updateStrategy) ? spec.updateStrategy : {};
  const type = str(strategy.type);
  const path = 'spec.updateStrategy';
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate')
    return isObj(strategy.rollingUpdate)
      ? daemonSetRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`)
      : [required(`${path}.rollingUpdate`)];
  const ru = pointer('apps.RollingUpdateDaemonSet', isObj(strategy.rollingUpdate));
  return [
    notSupported(
      path,
      goLiteral(`apps.DaemonSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:${ru}}`),
      ['RollingUpdate', 'OnDelete'],
    ),
  ];
}

/**
 * ValidateDaemonSet: the shared workload rules (restartPolicy Always), then the DaemonSet's own.
 *
 * @example validateDaemonSet({ …, spec: { …, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } } })
 * // ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0']
 */
export function validateDaemonSet(obj: Obj): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = validateWorkload(obj, 'daemonset');
  errs.push(...templateRules(spec, 'DaemonSet'));
  nonNegative(errs, 'spec.minReadySeconds', spec.minReadySeconds);
  errs.push(...daemonSetStrategy(spec));
  nonNegative(errs, 'spec.revisionHistoryLimit', spec.revisionHistoryLimit);
  return errs;
}
