/**
 * ValidatePriorityClass (pkg/apis/scheduling/validation/validation.go): the name a DNS subdomain; a name
 * with the `system-` prefix only for the two classes the API server makes itself, with their exact value
 * and globalDefault (IsKnownSystemPriorityClass); any other class at most HighestUserDefinablePriority
 * (1000000000); the preemptionPolicy, once defaulted, one of PreemptLowerPriority and Never. That at most
 * one class is globalDefault is the Priority admission plugin's check, against the classes that exist
 * (cluster/priority.ts).
 *
 * @example
 * validatePriorityClass({ kind: 'PriorityClass', metadata: { name: 'high' }, value: 2000000000 })[0].message;
 * // 'value: Forbidden: maximum allowed value of a user defined priority is 1000000000'
 */
import { forbidden, notSupported, required, type FieldError } from './field';
import { isDNS1123Subdomain } from './messages';
import { validateObjectMeta } from './metadata';
import { PREEMPTION_POLICIES } from './pod-extras';
import { isObj, type Obj } from './values';

/** scheduling.HighestUserDefinablePriority: the most a user's class may give. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** scheduling.SystemPriorityClassPrefix. */
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';

/**
 * The classes the API server makes at start (pkg/apis/scheduling/v1 helpers.go systemPriorityClasses):
 * SystemCriticalPriority (2000000000) and 1000 more, neither globalDefault, in upstream's order.
 */
export const SYSTEM_PRIORITY_CLASSES: readonly { name: string; value: number; description: string }[] = [
  {
    name: 'system-node-critical',
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: 2000000000,
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

/** IsKnownSystemPriorityClass's error, or undefined when the class is one of the system classes exactly. */
function unknownSystemClass(name: string, value: number, globalDefault: boolean): string | undefined {
  const spc = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
  if (!spc) return `${name} is not a known system priority class`;
  if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
  if (globalDefault) return `globalDefault of ${spc.name} PriorityClass must be false`;
  return undefined;
}

export function validatePriorityClass(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, isDNS1123Subdomain);
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const value = typeof obj.value === 'number' ? obj.value : 0;
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const err = unknownSystemClass(name, value, obj.globalDefault === true);
    if (err)
      errs.push(
        forbidden(
          'metadata.name',
          `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${err}`,
        ),
      );
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY)
    errs.push(
      forbidden(
        'value',
        `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`,
      ),
    );
  if (obj.preemptionPolicy !== undefined) {
    const p = typeof obj.preemptionPolicy === 'string' ? obj.preemptionPolicy : '';
    if (p === '') errs.push(required('preemptionPolicy'));
    else if (!PREEMPTION_POLICIES.includes(p))
      errs.push(notSupported('preemptionPolicy', p, PREEMPTION_POLICIES));
  }
  return errs;
}
