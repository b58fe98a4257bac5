/**
 * ValidateEndpointSlice (pkg/apis/discovery/validation/validation.go): addresses by addressType,
 * at most 1000 endpoints and 100 addresses each, port names unique, protocols.
 * A manual slice is tied to its Service by the `kubernetes.io/service-name` label (not validated).
 *
 * @example
 * validateEndpointSlice({ metadata: { name: 's', namespace: 'default' }, addressType: 'IPv4', endpoints: [{ addresses: [] }] })[0].message;
 * // "endpoints[0].addresses: Required value: must contain at least 1 address"
 */
import { duplicate, invalidEach, notSupported, required, tooMany, type FieldError } from './field';
import { isDNS1123Label, isDNS1123Subdomain, isValidIPv4Address, isValidIPv6Address } from './messages';
import { validateObjectMeta } from './metadata';
import { appProtocolErrors, PORT_PROTOCOLS } from './ports';
import { validateEndpointIP } from './endpoints';
import { objects, type Obj } from './values';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function fqdnErrors(path: string, name: string): FieldError[] {
  if (name.length === 0) return [required(path)];
  const n = name.replace(/\.$/, '');
  const sub = isDNS1123Subdomain(n);
  if (sub.length > 0) return invalidEach(path, n, [sub.join(',')]);
  if (n.split('.').length < 2)
    return invalidEach(path, n, ['should be a domain with at least two segments separated by dots']);
  for (const label of n.split('.')) {
    const e = isDNS1123Label(label);
    if (e.length > 0) return invalidEach(path, label, [e.join(',')]);
  }
  return [];
}

export function validateEndpointSlice(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const addressType = typeof obj.addressType === 'string' ? obj.addressType : '';
  const endpoints = objects(obj.endpoints);
  if (endpoints.length > 1000) errs.push(tooMany('endpoints', endpoints.length, 1000));
  else
    endpoints.forEach((ep, i) => {
      const path = `endpoints[${i}].addresses`;
      const addresses = Array.isArray(ep.addresses) ? ep.addresses.map((a) => String(a ?? '')) : [];
      if (addresses.length === 0) errs.push(required(path, 'must contain at least 1 address'));
      else if (addresses.length > 100) errs.push(tooMany(path, addresses.length, 100));
      addresses.forEach((a, j) => {
        const p = `${path}[${j}]`;
        if (addressType === 'IPv4') {
          const bad = isValidIPv4Address(a);
          errs.push(...(bad.length > 0 ? invalidEach(p, a, bad) : validateEndpointIP(a, p, () => [])));
        } else if (addressType === 'IPv6') {
          const bad = isValidIPv6Address(a);
          errs.push(...(bad.length > 0 ? invalidEach(p, a, bad) : validateEndpointIP(a, p)));
        } else if (addressType === 'FQDN') errs.push(...fqdnErrors(p, a));
      });
      if (typeof ep.nodeName === 'string')
        errs.push(...invalidEach(`endpoints[${i}].nodeName`, ep.nodeName, isDNS1123Subdomain(ep.nodeName)));
      if (typeof ep.hostname === 'string')
        errs.push(...invalidEach(`endpoints[${i}].hostname`, ep.hostname, isDNS1123Label(ep.hostname)));
    });
  if (addressType === '') errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(addressType))
    errs.push(notSupported('addressType', addressType, ADDRESS_TYPES));
  const ports = objects(obj.ports);
  if (ports.length > 20000) errs.push(tooMany('ports', ports.length, 20000));
  else {
    const names = new Set<string>();
    ports.forEach((p, i) => {
      const name = typeof p.name === 'string' ? p.name : '';
      if (name.length > 0) errs.push(...invalidEach(`ports[${i}].name`, name, isDNS1123Label(name)));
      if (names.has(name)) errs.push(duplicate(`ports[${i}].name`, name));
      else names.add(name);
      const protocol = typeof p.protocol === 'string' ? p.protocol : undefined;
      if (protocol === undefined) errs.push(required(`ports[${i}].protocol`));
      else if (!PORT_PROTOCOLS.includes(protocol))
        errs.push(notSupported(`ports[${i}].protocol`, protocol, PORT_PROTOCOLS));
      errs.push(...appProtocolErrors(p.appProtocol, `ports[${i}].appProtocol`));
    });
  }
  return errs;
}
