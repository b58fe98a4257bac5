/**
 * Pod basics of ValidatePod / ValidatePodTemplateSpec (pkg/apis/core/validation/validation.go):
 * containers (name, image, ports: IANA_SVC_NAME names unique per container, containerPort range,
 * protocol), probe ports, dnsPolicy, restartPolicy, hostname/subdomain; and the workload specs
 * of Deployments and ReplicaSets (selector required and matching the template labels).
 *
 * @example
 * validatePod(podWithPort0)[0].message; // "spec.containers[0].ports[0].containerPort: Required value"
 */
import { validateAffinity, validateTopologySpreadConstraints } from './affinity';
import { validateContainers, validateInitContainers } from './containers';
import { validatePodDNSConfig } from './dns-config';
import { invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain } from './messages';
import { goStringMap, validateLabels, validateObjectMeta, type NameValidator } from './metadata';
import { selectorMatches } from './selector';
import { validatePodSecurityContext } from './security';
import { validateTolerations } from './taints';
import { validateVolumes } from './volumes';
import {
  annotationsMatchFields,
  hostAliasRules,
  hostUsersRules,
  podAnnotationRules,
  podCreateRules,
  podGates,
  podSpecRulesLast,
  podTemplateRules,
} from './pod-extras';
import { isObj, objects, str, type Obj } from './values';

const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

/**
 * Validates a (defaulted) PodSpec at `path` ("spec" for a Pod, "spec.template.spec" for workloads).
 *
 * @example
 * validatePodSpec({ containers: [] , dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' }, 'spec')[0].message;
 * // "spec.containers: Required value"
 */
export function validatePodSpec(
  spec: unknown,
  path: string,
  restartPolicies = ['Always', 'OnFailure', 'Never'],
  resourceIsPod = false,
): FieldError[] {
  const s = isObj(spec) ? spec : {};
  const errs: FieldError[] = [];
  const grace = s.terminationGracePeriodSeconds;
  if (grace === undefined || grace === null) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const volumes = validateVolumes(s.volumes, `${path}.volumes`);
  errs.push(...volumes.errors);
  const ctx = {
    gracePeriod: typeof grace === 'number' ? grace : undefined,
    volumes: volumes.names,
    restartPolicy: str(s.restartPolicy),
    hostUsers: s.hostUsers !== false,
  };
  errs.push(...validateContainers(s.containers, `${path}.containers`, ctx));
  errs.push(...validateInitContainers(s.initContainers, s.containers, `${path}.initContainers`, ctx));
  errs.push(...hostNetworkPorts(s, path, resourceIsPod));
  const restart = str(s.restartPolicy);
  if (restart === '') errs.push(required(`${path}.restartPolicy`));
  else if (!restartPolicies.includes(restart))
    errs.push(notSupported(`${path}.restartPolicy`, restart, restartPolicies));
  const dns = str(s.dnsPolicy);
  if (dns === '') errs.push(required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(`${path}.dnsPolicy`, dns, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validatePodSecurityContext(s, `${path}.securityContext`));
  errs.push(...validateAffinity(s.affinity, `${path}.affinity`));
  errs.push(...validatePodDNSConfig(s.dnsConfig, dns, `${path}.dnsConfig`));
  errs.push(...podGates(s, path));
  errs.push(
    ...validateTopologySpreadConstraints(s.topologySpreadConstraints, `${path}.topologySpreadConstraints`),
  );
  errs.push(...hostUsersRules(s, path));
  for (const f of ['serviceAccountName', 'nodeName'] as const)
    if (typeof s[f] === 'string' && s[f] !== '')
      errs.push(...invalidEach(`${path}.${f}`, s[f], isDNS1123Subdomain(s[f])));
  const deadline = s.activeDeadlineSeconds;
  if (typeof deadline === 'number' && (deadline < 1 || deadline > 2147483647))
    errs.push(invalid(`${path}.activeDeadlineSeconds`, deadline, inclusiveRangeError(1, 2147483647)));
  if (typeof s.hostname === 'string' && s.hostname !== '')
    errs.push(...invalidEach(`${path}.hostname`, s.hostname, isDNS1123Label(s.hostname)));
  if (typeof s.subdomain === 'string' && s.subdomain !== '')
    errs.push(...invalidEach(`${path}.subdomain`, s.subdomain, isDNS1123Label(s.subdomain)));
  errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  errs.push(...hostAliasRules(s, path));
  if (typeof s.priorityClassName === 'string' && s.priorityClassName !== '')
    errs.push(
      ...invalidEach(
        `${path}.priorityClassName`,
        s.priorityClassName,
        isDNS1123Subdomain(s.priorityClassName),
      ),
    );
  errs.push(...podSpecRulesLast(s, path));
  return errs;
}

/**
 * validatePodHostNetworkDeps: with hostNetwork a port's hostPort is its containerPort (a Pod's always; a
 * template's when given, since it is defaulted when the pod is made).
 */
function hostNetworkPorts(s: Obj, path: string, resourceIsPod: boolean): FieldError[] {
  if (s.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  objects(s.containers).forEach((c, i) =>
    objects(c.ports).forEach((p, j) => {
      const hp = typeof p.hostPort === 'number' ? p.hostPort : 0;
      const cp = typeof p.containerPort === 'number' ? p.containerPort : 0;
      if ((resourceIsPod || hp !== 0) && hp !== cp)
        errs.push(
          invalid(
            `${path}.containers[${i}].ports[${j}].hostPort`,
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
    }),
  );
  return errs;
}

/** validateContainersOnlyForPod: a Pod's (not a template's) image has no surrounding whitespace. */
function imageWhitespace(spec: unknown): FieldError[] {
  const s = isObj(spec) ? spec : {};
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers'] as const)
    objects(s[list]).forEach((c, i) => {
      const image = str(c.image);
      if (image.length !== image.trim().length)
        errs.push(invalid(`spec.${list}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  return errs;
}

/** ValidatePodCreate: metadata, pod annotations, the spec, then what only a created pod is checked for. */
export function validatePod(obj: Obj): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  return [
    ...validateObjectMeta(obj.metadata, true, isDNS1123Subdomain),
    ...podAnnotationRules(obj.metadata, spec, 'metadata.annotations'),
    ...validatePodSpec(obj.spec, 'spec', undefined, true),
    ...imageWhitespace(obj.spec),
    ...podCreateRules(spec),
    ...annotationsMatchFields(obj.metadata, spec, 'spec'),
  ];
}

/**
 * Deployment / ReplicaSet (apps/validation): replicas ≥ 0, selector required and non-empty,
 * template labels must match it, template pod spec with restartPolicy Always.
 *
 * @example
 * validateWorkload(deploymentWithoutSelector)[0].message; // "spec.selector: Required value"
 */
export function validateWorkload(
  obj: Obj,
  /** The word apps/validation uses in "empty selector is invalid for <kind>" (ReplicaSets say deployment too). */
  selectorKind = 'deployment',
  /**
   * Whether the template's pod spec is validated (ValidatePodTemplateSpec). A StatefulSet's is not
   * (ValidatePodTemplateSpecForStatefulSet): the API server checks each pod when the controller creates it.
   */
  podSpec = true,
  nameFn: NameValidator = isDNS1123Subdomain,
): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameFn);
  const spec = isObj(obj.spec) ? obj.spec : {};
  if (typeof spec.replicas === 'number' && spec.replicas < 0)
    errs.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  const selector = isObj(spec.selector) ? spec.selector : undefined;
  const matchLabels = selector && isObj(selector.matchLabels) ? selector.matchLabels : {};
  const hasExpressions =
    !!selector && Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0;
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabels(matchLabels, 'spec.selector.matchLabels'));
    if (Object.keys(matchLabels).length === 0 && !hasExpressions)
      errs.push(
        invalid(
          'spec.selector',
          {
            goLiteral:
              'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
          },
          `empty selector is invalid for ${selectorKind}`,
        ),
      );
  }
  const template = isObj(spec.template) ? spec.template : {};
  const tmeta = isObj(template.metadata) ? template.metadata : {};
  const labels = isObj(tmeta.labels) ? tmeta.labels : {};
  // LabelSelectorAsSelector(nil) is labels.Nothing(): it matches no template, so a missing selector is
  // also reported as not matching (the API server's two errors for a Deployment without a selector).
  const empty = !!selector && Object.keys(matchLabels).length === 0 && !hasExpressions;
  if (!empty) {
    if (!selectorMatches(selector, labels))
      errs.push(
        invalid(
          'spec.template.metadata.labels',
          goStringMap(labels),
          '`selector` does not match template `labels`',
        ),
      );
  }
  // ValidateLabels(template.Labels, fldPath.Child("labels")) with fldPath spec.template: the API server
  // says spec.template.labels (not .metadata.labels) for a label it refuses.
  errs.push(...validateLabels(labels, 'spec.template.labels'));
  if (podSpec) {
    errs.push(...podTemplateRules(template, 'spec.template'));
    errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  }
  // Checked again for the workload, after the pod spec's own restartPolicy rule (Always, OnFailure, Never).
  const restart = str(isObj(template.spec) ? template.spec.restartPolicy : undefined);
  if (restart !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  return errs;
}
