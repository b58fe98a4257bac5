/**
 * What ValidateDeploymentSpec and ValidateReplicaSetSpec (pkg/apis/apps/validation) check beyond the
 * selector and template rules every workload shares: the rollout strategy (Recreate forbids rollingUpdate;
 * maxUnavailable and maxSurge are non-negative integers or percentages, not both 0, maxUnavailable at most
 * 100%), minReadySeconds, revisionHistoryLimit, and a progress deadline longer than minReadySeconds.
 *
 * @example
 * validateDeployment(depWithMaxSurgeAndMaxUnavailable0).map((e) => e.message);
 * // ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0']
 */
import { forbidden, goLiteral, goQuote, invalid, notSupported, required, type FieldError } from './field';
import { regexError } from './messages';
import { validateWorkload } from './pod';
import { isObj, type Obj } from './values';

const NON_NEGATIVE = 'must be greater than or equal to 0';

function nonNegative(errs: FieldError[], field: string, v: unknown): void {
  if (typeof v === 'number' && v < 0) errs.push(invalid(field, v, NON_NEGATIVE));
}

/** An intstr.IntOrString passed by value: field.Error prints it with %#v. */
export function intOrString(v: unknown) {
  return typeof v === 'string'
    ? goLiteral(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`)
    : goLiteral(`intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`);
}

/** getIntOrPercentValue: the number, or the percent's number (0 when it does not parse). */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return 0;
  const n = /^-?\d+$/.test(v.replace(/%$/, '')) ? Number(v.replace(/%$/, '')) : 0;
  return Number.isSafeInteger(n) ? n : 0;
}

/** ValidatePositiveIntOrPercent. */
export function positiveIntOrPercent(field: string, v: unknown): FieldError[] {
  if (typeof v === 'string')
    return /^[0-9]+%$/.test(v)
      ? []
      : [
          invalid(
            field,
            intOrString(v),
            regexError(
              "a valid percent string must be a numeric string followed by an ending '%'",
              '[0-9]+%',
              '1%',
              '93%',
            ),
          ),
        ];
  if (typeof v === 'number') return v < 0 ? [invalid(field, v, NON_NEGATIVE)] : [];
  return [];
}

/** ValidateDeploymentStrategy (after defaulting: RollingUpdate with 25%/25%). */
function validateStrategy(strategy: Obj): FieldError[] {
  const path = 'spec.strategy';
  const type = strategy.type;
  if (type === 'Recreate')
    return isObj(strategy.rollingUpdate)
      ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  if (type !== 'RollingUpdate')
    return [
      notSupported(`${path}.type`, typeof type === 'string' ? type : '', ['Recreate', 'RollingUpdate']),
    ];
  if (!isObj(strategy.rollingUpdate))
    return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
  const ru = strategy.rollingUpdate;
  const at = `${path}.rollingUpdate`;
  const errs = [
    ...positiveIntOrPercent(`${at}.maxUnavailable`, ru.maxUnavailable),
    ...positiveIntOrPercent(`${at}.maxSurge`, ru.maxSurge),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0)
    errs.push(
      invalid(`${at}.maxUnavailable`, intOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'),
    );
  if (typeof ru.maxUnavailable === 'string' && /%$/.test(ru.maxUnavailable))
    if (intOrPercentValue(ru.maxUnavailable) > 100)
      errs.push(
        invalid(`${at}.maxUnavailable`, intOrString(ru.maxUnavailable), 'must not be greater than 100%'),
      );
  return errs;
}

/**
 * A Deployment: the shared workload rules, then ValidateDeploymentSpec's own.
 *
 * @example validateDeployment({ …, spec: { …, minReadySeconds: -1 } })[0].message; // 'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'
 */
export function validateDeployment(obj: Obj): FieldError[] {
  const errs = validateWorkload(obj);
  const spec = isObj(obj.spec) ? obj.spec : {};
  if (isObj(spec.strategy)) errs.push(...validateStrategy(spec.strategy));
  nonNegative(errs, 'spec.minReadySeconds', spec.minReadySeconds);
  nonNegative(errs, 'spec.revisionHistoryLimit', spec.revisionHistoryLimit);
  if (typeof spec.progressDeadlineSeconds === 'number') {
    nonNegative(errs, 'spec.progressDeadlineSeconds', spec.progressDeadlineSeconds);
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (spec.progressDeadlineSeconds <= minReady)
      errs.push(
        invalid(
          'spec.progressDeadlineSeconds',
          spec.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      );
  }
  return errs;
}

/** A ReplicaSet: the shared workload rules and a non-negative minReadySeconds. */
export function validateReplicaSet(obj: Obj): FieldError[] {
  const errs = validateWorkload(obj);
  nonNegative(errs, 'spec.minReadySeconds', isObj(obj.spec) ? obj.spec.minReadySeconds : undefined);
  return errs;
}
