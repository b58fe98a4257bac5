/**
 * What the graph's context menu offers for an element: each fault is the console line that makes it,
 * so the menu teaches the command (and the console can do the same). Faults Kubernetes YAML cannot say
 * go into the scene's Timeline at the instant shown (`timeline add`); cordoning is `spec.unschedulable`,
 * edited in place by kubectl's own command.
 *
 * @example
 * faultActions('node/node-2', cluster).map((a) => a.line);
 * // ['timeline add NodeStopped node-2', 'timeline add NodeDrained node-2', 'kubectl cordon node-2']
 */
import type { ClusterState } from '../../store';
import type { MessageKey } from '../../i18n';

export interface FaultAction {
  label: MessageKey;
  /** The console line that does it. */
  line: string;
}

/** The actions for a graph element (`node/NAME`, `pod/NS/NAME`); none for other elements. */
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
  return [];
}
