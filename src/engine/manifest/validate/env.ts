/**
 * ValidateEnv (pkg/apis/core/validation/validation.go): every `env[]` entry has a name, printable ASCII
 * but '=' (RelaxedEnvironmentVariableValidation, on by default since 1.32 and GA), and a `valueFrom`
 * names exactly one source and no `value` beside it.
 *
 * @example
 * validateEnv([{ value: 'x' }], 'spec.containers[0].env')[0].message;
 * // "spec.containers[0].env[0].name: Required value"
 */
import { invalid, required, type FieldError } from './field';
import { isObj, str, type Obj } from './values';

/** validation.IsRelaxedEnvVarName for a non-empty name. */
const RELAXED_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;
const RELAXED_NAME_MSG =
  "a valid environment variable name must consist only of printable ASCII characters other than '='";

function validateValueFrom(ev: Obj, path: string): FieldError[] {
  const from = ev.valueFrom;
  if (!isObj(from)) return [];
  const at = `${path}.valueFrom`;
  const errs: FieldError[] = [];
  const keyRef = (ref: unknown, refPath: string): void => {
    if (isObj(ref) && str(ref.key) === '') errs.push(required(`${refPath}.key`));
  };
  let sources = 0;
  if (isObj(from.fieldRef)) {
    sources++;
    if (str(from.fieldRef.fieldPath) === '') errs.push(required(`${at}.fieldRef.fieldPath`));
  }
  if (isObj(from.resourceFieldRef)) {
    sources++;
    if (str(from.resourceFieldRef.resource) === '') errs.push(required(`${at}.resourceFieldRef.resource`));
  }
  if (isObj(from.configMapKeyRef)) {
    sources++;
    keyRef(from.configMapKeyRef, `${at}.configMapKeyRef`);
  }
  if (isObj(from.secretKeyRef)) {
    sources++;
    keyRef(from.secretKeyRef, `${at}.secretKeyRef`);
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
