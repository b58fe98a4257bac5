/**
 * ValidateIngress / ValidateIngressClass (pkg/apis/networking/validation/validation.go): pathType
 * is required (no default in networking/v1), Exact/Prefix paths must be absolute and clean, hosts
 * are DNS names (a wildcard only as the first label), backends name a Service and one port.
 *
 * @example
 * validateIngress(ingressWithoutPathType)[0].message;
 * // "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified"
 */
import { forbidden, goLiteral, invalid, invalidEach, notSupported, required, type FieldError } from './field';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  parseIpSloppy,
} from './messages';
import { validateObjectMeta } from './metadata';
import { isObj, objects, str, type Obj } from './values';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function validateBackend(b: Obj, path: string): FieldError[] {
  const hasResource = isObj(b.resource);
  const service = isObj(b.service) ? b.service : undefined;
  if (hasResource && service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) {
    // validateIngressTypedLocalObjectReference.
    const r = b.resource as Obj;
    const errs: FieldError[] = [];
    if (r.apiGroup !== undefined && r.apiGroup !== null)
      errs.push(
        ...invalidEach(`${path}.resource.apiGroup`, str(r.apiGroup), isDNS1123Subdomain(str(r.apiGroup))),
      );
    for (const key of ['kind', 'name'] as const) {
      const v = str(r[key]);
      if (v === '') errs.push(required(`${path}.resource.${key}`));
      else errs.push(...invalidEach(`${path}.resource.${key}`, v, isValidPathSegmentName(v)));
    }
    return errs;
  }
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = str(service.name);
  if (name === '') errs.push(required(`${path}.service.name`));
  else errs.push(...invalidEach(`${path}.service.name`, name, isDNS1035Label(name)));
  const port = isObj(service.port) ? service.port : {};
  const portName = str(port.name);
  const portNumber = typeof port.number === 'number' ? port.number : 0;
  if (portName !== '' && portNumber !== 0)
    errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName !== '')
    errs.push(...invalidEach(`${path}.service.port.name`, portName, isValidPortName(portName)));
  else if (portNumber !== 0)
    errs.push(...invalidEach(`${path}.service.port.number`, portNumber, isValidPortNum(portNumber)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validatePath(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.pathType === undefined || p.pathType === null)
    return [required(`${path}.pathType`, 'pathType must be specified')];
  const pathType = str(p.pathType);
  const value = str(p.path);
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(`${path}.path`, value, 'must be an absolute path'));
    if (value.length > 0) {
      for (const seq of INVALID_SEQUENCES)
        if (value.includes(seq)) errs.push(invalid(`${path}.path`, value, `must not contain '${seq}'`));
      for (const suffix of INVALID_SUFFIXES)
        if (value.endsWith(suffix)) errs.push(invalid(`${path}.path`, value, `cannot end with '${suffix}'`));
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/'))
      errs.push(invalid(`${path}.path`, value, 'must be an absolute path'));
  } else {
    errs.push(notSupported(`${path}.pathType`, pathType, PATH_TYPES));
  }
  errs.push(...validateBackend(isObj(p.backend) ? p.backend : {}, `${path}.backend`));
  return errs;
}

function hostErrors(host: string, path: string): FieldError[] {
  if (host.includes('*')) return invalidEach(path, host, isWildcardDNS1123Subdomain(host));
  return invalidEach(path, host, isDNS1123Subdomain(host));
}

export function validateIngress(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const rules = objects(spec.rules);
  if (rules.length === 0 && !isObj(spec.defaultBackend))
    errs.push(
      invalid(
        'spec',
        goLiteral('[]networking.IngressRule(nil)'),
        'either `defaultBackend` or `rules` must be specified',
      ),
    );
  if (isObj(spec.defaultBackend)) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const host = str(rule.host);
    if (host.length > 0) {
      if (parseIpSloppy(host))
        errs.push(invalid(`spec.rules[${i}].host`, host, 'must be a DNS name, not an IP address'));
      errs.push(...hostErrors(host, `spec.rules[${i}].host`));
    }
    if (isObj(rule.http)) {
      const paths = objects(rule.http.paths);
      if (paths.length === 0) errs.push(required(`spec.rules[${i}].http.paths`));
      paths.forEach((p, j) => errs.push(...validatePath(p, `spec.rules[${i}].http.paths[${j}]`)));
    }
  });
  objects(spec.tls).forEach((t, i) => {
    (Array.isArray(t.hosts) ? t.hosts : []).forEach((h, j) => {
      errs.push(...hostErrors(String(h ?? ''), `spec.tls[${i}].hosts[${j}]`));
    });
    // validateTLSSecretName: a Secret's name, when given.
    const secret = str(t.secretName);
    if (secret !== '')
      errs.push(...invalidEach(`spec.tls[${i}].secretName`, secret, isDNS1123Subdomain(secret)));
  });
  if (typeof spec.ingressClassName === 'string')
    errs.push(
      ...invalidEach(
        'spec.ingressClassName',
        spec.ingressClassName,
        isDNS1123Subdomain(spec.ingressClassName),
      ),
    );
  // ValidateIngressCreate: the deprecated class annotation must agree with ingressClassName (the path is
  // the API server's: field.NewPath("annotations"), without "metadata").
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const annotations = isObj(meta.annotations) ? meta.annotations : {};
  const classAnnotation = annotations[INGRESS_CLASS_ANNOTATION];
  if (
    classAnnotation !== undefined &&
    typeof spec.ingressClassName === 'string' &&
    String(classAnnotation) !== spec.ingressClassName
  )
    errs.push(
      invalid(
        `annotations.${INGRESS_CLASS_ANNOTATION}`,
        String(classAnnotation),
        'must match `ingressClassName` when both are specified',
      ),
    );
  return errs;
}

const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function validateIngressClass(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, isDNS1123Subdomain);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const controller = str(spec.controller);
  // IsDomainPrefixedPath: "example.com/ingress-nginx".
  if (controller === '') errs.push(required('spec.controller'));
  else {
    const [host, rest] = [controller.split('/')[0] ?? '', controller.split('/').slice(1).join('/')];
    if (!controller.includes('/') || host === '' || rest === '')
      errs.push(
        invalid('spec.controller', controller, 'must be a domain-prefixed path (such as "acme.io/foo")'),
      );
    else errs.push(...invalidEach('spec.controller', host, isDNS1123Subdomain(host)));
  }
  if (isObj(spec.parameters)) errs.push(...validateParameters(spec.parameters));
  return errs;
}

/** path.IsValidPathSegmentName: a name that can be a URL path segment. */
function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/**
 * validateIngressClassParametersReference (pkg/apis/networking/validation): the typed reference (apiGroup a
 * DNS subdomain, kind and name required path segments), then scope (defaulted to Cluster) and namespace.
 */
function validateParameters(params: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const path = 'spec.parameters';
  if (params.apiGroup !== undefined && params.apiGroup !== null) {
    const group = str(params.apiGroup);
    errs.push(...invalidEach(`${path}.apiGroup`, group, isDNS1123Subdomain(group)));
  }
  for (const key of ['kind', 'name'] as const) {
    const v = str(params[key]);
    if (v === '') errs.push(required(`${path}.${key}`, `${key} is required`));
    else errs.push(...invalidEach(`${path}.${key}`, v, isValidPathSegmentName(v)));
  }
  if (params.scope === undefined || params.scope === null) {
    errs.push(required(`${path}.scope`));
    return errs;
  }
  const scope = str(params.scope);
  const hasNamespace = params.namespace !== undefined && params.namespace !== null;
  if (scope !== 'Cluster' && scope !== 'Namespace')
    errs.push(notSupported(`${path}.scope`, scope, ['Cluster', 'Namespace']));
  else if (scope === 'Namespace') {
    const ns = str(params.namespace);
    if (!hasNamespace) errs.push(required(`${path}.namespace`, "`parameters.scope` is set to 'Namespace'"));
    else errs.push(...invalidEach(`${path}.namespace`, ns, isDNS1123Label(ns)));
  } else if (hasNamespace)
    errs.push(forbidden(`${path}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  return errs;
}
