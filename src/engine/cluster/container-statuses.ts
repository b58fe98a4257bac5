/**
 * The container statuses the kubelet reports for a pod: `status.containerStatuses` for the app containers
 * and `status.initContainerStatuses` for the init containers, as `kubectl get pod -o yaml` shows them.
 *
 * Once a pod runs, a plain init container has exited 0 (terminated, reason Completed, ready: the prober
 * manager marks an init container that exited 0 ready) and a sidecar (an init container with
 * `restartPolicy: Always`) runs beside the app containers: started, ready when its readiness probe passes
 * (prober_manager.go UpdatePodStatus). Before the sandbox exists every container waits, with the reason
 * PodInitializing when the pod has init containers and ContainerCreating otherwise (the kubelet's
 * convertToAPIContainerStatuses default), which kubectl prints as `Init:0/N` and `ContainerCreating`.
 *
 * @example
 * initContainerStatuses(pod.spec.initContainers, 'Running', t, () => true);
 * // [{ name: "setup", ready: true, started: false, state: { terminated: { exitCode: 0, reason: "Completed", … } } },
 * //  { name: "proxy", ready: true, started: true, state: { running: { startedAt: t } } }]
 */
import type { Container } from '../k8s/objects';

export interface ContainerStatus {
  name: string;
  ready: boolean;
}

/** A sidecar: an init container that keeps running for the pod's lifetime (podutil.IsRestartableInitContainer). */
export const isSidecar = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

/** The statuses of the app containers, in the pod's phase; `readyOf` says which are ready. */
export function containerStatuses(
  containers: Container[],
  phase: string | undefined,
  time: string,
  readyOf: (name: string) => boolean,
  hasInit = false,
): ContainerStatus[] {
  const running = phase === 'Running';
  // A Pending pod on a node is still creating its containers (kubectl shows ContainerCreating).
  const state = running
    ? { running: { startedAt: time } }
    : phase === 'Pending'
      ? { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } }
      : { terminated: { exitCode: 0, reason: 'Completed' } };
  return containers.map((c) => ({
    name: c.name,
    image: c.image ?? '',
    imageID: '',
    ready: readyOf(c.name),
    restartCount: 0,
    started: running,
    state,
  }));
}

/**
 * The statuses of the init containers, in spec order: in a running pod a plain init container has
 * completed and a sidecar runs (ready as `readyOf` says); in a Pending pod without a sandbox every one
 * waits (PodInitializing); in a finished pod every one has terminated (the kubelet stops the sidecars once
 * the app containers exit).
 */
export function initContainerStatuses(
  inits: Container[],
  phase: string | undefined,
  time: string,
  readyOf: (name: string) => boolean,
): ContainerStatus[] {
  const completed = { terminated: { exitCode: 0, reason: 'Completed', startedAt: time, finishedAt: time } };
  return inits.map((c) => {
    const sidecar = isSidecar(c);
    const running = phase === 'Running' && sidecar;
    const waiting = phase === 'Pending';
    return {
      name: c.name,
      image: c.image ?? '',
      imageID: '',
      ready: running ? readyOf(c.name) : !sidecar && !waiting,
      restartCount: 0,
      started: running,
      state: running
        ? { running: { startedAt: time } }
        : waiting
          ? { waiting: { reason: 'PodInitializing' } }
          : completed,
    };
  });
}
