/**
 * Job (pkg/apis/batch/validation ValidateJob, the create path): the counts are non-negative, completionMode
 * NonIndexed or Indexed (Indexed needs completions, parallelism at most 100,000), backoffLimitPerIndex and
 * maxFailedIndexes only with Indexed, a podFailurePolicy's rules, a selector that the template's labels
 * match, and a template that restarts OnFailure or Never (`Always`, the pod default, is reported as a
 * missing value, as the API server does).
 *
 * @example
 * validateJob(jobWithoutRestartPolicy).map((e) => e.message);
 * // ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']
 */
import { forbidden, invalid, notSupported, required, type FieldError } from './field';
import { isDNS1123Subdomain } from './messages';
import { goStringMap, validateLabels, validateObjectMeta } from './metadata';
import { validatePodSpec } from './pod';
import { podTemplateRules } from './pod-extras';
import { selectorMatches } from './selector';
import { isObj, objects, str, type Obj } from './values';

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

const NON_NEGATIVE = 'must be greater than or equal to 0';
function nonNegative(errs: FieldError[], field: string, v: unknown): void {
  const n = num(v);
  if (n !== undefined && n < 0) errs.push(invalid(field, n, NON_NEGATIVE));
}

const COMPLETION_MODES = ['NonIndexed', 'Indexed'];
const MAX_PARALLELISM_INDEXED = 100000;
const POLICY_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const ON_EXIT_OPERATORS = ['In', 'NotIn'];

/** validatePodFailurePolicy: each rule has one action and exactly one of onExitCodes / onPodConditions. */
function validatePodFailurePolicy(policy: Obj, indexed: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const rules = objects(policy.rules);
  rules.forEach((rule, i) => {
    const at = `spec.podFailurePolicy.rules[${i}]`;
    const action = str(rule.action);
    if (action === '') errs.push(required(`${at}.action`));
    else if (!POLICY_ACTIONS.includes(action))
      errs.push(notSupported(`${at}.action`, action, POLICY_ACTIONS));
    else if (action === 'FailIndex' && !indexed)
      errs.push(
        forbidden(
          `${at}.action`,
          'The action FailIndex is only allowed for Jobs with completionMode=Indexed',
        ),
      );
    const exit = isObj(rule.onExitCodes) ? rule.onExitCodes : undefined;
    const conditions = Array.isArray(rule.onPodConditions) ? rule.onPodConditions : undefined;
    if (exit && conditions && conditions.length > 0)
      errs.push(invalid(at, '', 'specifying both OnExitCodes and OnPodConditions is not supported'));
    else if (!exit && (!conditions || conditions.length === 0))
      errs.push(invalid(at, '', 'specifying one of OnExitCodes and OnPodConditions is required'));
    if (exit) {
      const op = str(exit.operator);
      if (!ON_EXIT_OPERATORS.includes(op))
        errs.push(notSupported(`${at}.onExitCodes.operator`, op, ON_EXIT_OPERATORS));
      const values = Array.isArray(exit.values) ? exit.values : [];
      if (values.length === 0)
        errs.push(required(`${at}.onExitCodes.values`, 'at least one value is required'));
    }
  });
  return errs;
}

/**
 * ValidateJob on create (the generated selector is the API server's, so only a manual one is checked here).
 *
 * @example validateJob({ …, spec: { completionMode: 'Indexed', template } })[0].message;
 * // "spec.completions: Required value: when completion mode is Indexed"
 */
export function validateJob(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  nonNegative(errs, 'spec.parallelism', spec.parallelism);
  nonNegative(errs, 'spec.completions', spec.completions);
  nonNegative(errs, 'spec.activeDeadlineSeconds', spec.activeDeadlineSeconds);
  nonNegative(errs, 'spec.backoffLimit', spec.backoffLimit);
  nonNegative(errs, 'spec.ttlSecondsAfterFinished', spec.ttlSecondsAfterFinished);
  const mode = str(spec.completionMode);
  const indexed = mode === 'Indexed';
  if (num(spec.backoffLimitPerIndex) !== undefined) {
    nonNegative(errs, 'spec.backoffLimitPerIndex', spec.backoffLimitPerIndex);
    if (!indexed) errs.push(forbidden('spec.backoffLimitPerIndex', 'requires indexed completion mode'));
  }
  if (num(spec.maxFailedIndexes) !== undefined) {
    nonNegative(errs, 'spec.maxFailedIndexes', spec.maxFailedIndexes);
    if (num(spec.backoffLimitPerIndex) === undefined)
      errs.push(required('spec.backoffLimitPerIndex', 'when maxFailedIndexes is specified'));
  }
  if (mode !== '' && !COMPLETION_MODES.includes(mode))
    errs.push(notSupported('spec.completionMode', mode, COMPLETION_MODES));
  if (indexed) {
    if (num(spec.completions) === undefined)
      errs.push(required('spec.completions', 'when completion mode is Indexed'));
    const parallelism = num(spec.parallelism);
    if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED)
      errs.push(
        invalid(
          'spec.parallelism',
          parallelism,
          `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`,
        ),
      );
  }
  if (isObj(spec.podFailurePolicy)) errs.push(...validatePodFailurePolicy(spec.podFailurePolicy, indexed));
  const template = isObj(spec.template) ? spec.template : {};
  const meta = isObj(template.metadata) ? template.metadata : {};
  const labels = isObj(meta.labels) ? meta.labels : {};
  // ValidatePodTemplateSpec says a refused label at spec.template.labels.
  errs.push(...validateLabels(labels, 'spec.template.labels'));
  errs.push(...podTemplateRules(template, 'spec.template'));
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  const restart = str(isObj(template.spec) ? template.spec.restartPolicy : undefined);
  const path = 'spec.template.spec.restartPolicy';
  if (restart === 'Always' || restart === '') errs.push(required(path, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never')
    errs.push(notSupported(path, restart, ['OnFailure', 'Never']));
  else if (isObj(spec.podFailurePolicy) && restart !== 'Never')
    errs.push(invalid(path, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  // ValidateJobSpec: a manual selector is required and must select the template.
  if (spec.manualSelector === true) {
    if (!isObj(spec.selector)) errs.push(required('spec.selector'));
    else {
      errs.push(
        ...validateLabels(
          isObj(spec.selector.matchLabels) ? spec.selector.matchLabels : {},
          'spec.selector.matchLabels',
        ),
      );
      if (!selectorMatches(spec.selector, labels))
        errs.push(
          invalid(
            'spec.template.metadata.labels',
            goStringMap(labels),
            '`selector` does not match template `labels`',
          ),
        );
    }
  }
  return errs;
}
