/**
 * The small validators: Namespace (DNS-1123 label name), Node, Secret, ConfigMap (DNS-1123
 * subdomain names; data keys are config keys).
 *
 * @example
 * validateNamespace({ metadata: { name: 'Team.A' } })[0].field; // "metadata.name"
 */
import { invalidEach, type FieldError } from './field';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain } from './messages';
import { validateObjectMeta } from './metadata';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const validateNamespace = (obj: Obj): FieldError[] =>
  validateObjectMeta(obj.metadata, false, isDNS1123Label);
export const validateNode = (obj: Obj): FieldError[] =>
  validateObjectMeta(obj.metadata, false, isDNS1123Subdomain);

function keys(map: unknown, path: string): FieldError[] {
  if (!isObj(map)) return [];
  return Object.keys(map).flatMap((k) => invalidEach(`${path}[${k}]`, k, isConfigMapKey(k)));
}

export function validateConfigMapOrSecret(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  errs.push(...keys(obj.data, 'data'));
  errs.push(...keys(obj.binaryData, 'binaryData'));
  errs.push(...keys(obj.stringData, 'stringData'));
  return errs;
}
