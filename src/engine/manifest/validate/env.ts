/**
 * ValidateEnv (pkg/apis/core/validation/validation.go): every `env[]` entry has a name, printable ASCII
 * but '=' (RelaxedEnvironmentVariableValidation, on by default since 1.32 and GA), and a `valueFrom`
 * names exactly one source and no `value` beside it.
 *
 * @example
 * validateEnv([{ value: 'x' }], 'spec.containers[0].env')[0].message;
 * // "spec.containers[0].env[0].name: Required value"
 */
import { invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { isConfigMapKey, isDNS1123Subdomain, isQualifiedName } from './messages';
import { parseQuantity, quantityString } from './quantity';
import { isObj, objects, str, type Obj } from './values';

/** validEnvDownwardAPIFieldPathExpressions, as sets.List sorts them. */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** The labels pods.ConvertDownwardAPIFieldLabel knows for v1 (spec.host is the old spelling of spec.nodeName). */
const V1_FIELD_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  ...ENV_FIELD_PATHS,
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
]);

/** fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['app']" → ['metadata.labels', 'app']. */
function splitSubscript(p: string): [string, string] | undefined {
  if (!p.endsWith("']")) return undefined;
  const s = p.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

/** validateObjectFieldSelector for env (apiVersion is defaulted to v1). */
function fieldSelector(ref: Obj, at: string): FieldError[] {
  const fieldPath = str(ref.fieldPath);
  if (fieldPath === '') return [required(`${at}.fieldPath`)];
  const sub = splitSubscript(fieldPath);
  if (sub) {
    const [path, key] = sub;
    if (path === 'metadata.annotations')
      return invalidEach(at, key.toLowerCase(), isQualifiedName(key.toLowerCase()));
    if (path === 'metadata.labels') return invalidEach(at, key, isQualifiedName(key));
    return [
      invalid(
        `${at}.fieldPath`,
        fieldPath,
        `error converting fieldPath: field label does not support subscript: ${fieldPath}`,
      ),
    ];
  }
  if (fieldPath === 'spec.host') return [];
  if (!V1_FIELD_LABELS.has(fieldPath))
    return [
      invalid(
        `${at}.fieldPath`,
        fieldPath,
        `error converting fieldPath: field label not supported: ${fieldPath}`,
      ),
    ];
  return ENV_FIELD_PATHS.includes(fieldPath)
    ? []
    : [notSupported(`${at}.fieldPath`, fieldPath, ENV_FIELD_PATHS)];
}

/** validContainerResourceFieldPathExpressions, sorted. */
const RESOURCE_FIELDS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const DIVISOR_VALUES = BYTE_DIVISORS.join(', ');

/** validateContainerResourceFieldSelector for env, with validateContainerResourceDivisor. */
function resourceSelector(ref: Obj, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const resource = str(ref.resource);
  if (resource === '') errs.push(required(`${at}.resource`));
  else if (
    !RESOURCE_FIELDS.includes(resource) &&
    !resource.startsWith('requests.hugepages-') &&
    !resource.startsWith('limits.hugepages-')
  )
    errs.push(notSupported(`${at}.resource`, resource, RESOURCE_FIELDS));
  const raw = ref.divisor;
  const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
  if (!q || q.nanos === 0n) return errs;
  const divisor = quantityString(q);
  const bad = (kind: string, values: string): FieldError =>
    invalid(
      `${at}.divisor`,
      resource,
      `only divisor's values ${values} are supported with the ${kind} resource`,
    );
  if (resource.endsWith('.cpu') && divisor !== '1m' && divisor !== '1') errs.push(bad('cpu', '1m and 1'));
  else if (resource.endsWith('.memory') && !BYTE_DIVISORS.includes(divisor))
    errs.push(bad('memory', DIVISOR_VALUES));
  else if (resource.endsWith('.ephemeral-storage') && !BYTE_DIVISORS.includes(divisor))
    errs.push(bad('local ephemeral storage', DIVISOR_VALUES));
  if (resource.includes('.hugepages-') && !BYTE_DIVISORS.includes(divisor))
    errs.push(bad('hugepages', DIVISOR_VALUES));
  return errs;
}

/** validateConfigMapKeySelector / validateSecretKeySelector: the name a DNS subdomain, the key a config key. */
function keySelector(ref: Obj, at: string): FieldError[] {
  const name = str(ref.name);
  const errs = invalidEach(`${at}.name`, name, isDNS1123Subdomain(name));
  const key = str(ref.key);
  if (key === '') errs.push(required(`${at}.key`));
  else errs.push(...invalidEach(`${at}.key`, key, isConfigMapKey(key)));
  return errs;
}

/** validation.IsRelaxedEnvVarName for a non-empty name. */
const RELAXED_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;
const RELAXED_NAME_MSG =
  "a valid environment variable name must consist only of printable ASCII characters other than '='";

function validateValueFrom(ev: Obj, path: string): FieldError[] {
  const from = ev.valueFrom;
  if (!isObj(from)) return [];
  const at = `${path}.valueFrom`;
  const errs: FieldError[] = [];
  let sources = 0;
  if (isObj(from.fieldRef)) {
    sources++;
    errs.push(...fieldSelector(from.fieldRef, `${at}.fieldRef`));
  }
  if (isObj(from.resourceFieldRef)) {
    sources++;
    errs.push(...resourceSelector(from.resourceFieldRef, `${at}.resourceFieldRef`));
  }
  if (isObj(from.configMapKeyRef)) {
    sources++;
    errs.push(...keySelector(from.configMapKeyRef, `${at}.configMapKeyRef`));
  }
  if (isObj(from.secretKeyRef)) {
    sources++;
    errs.push(...keySelector(from.secretKeyRef, `${at}.secretKeyRef`));
  }
  if (sources === 0)
    errs.push(
      invalid(
        at,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    );
  else if (str(ev.value) !== '') errs.push(invalid(at, '', 'may not be specified when `value` is not empty'));
  else if (sources > 1) errs.push(invalid(at, '', 'may not have more than one field specified at a time'));
  return errs;
}

/**
 * The errors of one container's `env` list at `path` ("spec.containers[0].env").
 *
 * @example
 * validateEnv([{ name: 'A=B' }], 'spec.containers[0].env')[0].message;
 * // `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`
 */
export function validateEnv(list: unknown, path: string): FieldError[] {
  if (!Array.isArray(list)) return [];
  const errs: FieldError[] = [];
  list.forEach((raw, i) => {
    const ev = isObj(raw) ? raw : {};
    const at = `${path}[${i}]`;
    const name = str(ev.name);
    if (name === '') errs.push(required(`${at}.name`));
    else if (!RELAXED_NAME.test(name)) errs.push(invalid(`${at}.name`, name, RELAXED_NAME_MSG));
    errs.push(...validateValueFrom(ev, at));
  });
  return errs;
}

/** NameIsDNSSubdomain with prefix: a trailing '-' is allowed (a name generated from it gets a suffix). */
const prefixName = (name: string): string[] =>
  isDNS1123Subdomain(name.endsWith('-') ? `${name.slice(0, -1)}a` : name);

/**
 * ValidateEnvFrom: a relaxed prefix, exactly one of configMapRef and secretRef, each with a name. The
 * source count is said at the list itself, as upstream does.
 *
 * @example
 * validateEnvFrom([{ prefix: 'A_' }], 'spec.containers[0].envFrom')[0].message;
 * // 'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`'
 */
export function validateEnvFrom(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objects(list).forEach((ev, i) => {
    const at = `${path}[${i}]`;
    const prefix = str(ev.prefix);
    if (prefix !== '' && !RELAXED_NAME.test(prefix))
      errs.push(invalid(`${at}.prefix`, prefix, RELAXED_NAME_MSG));
    let sources = 0;
    for (const ref of ['configMapRef', 'secretRef'] as const) {
      const source = ev[ref];
      if (!isObj(source)) continue;
      sources++;
      const name = str(source.name);
      if (name === '') errs.push(required(`${at}.${ref}.name`));
      else errs.push(...invalidEach(`${at}.${ref}.name`, name, prefixName(name)));
    }
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1)
      errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
