/**
 * The API server's answer when a workload controller creates a pod from its template: the pod is
 * validated as a Pod (ValidatePodCreate), which checks more than the template was checked for. A
 * StatefulSet's template is not validated as a pod spec at all (apps/validation's
 * ValidatePodTemplateSpecForStatefulSet leaves it to pod creation), and every template skips the pod-only
 * rules (an image with surrounding whitespace), and the labels a controller adds can make a pod invalid
 * (a StatefulSet pod's name in `statefulset.kubernetes.io/pod-name` must be a label value: 63
 * characters at most). Such a workload is accepted and has no pods; its controller records a
 * FailedCreate event, with the message built here as each controller builds it.
 *
 * @example
 * podCreateError(podWithPort70000);
 * // 'Pod "db-0" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'
 */
import type { Pod } from '../k8s/objects';
import { validateFields } from '../manifest/validate';
import { forbiddenMessage, type PodPriority } from './priority';

/**
 * The error the API server returns for creating this pod (a StatusError's message: `Pod "<name>" is
 * invalid: <errors>`, several errors in brackets as utilerrors.Aggregate prints them), or undefined when
 * it accepts it.
 *
 * @example
 * podCreateError(validPod); // undefined
 */
export function podCreateError(pod: Pod, admission?: PodPriority): string | undefined {
  // The mutating admission plugins answer before the pod is validated (create.go: Admit, then the
  // strategy's Validate): the Priority plugin's Forbidden comes first.
  // A controller's pod has only its generateName then: the name is generated after admission.
  if (admission?.forbidden !== undefined)
    return forbiddenMessage(
      'pods',
      pod.metadata.generateName || (pod.metadata.name ?? ''),
      admission.forbidden,
    );
  const errs = validateFields(pod as unknown as Record<string, unknown>);
  if (errs.length === 0) return undefined;
  const agg = errs.length === 1 ? errs[0]!.message : `[${errs.map((e) => e.message).join(', ')}]`;
  return `Pod "${pod.metadata.name ?? ''}" is invalid: ${agg}`;
}

/** A controller that could not create a pod: its event's message, and the pod it tried. */
export interface FailedCreate {
  pod: string;
  /** The Warning FailedCreate event's message as the controller records it. */
  event: string;
  /** The object the event is recorded on, as kubectl describe takes it ("replicaset web-5d4f8c7b9"). */
  on: string;
  /** Refused by the Priority admission plugin (its class is missing, or the pod writes a priority). */
  priority?: true;
}

/**
 * The StatefulSet controller's FailedCreate event (stateful_pod_control.go recordPodEvent).
 *
 * @example
 * statefulSetFailedCreate('db', 'db-0', 'Pod "db-0" is invalid: …');
 * // 'create Pod db-0 in StatefulSet db failed error: Pod "db-0" is invalid: …'
 */
export function statefulSetFailedCreate(set: string, pod: string, error: string): string {
  return `create Pod ${pod} in StatefulSet ${set} failed error: ${error}`;
}

/**
 * The FailedCreate event of the controllers that create pods through controller_utils' PodControl
 * (ReplicaSet, DaemonSet, Job): `Error creating: <error>`.
 *
 * @example podControlFailedCreate('Pod "web-5d4f-abcde" is invalid: …'); // 'Error creating: Pod "web-5d4f-abcde" is invalid: …'
 */
export function podControlFailedCreate(error: string): string {
  return `Error creating: ${error}`;
}
