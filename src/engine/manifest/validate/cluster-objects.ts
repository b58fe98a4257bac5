/**
 * The small validators: Namespace (DNS-1123 label name), Node, Secret, ConfigMap (DNS-1123
 * subdomain names; data keys are config keys).
 *
 * @example
 * validateNamespace({ metadata: { name: 'Team.A' } })[0].field; // "metadata.name"
 */
import { duplicate, goStringSlice, invalid, invalidEach, type FieldError } from './field';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isValidCIDR } from './messages';
import { validateObjectMeta } from './metadata';
import { validateNodeTaints } from './taints';
import { isObj, type Obj } from './values';

export const validateNamespace = (obj: Obj): FieldError[] =>
  validateObjectMeta(obj.metadata, false, isDNS1123Label);
/**
 * ValidateNode: metadata, the taints (validateNodeTaints), and each pod CIDR (spec.podCIDRs, or the v1 spec.podCIDR it converts from)
 * a CIDR, at most one per IP family, no duplicates. Status fields are not validated on create.
 *
 * @example
 * validateNode({ metadata: { name: 'n' }, spec: { podCIDRs: [''] } })[0].message;
 * // 'spec.podCIDRs[0]: Invalid value: "": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'
 */
export function validateNode(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const listed = Array.isArray(spec.podCIDRs)
    ? spec.podCIDRs.map((c) => (typeof c === 'string' ? c : ''))
    : [];
  const single = typeof spec.podCIDR === 'string' ? spec.podCIDR : '';
  const cidrs = listed.length > 0 ? listed : single !== '' ? [single] : [];
  const path = 'spec.podCIDRs';
  cidrs.forEach((c, i) => errs.push(...invalidEach(`${path}[${i}]`, c, isValidCIDR(c))));
  if (cidrs.length > 1) {
    const families = cidrs.map((c) => (c.includes(':') ? 6 : 4));
    if (cidrs.length > 2 || families[0] === families[1])
      errs.push(invalid(path, goStringSlice(cidrs), 'may specify no more than one CIDR for each IP family'));
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(duplicate(`${path}[${i}]`, c));
      seen.add(c);
    });
  }
  errs.push(...validateNodeTaints(spec.taints, 'spec.taints'));
  return errs;
}

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
