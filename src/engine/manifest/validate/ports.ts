/**
 * Port checks shared by Services, Endpoints, EndpointSlices, Pods and Ingresses.
 *
 * @example
 * validatePortNumOrName('HTTP', 'spec.ports[0].targetPort')[0].message;
 * // 'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'
 */
import { invalidEach, notSupported, required, type FieldError } from './field';
import { isQualifiedName, isValidPortName, isValidPortNum } from './messages';

/**
 * A port's appProtocol, when set, is a qualified name (ValidateQualifiedName in validateServicePort,
 * validateEndpointPort and validateEndpointSlicePorts): "http", "kubernetes.io/h2c", "example.com/custom".
 *
 * @example appProtocolErrors('HTTP 2', 'spec.ports[0].appProtocol')[0].message; // 'spec.ports[0].appProtocol: Invalid value: "HTTP 2": name part must consist of …'
 */
export function appProtocolErrors(value: unknown, path: string): FieldError[] {
  if (value === undefined || value === null) return [];
  const v = typeof value === 'string' ? value : String(value);
  return invalidEach(path, v, isQualifiedName(v));
}

/** sets.List(supportedPortProtocols): sorted. */
export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/**
 * ValidatePortNumOrName: a number must be 1-65535; a string must be an IANA_SVC_NAME
 * (so "8080" as a string fails: it has no letter).
 *
 * @example
 * validatePortNumOrName(70000, 'spec.ports[0].targetPort')[0].message;
 * // "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive"
 */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return invalidEach(path, port, isValidPortNum(port));
  if (typeof port === 'string') return invalidEach(path, port, isValidPortName(port));
  return [];
}

/**
 * A port protocol: required, and one of SCTP/TCP/UDP.
 *
 * @example
 * validateProtocol('HTTP', 'spec.ports[0].protocol')[0].message;
 * // 'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'
 */
export function validateProtocol(protocol: unknown, path: string): FieldError[] {
  const p = typeof protocol === 'string' ? protocol : '';
  if (p === '') return [required(path)];
  if (!PORT_PROTOCOLS.includes(p)) return [notSupported(path, p, PORT_PROTOCOLS)];
  return [];
}
