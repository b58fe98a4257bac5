/**
 * ValidateEndpoints (pkg/apis/core/validation/validation.go: validateEndpointSubsets,
 * validateEndpointAddress, ValidateEndpointIP, validateEndpointPort). There is no rule against an
 * address that is another Service's ClusterIP: the API server accepts it (a lint says so instead).
 *
 * @example
 * validateEndpoints({ metadata: { name: 'db', namespace: 'default' }, subsets: [{ ports: [{ port: 5432 }] }] })[0].message;
 * // "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`"
 */
import { invalidEach, required, type FieldError } from './field';
import { isDNS1123Label, isDNS1123Subdomain, isValidIP, isValidPortNum, specialIpErrors } from './messages';
import { validateObjectMeta } from './metadata';
import { appProtocolErrors, validateProtocol } from './ports';
import { objects, str, type Obj } from './values';

/**
 * IsValidIP, then ValidateEndpointIP (unspecified, loopback, link-local, link-local multicast).
 * An unparseable address gets both "must be a valid IP address" messages, as upstream gives.
 *
 * @example
 * validateEndpointIP('127.0.0.1', 'subsets[0].addresses[0].ip')[0].message;
 * // 'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'
 */
export function validateEndpointIP(
  ip: string,
  path: string,
  ipCheck: (s: string) => string[] = isValidIP,
): FieldError[] {
  return [...invalidEach(path, ip, ipCheck(ip)), ...invalidEach(path, ip, specialIpErrors(ip))];
}

function validateAddress(a: Obj, path: string): FieldError[] {
  const ip = str(a.ip);
  const errs: FieldError[] = [...invalidEach(`${path}.ip`, ip, isValidIP(ip))];
  const hostname = str(a.hostname);
  if (hostname !== '') errs.push(...invalidEach(`${path}.hostname`, hostname, isDNS1123Label(hostname)));
  if (typeof a.nodeName === 'string')
    errs.push(...invalidEach(`${path}.nodeName`, a.nodeName, isDNS1123Subdomain(a.nodeName)));
  errs.push(...invalidEach(`${path}.ip`, ip, specialIpErrors(ip)));
  return errs;
}

/**
 * validateEndpointPort: name required when several, DNS-1123 label; port 1-65535; protocol.
 *
 * @example
 * validateEndpointPort({ port: 0, protocol: 'TCP' }, false, 'subsets[0].ports[0]')[0].message;
 * // "subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"
 */
export function validateEndpointPort(p: Obj, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && name === '') errs.push(required(`${path}.name`));
  else if (name !== '') errs.push(...invalidEach(`${path}.name`, name, isDNS1123Label(name)));
  const port = typeof p.port === 'number' ? p.port : 0;
  errs.push(...invalidEach(`${path}.port`, port, isValidPortNum(port)));
  errs.push(...validateProtocol(p.protocol, `${path}.protocol`));
  errs.push(...appProtocolErrors(p.appProtocol, `${path}.appProtocol`));
  return errs;
}

export function validateEndpoints(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  objects(obj.subsets).forEach((ss, i) => {
    const path = `subsets[${i}]`;
    const addresses = objects(ss.addresses);
    const notReady = objects(ss.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0)
      errs.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateAddress(a, `${path}.addresses[${j}]`)));
    notReady.forEach((a, j) => errs.push(...validateAddress(a, `${path}.notReadyAddresses[${j}]`)));
    const ports = objects(ss.ports);
    ports.forEach((p, j) => errs.push(...validateEndpointPort(p, ports.length > 1, `${path}.ports[${j}]`)));
  });
  return errs;
}
