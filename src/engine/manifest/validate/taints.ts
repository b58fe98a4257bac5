/**
 * Taints and tolerations (pkg/apis/core/validation/validation.go ValidateTolerations, validateNodeTaints,
 * validateTaintEffect): keys are qualified names, values label values, effects NoSchedule,
 * PreferNoSchedule or NoExecute; a toleration with no key must use Exists, tolerationSeconds only with
 * NoExecute; a node's taints are unique by key and effect.
 *
 * @example
 * validateTolerations([{ key: 'k', operator: 'Exists', value: 'v' }], 'spec.tolerations')[0].message;
 * // 'spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\''
 */
import {
  duplicate,
  goLiteral,
  goQuote,
  invalid,
  invalidEach,
  notSupported,
  required,
  type FieldError,
} from './field';
import { isQualifiedName, isValidLabelValue } from './messages';
import { objects, str, type Obj } from './values';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTaintEffect(effect: string, allowEmpty: boolean, path: string): FieldError[] {
  if (!allowEmpty && effect === '') return [required(path)];
  return EFFECTS.includes(effect) ? [] : [notSupported(path, effect, EFFECTS)];
}

/**
 * ValidateTolerations.
 *
 * @example validateTolerations([{ operator: 'Equal' }], 'spec.tolerations')[0].field; // "spec.tolerations[0].operator"
 */
export function validateTolerations(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objects(list).forEach((t, i) => {
    const at = `${path}[${i}]`;
    const key = str(t.key);
    const operator = str(t.operator);
    const value = str(t.value);
    const effect = str(t.effect);
    if (key.length > 0) errs.push(...invalidEach(`${at}.key`, key, isQualifiedName(key)));
    if (key.length === 0 && operator !== 'Exists')
      errs.push(
        invalid(
          `${at}.operator`,
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute')
      errs.push(
        invalid(`${at}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalid(`${at}.operator`, value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value.length > 0)
        errs.push(invalid(`${at}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(notSupported(`${at}.operator`, operator, ['Equal', 'Exists']));
    if (effect.length > 0) errs.push(...validateTaintEffect(effect, true, `${at}.effect`));
  });
  return errs;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** time.Time's GoString for an RFC 3339 time in UTC (how a decoded timeAdded prints). */
function goTimeDate(text: string): string {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return '<nil>';
  const parts = [d.getUTCFullYear(), `time.${MONTHS[d.getUTCMonth()]}`, d.getUTCDate(), d.getUTCHours()];
  return `time.Date(${[...parts, d.getUTCMinutes(), d.getUTCSeconds(), 0].join(', ')}, time.UTC)`;
}

/** core.Taint as %#v prints it (TimeAdded, a nil *metav1.Time, prints <nil> through time.Time's GoString). */
function goTaint(t: Obj): ReturnType<typeof goLiteral> {
  const time = typeof t.timeAdded === 'string' ? goTimeDate(t.timeAdded) : '<nil>';
  return goLiteral(
    `core.Taint{Key:${goQuote(str(t.key))}, Value:${goQuote(str(t.value))}, Effect:${goQuote(str(t.effect))}, TimeAdded:${time}}`,
  );
}

/**
 * validateNodeTaints: each taint's key, value and effect (required), unique by key and effect.
 *
 * @example validateNodeTaints([{ key: 'a', effect: 'NoSchedule' }, { key: 'a', effect: 'NoSchedule' }], 'spec.taints')[0].message;
 * // 'spec.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair'
 */
export function validateNodeTaints(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  objects(list).forEach((t, i) => {
    const at = `${path}[${i}]`;
    const key = str(t.key);
    errs.push(...invalidEach(`${at}.key`, key, isQualifiedName(key)));
    const msgs = isValidLabelValue(str(t.value));
    if (msgs.length > 0) errs.push(invalid(`${at}.value`, str(t.value), msgs.join(';')));
    errs.push(...validateTaintEffect(str(t.effect), false, `${at}.effect`));
    const unique = `${str(t.effect)}\u0000${key}`;
    if (seen.has(unique)) {
      const e = duplicate(at, goTaint(t));
      errs.push({ ...e, message: `${e.message}: taints must be unique by key and effect pair` });
      return;
    }
    seen.add(unique);
  });
  return errs;
}
