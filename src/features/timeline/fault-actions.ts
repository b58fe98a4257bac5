/**
 * What the graph's context menu offers for an element: each fault is the console line that makes it,
 * so the menu teaches the command (and the console can do the same). Faults Kubernetes YAML cannot say
 * go into the scene's Timeline at the instant shown (`timeline add`); cordoning is `spec.unschedulable`,
 * edited in place by kubectl's own command.
 *
 * @example
 * faultActions('node/node-2', cluster).map((a) => a.line);
 * // ['timeline add NodeStopped node-2', 'timeline add NodeDrained node-2', 'kubectl cordon node-2']
 *
 * A Service's are kubectl's edits of the YAML (what plain Kubernetes can say): its endpoints removed by
 * scaling the Deployment it selects to 0 or by a selector no pod matches, the Service deleted, and, for
 * a NodePort or LoadBalancer, externalTrafficPolicy switched between Cluster and Local.
 */
import type { ClusterState } from '../../store';
import type { MessageKey } from '../../i18n';

export interface FaultAction {
  label: MessageKey;
  /** The console line that does it. */
  line: string;
}

/** A value kubectl's selector syntax takes as it is (`app=web`), and `none` when nothing takes it. */
function unmatchedSelector(selector: Record<string, string>, pods: ClusterState['pods'], ns: string): string {
  const key = Object.keys(selector)[0] ?? 'app';
  const taken = new Set(
    pods.filter((p) => (p.metadata.namespace ?? 'default') === ns).map((p) => p.metadata.labels?.[key]),
  );
  let value = 'none';
  for (let i = 2; taken.has(value); i++) value = `none-${i}`;
  return `${key}=${value}`;
}

function serviceActions(ns: string, name: string, cluster: ClusterState | null): FaultAction[] {
  const svc = cluster?.services.find(
    (s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === ns,
  );
  if (!svc || !cluster) return [];
  const n = ns === 'default' ? '' : ` -n ${ns}`;
  const selector = svc.spec.selector ?? {};
  const selects = (labels: Record<string, string> | undefined) =>
    Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
  const actions: FaultAction[] = [];
  for (const d of cluster.deployments ?? [])
    if ((d.metadata.namespace ?? 'default') === ns && selects(d.spec.template.metadata?.labels))
      actions.push({
        label: 'fault.scaleToZero',
        line: `kubectl scale deployment ${d.metadata.name}${n} --replicas=0`,
      });
  if (Object.keys(selector).length > 0)
    actions.push({
      label: 'fault.selectNothing',
      line: `kubectl set selector service ${name}${n} ${unmatchedSelector(selector, cluster.pods, ns)}`,
    });
  actions.push({ label: 'fault.deleteService', line: `kubectl delete service ${name}${n}` });
  if (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer') {
    const local = svc.spec.externalTrafficPolicy === 'Local';
    actions.push({
      label: local ? 'fault.etpCluster' : 'fault.etpLocal',
      line: `kubectl patch service ${name}${n} -p '{"spec":{"externalTrafficPolicy":"${local ? 'Cluster' : 'Local'}"}}'`,
    });
  }
  return actions;
}

/**
 * The actions for a graph element (`node/NAME`, `pod/NS/NAME`, `Service/NS/NAME` or its load balancer
 * `lb/NS/NAME`); none for other elements.
 */
export function faultActions(id: string, cluster: ClusterState | null): FaultAction[] {
  const [kind, a = '', b = ''] = id.split('/');
  if (kind === 'node') {
    const node = cluster?.nodes.find((n) => n.metadata.name === a);
    if (!node) return [];
    return [
      { label: 'fault.nodeStopped', line: `timeline add NodeStopped ${a}` },
      { label: 'fault.nodeDrained', line: `timeline add NodeDrained ${a}` },
      node.spec?.unschedulable
        ? { label: 'fault.uncordon', line: `kubectl uncordon ${a}` }
        : { label: 'fault.cordon', line: `kubectl cordon ${a}` },
    ];
  }
  if (kind === 'pod') {
    const pod = cluster?.pods.find((p) => p.metadata.name === b && (p.metadata.namespace ?? 'default') === a);
    if (!pod) return [];
    const ns = a === 'default' ? '' : ` -n ${a}`;
    return [
      { label: 'fault.podDeleted', line: `timeline add PodDeleted ${b}${ns}` },
      { label: 'fault.readinessFailing', line: `timeline add ReadinessFailing ${b}${ns}` },
      { label: 'fault.containerCrashed', line: `timeline add ContainerCrashed ${b}${ns}` },
    ];
  }
  if (kind === 'Service' || kind === 'lb') return serviceActions(a, b, cluster);
  return [];
}
