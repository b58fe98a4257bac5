/**
 * The ids shared by the graph, the packet overlay and the editor. Graph ids are the trace's location
 * strings ("external", "node/node-1", "pod/default/web-x", "lb/default/web"), so a hop finds its place
 * in the graph without a lookup table. Objects that are not locations use their ObjectKey.
 */
export const EXTERNAL_ID = 'external';
export const nodeId = (name: string) => `node/${name}`;
export const podId = (namespace: string, name: string) => `pod/${namespace}/${name}`;
export const lbId = (namespace: string, name: string) => `lb/${namespace}/${name}`;
export const kubeProxyId = (node: string) => `kube-proxy/${node}`;
export const zoneId = (zone: string) => `zone/${zone}`;
export const serviceId = (namespace: string, name: string) => `Service/${namespace}/${name}`;

/** The graph element a hop happens at: kube-proxy hops sit on the node's kube-proxy box. */
export function hopNodeId(location: string, stage: string): string {
  if (stage === 'kube-proxy' && location.startsWith('node/')) return kubeProxyId(location.slice(5));
  return location;
}

/** The graph id for an ObjectKey ("Pod/default/web-x" → "pod/default/web-x"), or the key itself. */
export function graphIdForKey(key: string): string {
  const [kind, ns = '', name = ''] = key.split('/');
  if (kind === 'Pod') return podId(ns, name);
  if (kind === 'Node') return nodeId(name);
  return key;
}

/**
 * The ObjectKey for a graph id, when the element is an object from the YAML. A route drawn in several
 * Gateways' boxes has one id per box ("HTTPRoute/default/shop#Gateway/default/eg"), all the same object.
 */
export function keyForGraphId(graphId: string): string {
  const id = graphId.split('#', 1)[0]!;
  const [kind, a = '', b = ''] = id.split('/');
  if (kind === 'pod') return `Pod/${a}/${b}`;
  if (kind === 'node') return `Node//${a}`;
  if (kind === 'lb') return `Service/${a}/${b}`;
  return id;
}
