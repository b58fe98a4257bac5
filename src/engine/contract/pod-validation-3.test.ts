/**
 * The third pass of the validation walk (issue 18): the pod spec rules the API server applies that svclab
 * lacked, through the `validate` command, each with a manifest it accepts and one it refuses, in kubectl's
 * words: AppArmor profiles, procMount, sysctls, supplementalGroupsPolicy and seLinuxChangePolicy
 * (validatePodSpecSecurityContext, ValidateSecurityContext, ValidateAppArmorProfileField), resizePolicy
 * (validateResizePolicy), env and envFrom sources (validateEnvVarValueFrom, ValidateEnvFrom), probe headers
 * (validateHTTPGetAction), matchLabelKeys and mismatchLabelKeys (validateMatchLabelKeysInTopologySpread,
 * validateMatchLabelKeysAndMismatchLabelKeys), readiness and scheduling gates, hostUsers, hostAliases,
 * runtimeClassName, preemptionPolicy, the pod's os (validateOS, validateLinux, validateWindows), the pod
 * annotations the API server reads (ValidatePodSpecificAnnotations) and ValidatePodCreate's own checks.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { runCommand } from '../commands/run';
import type { CommandEnv } from '../commands/types';
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

const pod = (spec: string, meta = ''): string => `apiVersion: v1
kind: Pod
metadata:
  name: web${meta}
spec:
${spec}`;

const NEVER_CLASS = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: no-preempt }
value: 100
preemptionPolicy: Never
---
`;

const APP = `  containers:
    - name: app
      image: nginx:1.27
`;

describe('security contexts: AppArmor, procMount, sysctls, group and SELinux policies', () => {
  it('accepted when written as the API server wants them', () => {
    const r = validate(
      pod(`  hostUsers: false
  securityContext:
    appArmorProfile: { type: RuntimeDefault }
    sysctls: [{ name: net.core.somaxconn, value: "1024" }, { name: kernel/shm_rmid_forced, value: "1" }]
    supplementalGroupsPolicy: Strict
    seLinuxChangePolicy: MountOption
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: Unmasked
        appArmorProfile: { type: Localhost, localhostProfile: k8s-nginx }
`),
    );
    expect(r).toEqual({ code: 0, lines: [] });
  });

  it('refused in its words', () => {
    const r = validate(
      pod(`  securityContext:
    appArmorProfile: { type: Localhost }
    sysctls: [{ name: net.core.somaxconn, value: "1" }, { name: "Bad!", value: "1" }, { name: net.core.somaxconn, value: "2" }]
    supplementalGroupsPolicy: Loose
    seLinuxChangePolicy: Sometimes
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: Unmasked
        appArmorProfile: { type: RuntimeDefault, localhostProfile: x }
    - name: side
      image: nginx:1.27
      securityContext:
        procMount: Hidden
        appArmorProfile: { type: Weird }
`),
    );
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'The Pod "web" is invalid: ',
      'spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
      'spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost',
      'spec.containers[1].securityContext.procMount: Unsupported value: "Hidden": supported values: "Default", "Unmasked"',
      'spec.containers[1].securityContext.appArmorProfile.type: Unsupported value: "Weird": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
      `spec.securityContext.sysctls[0].name: Invalid value: "net.core.somaxconn": may not be specified when 'hostNetwork' is true`,
      'spec.securityContext.sysctls[1].name: Invalid value: "Bad!": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$',
      'spec.securityContext.sysctls[2].name: Duplicate value: "net.core.somaxconn"',
      `spec.securityContext.sysctls[2].name: Invalid value: "net.core.somaxconn": may not be specified when 'hostNetwork' is true`,
      'spec.securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost',
      'spec.securityContext.supplementalGroupsPolicy: Unsupported value: "Loose": supported values: "Merge", "Strict"',
      'spec.securityContext.seLinuxChangePolicy: Unsupported value: "Sometimes": supported values: "MountOption", "Recursive"',
    ]);
  });
});

describe('containers: resizePolicy, env and envFrom sources, probe headers', () => {
  it('accepted when written as the API server wants them', () => {
    const r = validate(
      pod(`  containers:
    - name: app
      image: nginx:1.27
      resizePolicy: [{ resourceName: cpu, restartPolicy: NotRequired }, { resourceName: memory, restartPolicy: RestartContainer }]
      env:
        - { name: POD_IP, valueFrom: { fieldRef: { fieldPath: status.podIP } } }
        - { name: APP, valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }
        - { name: CPU, valueFrom: { resourceFieldRef: { resource: limits.cpu, divisor: 1m } } }
        - { name: MODE, valueFrom: { configMapKeyRef: { name: web-config, key: mode } } }
      envFrom: [{ prefix: WEB_, configMapRef: { name: web-config } }, { secretRef: { name: web-secret } }]
      readinessProbe: { httpGet: { path: /, port: 80, httpHeaders: [{ name: X-Probe, value: "1" }] } }
`),
    );
    expect(r.lines.filter((l) => l.includes('is invalid'))).toEqual([]);
  });

  it('refused in its words', () => {
    const r = validate(
      pod(`  restartPolicy: Never
  containers:
    - name: app
      image: nginx:1.27
      resizePolicy:
        - { resourceName: cpu, restartPolicy: RestartContainer }
        - { resourceName: cpu, restartPolicy: NotRequired }
        - { resourceName: gpu, restartPolicy: Sometimes }
      env:
        - { name: A, valueFrom: { fieldRef: { fieldPath: status.phase } } }
        - { name: C, valueFrom: { fieldRef: { fieldPath: spec.nothing } } }
        - { name: D, valueFrom: { resourceFieldRef: { resource: limits.gpu } } }
        - { name: E, valueFrom: { configMapKeyRef: { name: Web_Config, key: "a b" } } }
        - { name: F, valueFrom: { resourceFieldRef: { resource: limits.cpu, divisor: 2m } } }
      envFrom:
        - { prefix: "A=", configMapRef: { name: web-config- } }
        - { }
      readinessProbe:
        httpGet: { path: /, port: 80, httpHeaders: [{ name: "X Bad", value: "1" }] }
`),
    );
    expect(r.lines).toEqual([
      'The Pod "web" is invalid: ',
      'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "spec.nothing": error converting fieldPath: field label not supported: spec.nothing',
      'spec.containers[0].env[2].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
      `spec.containers[0].env[3].valueFrom.configMapKeyRef.name: Invalid value: "Web_Config": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      `spec.containers[0].env[3].valueFrom.configMapKeyRef.key: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      'spec.containers[0].env[4].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor\'s values 1m and 1 are supported with the cpu resource',
      `spec.containers[0].envFrom[0].prefix: Invalid value: "A=": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
      `spec.containers[0].resizePolicy: Invalid value: "RestartContainer": must be 'NotRequired' when \`restartPolicy\` is 'Never'`,
      'spec.containers[0].resizePolicy[1]: Duplicate value: "cpu"',
      'spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"',
      'spec.containers[0].resizePolicy: Unsupported value: "Sometimes": supported values: "NotRequired", "RestartContainer"',
      `spec.containers[0].resizePolicy: Invalid value: "Sometimes": must be 'NotRequired' when \`restartPolicy\` is 'Never'`,
      `spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: "X Bad": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')`,
    ]);
  });
});

describe('matchLabelKeys and mismatchLabelKeys', () => {
  it('accepted beside a labelSelector that does not name them', () => {
    const r = validate(
      pod(`  topologySpreadConstraints:
    - { maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } }, matchLabelKeys: [pod-template-hash] }
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - { topologyKey: kubernetes.io/hostname, labelSelector: { matchLabels: { app: web } }, matchLabelKeys: [version], mismatchLabelKeys: [tenant] }
${APP}`),
    );
    expect(r).toEqual({ code: 0, lines: [] });
  });

  it('refused in its words', () => {
    const r = validate(
      pod(
        `  topologySpreadConstraints:
    - { maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } }, matchLabelKeys: [app] }
    - { maxSkew: 1, topologyKey: node, whenUnsatisfiable: DoNotSchedule, matchLabelKeys: [version] }
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - topologyKey: kubernetes.io/hostname
          labelSelector: { matchLabels: { app: web }, matchExpressions: [{ key: app, operator: Exists }] }
          matchLabelKeys: [version, app]
          mismatchLabelKeys: [version]
        - { topologyKey: kubernetes.io/hostname, mismatchLabelKeys: [tenant] }
${APP}`,
        // The API server merges matchLabelKeys into the selectors before it validates (PrepareForCreate):
        // the pod's label app=web becomes "app In [web]", which meets the matchLabels the user wrote.
        '\n  labels: { app: web }',
      ),
    );
    const at = 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution';
    expect(r.lines).toEqual([
      'The Pod "web" is invalid: ',
      `${at}[0][1]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`,
      `${at}[0].matchLabelKeys[0]: Invalid value: "version": exists in both matchLabelKeys and mismatchLabelKeys`,
      `${at}[1].mismatchLabelKeys: Forbidden: must not be specified when labelSelector is not set`,
      'spec.topologySpreadConstraints[0][0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector',
      'spec.topologySpreadConstraints[1].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set',
    ]);
  });
});

describe('gates, hostUsers, hostAliases, runtimeClassName, preemptionPolicy, os, annotations, create', () => {
  it('accepted when written as the API server wants them', () => {
    // A pod may write preemptionPolicy only as its PriorityClass has it (the Priority admission plugin).
    const r = validate(
      NEVER_CLASS +
        pod(
          `  readinessGates: [{ conditionType: example.com/ready }]
  schedulingGates: [{ name: example.com/wait }]
  hostAliases: [{ ip: 10.0.0.9, hostnames: [db.local] }]
  runtimeClassName: gvisor
  priorityClassName: no-preempt
  preemptionPolicy: Never
  os: { name: linux }
  securityContext: { seccompProfile: { type: RuntimeDefault } }
${APP}`,
          `
  annotations:
    controller.kubernetes.io/pod-deletion-cost: "-5"
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
    container.apparmor.security.beta.kubernetes.io/app: runtime/default`,
        ),
    );
    expect(r).toEqual({ code: 0, lines: [] });
  });

  it('refused in its words', () => {
    const r = validate(
      pod(
        `  hostUsers: false
  hostNetwork: true
  hostPID: true
  nodeName: node-1
  readinessGates: [{ conditionType: "bad gate" }]
  schedulingGates: [{ name: example.com/wait }, { name: example.com/wait }]
  hostAliases: [{ ip: 10.0.0.300, hostnames: [db] }]
  preemptionPolicy: Sometimes
  os: { name: linux }
  securityContext: { windowsOptions: { runAsUserName: x } }
  ephemeralContainers: [{ name: debug, image: busybox }]
${APP}`,
        `
  annotations:
    controller.kubernetes.io/pod-deletion-cost: "+10"
    seccomp.security.alpha.kubernetes.io/pod: default
    container.apparmor.security.beta.kubernetes.io/sidecar: runtime/default
    container.apparmor.security.beta.kubernetes.io/app: bogus`,
      ),
    );
    const labelMsg =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    expect(r.lines).toEqual([
      'The Pod "web" is invalid: ',
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer',
      'metadata.annotations.seccomp.security.alpha.kubernetes.io/pod: Invalid value: "default": must be a valid seccomp profile',
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/sidecar]: Invalid value: "sidecar": container not found',
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: Invalid value: "bogus": invalid AppArmor profile name: "bogus"',
      `spec.readinessGates[0].conditionType: Invalid value: "bad gate": ${labelMsg}`,
      'spec.schedulingGates[1]: Duplicate value: "example.com/wait"',
      'spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false',
      'spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false',
      'spec.hostAliases[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'spec.preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
      'spec.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod',
      'spec.ephemeralContainers: Forbidden: cannot be set on create',
      'spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared',
    ]);
  });

  it("a Windows pod's Linux settings, an unknown os, annotations that disagree with the fields", () => {
    const windows = validate(
      pod(`  os: { name: windows }
  hostPID: true
  securityContext: { runAsUser: 1000, seccompProfile: { type: RuntimeDefault } }
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { privileged: false, procMount: Default }
`),
    );
    expect(windows.lines).toEqual([
      'The Pod "web" is invalid: ',
      'spec.hostPID: Forbidden: cannot be set for a windows pod',
      'spec.securityContext.seccompProfile: Forbidden: cannot be set for a windows pod',
      'spec.securityContext.runAsUser: Forbidden: cannot be set for a windows pod',
      'spec.containers[0].securityContext.privileged: Forbidden: cannot be set for a windows pod',
      'spec.containers[0].securityContext.procMount: Forbidden: cannot be set for a windows pod',
    ]);
    const mac = validate(
      pod(
        `  os: { name: mac }
  securityContext: { seccompProfile: { type: RuntimeDefault } }
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { appArmorProfile: { type: Localhost, localhostProfile: k8s-nginx } }
`,
        `
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.apparmor.security.beta.kubernetes.io/app: localhost/other`,
      ),
    );
    expect(mac.lines).toEqual([
      'The Pod "web" is invalid: ',
      'spec.os: Unsupported value: "mac": supported values: "linux", "windows"',
      'spec.securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match',
      'spec.containers[0].securityContext.appArmorProfile.localhostProfile: Forbidden: apparmor profile in annotation and field must match',
    ]);
  });

  it("a Deployment's template: its annotations at spec.template.annotations, no ephemeral containers", () => {
    const r = validate(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
      annotations: { controller.kubernetes.io/pod-deletion-cost: "007" }
    spec:
      ephemeralContainers: [{ name: debug, image: busybox }]
      containers:
        - name: app
          image: nginx:1.27
          resizePolicy: [{ resourceName: "", restartPolicy: "" }]
`);
    expect(r.lines).toEqual([
      'The Deployment "web" is invalid: ',
      'spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "007": must be a 32bit integer',
      'spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
      'spec.template.spec.containers[0].resizePolicy: Required value',
    ]);
  });
});
