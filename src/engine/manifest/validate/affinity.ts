/**
 * A pod's scheduling constraints as the API server checks them (pkg/apis/core/validation): affinity
 * (validateAffinity: node selector terms and requirements, preferred weights 1-100, pod (anti-)affinity
 * terms with their label selectors, namespaces and a required topologyKey) and topologySpreadConstraints
 * (validateTopologySpreadConstraints: maxSkew > 0, topologyKey required, whenUnsatisfiable and the node
 * inclusion policies from their enums, one constraint per {topologyKey, whenUnsatisfiable}, minDomains only
 * with DoNotSchedule, matchLabelKeys checked as pod affinity terms' are once merged, a valid labelSelector;
 * pod (anti-)affinity terms' matchLabelKeys and mismatchLabelKeys); and metav1's ValidateLabelSelector, which they share.
 *
 * @example
 * validateTopologySpreadConstraints([{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }], 'spec.topologySpreadConstraints')[0].message;
 * // "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero"
 */
import { duplicate, forbidden, invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './messages';
import { validateLabels } from './metadata';
import { isObj, objects, str, given, type Obj } from './values';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : [];

/** ValidateLabelName: a qualified name, each message an Invalid error on the field. */
const labelName = (name: string, at: string): FieldError[] => invalidEach(at, name, isQualifiedName(name));

/** The operator checks shared by label and node selector requirements. */
function operatorErrors(operator: string, values: string[], at: string, node: boolean): FieldError[] {
  switch (operator) {
    case 'In':
    case 'NotIn':
      return values.length === 0
        ? [required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'")]
        : [];
    case 'Exists':
    case 'DoesNotExist':
      return values.length > 0
        ? [forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")]
        : [];
    case 'Gt':
    case 'Lt':
      if (node)
        return values.length !== 1
          ? [required(`${at}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'")]
          : [];
  }
  return [invalid(`${at}.operator`, operator, 'not a valid selector operator')];
}

const labelValues = (values: string[], at: string): FieldError[] =>
  values.flatMap((v, i) => invalidEach(`${at}.values[${i}]`, v, isValidLabelValue(v)));

/**
 * metav1 ValidateLabelSelector: matchLabels as labels, each matchExpressions requirement's operator,
 * values, key and label values.
 *
 * @example
 * validateLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In' }] }, 'spec.selector')[0].message;
 * // "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"
 */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  if (!isObj(selector)) return [];
  const errs = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  objects(selector.matchExpressions).forEach((e, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const values = strings(e.values);
    errs.push(...operatorErrors(str(e.operator), values, at, false));
    errs.push(...labelName(str(e.key), `${at}.key`));
    errs.push(...labelValues(values, at));
  });
  return errs;
}

/** ValidateNodeSelectorTerm: matchExpressions (label keys) and matchFields (only metadata.name, In/NotIn, one value). */
function nodeSelectorTerm(term: Obj, at: string): FieldError[] {
  const errs: FieldError[] = [];
  objects(term.matchExpressions).forEach((r, j) => {
    const p = `${at}.matchExpressions[${j}]`;
    const values = strings(r.values);
    errs.push(...operatorErrors(str(r.operator), values, p, true));
    errs.push(...labelName(str(r.key), `${p}.key`));
    errs.push(...labelValues(values, p));
  });
  objects(term.matchFields).forEach((r, j) => {
    const p = `${at}.matchFields[${j}]`;
    const values = strings(r.values);
    const operator = str(r.operator);
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length !== 1)
        errs.push(
          required(
            `${p}.values`,
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
          ),
        );
    } else errs.push(invalid(`${p}.operator`, operator, 'not a valid selector operator'));
    if (str(r.key) !== 'metadata.name') errs.push(notSupported(`${p}.key`, str(r.key), ['metadata.name']));
  });
  return errs;
}

const WEIGHT = 'must be in the range 1-100';
const weight = (v: unknown): number => (typeof v === 'number' ? v : 0);

function nodeAffinity(na: Obj, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const requiredTerms = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (isObj(requiredTerms)) {
    const p = `${at}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    const terms = objects(requiredTerms.nodeSelectorTerms);
    if (terms.length === 0) errs.push(required(p, 'must have at least one node selector term'));
    terms.forEach((t, i) => errs.push(...nodeSelectorTerm(t, `${p}[${i}]`)));
  }
  objects(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
    const p = `${at}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    if (weight(t.weight) <= 0 || weight(t.weight) > 100)
      errs.push(invalid(`${p}.weight`, weight(t.weight), WEIGHT));
    errs.push(...nodeSelectorTerm(isObj(t.preference) ? t.preference : {}, `${p}.preference`));
  });
  return errs;
}

/** validateLabelKeys: label names, and only beside a labelSelector. */
function labelKeys(keys: unknown, selector: unknown, at: string): FieldError[] {
  const list = strings(keys);
  if (list.length === 0) return [];
  if (!isObj(selector)) return [forbidden(at, 'must not be specified when labelSelector is not set')];
  return list.flatMap((k, i) => labelName(k, `${at}[${i}]`));
}

/**
 * validateMatchLabelKeysAndMismatchLabelKeys. A key repeated inside the labelSelector is said at the term's
 * path indexed by the key's place in matchLabelKeys (`…[0][1]`), as upstream writes it.
 */
function matchAndMismatchLabelKeys(term: Obj, at: string): FieldError[] {
  const match = strings(term.matchLabelKeys);
  const mismatch = strings(term.mismatchLabelKeys);
  const errs = [
    ...labelKeys(term.matchLabelKeys, term.labelSelector, `${at}.matchLabelKeys`),
    ...labelKeys(term.mismatchLabelKeys, term.labelSelector, `${at}.mismatchLabelKeys`),
  ];
  if (isObj(term.labelSelector)) {
    const index = new Map(match.map((k, i) => [k, i]));
    const selectorKeys = new Set(
      isObj(term.labelSelector.matchLabels) ? Object.keys(term.labelSelector.matchLabels) : [],
    );
    for (const e of objects(term.labelSelector.matchExpressions)) {
      const key = str(e.key);
      const i = index.get(key);
      if (i !== undefined && selectorKeys.has(key))
        errs.push(invalid(`${at}[${i}]`, key, 'exists in both matchLabelKeys and labelSelector'));
      selectorKeys.add(key);
    }
  }
  const mismatchSet = new Set(mismatch);
  match.forEach((k, i) => {
    if (mismatchSet.has(k))
      errs.push(
        invalid(`${at}.matchLabelKeys[${i}]`, k, 'exists in both matchLabelKeys and mismatchLabelKeys'),
      );
  });
  return errs;
}

/** validatePodAffinityTerm. */
function podAffinityTerm(term: Obj, at: string): FieldError[] {
  const errs = [
    ...validateLabelSelector(term.labelSelector, `${at}.labelSelector`),
    ...validateLabelSelector(term.namespaceSelector, `${at}.namespaceSelector`),
  ];
  for (const ns of strings(term.namespaces))
    errs.push(...invalidEach(`${at}.namespace`, ns, isDNS1123Label(ns)));
  errs.push(...matchAndMismatchLabelKeys(term, at));
  const key = str(term.topologyKey);
  if (key === '') errs.push(required(`${at}.topologyKey`, 'can not be empty'));
  errs.push(...labelName(key, `${at}.topologyKey`));
  return errs;
}

/** validatePodAffinity / validatePodAntiAffinity: required terms, then weighted preferred terms. */
function podAffinity(pa: Obj, at: string): FieldError[] {
  const errs: FieldError[] = [];
  objects(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
    errs.push(...podAffinityTerm(t, `${at}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)),
  );
  objects(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
    const p = `${at}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    if (weight(t.weight) <= 0 || weight(t.weight) > 100)
      errs.push(invalid(`${p}.weight`, weight(t.weight), WEIGHT));
    errs.push(...podAffinityTerm(isObj(t.podAffinityTerm) ? t.podAffinityTerm : {}, `${p}.podAffinityTerm`));
  });
  return errs;
}

/** validateAffinity. */
export function validateAffinity(affinity: unknown, path: string): FieldError[] {
  if (!isObj(affinity)) return [];
  const errs: FieldError[] = [];
  if (isObj(affinity.nodeAffinity)) errs.push(...nodeAffinity(affinity.nodeAffinity, `${path}.nodeAffinity`));
  if (isObj(affinity.podAffinity)) errs.push(...podAffinity(affinity.podAffinity, `${path}.podAffinity`));
  if (isObj(affinity.podAntiAffinity))
    errs.push(...podAffinity(affinity.podAntiAffinity, `${path}.podAntiAffinity`));
  return errs;
}

/** sets.List of supportedScheduleActions and supportedPodTopologySpreadNodePolicies. */
const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_POLICIES = ['Honor', 'Ignore'];
const NOT_POSITIVE = 'must be greater than zero';

/**
 * A topology spread constraint's matchLabelKeys. With MatchLabelKeysInPodTopologySpreadSelectorMerge (on
 * since 1.33) the API server checks them as it checks pod affinity terms' (validateMatchLabelKeysAndMismatchLabelKeys),
 * on a pod whose selector already holds the merged `key In [value]`: valid label names beside a
 * labelSelector, and a key is refused only when the merged requirement meets one the user wrote (said at
 * the constraint's path indexed by the key's place, `…[0][1]`).
 */
function spreadMatchLabelKeys(c: Obj, at: string): FieldError[] {
  return matchAndMismatchLabelKeys({ labelSelector: c.labelSelector, matchLabelKeys: c.matchLabelKeys }, at);
}

/** validateTopologySpreadConstraints. */
export function validateTopologySpreadConstraints(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const constraints = objects(list);
  constraints.forEach((c, i) => {
    const at = `${path}[${i}]`;
    const maxSkew = typeof c.maxSkew === 'number' ? c.maxSkew : 0;
    if (maxSkew <= 0) errs.push(invalid(`${at}.maxSkew`, maxSkew, NOT_POSITIVE));
    const key = str(c.topologyKey);
    if (key === '') errs.push(required(`${at}.topologyKey`, 'can not be empty'));
    const action = str(c.whenUnsatisfiable);
    if (!WHEN_UNSATISFIABLE.includes(action))
      errs.push(notSupported(`${at}.whenUnsatisfiable`, action, WHEN_UNSATISFIABLE));
    // ValidateSpreadConstraintNotRepeat: only the later constraints are compared.
    if (
      constraints.slice(i + 1).some((r) => str(r.topologyKey) === key && str(r.whenUnsatisfiable) === action)
    )
      errs.push(duplicate(`${at}.{topologyKey, whenUnsatisfiable}`, `{${key}, ${action}}`));
    if (given(c.minDomains)) {
      const min = typeof c.minDomains === 'number' ? c.minDomains : 0;
      if (min <= 0) errs.push(invalid(`${at}.minDomains`, min, NOT_POSITIVE));
      if (action !== 'DoNotSchedule')
        errs.push(
          invalid(
            `${at}.minDomains`,
            min,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        );
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy'])
      if (given(c[f]) && !NODE_POLICIES.includes(str(c[f])))
        errs.push(notSupported(`${at}.${f}`, str(c[f]), NODE_POLICIES));
    errs.push(...spreadMatchLabelKeys(c, at));
    errs.push(...validateLabelSelector(c.labelSelector, `${at}.labelSelector`));
  });
  return errs;
}
