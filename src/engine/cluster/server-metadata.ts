/**
 * What the API server writes into an object's metadata on create, whatever the request carried. A
 * `kubectl get -o yaml` dump applied to a fresh cluster is a create: kubectl's resource helper clears
 * `resourceVersion` before it sends the object (the storage layer would refuse one), and the server sets a
 * new `uid` and `creationTimestamp` (rest.FillObjectMetaSystemFields). `selfLink` has not been written
 * since 1.20, and `managedFields` are the server's field manager's record, not the dump's. svclab sets the
 * new uid and creationTimestamp in the build; these are cleared here so the dump's old ones do not stay
 * (AGE would read `5y214d`).
 *
 * @example
 * const meta = { name: 'web', uid: 'old', selfLink: '/api/v1/…' };
 * clearServerSetMetadata(meta); // meta is { name: 'web' }
 */
import type { ObjectMeta } from '../k8s/objects';

const SERVER_SET = ['uid', 'resourceVersion', 'creationTimestamp', 'selfLink', 'managedFields'] as const;

/** Removes the server-set fields from a metadata object the build owns (a copy). */
export function clearServerSetMetadata(meta: ObjectMeta): void {
  for (const k of SERVER_SET) if (k in meta) delete meta[k];
}
