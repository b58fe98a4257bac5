/**
 * The rest of ValidatePodSpec and ValidatePodCreate (pkg/apis/core/validation/validation.go) beside the
 * container and volume checks: a container's resizePolicy (validateResizePolicy), readinessGates and
 * schedulingGates (qualified names, unique gates), hostUsers false with host namespaces (validateHostUsers),
 * hostAliases (IPs and host names), runtimeClassName, preemptionPolicy, the pod's `os` with what a Linux or
 * Windows pod may not set (validateOS, validateLinux, validateWindows); and the pod annotations the API server
 * reads (ValidatePodSpecificAnnotations: pod-deletion-cost, the deprecated seccomp and AppArmor annotations,
 * and on create that they agree with the fields).
 *
 * @example
 * validateResizePolicy([{ resourceName: 'gpu', restartPolicy: 'NotRequired' }], 'spec.containers[0].resizePolicy', 'Always')[0].message;
 * // 'spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"'
 */
import { duplicate, forbidden, invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { isDNS1123Subdomain, isQualifiedName, isValidIP } from './messages';
import { localDescendingPath } from './volumes';
import { isObj, objects, str, given, type Obj } from './values';

const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];

/** validateResizePolicy: cpu and memory once each, a known policy, and no restart in a pod that never restarts. */
export function validateResizePolicy(list: unknown, path: string, podRestartPolicy?: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  objects(list).forEach((p, i) => {
    const resource = str(p.resourceName);
    if (seen.has(resource)) errs.push(duplicate(`${path}[${i}]`, resource));
    seen.add(resource);
    if (resource === '') errs.push(required(path));
    else if (!RESIZE_RESOURCES.includes(resource)) errs.push(notSupported(path, resource, RESIZE_RESOURCES));
    const policy = str(p.restartPolicy);
    if (policy === '') errs.push(required(path));
    else if (!RESIZE_POLICIES.includes(policy)) errs.push(notSupported(path, policy, RESIZE_POLICIES));
    if (podRestartPolicy === 'Never' && policy !== 'NotRequired')
      errs.push(invalid(path, policy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
  return errs;
}

const qualified = (value: string, at: string): FieldError[] => invalidEach(at, value, isQualifiedName(value));

/** validateReadinessGates and validateSchedulingGates (after dnsConfig in ValidatePodSpec). */
export function podGates(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objects(s.readinessGates).forEach((g, i) =>
    errs.push(...qualified(str(g.conditionType), `${path}.readinessGates[${i}].conditionType`)),
  );
  const seen = new Set<string>();
  objects(s.schedulingGates).forEach((g, i) => {
    const name = str(g.name);
    errs.push(...qualified(name, `${path}.schedulingGates[${i}]`));
    if (seen.has(name)) errs.push(duplicate(`${path}.schedulingGates[${i}]`, name));
    seen.add(name);
  });
  return errs;
}

/** validateHostUsers (after the topology spread constraints in ValidatePodSpec). */
export function hostUsersRules(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (s.hostUsers === false) {
    // validateHostUsers: the internal PodSecurityContext's field names, as the API server spells them.
    const hostUsersMsg = 'when `pod.Spec.HostUsers` is false';
    if (s.hostNetwork === true) errs.push(forbidden(`${path}.hostNetwork`, hostUsersMsg));
    if (s.hostPID === true) errs.push(forbidden(`${path}.HostPID`, hostUsersMsg));
    if (s.hostIPC === true) errs.push(forbidden(`${path}.HostIPC`, hostUsersMsg));
  }
  return errs;
}

/** ValidatePreemptionPolicy's supported values, in its order (pods and PriorityClasses). */
export const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];

/** ValidateHostAliases (after the tolerations). */
export function hostAliasRules(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objects(s.hostAliases).forEach((a, i) => {
    const at = `${path}.hostAliases[${i}]`;
    errs.push(...invalidEach(`${at}.ip`, str(a.ip), isValidIP(str(a.ip))));
    (Array.isArray(a.hostnames) ? a.hostnames : []).forEach((h, j) =>
      errs.push(...invalidEach(`${at}.hostnames[${j}]`, str(h), isDNS1123Subdomain(str(h)))),
    );
  });
  return errs;
}

/** runtimeClassName, preemptionPolicy and os, the last checks of ValidatePodSpec. */
export function podSpecRulesLast(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (given(s.runtimeClassName))
    errs.push(
      ...invalidEach(
        `${path}.runtimeClassName`,
        str(s.runtimeClassName),
        isDNS1123Subdomain(str(s.runtimeClassName)),
      ),
    );
  if (given(s.preemptionPolicy)) {
    const p = str(s.preemptionPolicy);
    if (p === '') errs.push(required(`${path}.preemptionPolicy`));
    else if (!PREEMPTION_POLICIES.includes(p))
      errs.push(notSupported(`${path}.preemptionPolicy`, p, PREEMPTION_POLICIES));
  }
  if (isObj(s.os)) {
    const name = str(s.os.name);
    if (name === '') errs.push(required(`${path}.os.name`, 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows')
      errs.push(notSupported(`${path}.os`, name, ['linux', 'windows']));
    else if (name === 'linux') errs.push(...linuxOnly(s, path));
    else errs.push(...windowsOnly(s, path));
  }
  return errs;
}

/** podshelper.VisitContainersWithPath: init containers, containers, ephemeral containers, each with its path. */
function visitContainers(s: Obj, path: string): [Obj, string][] {
  const out: [Obj, string][] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const)
    objects(s[list]).forEach((c, i) => out.push([c, `${path}.${list}[${i}]`]));
  return out;
}

const WINDOWS = 'cannot be set for a windows pod';

/** validateLinux: no windowsOptions. */
function linuxOnly(s: Obj, path: string): FieldError[] {
  const msg = 'windows options cannot be set for a linux pod';
  const errs: FieldError[] = [];
  if (isObj(s.securityContext) && given(s.securityContext.windowsOptions))
    errs.push(forbidden(`${path}.securityContext.windowsOptions`, msg));
  for (const [c, at] of visitContainers(s, path))
    if (isObj(c.securityContext) && given(c.securityContext.windowsOptions))
      errs.push(forbidden(`${at}.securityContext.windowsOptions`, msg));
  return errs;
}

/**
 * validateWindows: none of the Linux-only security settings, in its order. The API server's internal pod
 * security context also holds hostUsers, hostPID, hostIPC and shareProcessNamespace (said at the spec's paths).
 */
function windowsOnly(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const sc = isObj(s.securityContext) ? s.securityContext : {};
  const scPath = `${path}.securityContext`;
  const check = (v: unknown, at: string): void => {
    if (given(v) && v !== false) errs.push(forbidden(at, WINDOWS));
  };
  check(sc.appArmorProfile, `${scPath}.appArmorProfile`);
  check(sc.seLinuxOptions, `${scPath}.seLinuxOptions`);
  if (given(s.hostUsers)) errs.push(forbidden(`${path}.hostUsers`, WINDOWS));
  check(s.hostPID, `${path}.hostPID`);
  check(s.hostIPC, `${path}.hostIPC`);
  for (const f of ['seccompProfile', 'fsGroup', 'fsGroupChangePolicy']) check(sc[f], `${scPath}.${f}`);
  if (Array.isArray(sc.sysctls) && sc.sysctls.length > 0) errs.push(forbidden(`${scPath}.sysctls`, WINDOWS));
  if (given(s.shareProcessNamespace)) errs.push(forbidden(`${path}.shareProcessNamespace`, WINDOWS));
  for (const f of [
    'runAsUser',
    'runAsGroup',
    'supplementalGroups',
    'supplementalGroupsPolicy',
    'seLinuxChangePolicy',
  ])
    check(sc[f], `${scPath}.${f}`);
  for (const [c, at] of visitContainers(s, path)) {
    if (!isObj(c.securityContext)) continue;
    for (const f of [
      'appArmorProfile',
      'seLinuxOptions',
      'seccompProfile',
      'capabilities',
      'readOnlyRootFilesystem',
      'privileged',
      'allowPrivilegeEscalation',
      'procMount',
      'runAsUser',
      'runAsGroup',
    ])
      if (given(c.securityContext[f])) errs.push(forbidden(`${at}.securityContext.${f}`, WINDOWS));
  }
  return errs;
}

const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const MIRROR = 'kubernetes.io/config.mirror';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

/** helper.GetDeletionCostFromPodAnnotations: a 32-bit integer without '+' or leading zeros. */
function validDeletionCost(v: string): boolean {
  if (!/^(-|0$|[1-9])/.test(v) || !/^-?\d+$/.test(v)) return false;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647;
}

/** ValidateSeccompProfile (an annotation's value). */
function seccompAnnotation(value: string, at: string): FieldError[] {
  if (['runtime/default', 'docker/default', 'unconfined'].includes(value)) return [];
  if (value.startsWith('localhost/')) return localDescendingPath(value.slice('localhost/'.length), at);
  return [invalid(at, value, 'must be a valid seccomp profile')];
}

/**
 * ValidatePodSpecificAnnotations for a pod (annotations at metadata.annotations) or a template (at
 * spec.template.annotations): the mirror pod annotation needs a node, pod-deletion-cost is a 32-bit integer,
 * seccomp annotations name a profile, an AppArmor annotation names one of the pod's containers and a profile.
 */
export function podAnnotationRules(meta: unknown, s: Obj, annotationsPath: string): FieldError[] {
  const annotations = isObj(meta) && isObj(meta.annotations) ? meta.annotations : {};
  const errs: FieldError[] = [];
  if (MIRROR in annotations && str(s.nodeName) === '')
    errs.push(
      invalid(
        `${annotationsPath}[${MIRROR}]`,
        str(annotations[MIRROR]),
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  if (DELETION_COST in annotations && !validDeletionCost(str(annotations[DELETION_COST])))
    errs.push(
      invalid(
        `${annotationsPath}[${DELETION_COST}]`,
        str(annotations[DELETION_COST]),
        'must be a 32bit integer',
      ),
    );
  if (SECCOMP_POD in annotations)
    errs.push(...seccompAnnotation(str(annotations[SECCOMP_POD]), `${annotationsPath}.${SECCOMP_POD}`));
  for (const [k, v] of Object.entries(annotations))
    if (k.startsWith(SECCOMP_CONTAINER)) errs.push(...seccompAnnotation(str(v), `${annotationsPath}.${k}`));
  const names = new Set(visitContainers(s, 'spec').map(([c]) => str(c.name)));
  for (const [k, v] of Object.entries(annotations)) {
    if (!k.startsWith(APPARMOR_CONTAINER)) continue;
    const container = k.slice(APPARMOR_CONTAINER.length);
    if (!names.has(container))
      errs.push(invalid(`${annotationsPath}[${k}]`, container, 'container not found'));
    const p = str(v);
    if (p !== '' && p !== 'runtime/default' && p !== 'unconfined' && !p.startsWith('localhost/'))
      errs.push(
        invalid(`${annotationsPath}[${k}]`, p, `invalid AppArmor profile name: ${JSON.stringify(p)}`),
      );
  }
  return errs;
}

/** Whether a deprecated annotation says the field's profile: its type, then a Localhost profile's name. */
function annotationMismatch(
  kind: 'seccomp' | 'apparmor',
  annotation: string,
  profile: Obj,
): 'type' | 'profile' | undefined {
  const type = str(profile.type);
  if (type === 'Unconfined') return annotation === 'unconfined' ? undefined : 'type';
  if (type === 'RuntimeDefault')
    return annotation === 'runtime/default' || (kind === 'seccomp' && annotation === 'docker/default')
      ? undefined
      : 'type';
  if (type !== 'Localhost') return undefined;
  if (!annotation.startsWith('localhost/')) return 'type';
  const named = given(profile.localhostProfile) && annotation.slice(10) === str(profile.localhostProfile);
  return named ? undefined : 'profile';
}

/**
 * validateSeccompAnnotationsAndFields and validateAppArmorAnnotationsAndFieldsMatchOnCreate: where both a
 * deprecated annotation and its field are given, they must say the same profile.
 */
export function annotationsMatchFields(meta: unknown, s: Obj, path: string): FieldError[] {
  const annotations = isObj(meta) && isObj(meta.annotations) ? meta.annotations : {};
  const errs: FieldError[] = [];
  const mismatch = (kind: 'seccomp' | 'apparmor', what: 'type' | 'profile', at: string): FieldError =>
    forbidden(
      `${at}.${what === 'type' ? 'type' : 'localhostProfile'}`,
      `${kind} ${what} in annotation and field must match`,
    );
  const podSc = isObj(s.securityContext) ? s.securityContext : {};
  if (isObj(podSc.seccompProfile) && SECCOMP_POD in annotations) {
    const r = annotationMismatch('seccomp', str(annotations[SECCOMP_POD]), podSc.seccompProfile);
    if (r === 'type' || r === 'profile')
      errs.push(mismatch('seccomp', r, `${path}.securityContext.seccompProfile`));
  }
  for (const [c, at] of visitContainers(s, path)) {
    const sc = isObj(c.securityContext) ? c.securityContext : {};
    const key = `${SECCOMP_CONTAINER}${str(c.name)}`;
    if (isObj(sc.seccompProfile) && key in annotations) {
      const r = annotationMismatch('seccomp', str(annotations[key]), sc.seccompProfile);
      if (r === 'type' || r === 'profile')
        errs.push(mismatch('seccomp', r, `${at}.securityContext.seccompProfile`));
    }
  }
  if (isObj(s.os) && s.os.name === 'windows') return errs;
  for (const [c, at] of visitContainers(s, path)) {
    const sc = isObj(c.securityContext) ? c.securityContext : {};
    const profile = isObj(sc.appArmorProfile)
      ? sc.appArmorProfile
      : isObj(podSc.appArmorProfile)
        ? podSc.appArmorProfile
        : undefined;
    const key = `${APPARMOR_CONTAINER}${str(c.name)}`;
    if (!profile || !(key in annotations)) continue;
    const r = annotationMismatch('apparmor', str(annotations[key]), profile);
    if (r === 'type' || r === 'profile')
      errs.push(mismatch('apparmor', r, `${at}.securityContext.appArmorProfile`));
  }
  return errs;
}

/** ValidatePodCreate's own checks: no ephemeral containers, no node while scheduling gates remain. */
export function podCreateRules(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (Array.isArray(s.ephemeralContainers) && s.ephemeralContainers.length > 0)
    errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(s.nodeName) !== '' && Array.isArray(s.schedulingGates) && s.schedulingGates.length > 0)
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  return errs;
}

/**
 * ValidatePodTemplateSpec's checks beside the pod spec, for a workload's template at `path`
 * ("spec.template"): its pod annotations, annotations that agree with the fields, no ephemeral containers.
 */
export function podTemplateRules(template: Obj, path: string): FieldError[] {
  const s = isObj(template.spec) ? template.spec : {};
  const errs = podAnnotationRules(template.metadata, s, `${path}.annotations`);
  errs.push(...annotationsMatchFields(template.metadata, s, `${path}.spec`));
  if (Array.isArray(s.ephemeralContainers) && s.ephemeralContainers.length > 0)
    errs.push(
      forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'),
    );
  return errs;
}
