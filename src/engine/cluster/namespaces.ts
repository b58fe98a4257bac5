/**
 * Namespace existence, as the API server checks it on create: an object in a namespace that does not
 * exist yet is refused with `namespaces "<ns>" not found` (kubectl apply creates in document order, so
 * the Namespace must come earlier). The four namespaces every cluster has exist from the start.
 *
 * @example
 * const ns = new NamespaceTracker(); ns.exists('default'); // true
 */
export const BUILTIN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** Kinds that live outside namespaces. */
export const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'IngressClass',
  'ServiceCIDR',
  'PriorityClass',
  'GatewayClass',
  'ClusterConfiguration',
  'KubeProxyConfiguration',
]);

export class NamespaceTracker {
  private readonly known = new Set(BUILTIN_NAMESPACES);

  exists(ns: string): boolean {
    return this.known.has(ns);
  }

  add(ns: string): void {
    this.known.add(ns);
  }

  /** The API server's NotFound message for a missing namespace. */
  static notFound(ns: string): string {
    return `namespaces "${ns}" not found`;
  }
}
