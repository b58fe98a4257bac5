/**
 * The order the Endpoints controller gives ports and subsets (k8s.io/kubernetes pkg/api/v1/endpoints,
 * SortSubsets): `portsByHash` and `subsetsByHash` compare the MD5 of each value's Go dump, as
 * hashutil.DeepHashObject writes it: go-spew's `%#v` with DisableMethods (no Stringer), which prints every
 * value with its Go type, fields in declaration order, a nil pointer or slice as `<nil>`, and no pointer
 * addresses (those need the `+` flag). So the order is arbitrary-looking but fixed: a real cluster lists
 * kube-dns's ports as dns-tcp, dns, metrics, and a Service's https port before its http port.
 *
 * The dumps are written here for the four types the hash sees (v1.EndpointSubset, v1.EndpointAddress,
 * v1.ObjectReference, v1.EndpointPort), fields in the order of k8s.io/api/core/v1/types.go.
 *
 * @example
 * portDump({ name: 'http', port: 80, protocol: 'TCP' });
 * // "(v1.EndpointPort){Name:(string)http Port:(int32)80 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}"
 */
import { md5 } from '@noble/hashes/legacy.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { EndpointAddress, EndpointPort, EndpointSubset, ObjectReference } from '../k8s/objects';

/** The fields of an ObjectReference that svclab's typed objects leave out but a written one may carry. */
type FullReference = ObjectReference & { apiVersion?: string; resourceVersion?: string; fieldPath?: string };

/** A `*string` field: `(*string)value`, or `(*string)<nil>`. */
const ptr = (v: string | undefined): string => `(*string)${v ?? '<nil>'}`;

/** A slice field's value: `(T)<nil>` for a nil slice, `(T)[e1 e2]` (elements without their type). */
const slice = <T>(type: string, xs: readonly T[] | undefined, item: (x: T) => string): string =>
  `(${type})${xs === undefined ? '<nil>' : `[${xs.map(item).join(' ')}]`}`;

const portFields = (p: EndpointPort): string =>
  `{Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} ` +
  `AppProtocol:${ptr(p.appProtocol)}}`;

const referenceFields = (r: FullReference): string =>
  `{Kind:(string)${r.kind ?? ''} Namespace:(string)${r.namespace ?? ''} Name:(string)${r.name ?? ''} ` +
  `UID:(types.UID)${r.uid ?? ''} APIVersion:(string)${r.apiVersion ?? ''} ` +
  `ResourceVersion:(string)${r.resourceVersion ?? ''} FieldPath:(string)${r.fieldPath ?? ''}}`;

const addressFields = (a: EndpointAddress): string =>
  `{IP:(string)${a.ip} Hostname:(string)${a.hostname ?? ''} NodeName:${ptr(a.nodeName)} ` +
  `TargetRef:(*v1.ObjectReference)${a.targetRef ? referenceFields(a.targetRef) : '<nil>'}}`;

/** `%#v` of a v1.EndpointPort. */
export const portDump = (p: EndpointPort): string => `(v1.EndpointPort)${portFields(p)}`;

/**
 * `%#v` of a v1.EndpointSubset. A list svclab leaves out (no ready addresses, no ports) is a nil slice in
 * the controller too: RepackSubsets builds each list by appending.
 */
export const subsetDump = (s: EndpointSubset): string =>
  `(v1.EndpointSubset){Addresses:${slice('[]v1.EndpointAddress', s.addresses, addressFields)} ` +
  `NotReadyAddresses:${slice('[]v1.EndpointAddress', s.notReadyAddresses, addressFields)} ` +
  `Ports:${slice('[]v1.EndpointPort', s.ports, portFields)}}`;

/** bytes.Compare of two digests. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Sorts `xs` in place by the MD5 of each one's dump (each digest computed once), as sort.Sort does. */
export function sortByDumpHash<T>(xs: T[], dump: (x: T) => string): T[] {
  if (xs.length < 2) return xs;
  const digest = new Map<T, Uint8Array>();
  for (const x of xs) digest.set(x, md5(utf8ToBytes(dump(x))));
  return xs.sort((a, b) => compareBytes(digest.get(a)!, digest.get(b)!));
}
