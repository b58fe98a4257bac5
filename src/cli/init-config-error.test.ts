/**
 * An init container the kubelet cannot create (a missing ConfigMap or Secret, as c60a184 did for app
 * containers): init containers start one at a time, so the pod stops at it. kubectl shows
 * Init:CreateContainerConfigError, the pod has its IP but is Pending and not Ready (Initialized False), and
 * svclab warns on the Deployment at the init container's field. Before, the init container's reference
 * was not checked and the pod ran.
 */
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './cli.test-helper';

const tmp = tempDir('svclab-init-config-');
const scene = (config = '') =>
  tmp.file(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - { name: wait, image: busybox, command: [sh, -c, "true"] }
        - name: migrate
          image: busybox
          env:
            - name: DB
              valueFrom: { configMapKeyRef: { name: db-config, key: url } }
      containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
${config}`);

const CONFIG = `---
apiVersion: v1
kind: ConfigMap
metadata: { name: db-config }
data: { url: "postgres://db" }
`;

describe('an init container whose ConfigMap is missing', () => {
  it('get pods: 0/1 Init:CreateContainerConfigError', async () => {
    const r = await run('-f', scene(), 'get', 'pods');
    expect(r.out).toMatch(/\nweb-\w+-\w+ +0\/1 +Init:CreateContainerConfigError +0 +0s\n$/);
  });
  it('the status: earlier init container completed, this one waiting with the kubelet’s message, app container PodInitializing', async () => {
    const pod = (
      JSON.parse((await run('-f', scene(), 'get', 'pods', '-o', 'json')).out) as {
        items: {
          status: {
            phase: string;
            podIP?: string;
            conditions: { type: string; status: string; message?: string }[];
            initContainerStatuses: {
              name: string;
              state: Record<string, { reason?: string; message?: string }>;
            }[];
            containerStatuses: { state: Record<string, { reason?: string }> }[];
          };
        }[];
      }
    ).items[0]!.status;
    expect(pod.phase).toBe('Pending');
    expect(pod.podIP).toMatch(/^10\.244\./);
    expect(pod.initContainerStatuses.map((s) => [s.name, Object.keys(s.state)[0]])).toEqual([
      ['wait', 'terminated'],
      ['migrate', 'waiting'],
    ]);
    expect(pod.initContainerStatuses[1]!.state.waiting).toEqual({
      message: 'configmap "db-config" not found',
      reason: 'CreateContainerConfigError',
    });
    expect(pod.containerStatuses[0]!.state.waiting!.reason).toBe('PodInitializing');
    const initialized = pod.conditions.find((c) => c.type === 'Initialized')!;
    expect([initialized.status, initialized.message]).toEqual([
      'False',
      'containers with incomplete status: [migrate]',
    ]);
    expect(pod.conditions.find((c) => c.type === 'Ready')!.status).toBe('False');
  });
  it('its endpoint is not ready, and validate warns at the init container’s env (en, ko)', async () => {
    const file = scene();
    const slices = JSON.parse((await run('-f', file, 'get', 'endpointslices', '-o', 'json')).out) as {
      items: {
        metadata: { labels: Record<string, string> };
        endpoints: { conditions: { ready: boolean } }[];
      }[];
    };
    const web = slices.items.find((s) => s.metadata.labels['kubernetes.io/service-name'] === 'web')!;
    expect(web.endpoints.map((e) => e.conditions.ready)).toEqual([false]);
    const en = await run('-f', file, 'validate');
    expect(en.err).toContain(
      `${file}:16:28: Deployment default/web: 1 pod of Deployment web stays Pending: the kubelet cannot create init container migrate (CreateContainerConfigError), so no app container starts`,
    );
    expect(en.err).toContain('Event: Error: configmap "db-config" not found');
    const ko = await run('--lang', 'ko', '-f', file, 'validate');
    expect(ko.err).toContain(
      'kubelet이 migrate 초기화 컨테이너를 만들지 못해(CreateContainerConfigError) 앱 컨테이너는 하나도 시작되지 않고',
    );
  });
  it('with the ConfigMap the pod runs and is ready', async () => {
    const r = await run('-f', scene(CONFIG), 'get', 'pods');
    expect(r.out).toMatch(/\nweb-\w+-\w+ +1\/1 +Running +0 +0s\n$/);
  });
});
