/**
 * Kubelet-side failures a student meets (issue 18): pods the API server accepts whose containers the kubelet
 * cannot create. runAsNonRoot with runAsUser 0, or with an image that runs as root (verifyRunAsNonRoot,
 * pkg/kubelet/kuberuntime/security_context_others.go), and an env reference to a ConfigMap, Secret or key the
 * scene does not have (makeEnvironmentVariables, pkg/kubelet/kubelet_pods.go): the container waits in
 * CreateContainerConfigError with the kubelet's message, the pod is Pending and not Ready, its endpoint is not
 * ready, `get pods` prints the reason as kubectl does, and `validate` says why with the kubelet's event text.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const deployment = (container: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: app
${container}
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
${extra}`;

function podLines(s: ReturnType<typeof scene>): string[] {
  return s
    .run('get pods')
    .stdout.split('\n')
    .filter((l) => l.startsWith('web-'));
}

describe('runAsNonRoot', () => {
  it('runAsUser 0: CreateContainerConfigError, Pending, not Ready, endpoint not ready', () => {
    const s = scene(
      deployment(`          image: nginx:1.27
          securityContext: { runAsNonRoot: true, runAsUser: 0 }`),
    );
    const lines = podLines(s);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^web-\S+ +0\/1 +CreateContainerConfigError +0 +\S+$/);
    const pod = s
      .json('get pods -o json')
      .items.find((p: { metadata: { name: string } }) => p.metadata.name.startsWith('web-'));
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.podIP).toMatch(/^10\.244\./);
    expect(pod.status.containerStatuses[0]).toMatchObject({
      name: 'app',
      ready: false,
      started: false,
      state: {
        waiting: {
          reason: 'CreateContainerConfigError',
          message: `container's runAsUser breaks non-root policy (pod: "${pod.metadata.name}_default(${pod.metadata.uid})", container: app)`,
        },
      },
    });
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
    const ep = s.json('get endpoints web -o json').items[0];
    expect(ep.subsets[0].addresses).toBeUndefined();
    expect(ep.subsets[0].notReadyAddresses).toHaveLength(2);
    const v = s.run('validate');
    expect(v.stdout + v.stderr).toContain(
      'Warning: scene.yaml:13:50: Deployment default/web: 2 pods of Deployment web stay Pending: the kubelet cannot create container app (CreateContainerConfigError), so the pod is not Ready and its endpoint is not ready. Event: Error: container\'s runAsUser breaks non-root policy (pod: "web-',
    );
  });

  it('an image that runs as root (nginx has no USER): "image will run as root"; a non-root image starts', () => {
    const root = scene(
      deployment(`          image: nginx:1.27
          securityContext: { runAsNonRoot: true }`),
    );
    const pod = root
      .json('get pods -o json')
      .items.find((p: { metadata: { name: string } }) => p.metadata.name.startsWith('web-'));
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe(
      `container has runAsNonRoot and image will run as root (pod: "${pod.metadata.name}_default(${pod.metadata.uid})", container: app)`,
    );
    const ok = scene(
      deployment(`          image: nginxinc/nginx-unprivileged:1.27
          securityContext: { runAsNonRoot: true }`),
    );
    for (const l of podLines(ok)) expect(l).toMatch(/ 1\/1 +Running /);
    const withUser = scene(
      deployment(`          image: nginx:1.27
          securityContext: { runAsNonRoot: true, runAsUser: 101 }`),
    );
    for (const l of podLines(withUser)) expect(l).toMatch(/ 1\/1 +Running /);
  });

  it("the pod's securityContext counts too, and an image with a named user cannot be checked", () => {
    const s = scene(`apiVersion: v1
kind: Pod
metadata: { name: prom }
spec:
  securityContext: { runAsNonRoot: true }
  containers: [{ name: prometheus, image: prom/prometheus:v3.0.0 }]
`);
    const pod = s.json('get pods prom -o json').items[0];
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe(
      `container has runAsNonRoot and image has non-numeric user (nobody), cannot verify user is non-root (pod: "prom_default(${pod.metadata.uid})", container: prometheus)`,
    );
  });
});

describe('env from a ConfigMap or Secret the scene lacks', () => {
  const env = `          image: nginx:1.27
          env:
            - name: MODE
              valueFrom: { configMapKeyRef: { name: web-config, key: mode } }`;

  it('a missing key: "couldn\'t find key … in ConfigMap …"', () => {
    const s = scene(
      deployment(
        env,
        `---
apiVersion: v1
kind: ConfigMap
metadata: { name: web-config }
data: { level: debug }
`,
      ),
    );
    for (const l of podLines(s)) expect(l).toMatch(/ 0\/1 +CreateContainerConfigError /);
    const pod = s
      .json('get pods -o json')
      .items.find((p: { metadata: { name: string } }) => p.metadata.name.startsWith('web-'));
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe(
      "couldn't find key mode in ConfigMap default/web-config",
    );
    const v = s
      .json('validate -o json')
      .diagnostics.find((d: { code: string }) => d.code === 'pod.createContainerConfigError');
    expect(v).toMatchObject({
      severity: 'warning',
      source: 'lint',
      kind: 'Deployment',
      field: 'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key',
    });
  });

  it('a missing ConfigMap or Secret, and what optional: true changes', () => {
    const s = scene(deployment(env));
    const pod = s
      .json('get pods -o json')
      .items.find((p: { metadata: { name: string } }) => p.metadata.name.startsWith('web-'));
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe('configmap "web-config" not found');
    const secret = scene(
      deployment(`          image: nginx:1.27
          envFrom: [{ secretRef: { name: db } }]`),
    );
    const p2 = secret
      .json('get pods -o json')
      .items.find((p: { metadata: { name: string } }) => p.metadata.name.startsWith('web-'));
    expect(p2.status.containerStatuses[0].state.waiting.message).toBe('secret "db" not found');
    const optional = scene(
      deployment(`          image: nginx:1.27
          env:
            - name: MODE
              valueFrom: { configMapKeyRef: { name: web-config, key: mode, optional: true } }`),
    );
    for (const l of podLines(optional)) expect(l).toMatch(/ 1\/1 +Running /);
  });

  it('the key present (in a later apply: the kubelet retries until it can): the pods run', () => {
    const s = scene([
      deployment(env),
      `apiVersion: v1
kind: ConfigMap
metadata: { name: web-config }
data: { mode: prod }
`,
    ]);
    for (const l of podLines(s)) expect(l).toMatch(/ 1\/1 +Running /);
  });
});
