/**
 * ValidateLoadBalancerStatus (pkg/apis/core/validation/validation.go): the status a load balancer
 * controller writes (in svclab, the scene's own `status.loadBalancer`, standing for the cloud's), as the
 * API server checks it on UpdateStatus. Runs after defaulting, which gives an ingress IP `ipMode: VIP`.
 *
 * @example
 * validateLoadBalancerStatus({ spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ipMode: 'Proxy' }] } } })[0].message;
 * // "status.loadBalancer.ingress[0].ipMode: Forbidden: may not be specified when `ip` is not set"
 */
import { forbidden, invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { isDNS1123Subdomain, isValidIP, parseIpSloppy } from './messages';
import { isObj, objects, type Obj } from './values';

/** supportedLoadBalancerIPMode, sorted as sets.List prints it. */
const IP_MODES = ['Proxy', 'VIP'];

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

export function validateLoadBalancerStatus(obj: Obj): FieldError[] {
  const status = isObj(obj.status) ? obj.status : {};
  const lb = isObj(status.loadBalancer) ? status.loadBalancer : {};
  const ingress = objects(lb.ingress);
  const spec = isObj(obj.spec) ? obj.spec : {};
  const path = 'status.loadBalancer.ingress';
  // The AllowServiceLBStatusOnNonLB gate is off (its default): only a LoadBalancer has ingress.
  if (str(spec.type) !== 'LoadBalancer' && ingress.length > 0)
    return [forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'")];
  const errs: FieldError[] = [];
  ingress.forEach((ing, i) => {
    const at = `${path}[${i}]`;
    const ip = str(ing.ip);
    const hasMode = ing.ipMode !== undefined && ing.ipMode !== null;
    if (ip.length > 0) errs.push(...invalidEach(`${at}.ip`, ip, isValidIP(ip)));
    if (!hasMode) {
      if (ip.length > 0) errs.push(required(`${at}.ipMode`, 'must be specified when `ip` is set'));
    } else if (ip.length === 0) {
      errs.push(forbidden(`${at}.ipMode`, 'may not be specified when `ip` is not set'));
    } else if (!IP_MODES.includes(str(ing.ipMode))) {
      errs.push(notSupported(`${at}.ipMode`, str(ing.ipMode), IP_MODES));
    }
    const hostname = str(ing.hostname);
    if (hostname.length > 0) {
      errs.push(...invalidEach(`${at}.hostname`, hostname, isDNS1123Subdomain(hostname)));
      if (parseIpSloppy(hostname))
        errs.push(invalid(`${at}.hostname`, hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}
