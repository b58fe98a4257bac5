/**
 * Small object builders for the cluster tests (not used by the engine itself).
 *
 * @example
 * pod('web-1', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
 */
import type { ContainerPort, Pod, Service, ServicePort } from '../k8s/objects';

export function pod(
  name: string,
  labels: Record<string, string>,
  ports: ContainerPort[] = [{ containerPort: 8080 }],
  extra: Partial<Pod['spec']> = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'app', image: 'nginx', ports }], ...extra },
  };
}

export function service(
  name: string,
  selector: Record<string, string> | undefined,
  ports: ServicePort[] = [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
  extra: Partial<Service['spec']> = {},
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { type: 'ClusterIP', ...(selector ? { selector } : {}), ports, ...extra },
  };
}
