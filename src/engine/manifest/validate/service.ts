/**
 * ValidateService (pkg/apis/core/validation/validation.go), in the order upstream appends errors,
 * so the multi-error form lists them as kubectl does. Runs after defaulting; allocation errors
 * (nodePort range and conflicts, clusterIP outside the service CIDR) belong to the registry.
 *
 * @example
 * validateService(svcWithTwoUnnamedPorts).map((e) => e.message);
 * // ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']
 */
import { externallyAccessible } from '../defaults';
import {
  child,
  duplicate,
  forbidden,
  goLiteral,
  goQuote,
  goStringSlice,
  invalid,
  invalidEach,
  notSupported,
  required,
  type FieldError,
} from './field';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidCIDR,
  isValidIP,
  specialIpErrors,
} from './messages';
import { validateLabels, validateObjectMeta } from './metadata';
import { validateLoadBalancerStatus } from './service-status';
import { appProtocolErrors, validatePortNumOrName, validateProtocol } from './ports';
import { isObj, objects, type Obj } from './values';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x ?? '')) : []);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
/** DefaultClientIPServiceAffinitySeconds's ceiling: MaxClientIPServiceAffinitySeconds. */
const MAX_AFFINITY = 86400;

function validateServicePort(p: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && name === '') errs.push(required(child(path, 'name')));
  else if (name !== '') {
    errs.push(...invalidEach(child(path, 'name'), name, isDNS1123Label(name)));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
  }
  const port = num(p.port);
  if (port < 1 || port > 65535)
    errs.push(invalid(child(path, 'port'), port, 'must be between 1 and 65535, inclusive'));
  errs.push(...validateProtocol(p.protocol, child(path, 'protocol')));
  errs.push(...validatePortNumOrName(p.targetPort, child(path, 'targetPort')));
  errs.push(...appProtocolErrors(p.appProtocol, child(path, 'appProtocol')));
  return errs;
}

/** %#v of core.ServicePort{Protocol, Port} as the duplicate-port error prints it [INFERRED rendering]. */
const servicePortKey = (protocol: string, port: number) =>
  goLiteral(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );

function validateClusterIPs(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const clusterIP = str(spec.clusterIP);
  const ips = strings(spec.clusterIPs);
  if (clusterIP !== '') {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP)
      errs.push(invalid('spec.clusterIPs', goStringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(
      invalid('spec.clusterIPs', goStringSlice(ips), 'must be empty when `clusterIP` is not specified'),
    );
  }
  const seen = new Set<string>();
  strings(spec.ipFamilies).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
    const policy = str(spec.ipFamilyPolicy);
    if (!['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy))
      errs.push(
        notSupported('spec.ipFamilyPolicy', policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']),
      );
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1)
        errs.push(invalid('spec.clusterIPs', goStringSlice(ips), "'None' must be the first and only value"));
      return;
    }
    errs.push(...invalidEach(`spec.clusterIPs[${i}]`, ip, isValidIP(ip)));
  });
  if (ips.length > 2)
    errs.push(invalid('spec.clusterIPs', goStringSlice(ips), 'may only hold up to 2 values'));
  // Past invalid IPs or a misplaced None the family checks would only add noise (upstream stops too).
  if (errs.some((e) => e.field.startsWith('spec.clusterIPs'))) return errs;
  const v6 = (ip: string): boolean => ip.includes(':');
  if (ips.length > 1 && !(ips.length === 2 && v6(ips[0]!) !== v6(ips[1]!)))
    errs.push(
      invalid('spec.clusterIPs', goStringSlice(ips), 'may specify no more than one IP for each IP family'),
    );
  const families = strings(spec.ipFamilies);
  if (!(ips.length === 1 && ips[0] === 'None'))
    ips.forEach((ip, i) => {
      if (i >= families.length) return;
      if (families[i] === 'IPv4' && v6(ip))
        errs.push(
          invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``),
        );
      if (families[i] === 'IPv6' && !v6(ip))
        errs.push(
          invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``),
        );
    });
  return errs;
}

function validateTrafficPolicies(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp !== '')
      errs.push(
        invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'),
      );
  } else if (etp === '') errs.push(required('spec.externalTrafficPolicy'));
  else if (etp !== 'Cluster' && etp !== 'Local')
    errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  const needsHealthCheck = spec.type === 'LoadBalancer' && etp === 'Local';
  const hc = num(spec.healthCheckNodePort);
  if (!needsHealthCheck) {
    if (hc !== 0)
      errs.push(
        invalid(
          'spec.healthCheckNodePort',
          hc,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
  } else if (hc !== 0 && (hc < 1 || hc > 65535)) {
    // A zero healthCheckNodePort is allocated by the registry before validation runs.
    errs.push(invalid('spec.healthCheckNodePort', hc, 'must be between 1 and 65535, inclusive'));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined || itp === null) {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')
      errs.push(required('spec.internalTrafficPolicy'));
  } else if (itp !== 'Cluster' && itp !== 'Local')
    errs.push(notSupported('spec.internalTrafficPolicy', str(itp), ['Cluster', 'Local']));
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null) {
    // PreferSameZone/PreferSameNode are on by default in 1.36 (PreferSameTrafficDistribution) [INFERRED].
    const supported = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
    if (!supported.includes(str(spec.trafficDistribution)))
      errs.push(notSupported('spec.trafficDistribution', str(spec.trafficDistribution), supported));
  }
  return errs;
}

/**
 * Validates a defaulted Service.
 *
 * @example
 * validateService({ metadata: { name: 'x', namespace: 'default' }, spec: { type: 'ClusterIP', sessionAffinity: 'None', ports: [] } })[0].message;
 * // "spec.ports: Required value"
 */
export function validateService(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1035Label);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const ports = objects(spec.ports);
  const headless = str(spec.clusterIP) === 'None';
  const type = str(spec.type);
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'LoadBalancer' && headless)
    errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (type === 'NodePort' && headless)
    errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (type === 'ExternalName') {
    if (strings(spec.clusterIPs).length > 0)
      errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (strings(spec.ipFamilies).length > 0)
      errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null)
      errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname.length > 0) errs.push(...invalidEach('spec.externalName', cname, isDNS1123Subdomain(cname)));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinity = str(spec.sessionAffinity);
  if (affinity === '') errs.push(required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None')
    errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  if (affinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const clientIP = isObj(cfg) ? cfg.clientIP : undefined;
    if (!isObj(cfg))
      errs.push(required('spec.sessionAffinityConfig', 'when session affinity type is ClientIP'));
    else if (!isObj(clientIP))
      errs.push(required('spec.sessionAffinityConfig.clientIP', 'when session affinity type is ClientIP'));
    else if (typeof clientIP.timeoutSeconds !== 'number')
      errs.push(
        required(
          'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
          'when session affinity type is ClientIP',
        ),
      );
    else if (clientIP.timeoutSeconds <= 0 || clientIP.timeoutSeconds > MAX_AFFINITY)
      errs.push(
        invalid(
          'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
          clientIP.timeoutSeconds,
          `must be greater than 0 and less than ${MAX_AFFINITY}`,
        ),
      );
  } else if (
    affinity === 'None' &&
    spec.sessionAffinityConfig !== undefined &&
    spec.sessionAffinityConfig !== null
  ) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  if (type !== 'ExternalName') errs.push(...validateClusterIPs(spec));
  strings(spec.externalIPs).forEach((ip, i) => {
    const path = `spec.externalIPs[${i}]`;
    const bad = isValidIP(ip);
    errs.push(...(bad.length > 0 ? invalidEach(path, ip, bad) : invalidEach(path, ip, specialIpErrors(ip))));
  });
  if (type === '') errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP')
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0)
        errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (num(p.nodePort) === 0) return;
    const key = `${str(p.protocol)}/${num(p.nodePort)}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, num(p.nodePort)));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${str(p.protocol)}/${num(p.port)}`;
    if (portKeys.has(key))
      errs.push(duplicate(`spec.ports[${i}]`, servicePortKey(str(p.protocol), num(p.port))));
    portKeys.add(key);
  });
  const ranges = strings(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    // Upstream names this path with the Go field name (capital L).
    if (type !== 'LoadBalancer')
      errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => {
      const v = r.trim();
      errs.push(...invalidEach(`spec.LoadBalancerSourceRanges[${i}]`, v, isValidCIDR(v)));
    });
  }
  if (
    spec.allocateLoadBalancerNodePorts !== undefined &&
    spec.allocateLoadBalancerNodePorts !== null &&
    type !== 'LoadBalancer'
  )
    errs.push(
      forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"),
    );
  if (
    type === 'LoadBalancer' &&
    (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)
  )
    errs.push(required('allocateLoadBalancerNodePorts'));
  // validateLoadBalancerClassField (on create): a qualified name on a LoadBalancer, forbidden on any other type.
  if (spec.loadBalancerClass !== undefined && spec.loadBalancerClass !== null) {
    const cls = str(spec.loadBalancerClass);
    if (type === 'LoadBalancer')
      errs.push(...invalidEach('spec.loadBalancerClass', cls, isQualifiedName(cls)));
    else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateTrafficPolicies(spec));
  errs.push(...validateLoadBalancerStatus(obj));
  return errs;
}
