/**
 * The check the API server makes on a Job's generated selector (pkg/apis/batch/validation
 * validateGeneratedSelector), which needs the Job's uid and so runs once the Job is admitted with one.
 * Without `manualSelector: true` the API server generates the selector (generateSelector): a selector the
 * user wrote keeps its own matchLabels, gets `batch.kubernetes.io/controller-uid` added, and must then
 * match the generated labels alone, so any label of the user's makes the Job invalid: "`selector` not
 * auto-generated". Template labels the user set to other values than the generated ones are refused too.
 *
 * @example
 * generatedSelectorErrors(jobWithSelectorAppPi).map((e) => e.message);
 * // ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"…"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated']
 */
import type { Job } from '../k8s/objects';
import { invalid, required, type FieldError } from '../manifest/validate/field';
import { goStringMap } from '../manifest/validate/metadata';
import { goLabelSelector, selectorMatches } from '../manifest/validate/selector';
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL } from './job';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The generated-selector errors of an admitted Job (its uid set), in the API server's order; empty with
 * `manualSelector: true` or without a selector of the user's (the generated one always passes).
 */
export function generatedSelectorErrors(job: Job): FieldError[] {
  const spec = job.spec as unknown as Obj;
  if (spec.manualSelector === true || !isObj(spec.selector)) return [];
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  // generateSelector on a copy: the labels the user set are kept, the missing ones generated.
  const template = isObj(spec.template) ? spec.template : {};
  const meta = isObj(template.metadata) ? template.metadata : {};
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(isObj(meta.labels) ? meta.labels : {})) labels[k] = String(v);
  const generated: Record<string, string> = {
    'job-name': name,
    [JOB_NAME_LABEL]: name,
    'controller-uid': uid,
    [CONTROLLER_UID_LABEL]: uid,
  };
  for (const [k, v] of Object.entries(generated)) labels[k] ??= v;
  const matchLabels = { ...(isObj(spec.selector.matchLabels) ? spec.selector.matchLabels : {}) };
  matchLabels[CONTROLLER_UID_LABEL] ??= uid;
  const selector = { ...spec.selector, matchLabels };

  const errs: FieldError[] = [];
  if (uid === '') errs.push(required('metadata.uid'));
  // ValidateHasLabel for the legacy labels, then the prefixed ones (RequirePrefixedLabels on create).
  for (const k of ['controller-uid', 'job-name', CONTROLLER_UID_LABEL, JOB_NAME_LABEL])
    if (labels[k] !== generated[k])
      errs.push(
        invalid(`spec.template.metadata.labels[${k}]`, goStringMap(labels), `must be '${generated[k]}'`),
      );
  if (!selectorMatches(selector, generated))
    errs.push(invalid('spec.selector', goLabelSelector(selector), '`selector` not auto-generated'));
  // ValidateJobSpec: whether generated or not, the selector must select the template's labels.
  if (!selectorMatches(selector, labels))
    errs.push(
      invalid(
        'spec.template.metadata.labels',
        goStringMap(labels),
        '`selector` does not match template `labels`',
      ),
    );
  return errs;
}
