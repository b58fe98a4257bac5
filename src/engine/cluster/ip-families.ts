/**
 * The Service registry's initIPFamilyFields on create (pkg/registry/core/service/storage/alloc.go): defaults
 * spec.ipFamilyPolicy and spec.ipFamilies from what the user gave and the IP families the cluster is
 * configured for, and refuses what the cluster cannot serve, with the registry's own messages. Runs before
 * any ClusterIP is allocated; mutates the Service.
 *
 * - policy unset: RequireDualStack for a headless Service without selector, else SingleStack;
 * - SingleStack with two clusterIPs or two families is an error;
 * - families are inferred from clusterIPs (an IP of an unconfigured family is an error);
 * - headless without selector: the default family, plus the other one unless SingleStack (even on a
 *   single-stack cluster: such a Service has no ClusterIP to allocate);
 * - RequireDualStack on a single-stack cluster, or a family the cluster does not have, is an error;
 * - otherwise the cluster's default family, plus the other for Prefer/RequireDualStack on a dual-stack cluster.
 *
 * @example
 * initIPFamilyFields({ spec: { ipFamilyPolicy: 'RequireDualStack', … } }, ['IPv4']);
 * // [{ field: 'spec.ipFamilyPolicy', message: 'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services' }]
 */
import type { Service } from '../k8s/objects';
import { isIPv6 } from '../net/ip';
import { goQuote } from './diag';

export type IPFamily = 'IPv4' | 'IPv6';

export interface FamilyError {
  field: string; // "spec.ipFamilyPolicy"
  message: string; // the whole "<field>: Invalid value: …" line, as kubectl prints it
}

const other = (f: IPFamily): IPFamily => (f === 'IPv4' ? 'IPv6' : 'IPv4');
const familyOf = (ip: string): IPFamily => (isIPv6(ip) ? 'IPv6' : 'IPv4');
/** %#v of a []string, as field.Invalid prints spec.clusterIPs. */
const goStringSlice = (v: string[]): string => `[]string{${v.map(goQuote).join(', ')}}`;

function invalid(field: string, value: string, detail: string): FamilyError {
  return { field, message: `${field}: Invalid value: ${value}: ${detail}` };
}

/**
 * Fills spec.ipFamilyPolicy and spec.ipFamilies of a Service being created on a cluster configured for
 * `clusterFamilies` (its service CIDRs' families, the default first); returns the errors that refuse it.
 */
export function initIPFamilyFields(svc: Service, clusterFamilies: readonly IPFamily[]): FamilyError[] {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return [];
  const headlessNoSelector =
    spec.clusterIP === 'None' && (!spec.selector || Object.keys(spec.selector).length === 0);
  spec.ipFamilyPolicy ??= headlessNoSelector ? 'RequireDualStack' : 'SingleStack';
  const policy = spec.ipFamilyPolicy;
  const families = (spec.ipFamilies ?? []) as IPFamily[];
  const clusterIPs = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  const errs: FamilyError[] = [];
  if (policy === 'SingleStack') {
    if (clusterIPs.length === 2)
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          goQuote(policy),
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        ),
      );
    if (families.length === 2)
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          goQuote(policy),
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      );
  }
  for (const [i, ip] of clusterIPs.entries()) {
    if (ip === 'None') break;
    if (i < families.length) continue;
    const fam = familyOf(ip);
    if (clusterFamilies.includes(fam)) families.push(fam);
    else
      errs.push(
        invalid(
          `spec.clusterIPs[${i}]`,
          goStringSlice(clusterIPs),
          `${fam} is not configured on this cluster`,
        ),
      );
  }
  if (errs.length > 0) return errs;
  const primary = clusterFamilies[0] ?? 'IPv4';
  if (headlessNoSelector) {
    if (families.length === 0) families.push(primary);
    if (families.length < 2 && policy !== 'SingleStack') families.push(other(families[0]!));
    spec.ipFamilies = families;
    return [];
  }
  if (policy === 'RequireDualStack' && clusterFamilies.length < 2)
    errs.push(
      invalid(
        'spec.ipFamilyPolicy',
        goQuote(policy),
        'this cluster is not configured for dual-stack services',
      ),
    );
  families.forEach((f, i) => {
    if (!clusterFamilies.includes(f))
      errs.push(invalid(`spec.ipFamilies[${i}]`, goQuote(f), 'not configured on this cluster'));
  });
  if (errs.length > 0) return errs;
  if (families.length === 0) families.push(primary);
  if (policy !== 'SingleStack' && families.length === 1 && clusterFamilies.length === 2)
    families.push(other(families[0]!));
  spec.ipFamilies = families;
  return [];
}
