/**
 * Security contexts as the API server checks them (pkg/apis/core/validation validatePodSpecSecurityContext
 * and ValidateSecurityContext): user and group IDs in 0..2147483647, shareProcessNamespace not with
 * hostPID, fsGroupChangePolicy from its enum, and seccompProfile (type from its enum, a Localhost profile's
 * relative path), procMount (Unmasked only with hostUsers false), appArmorProfile (ValidateAppArmorProfileField),
 * sysctls (names, duplicates, none the host shares), supplementalGroupsPolicy and seLinuxChangePolicy. What
 * the API server does not check is not refused here either: capability names are any
 * strings (the runtime decides), and `runAsNonRoot: true` with `runAsUser: 0` is accepted and fails only on
 * the node, when the kubelet creates the container (CreateContainerConfigError).
 *
 * @example
 * validateSecurityContext({ runAsUser: -1 }, 'spec.containers[0].securityContext')[0].message;
 * // "spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive"
 */
import { duplicate, invalid, notSupported, required, tooLong, type FieldError } from './field';
import { byteLen, inclusiveRangeError } from './messages';
import { localDescendingPath } from './volumes';
import { isObj, objects, str, given, type Obj } from './values';

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

/** ValidateProcMountType's values, in its order. */
const PROC_MOUNTS = ['Default', 'Unmasked'];

/**
 * ValidateSecurityContext (a container's). `hostUsers` is the pod's spec.hostUsers (true when not given):
 * an Unmasked /proc needs a user namespace.
 */
export function validateSecurityContext(sc: unknown, path: string, hostUsers = true): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  id(errs, `${path}.runAsUser`, sc.runAsUser);
  id(errs, `${path}.runAsGroup`, sc.runAsGroup);
  if (given(sc.procMount)) {
    const pm = str(sc.procMount);
    if (!PROC_MOUNTS.includes(pm)) errs.push(notSupported(`${path}.procMount`, pm, PROC_MOUNTS));
    if (hostUsers && pm === 'Unmasked')
      errs.push(invalid(`${path}.procMount`, pm, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...seccompProfile(sc.seccompProfile, `${path}.seccompProfile`));
  errs.push(...appArmorProfile(sc.appArmorProfile, `${path}.appArmorProfile`));
  return errs;
}

const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
/** PATH_MAX - 1. */
const MAX_LOCALHOST_PROFILE = 4095;

/** ValidateAppArmorProfileField. */
function appArmorProfile(profile: unknown, at: string): FieldError[] {
  if (!isObj(profile)) return [];
  const errs: FieldError[] = [];
  const type = str(profile.type);
  const local = profile.localhostProfile;
  if (type === 'Localhost') {
    if (!given(local))
      errs.push(required(`${at}.localhostProfile`, 'must be set when AppArmor type is Localhost'));
    else {
      const value = str(local);
      if (value.trim() !== value)
        errs.push(invalid(`${at}.localhostProfile`, value, 'must not be padded with whitespace'));
      else if (value === '')
        errs.push(required(`${at}.localhostProfile`, 'must be set when AppArmor type is Localhost'));
      if (byteLen(value) > MAX_LOCALHOST_PROFILE)
        errs.push(tooLong(`${at}.localhostProfile`, MAX_LOCALHOST_PROFILE));
    }
  } else if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (given(local))
      errs.push(
        invalid(`${at}.localhostProfile`, str(local), 'can only be set when AppArmor type is Localhost'),
      );
  } else if (type === '') errs.push(required(`${at}.type`, 'type is required when appArmorProfile is set'));
  else errs.push(notSupported(`${at}.type`, type, APPARMOR_TYPES));
  return errs;
}

/** A sysctl name: dot- or slash-separated segments (SysctlContainSlashFmt), at most 253 characters. */
const SYSCTL_FMT = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';
const SYSCTL = new RegExp(SYSCTL_FMT);

/** utilsysctl.GetNamespace: which of the pod's namespaces a sysctl belongs to (net, ipc or neither). */
function sysctlNamespace(name: string): 'net' | 'ipc' | '' {
  const n = name.replace(/\//g, '.');
  if (n.startsWith('net.')) return 'net';
  if (
    n === 'kernel.sem' ||
    n.startsWith('kernel.shm') ||
    n.startsWith('kernel.msg') ||
    n.startsWith('fs.mqueue.')
  )
    return 'ipc';
  return '';
}

/** validateSysctls with ValidateHostSysctl: names valid and unique, no namespaced sysctl the host shares. */
function sysctls(spec: Obj, list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  objects(list).forEach((s, i) => {
    const at = `${path}[${i}].name`;
    const name = str(s.name);
    if (name === '') errs.push(required(at));
    else if (name.length > 253 || !SYSCTL.test(name))
      errs.push(invalid(at, name, `must have at most 253 characters and match regex ${SYSCTL_FMT}`));
    else if (names.has(name)) errs.push(duplicate(at, name));
    const ns = sysctlNamespace(name);
    if (spec.hostNetwork === true && ns === 'net')
      errs.push(invalid(at, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec.hostIPC === true && ns === 'ipc')
      errs.push(invalid(at, name, "may not be specified when 'hostIPC' is true"));
    names.add(name);
  });
  return errs;
}

/** sets.List of validSupplementalGroupsPolicies and validSELinuxChangePolicies (sorted). */
const SUPPLEMENTAL_GROUPS_POLICIES = ['Merge', 'Strict'];
const SELINUX_CHANGE_POLICIES = ['MountOption', 'Recursive'];

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
  errs.push(...sysctls(spec, sc.sysctls, `${path}.sysctls`));
  if (given(sc.fsGroupChangePolicy) && !FS_GROUP_CHANGE_POLICIES.includes(str(sc.fsGroupChangePolicy)))
    errs.push(
      notSupported(`${path}.fsGroupChangePolicy`, str(sc.fsGroupChangePolicy), FS_GROUP_CHANGE_POLICIES),
    );
  errs.push(...seccompProfile(sc.seccompProfile, `${path}.seccompProfile`));
  errs.push(...appArmorProfile(sc.appArmorProfile, `${path}.appArmorProfile`));
  const sgp = sc.supplementalGroupsPolicy;
  if (given(sgp) && !SUPPLEMENTAL_GROUPS_POLICIES.includes(str(sgp)))
    errs.push(notSupported(`${path}.supplementalGroupsPolicy`, str(sgp), SUPPLEMENTAL_GROUPS_POLICIES));
  const selinux = sc.seLinuxChangePolicy;
  if (given(selinux) && !SELINUX_CHANGE_POLICIES.includes(str(selinux)))
    errs.push(notSupported(`${path}.seLinuxChangePolicy`, str(selinux), SELINUX_CHANGE_POLICIES));
  return errs;
}
