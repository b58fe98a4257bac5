/**
 * Validation the API server does on pods that svclab now does too (issue 18, validation walk), through the
 * `validate` command, each rule with a manifest the API server accepts and one it refuses, in kubectl's
 * words: volumes (pkg/apis/core/validation ValidateVolumes, validateVolumeSource, ValidateVolumeMounts),
 * security contexts, affinity and topology spread constraints, and an HPA's behavior
 * (pkg/apis/autoscaling/validation validateBehavior).
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { runCommand } from '../commands/run';
import type { CommandEnv } from '../commands/types';
import { scene } from '../testing/scene';
import { createWorld } from '../world';

function validate(yaml: string): { code: number; lines: string[] } {
  const built = buildCluster([{ file: 'scene.yaml', text: yaml }], { seed: 1 });
  const env: CommandEnv = {
    cluster: built.cluster,
    world: createWorld(1),
    diagnostics: built.diagnostics,
    json: false,
    lang: 'en',
  };
  const r = runCommand('validate', env);
  const lines = (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => l.startsWith('* ') || l.startsWith('The '))
    .map((l) => l.replace(/^\* /, ''));
  return { code: r.exitCode, lines };
}

const pod = (spec: string): string => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
${spec}`;

const APP = `  containers:
    - name: app
      image: nginx:1.27
`;

describe('volumes and volumeMounts', () => {
  it('a volume per source, named by a DNS-1123 label, each mount naming one: accepted', () => {
    const r = validate(
      pod(`  volumes:
    - { name: data, emptyDir: {} }
    - { name: cfg, configMap: { name: web-config, items: [{ key: nginx.conf, path: nginx.conf }] } }
    - { name: certs, secret: { secretName: web-tls, defaultMode: 0400 } }
    - { name: logs, hostPath: { path: /var/log/web, type: DirectoryOrCreate } }
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
        - { name: data, mountPath: /usr/share/nginx/html }
        - { name: cfg, mountPath: /etc/nginx/conf.d, readOnly: true }
        - { name: certs, mountPath: /etc/tls, readOnly: true, recursiveReadOnly: Enabled }
        - { name: logs, mountPath: /var/log/nginx, subPath: web }
`),
    );
    expect(r).toEqual({ code: 0, lines: [] });
  });

  it('more than one source, a bad or repeated name, a mount of a missing volume, a repeated mountPath', () => {
    const r = validate(
      pod(`  volumes:
    - { name: data, emptyDir: {}, persistentVolumeClaim: { claimName: data } }
    - { name: Cache, emptyDir: {} }
    - { name: cfg, configMap: { name: web-config } }
    - { name: cfg, secret: { secretName: web-tls } }
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
        - { name: data, mountPath: /data }
        - { name: cfg, mountPath: /data }
        - { name: logs, mountPath: "" }
`),
    );
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'The Pod "web" is invalid: ',
      'spec.volumes[0].persistentVolumeClaim: Forbidden: may not specify more than 1 volume type',
      `spec.volumes[1].name: Invalid value: "Cache": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      'spec.volumes[3].name: Duplicate value: "cfg"',
      // The volume that failed is not there to mount ("data"); the first "cfg" passed.
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
      'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
      'spec.containers[0].volumeMounts[2].name: Not found: "logs"',
      'spec.containers[0].volumeMounts[2].mountPath: Required value',
    ]);
  });

  it("each source's required fields, file modes, local paths; the mounts' subPath and propagation", () => {
    const r = validate(
      pod(`  volumes:
    - { name: a, secret: { defaultMode: 1000 } }
    - { name: b, configMap: { name: c, items: [{ key: k, path: ../etc/passwd }] } }
    - { name: c, persistentVolumeClaim: { claimName: "" } }
    - { name: d, hostPath: { path: /srv, type: Folder } }
    - { name: e, nfs: { server: nfs.example.com, path: exports } }
    - { name: f, emptyDir: {} }
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
        - { name: f, mountPath: /e, subPath: /abs, mountPropagation: Bidirectional }
        - { name: f, mountPath: /f, readOnly: false, recursiveReadOnly: Enabled }
`),
    );
    expect(r.lines.slice(1)).toEqual([
      'spec.volumes[0].secret.secretName: Required value',
      'spec.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
      `spec.volumes[1].configMap.items[0].path: Invalid value: "../etc/passwd": must not contain '..'`,
      'spec.volumes[2].persistentVolumeClaim.claimName: Required value',
      'spec.volumes[3].hostPath.type: Unsupported value: "Folder": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      'spec.volumes[4].nfs.path: Invalid value: "exports": must be an absolute path',
      // Said at the list's field, without the mount's index, as the API server says it.
      'spec.containers[0].volumeMounts.subPath: Invalid value: "/abs": must be a relative path',
      'spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers',
      'spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true',
    ]);
  });
});

describe('security contexts', () => {
  it('IDs in range, a known seccomp profile type, fsGroupChangePolicy from its enum: accepted', () => {
    const r = validate(
      pod(`  securityContext:
    runAsNonRoot: true
    runAsUser: 101
    fsGroup: 101
    fsGroupChangePolicy: OnRootMismatch
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: nginxinc/nginx-unprivileged:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: { drop: [ALL], add: [NET_BIND_SERVICE, NOT_A_CAPABILITY] }
        seccompProfile: { type: Localhost, localhostProfile: profiles/audit.json }
`),
    );
    // Capability names are not checked by the API server (the container runtime refuses unknown ones).
    expect(r).toEqual({ code: 0, lines: [] });
  });

  it('refused: IDs out of range, seccomp type, Localhost without a profile, hostPID with shareProcessNamespace', () => {
    const r = validate(
      pod(`  hostPID: true
  shareProcessNamespace: true
  securityContext:
    runAsUser: -1
    supplementalGroups: [1000, 4294967296]
    fsGroupChangePolicy: Sometimes
    seccompProfile: { type: Default }
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsGroup: 2147483648
        seccompProfile: { type: Localhost }
`),
    );
    expect(r.lines.slice(1)).toEqual([
      'spec.containers[0].securityContext.runAsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive',
      'spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost',
      'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
      'spec.securityContext.supplementalGroups[1]: Invalid value: 4294967296: must be between 0 and 2147483647, inclusive',
      'spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
      'spec.securityContext.fsGroupChangePolicy: Unsupported value: "Sometimes": supported values: "Always", "OnRootMismatch"',
      'spec.securityContext.seccompProfile.type: Unsupported value: "Default": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    ]);
  });

  it('runAsNonRoot with runAsUser 0 is accepted by the API server (the kubelet refuses to start it)', () => {
    const r = validate(
      pod(`  securityContext: { runAsNonRoot: true, runAsUser: 0 }
${APP}`),
    );
    expect(r).toEqual({ code: 0, lines: [] });
  });
});

describe('affinity and topology spread constraints', () => {
  it('accepted: node affinity, weighted pod anti-affinity, a zone spread', () => {
    const r = validate(
      pod(`  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions: [{ key: kubernetes.io/os, operator: In, values: [linux] }]
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          podAffinityTerm:
            topologyKey: kubernetes.io/hostname
            labelSelector: { matchLabels: { app: web } }
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: ScheduleAnyway
      labelSelector: { matchExpressions: [{ key: app, operator: Exists }] }
${APP}`),
    );
    expect(r).toEqual({ code: 0, lines: [] });
  });

  it('refused: empty terms, operators, weights, a missing topologyKey, spread enums and repeats', () => {
    const r = validate(
      pod(`  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] }
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 0
          preference: { matchExpressions: [{ key: disk, operator: Gt, values: ["1", "2"] }] }
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - labelSelector: { matchExpressions: [{ key: app, operator: In }] }
          topologyKey: ""
  topologySpreadConstraints:
    - { maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule }
    - { maxSkew: 1, topologyKey: "", whenUnsatisfiable: Sometimes, minDomains: 2 }
    - { maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, nodeTaintsPolicy: Maybe }
${APP}`),
    );
    const name = (v: string) =>
      `${v}name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
    const key = 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';
    expect(r.lines.slice(1)).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
      `${key}.labelSelector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
      `${key}.topologyKey: Required value: can not be empty`,
      `${key}.topologyKey: Invalid value: "": name part must be non-empty`,
      name(`${key}.topologyKey: Invalid value: "": `),
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
      'spec.topologySpreadConstraints[1].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[1].whenUnsatisfiable: Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"',
      'spec.topologySpreadConstraints[1].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not Sometimes',
      'spec.topologySpreadConstraints[2].nodeTaintsPolicy: Unsupported value: "Maybe": supported values: "Honor", "Ignore"',
    ]);
  });

  it("a Deployment's template is checked the same way, at spec.template.spec", () => {
    const r = validate(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      volumes: [{ name: html, emptyDir: {} }]
      containers:
        - name: app
          image: nginx:1.27
          volumeMounts: [{ name: www, mountPath: /usr/share/nginx/html }]
`);
    expect(r.lines).toEqual([
      'The Deployment "web" is invalid: spec.template.spec.containers[0].volumeMounts[0].name: Not found: "www"',
    ]);
  });
});

describe('HorizontalPodAutoscaler behavior', () => {
  const hpa = (behavior: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 60 } } }]
  behavior:
${behavior}`;

  it('accepted: a scale-down window and policies, a scale-up without policies (defaulted)', () => {
    const r = validate(
      hpa(`    scaleDown:
      stabilizationWindowSeconds: 300
      selectPolicy: Min
      policies: [{ type: Percent, value: 10, periodSeconds: 60 }, { type: Pods, value: 2, periodSeconds: 1800 }]
    scaleUp: { stabilizationWindowSeconds: 0 }
`),
    );
    expect(r).toEqual({ code: 0, lines: [] });
  });

  it('refused: policy type, value and period, the window, selectPolicy, an empty policy list', () => {
    const r = validate(
      hpa(`    scaleUp:
      stabilizationWindowSeconds: 3601
      selectPolicy: Average
      policies: [{ type: Replicas, value: 0, periodSeconds: 1801 }, { type: Pods, value: 4, periodSeconds: 0 }]
    scaleDown: { stabilizationWindowSeconds: -1, policies: [] }
`),
    );
    expect(r.lines.slice(1)).toEqual([
      'spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 3601: must be less than or equal to 3600',
      'spec.behavior.scaleUp.selectPolicy: Unsupported value: "Average": supported values: "Disabled", "Max", "Min"',
      'spec.behavior.scaleUp.policies[0].type: Unsupported value: "Replicas": supported values: "Percent", "Pods"',
      'spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero',
      'spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800',
      'spec.behavior.scaleUp.policies[1].periodSeconds: Invalid value: 0: must be greater than zero',
      'spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero',
      'spec.behavior.scaleDown.policies: Required value: must specify at least one Policy',
    ]);
  });
});

describe("a StatefulSet's claim templates", () => {
  it('each pod gets a volume per volumeClaimTemplate claiming <template>-<set>-<ordinal> (updateStorage)', () => {
    const s = scene(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 2
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      volumes: [{ name: data, emptyDir: {} }, { name: run, emptyDir: {} }]
      containers:
        - name: db
          image: postgres:17
          volumeMounts: [{ name: data, mountPath: /var/lib/postgresql/data }, { name: run, mountPath: /run }]
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`);
    const volumes = (s.json('get pods -o json').items as { spec: { volumes: unknown[] } }[]).map(
      (p) => p.spec.volumes,
    );
    expect(volumes).toEqual([
      [
        { name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } },
        { name: 'run', emptyDir: {} },
      ],
      [
        { name: 'data', persistentVolumeClaim: { claimName: 'data-db-1' } },
        { name: 'run', emptyDir: {} },
      ],
    ]);
  });
});
