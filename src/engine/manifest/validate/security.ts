/**
 * Security contexts as the API server checks them (pkg/apis/core/validation validatePodSpecSecurityContext
 * and ValidateSecurityContext): user and group IDs in 0..2147483647, shareProcessNamespace not with
 * hostPID, fsGroupChangePolicy from its enum, and seccompProfile (type from its enum, a Localhost profile's
 * relative path). What the API server does not check is not refused here either: capability names are any
 * strings (the runtime decides), and `runAsNonRoot: true` with `runAsUser: 0` is accepted and fails only on
 * the node, when the kubelet creates the container (CreateContainerConfigError).
 *
 * @example
 * validateSecurityContext({ runAsUser: -1 }, 'spec.containers[0].securityContext')[0].message;
 * // "spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive"
 */
import { invalid, notSupported, required, type FieldError } from './field';
import { inclusiveRangeError } from './messages';
import { localDescendingPath } from './volumes';
import { isObj, str, given, type Obj } from './values';

/** IsValidUserID / IsValidGroupID. */
function id(errs: FieldError[], at: string, v: unknown): void {
  if (typeof v === 'number' && (v < 0 || v > 2147483647))
    errs.push(invalid(at, v, inclusiveRangeError(0, 2147483647)));
}

/** The seccomp profile types in the order validateSeccompProfileType lists them. */
const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/** validateSeccompProfileField (the Invalid error on a struct value, localhostProfile with another type, is not said). */
function seccompProfile(sp: unknown, at: string): FieldError[] {
  if (!isObj(sp)) return [];
  const errs: FieldError[] = [];
  const type = str(sp.type);
  if (type === '') errs.push(required(`${at}.type`, 'type is required when seccompProfile is set'));
  else if (!SECCOMP_TYPES.includes(type)) errs.push(notSupported(`${at}.type`, type, SECCOMP_TYPES));
  if (type === 'Localhost') {
    if (!given(sp.localhostProfile))
      errs.push(required(`${at}.localhostProfile`, 'must be set when seccomp type is Localhost'));
    else errs.push(...localDescendingPath(str(sp.localhostProfile), `${at}.localhostProfile`));
  }
  return errs;
}

/** ValidateSecurityContext (a container's). */
export function validateSecurityContext(sc: unknown, path: string): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  id(errs, `${path}.runAsUser`, sc.runAsUser);
  id(errs, `${path}.runAsGroup`, sc.runAsGroup);
  errs.push(...seccompProfile(sc.seccompProfile, `${path}.seccompProfile`));
  return errs;
}

/** sets.List of validFSGroupChangePolicies. */
const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];

/**
 * validatePodSpecSecurityContext. The API server's internal PodSecurityContext holds hostPID and
 * shareProcessNamespace, so the conflict is said at spec.securityContext.shareProcessNamespace.
 */
export function validatePodSecurityContext(spec: Obj, path: string): FieldError[] {
  const sc = isObj(spec.securityContext) ? spec.securityContext : {};
  const errs: FieldError[] = [];
  id(errs, `${path}.fsGroup`, sc.fsGroup);
  id(errs, `${path}.runAsUser`, sc.runAsUser);
  id(errs, `${path}.runAsGroup`, sc.runAsGroup);
  if (Array.isArray(sc.supplementalGroups))
    sc.supplementalGroups.forEach((g, i) => id(errs, `${path}.supplementalGroups[${i}]`, g));
  if (spec.shareProcessNamespace === true && spec.hostPID === true)
    errs.push(
      invalid(
        `${path}.shareProcessNamespace`,
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    );
  if (given(sc.fsGroupChangePolicy) && !FS_GROUP_CHANGE_POLICIES.includes(str(sc.fsGroupChangePolicy)))
    errs.push(
      notSupported(`${path}.fsGroupChangePolicy`, str(sc.fsGroupChangePolicy), FS_GROUP_CHANGE_POLICIES),
    );
  errs.push(...seccompProfile(sc.seccompProfile, `${path}.seccompProfile`));
  return errs;
}
