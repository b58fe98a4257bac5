/**
 * The command lines the fuzzer runs against each mutated scene: every command of the interpreter, with
 * names and addresses taken from the built cluster (a pod, a Service and its port, a node, a load
 * balancer, an Ingress host), so that they reach the data path instead of stopping at "not found".
 * `pick` chooses which pod, Service or node, so that different cases reach different objects.
 *
 * @example
 * commandLines(cluster, [0, 12], 3); // ["validate", "exec web-0 -n default -- nslookup db.default"]
 */
import type { ClusterState } from '../cluster/state';

export const TEMPLATES: readonly string[] = [
  'validate',
  'validate -o json',
  'get pods -A -o wide',
  'get pods -A -o json',
  'get svc -A -o wide',
  'get svc {svc} -n {ns} -o yaml',
  'get ep -A',
  'get endpointslices -A -o json',
  'get ing -A',
  'get nodes -o wide',
  'get deployments,replicasets -A',
  'exec {pod} -n {podns} -- env',
  'exec {pod} -n {podns} -- env -o json',
  'exec {pod} -n {podns} -- cat /etc/resolv.conf /etc/hosts',
  'exec {pod} -n {podns} -- nslookup {svc}.{ns}',
  'exec {pod} -n {podns} -- dig {svc}.{ns}.svc.cluster.local',
  'exec {pod} -n {podns} -- dig +short {svc}.{ns}.svc.cluster.local AAAA',
  'exec {pod} -n {podns} -- dig -x {podip}',
  'exec {pod} -n {podns} -- curl -s -m 2 http://{svc}.{ns}:{port}/',
  'exec {pod} -n {podns} -- curl -v http://{clusterip}:{port}/ -o json',
  'exec {pod} -n {podns} -- ping -c 2 {svc}.{ns}',
  'curl --from external http://{lb}:{port}/',
  'curl --from external http://{nodeip}:{nodeport}/ --count 5',
  'curl --from node/{node} http://{clusterip}:{port}/ -o json',
  'curl --from pod/{podns}/{pod} --keepalive --count 3 http://{clusterip}:{port}/',
  'curl --from external -H "Host: {host}" http://{ingressip}/ -o json',
  'ping --from external {lb}',
  'node {node} -- iptables-save',
  'node {node} -- iptables-save -t nat',
  'node {node} -- ip6tables-save',
  'node {node} -- ipvsadm -Ln',
  'node {node} -- nft list ruleset',
  'node {node} -- conntrack -L',
];

function at<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

/** The placeholders of the templates, filled from the cluster (or with names that do not exist). */
function placeholders(cluster: ClusterState, pick: number): Record<string, string> {
  const pod = at(cluster.pods, pick);
  const svc = at(cluster.services, pick >> 3);
  const port = svc?.spec.ports?.[0];
  const node = at(cluster.nodes, pick >> 6);
  const lb = cluster.services.find((s) => s.status?.loadBalancer?.ingress?.length)?.status?.loadBalancer
    ?.ingress?.[0];
  const nodePortSvc = cluster.services.find((s) => s.spec.ports?.some((p) => p.nodePort));
  const ing = at(cluster.ingresses, pick >> 2);
  return {
    pod: pod?.metadata.name ?? 'nothing',
    podns: pod?.metadata.namespace ?? 'default',
    podip: pod?.status?.podIP ?? '10.244.0.99',
    svc: svc?.metadata.name ?? 'nothing',
    ns: svc?.metadata.namespace ?? 'default',
    port: String(port?.port ?? 80),
    clusterip: svc?.spec.clusterIP && svc.spec.clusterIP !== 'None' ? svc.spec.clusterIP : '10.96.0.99',
    node: node?.metadata.name ?? 'node-1',
    nodeip: node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '192.168.49.2',
    nodeport: String(nodePortSvc?.spec.ports?.find((p) => p.nodePort)?.nodePort ?? 30080),
    lb: lb?.ip ?? lb?.hostname ?? '198.51.100.99',
    host: ing?.spec?.rules?.[0]?.host ?? 'example.com',
    ingressip: ing?.status?.loadBalancer?.ingress?.[0]?.ip ?? '198.51.100.1',
  };
}

/**
 * The command lines for the chosen templates (indexes modulo the list), filled for this cluster.
 * Values that came from the user's YAML are quoted so that the tokenizer reads each as one word.
 */
export function commandLines(cluster: ClusterState, templates: readonly number[], pick: number): string[] {
  const values = placeholders(cluster, pick);
  return templates.map((t) =>
    TEMPLATES[t % TEMPLATES.length]!.replace(/\{(\w+)\}/g, (_, k: string) => quote(values[k] ?? '')),
  );
}

/** Single-quotes a word for the tokenizer when it holds anything but safe characters. */
function quote(word: string): string {
  if (/^[\w.:/@%+=,[\]*-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
