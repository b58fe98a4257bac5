/**
 * The HorizontalPodAutoscaler controller's first decision (pkg/controller/podautoscaler,
 * reconcileAutoscaler), the one that needs no metrics: a target whose replicas are outside
 * [minReplicas, maxReplicas] is scaled to the nearest bound; a target scaled to 0 is left alone
 * (autoscaling is disabled). Within the bounds the controller would ask the metrics API, which a kubeadm
 * cluster does not have until metrics-server is installed: svclab keeps the replicas as they are.
 *
 * @example
 * applyAutoscalers(hpas, { Deployment: deployments }); // web's spec.replicas 1 → 3 with minReplicas: 3
 */
import type { HorizontalPodAutoscaler, KubeObject } from '../k8s/objects';

interface Scalable extends KubeObject {
  spec: { replicas?: number };
}

export interface AutoscalerResult {
  hpa: HorizontalPodAutoscaler;
  target?: Scalable;
  /** The target's replicas before and after the controller. */
  current: number;
  desired: number;
}

/**
 * Scales the targets (mutating their spec.replicas, as the scale subresource does) and returns what each
 * autoscaler saw. `targets` are the scalable objects by kind.
 */
export function applyAutoscalers(
  hpas: HorizontalPodAutoscaler[],
  targets: Record<string, KubeObject[]>,
): AutoscalerResult[] {
  return hpas.map((hpa) => {
    const ns = hpa.metadata.namespace ?? 'default';
    const ref = hpa.spec.scaleTargetRef;
    const target = (targets[ref.kind] ?? []).find(
      (o) => o.metadata.name === ref.name && (o.metadata.namespace ?? 'default') === ns,
    ) as Scalable | undefined;
    if (!target) return { hpa, current: 0, desired: 0 };
    const current = target.spec.replicas ?? 1;
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    const desired = current === 0 ? 0 : Math.min(max, Math.max(min, current));
    target.spec.replicas = desired;
    return { hpa, target, current, desired };
  });
}
