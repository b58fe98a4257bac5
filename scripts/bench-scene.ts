/**
 * Generated scenes for `npm run bench`: N Services, each selecting a Deployment of `podsPer` replicas,
 * split into files of at most 500 Services (the loader caps one source at 5 MB, as an editor tab would).
 */
export interface Source {
  file: string;
  text: string;
}

function pair(i: number, podsPer: number): string {
  const name = `app-${i}`;
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
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: default
spec:
  type: ${i % 10 === 0 ? 'NodePort' : 'ClusterIP'}
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

/** A scene of `services` Services and Deployments with `podsPer` pods each. */
export function generatedScene(services: number, podsPer = 10, perFile = 500): Source[] {
  const out: Source[] = [];
  for (let f = 0; f * perFile < services; f++) {
    const docs: string[] = [];
    for (let i = f * perFile; i < Math.min(services, (f + 1) * perFile); i++) docs.push(pair(i, podsPer));
    out.push({ file: `scene-${f}.yaml`, text: docs.join('---\n') });
  }
  return out;
}
