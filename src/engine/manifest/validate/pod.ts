/**
 * Pod basics of ValidatePod / ValidatePodTemplateSpec (pkg/apis/core/validation/validation.go):
 * containers (name, image, ports: IANA_SVC_NAME names unique per container, containerPort range,
 * protocol), probe ports, dnsPolicy, restartPolicy, hostname/subdomain; and the workload specs
 * of Deployments and ReplicaSets (selector required and matching the template labels).
 *
 * @example
 * validatePod(podWithPort0)[0].message; // "spec.containers[0].ports[0].containerPort: Required value"
 */
import { validatePodDNSConfig } from './dns-config';
import { validateEnv } from './env';
import { duplicate, invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './messages';
import { goStringMap, validateLabels, validateObjectMeta } from './metadata';
import { validatePortNumOrName, PORT_PROTOCOLS } from './ports';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `${path}[${i}]`;
    const name = str(p.name);
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) errs.push(...invalidEach(`${at}.name`, name, msgs));
      else if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
      else names.add(name);
    }
    const cp = typeof p.containerPort === 'number' ? p.containerPort : 0;
    if (cp === 0) errs.push(required(`${at}.containerPort`));
    else errs.push(...invalidEach(`${at}.containerPort`, cp, isValidPortNum(cp)));
    const hp = typeof p.hostPort === 'number' ? p.hostPort : 0;
    if (hp !== 0) errs.push(...invalidEach(`${at}.hostPort`, hp, isValidPortNum(hp)));
    const protocol = str(p.protocol);
    if (protocol === '') errs.push(required(`${at}.protocol`));
    else if (!PORT_PROTOCOLS.includes(protocol))
      errs.push(notSupported(`${at}.protocol`, protocol, PORT_PROTOCOLS));
  });
  return errs;
}

function validateProbe(probe: unknown, path: string): FieldError[] {
  if (!isObj(probe)) return [];
  const errs: FieldError[] = [];
  if (isObj(probe.httpGet)) errs.push(...validatePortNumOrName(probe.httpGet.port, `${path}.httpGet.port`));
  if (isObj(probe.tcpSocket))
    errs.push(...validatePortNumOrName(probe.tcpSocket.port, `${path}.tcpSocket.port`));
  return errs;
}

function validateContainers(list: unknown, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  objects(list).forEach((c, i) => {
    const at = `${path}[${i}]`;
    const name = str(c.name);
    if (name === '') errs.push(required(`${at}.name`));
    else {
      errs.push(...invalidEach(`${at}.name`, name, isDNS1123Label(name)));
      if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
      names.add(name);
    }
    if (str(c.image) === '') errs.push(required(`${at}.image`));
    errs.push(...validateContainerPorts(objects(c.ports), `${at}.ports`));
    errs.push(...validateEnv(c.env, `${at}.env`));
    errs.push(...validateProbe(c.readinessProbe, `${at}.readinessProbe`));
    errs.push(...validateProbe(c.livenessProbe, `${at}.livenessProbe`));
    errs.push(...validateProbe(c.startupProbe, `${at}.startupProbe`));
  });
  return errs;
}

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
): FieldError[] {
  const s = isObj(spec) ? spec : {};
  const errs: FieldError[] = [];
  const names = new Set<string>();
  errs.push(...validateContainers(s.initContainers, `${path}.initContainers`, names));
  if (objects(s.containers).length === 0) errs.push(required(`${path}.containers`));
  errs.push(...validateContainers(s.containers, `${path}.containers`, names));
  const restart = str(s.restartPolicy);
  if (restart === '') errs.push(required(`${path}.restartPolicy`));
  else if (!restartPolicies.includes(restart))
    errs.push(notSupported(`${path}.restartPolicy`, restart, restartPolicies));
  const dns = str(s.dnsPolicy);
  if (dns === '') errs.push(required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(`${path}.dnsPolicy`, dns, DNS_POLICIES));
  errs.push(...validatePodDNSConfig(s.dnsConfig, dns, `${path}.dnsConfig`));
  if (typeof s.hostname === 'string' && s.hostname !== '')
    errs.push(...invalidEach(`${path}.hostname`, s.hostname, isDNS1123Label(s.hostname)));
  if (typeof s.subdomain === 'string' && s.subdomain !== '')
    errs.push(...invalidEach(`${path}.subdomain`, s.subdomain, isDNS1123Label(s.subdomain)));
  if (typeof s.nodeName === 'string' && s.nodeName !== '')
    errs.push(...invalidEach(`${path}.nodeName`, s.nodeName, isDNS1123Subdomain(s.nodeName)));
  return errs;
}

export function validatePod(obj: Obj): FieldError[] {
  return [
    ...validateObjectMeta(obj.metadata, true, isDNS1123Subdomain),
    ...validatePodSpec(obj.spec, 'spec'),
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
  restartPolicies = ['Always'],
): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
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
  if (selector && !hasExpressions && Object.keys(matchLabels).length > 0) {
    const matches = Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
    if (!matches)
      errs.push(
        invalid(
          'spec.template.metadata.labels',
          goStringMap(labels),
          '`selector` does not match template `labels`',
        ),
      );
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec', restartPolicies));
  return errs;
}
