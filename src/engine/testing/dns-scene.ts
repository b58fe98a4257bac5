/**
 * A built cluster for the discovery command tests: the seeds' scene (a LoadBalancer youtube-service, a
 * headless mongo-service with three pods) plus a client pod created before a Service it will not see: the
 * Service db is applied by a second kubectl apply (its own file), after the pod's containers started.
 */
import { buildCluster } from '../build';
import type { Pod } from '../k8s/objects';
import { createWorld } from '../world';
import type { CommandEnv } from '../commands/types';

export const SCENE = `apiVersion: v1
kind: Namespace
metadata: { name: youtube }
---
apiVersion: v1
kind: Namespace
metadata: { name: mongo }
---
apiVersion: v1
kind: Service
metadata: { name: youtube-service, namespace: youtube }
spec:
  type: LoadBalancer
  selector: { app: youtube }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: youtube, namespace: youtube }
spec:
  replicas: 2
  selector: { matchLabels: { app: youtube } }
  template:
    metadata: { labels: { app: youtube } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: mongo-service, namespace: mongo }
spec:
  clusterIP: None
  selector: { app: mongo }
  ports: [{ name: mongo, port: 27017 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: mongo, namespace: mongo }
spec:
  replicas: 3
  selector: { matchLabels: { app: mongo } }
  template:
    metadata: { labels: { app: mongo } }
    spec: { containers: [{ name: mongo, image: mongo, ports: [{ containerPort: 27017 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: dnsutils, namespace: default }
spec:
  containers:
    - name: dnsutils
      image: registry.k8s.io/e2e-test-images/agnhost:2.39
      env: [{ name: GREETING, value: "db at $(DB_SERVICE_HOST)" }]
`;

/** The second apply: a Service the pod dnsutils, started by the first, does not see in its environment. */
export const LATER = `apiVersion: v1
kind: Service
metadata: { name: db, namespace: default }
spec:
  selector: { app: db }
  ports: [{ port: 5432 }]
`;

export function sceneEnv(json = false): { env: CommandEnv; pod: (name: string) => Pod } {
  const { cluster, diagnostics } = buildCluster(
    [
      { file: 'scene.yaml', text: SCENE },
      { file: 'db.yaml', text: LATER },
    ],
    { seed: 1 },
  );
  const env: CommandEnv = { cluster, world: createWorld(1), diagnostics, json, lang: 'en' };
  const pod = (name: string) => {
    const p = cluster.pods.find((x) => x.metadata.name === name || x.metadata.name?.startsWith(`${name}-`));
    if (!p) throw new Error(`no pod ${name}`);
    return p;
  };
  return { env, pod };
}
