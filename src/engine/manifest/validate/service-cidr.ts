/**
 * ValidateServiceCIDR (pkg/apis/networking/validation/validation.go): a DNS-subdomain name, one or two
 * CIDRs, two only when they are of different families, each a valid CIDR.
 *
 * @example
 * validateServiceCIDR({ metadata: { name: 'extra' }, spec: { cidrs: [] } })[0].message;
 * // "spec.cidrs: Required value: at least one CIDR required"
 */
import { goLiteral, goStringSlice, invalid, invalidEach, required, type FieldError } from './field';
import { isDNS1123Subdomain, isValidCIDR, parseIpSloppy } from './messages';
import { validateObjectMeta } from './metadata';
import { isObj, type Obj } from './values';

/** The family of a CIDR netutils can parse, or undefined. */
function cidrFamily(cidr: string): 'IPv4' | 'IPv6' | undefined {
  if (isValidCIDR(cidr).length > 0) return undefined;
  const ip = parseIpSloppy(cidr.slice(0, cidr.indexOf('/')));
  return ip?.length === 4 ? 'IPv4' : 'IPv6';
}

export function validateServiceCIDR(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const cidrs = Array.isArray(spec.cidrs) ? spec.cidrs.map((c) => String(c ?? '')) : [];
  const path = 'spec.cidrs';
  // The value field.Invalid prints is the whole spec, as %#v shows the internal type.
  const specValue = goLiteral(`networking.ServiceCIDRSpec{CIDRs:${goStringSlice(cidrs).goLiteral}}`);
  if (cidrs.length === 0) return [...errs, required(path, 'at least one CIDR required')];
  if (cidrs.length > 2) return [...errs, invalid(path, specValue, 'may only hold up to 2 values')];
  if (cidrs.length === 2) {
    const [a, b] = cidrs.map(cidrFamily);
    if (a === undefined || b === undefined || a === b)
      return [
        ...errs,
        invalid(
          path,
          specValue,
          'may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64',
        ),
      ];
  }
  cidrs.forEach((c, i) => errs.push(...invalidEach(`${path}[${i}]`, c, isValidCIDR(c))));
  return errs;
}
