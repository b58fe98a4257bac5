/**
 * Generated scenes for `npm run bench`: N Services, each selecting a Deployment of `podsPer` replicas,
 * split into files of at most 500 Services (the loader caps one source at 5 MB, as an editor tab would).
 * The Deployments are shared once the scene would pass svclab's pod limit (LIMITS.pods): Service i
 * selects Deployment i mod D, so every Service still has `podsPer` endpoints (kube-proxy writes as many
 * rules as with one Deployment each) while the scene stays one svclab simulates — a bench over a scene
 * svclab refuses would measure its limit diagnostics, not its work.
 */
import { LIMITS } from '../src/engine/cluster/limits';

export interface Source {
  file: string;
  text: string;
}

function deployment(name: string, podsPer: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: default
  labels:
    app: ${name}
spec:
  replicas: ${podsPer}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: backend
    spec:
      containers:
        - name: web
          image: registry.k8s.io/e2e-test-images/agnhost:2.52
          args: ["netexec", "--http-port=8080"]
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
`;
}

function service(i: number, app: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: default
spec:
  type: ${i % 10 === 0 ? 'NodePort' : 'ClusterIP'}
  selector:
    app: ${app}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

/** How many Deployments a scene of `services` Services has: one each, up to the pod limit. */
export function deploymentsFor(services: number, podsPer: number): number {
  return Math.max(1, Math.min(services, Math.floor(LIMITS.pods / podsPer)));
}

/**
 * A scene of `services` Services, each selecting a Deployment of `podsPer` pods (Deployment i for
 * Service i while the pod limit allows, then shared).
 *
 * @example
 * generatedScene(10_000, 10); // 10,000 Services over 200 Deployments of 10 pods: 2,000 pods
 */
export function generatedScene(services: number, podsPer = 10, perFile = 500): Source[] {
  const deployments = deploymentsFor(services, podsPer);
  const out: Source[] = [];
  for (let f = 0; f * perFile < services; f++) {
    const docs: string[] = [];
    for (let i = f * perFile; i < Math.min(services, (f + 1) * perFile); i++) {
      if (i < deployments) docs.push(deployment(`app-${i}`, podsPer));
      docs.push(service(i, `app-${i % deployments}`));
    }
    out.push({ file: `scene-${f}.yaml`, text: docs.join('---\n') });
  }
  return out;
}
