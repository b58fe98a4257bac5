/**
 * What the API server says when an existing Service is updated (kubectl patch, edit, apply of a changed
 * manifest) in a way it refuses, in its order: the Service REST's beginUpdate first fills what the client
 * left out from the stored object (patchAllocatedValues: an update without clusterIP keeps the allocated
 * one), keeps clusterIP and clusterIPs in step (normalizeClusterIPs), and checks that each ClusterIP is of
 * its ipFamilies entry (ValidateServiceClusterIPsRelatedFields, from initIPFamilyFields); then
 * ValidateServiceUpdate refuses a changed primary ClusterIP or primary IP family
 * (validateUpgradeDowngradeClusterIPs / validateUpgradeDowngradeIPFamilies, pkg/apis/core/validation).
 * Messages are kubectl's (field.Invalid prints a []string or []core.IPFamily value with %#v).
 *
 * @example
 * serviceUpdateErrors(live, { ...live, spec: { ...live.spec, clusterIP: '10.96.0.20' } });
 * // ['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set']
 */
import type { Service } from '../k8s/objects';
import { goQuote } from './diag';

const goSlice = (type: string, v: readonly string[] | undefined): string =>
  v === undefined ? `${type}(nil)` : `${type}{${v.map(goQuote).join(', ')}}`;
const strings = (v: readonly string[] | undefined): string => goSlice('[]string', v);
const families = (v: readonly string[] | undefined): string => goSlice('[]core.IPFamily', v);
const headless = (ips: readonly string[] | undefined): boolean => ips?.length === 1 && ips[0] === 'None';
const needsClusterIP = (s: Service): boolean => s.spec.type !== 'ExternalName';
const same = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b![i]);

/**
 * The update's errors (empty when the API server accepts it). `live` is the stored Service (allocated);
 * `next` is the object the client sends, before the API server fills anything in.
 */
export function serviceUpdateErrors(live: Service, next: Service): string[] {
  if (!needsClusterIP(live) || !needsClusterIP(next)) return [];
  const spec = { ...next.spec };
  // patchAllocatedValues: what the client did not say stays as allocated.
  if (!spec.clusterIP) spec.clusterIP = live.spec.clusterIP;
  if (!spec.clusterIPs?.length && live.spec.clusterIPs?.length) spec.clusterIPs = live.spec.clusterIPs;
  // normalizeClusterIPs: a changed clusterIP with clusterIPs left as they were replaces the list.
  if (spec.clusterIP && spec.clusterIP !== live.spec.clusterIP && same(spec.clusterIPs, live.spec.clusterIPs))
    spec.clusterIPs = [spec.clusterIP];
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  const ips = spec.clusterIPs;
  // ValidateServiceClusterIPsRelatedFields: each ClusterIP must be of its ipFamilies entry.
  const related: string[] = [];
  if (!headless(ips) && ips?.length && spec.ipFamilies?.length)
    ips.forEach((ip, i) => {
      const fam = spec.ipFamilies?.[i];
      if (fam === undefined) return;
      const v6 = ip.includes(':');
      if ((fam === 'IPv4' && v6) || (fam === 'IPv6' && !v6))
        related.push(
          `spec.clusterIPs[${i}]: Invalid value: ${goQuote(ip)}: expected an ${fam} value as indicated by \`ipFamilies[${i}]\``,
        );
    });
  if (related.length > 0) return related;
  // initIPFamilyFields infers the families of the ClusterIPs the client left unnamed.
  const fams = [...(spec.ipFamilies ?? [])];
  for (const [i, ip] of (ips ?? []).entries()) {
    if (ip === 'None') break;
    if (i >= fams.length) fams.push(ip.includes(':') ? 'IPv6' : 'IPv4');
  }
  return [...clusterIPErrors(live, ips), ...familyErrors(live, fams, ips, headless(ips))];
}

/** validateUpgradeDowngradeClusterIPs, for the messages that concern the primary ClusterIP. */
function clusterIPErrors(live: Service, ips: readonly string[] | undefined): string[] {
  const old = live.spec.clusterIPs ?? [];
  const now = ips ?? [];
  if (headless(old) && headless(now)) return [];
  const changed = `spec.clusterIPs[0]: Invalid value: ${strings(ips)}: may not change once set`;
  if (old.length === now.length)
    return old.flatMap((ip, i) =>
      ip !== now[i] ? [`spec.clusterIPs[${i}]: Invalid value: ${strings(ips)}: may not change once set`] : [],
    );
  if (old.length > now.length) {
    if (now.length === 0)
      return [`spec.clusterIPs[0]: Invalid value: ${strings(ips)}: primary clusterIP can not be unset`];
    return now[0] !== old[0] ? [changed] : [];
  }
  return old.length > 0 && now[0] !== old[0] ? [changed] : [];
}

/** validateUpgradeDowngradeIPFamilies, for the messages that concern the primary family. */
function familyErrors(
  live: Service,
  fams: string[],
  ips: readonly string[] | undefined,
  isHeadless: boolean,
): string[] {
  if (headless(live.spec.clusterIPs) !== isHeadless || isHeadless) return [];
  const old = live.spec.ipFamilies ?? [];
  // The same index (0) for every difference, as upstream writes it.
  if (old.length === fams.length)
    return old.flatMap((f, i) =>
      f !== fams[i] ? [`spec.ipFamilies[0]: Invalid value: ${families(fams)}: may not change once set`] : [],
    );
  // A longer or shorter list that changes the primary family prints the clusterIPs (upstream's value).
  if (fams.length > 0 && old.length > 0 && fams[0] !== old[0])
    return [`spec.ipFamilies[0]: Invalid value: ${strings(ips)}: may not change once set`];
  return [];
}
