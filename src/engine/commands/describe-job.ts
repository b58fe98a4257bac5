/**
 * `kubectl describe job` and `describe cronjob`, as kubectl's JobDescriber and CronJobDescriber print them (k8s.io/kubectl/pkg/describe: describeJob,
 * DescribePodTemplate, describeContainers, describeVolumes): the Job's spec and status in kubectl's order,
 * each optional line only when the stored Job has its field (the API server defaults parallelism,
 * completionMode, suspend and backoffLimit, so those always show), then its pod template as the API
 * server stored it. The text goes through describe-format.ts's tabwriter.
 *
 * @example
 * describeJob(job, true).split('\n')[0]; // "Name:             pi"
 */
import { humanDuration, parseTimestamp } from '../cluster/time';
import type { CronJob, Job, PodTemplate } from '../k8s/objects';
import { parseQuantity } from '../manifest/validate/quantity';
import { joinHostPort } from '../net/ip6';
import { byCodeUnits } from '../util/compare';
import { annotationsMultiline, labelsMultiline, rfc1123z, tabwrite } from './describe-format';

/** The stored objects' fields as read here: JSON, whatever the typed model names. */
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const has = (o: Obj, k: string): boolean => o[k] !== undefined && o[k] !== null;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
const stringMap = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, str(x)]));

/** Go's %t and %v of a bool. */
const bool = (v: unknown): string => (v === true ? 'true' : 'false');

/** labels.Selector's String for a matchLabels selector: `k=v` sorted by key, joined by commas. */
function selectorString(selector: unknown): string {
  const s = obj(selector);
  const parts = Object.entries(stringMap(s.matchLabels)).map(([k, v]) => ({ k, text: `${k}=${v}` }));
  for (const e of list(s.matchExpressions)) {
    const key = str(e.key);
    const values = strings(e.values).sort(byCodeUnits);
    const op = str(e.operator);
    if (op === 'In') parts.push({ k: key, text: `${key} in (${values.join(',')})` });
    else if (op === 'NotIn') parts.push({ k: key, text: `${key} notin (${values.join(',')})` });
    else if (op === 'Exists') parts.push({ k: key, text: key });
    else if (op === 'DoesNotExist') parts.push({ k: key, text: `!${key}` });
  }
  return parts
    .sort((a, b) => byCodeUnits(a.k, b.k))
    .map((p) => p.text)
    .join(',');
}

/** A probe as DescribeProbe prints it. */
function describeProbe(p: Obj): string {
  const attrs = `delay=${Number(p.initialDelaySeconds ?? 0)}s timeout=${Number(p.timeoutSeconds ?? 0)}s period=${Number(p.periodSeconds ?? 0)}s #success=${Number(p.successThreshold ?? 0)} #failure=${Number(p.failureThreshold ?? 0)}`;
  if (has(p, 'exec')) return `exec [${strings(obj(p.exec).command).join(' ')}] ${attrs}`;
  if (has(p, 'httpGet')) {
    const h = obj(p.httpGet);
    const host = str(h.host);
    const port = str(h.port);
    const hostPort = port === '' ? host : joinHostPort(host, port);
    return `http-get ${str(h.scheme).toLowerCase()}://${hostPort}${str(h.path)} ${attrs}`;
  }
  if (has(p, 'tcpSocket')) {
    const t = obj(p.tcpSocket);
    return `tcp-socket ${str(t.host)}:${str(t.port)} ${attrs}`;
  }
  if (has(p, 'grpc')) {
    const g = obj(p.grpc);
    return `grpc <pod>:${str(g.port)} ${str(g.service)} ${attrs}`;
  }
  return `unknown ${attrs}`;
}

/** ExtractContainerResourceValue: an env var's resourceFieldRef, from the container's resources. */
function resourceValue(ref: Obj, resources: Obj): string {
  const [kind, name] = str(ref.resource).split('.', 2) as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || !name) return '';
  if (!['cpu', 'memory', 'ephemeral-storage'].includes(name)) return '';
  const q = parseQuantity(str(stringMap(resources[kind])[name] ?? '0'))?.nanos ?? 0n;
  const d = parseQuantity(str(ref.divisor ?? '0'))?.nanos ?? 0n;
  const divisor = d === 0n ? 10n ** 9n : d;
  const ceil = (a: bigint, b: bigint): bigint => (a % b === 0n ? a / b : a / b + (a > 0n ? 1n : 0n));
  // cpu in milli units, the others in units, each rounded up.
  const value =
    name === 'cpu'
      ? ceil(ceil(q, 10n ** 6n), ceil(divisor, 10n ** 6n))
      : ceil(ceil(q, 10n ** 9n), ceil(divisor, 10n ** 9n));
  return String(value);
}

/** describeContainers with no container statuses (a template's). */
function describeContainers(label: string, containers: Obj[], space: string): string {
  let t = `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`;
  for (const c of containers) {
    t += `  ${space ? ' ' : ''}${str(c.name)}:\n`;
    t += `    Image:\t${str(c.image)}\n`;
    const ports = list(c.ports);
    const portList = (field: string) =>
      ports
        .map((p) => {
          const text = `${Number(p[field] ?? 0)}/${str(p.protocol ?? 'TCP')}`;
          return p.name ? `${text} (${str(p.name)})` : text;
        })
        .join(', ');
    const containerPorts = portList('containerPort');
    t += containerPorts.includes(',')
      ? `    Ports:\t${containerPorts}\n`
      : `    Port:\t${containerPorts || '<none>'}\n`;
    const hostPorts = portList('hostPort');
    t += hostPorts.includes(',')
      ? `    Host Ports:\t${hostPorts}\n`
      : `    Host Port:\t${hostPorts || '<none>'}\n`;
    const seccomp = obj(obj(c.securityContext).seccompProfile);
    if (has(obj(c.securityContext), 'seccompProfile')) {
      t += `    SeccompProfile:\t${str(seccomp.type)}\n`;
      if (seccomp.type === 'Localhost') t += `      LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`;
    }
    for (const [field, title] of [
      ['command', 'Command'],
      ['args', 'Args'],
    ] as const) {
      const words = strings(c[field]);
      if (words.length === 0) continue;
      t += `    ${title}:\n`;
      for (const w of words) for (const line of w.split('\n')) t += `      ${line}\n`;
    }
    const resources = obj(c.resources);
    for (const [field, title] of [
      ['limits', 'Limits'],
      ['requests', 'Requests'],
    ] as const) {
      const r = stringMap(resources[field]);
      const names = Object.keys(r).sort(byCodeUnits);
      if (names.length > 0) t += `    ${title}:\n`;
      for (const n of names) t += `      ${n}:\t${r[n]}\n`;
    }
    for (const [field, title] of [
      ['livenessProbe', 'Liveness'],
      ['readinessProbe', 'Readiness'],
      ['startupProbe', 'Startup'],
    ] as const)
      if (has(c, field)) t += `    ${title}:\t${describeProbe(obj(c[field]))}\n`;
    const envFrom = list(c.envFrom);
    if (envFrom.length > 0) {
      t += '    Environment Variables from:\n';
      for (const e of envFrom) {
        const ref = has(e, 'configMapRef')
          ? obj(e.configMapRef)
          : has(e, 'secretRef')
            ? obj(e.secretRef)
            : {};
        const from = has(e, 'configMapRef') ? 'ConfigMap' : has(e, 'secretRef') ? 'Secret' : '';
        const prefix = str(e.prefix);
        t += `      ${str(ref.name)}\t${from}${prefix ? ` with prefix '${prefix}'` : ''}\tOptional: ${bool(ref.optional)}\n`;
      }
    }
    const env = list(c.env);
    t += `    Environment:${env.length === 0 ? '\t<none>' : ''}\n`;
    for (const e of env) {
      const name = str(e.name);
      if (!has(e, 'valueFrom')) {
        str(e.value)
          .split('\n')
          .forEach((line, i) => (t += i === 0 ? `      ${name}:\t${line}\n` : `      \t${line}\n`));
        continue;
      }
      const from = obj(e.valueFrom);
      if (has(from, 'fieldRef')) {
        const f = obj(from.fieldRef);
        // The API server stores apiVersion v1 when it is left out (SetDefaults_ObjectFieldSelector).
        t += `      ${name}:\t (${str(f.apiVersion ?? 'v1')}:${str(f.fieldPath)})\n`;
      } else if (has(from, 'resourceFieldRef')) {
        const f = obj(from.resourceFieldRef);
        let value = resourceValue(f, resources);
        if (value === '0' && (f.resource === 'limits.cpu' || f.resource === 'limits.memory'))
          value = 'node allocatable';
        t += `      ${name}:\t${value} (${str(f.resource)})\n`;
      } else if (has(from, 'secretKeyRef')) {
        const f = obj(from.secretKeyRef);
        t += `      ${name}:\t<set to the key '${str(f.key)}' in secret '${str(f.name)}'>\tOptional: ${bool(f.optional)}\n`;
      } else if (has(from, 'configMapKeyRef')) {
        const f = obj(from.configMapKeyRef);
        t += `      ${name}:\t<set to the key '${str(f.key)}' of config map '${str(f.name)}'>\tOptional: ${bool(f.optional)}\n`;
      }
    }
    const mounts = list(c.volumeMounts).sort((a, b) => byCodeUnits(str(a.mountPath), str(b.mountPath)));
    const none = mounts.length === 0 ? '\t<none>' : '';
    t += `    Mounts:${none}\n`;
    for (const m of mounts) {
      const flags = [m.readOnly === true ? 'ro' : 'rw'];
      if (str(m.subPath) !== '') flags.push(`path=${JSON.stringify(str(m.subPath))}`);
      t += `      ${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`;
    }
    const devices = list(c.volumeDevices).sort((a, b) => byCodeUnits(str(a.devicePath), str(b.devicePath)));
    if (devices.length > 0) {
      t += `    Devices:${none}\n`;
      for (const d of devices) t += `      ${str(d.devicePath)} from ${str(d.name)}\n`;
    }
  }
  return t;
}

/** One volume's lines under its name (the sources a svclab scene can hold; others as kubectl's default). */
function describeVolume(v: Obj): string {
  const lines = (type: string, fields: [string, unknown][]): string =>
    `    Type:\t${type}\n${fields.map(([k, x]) => `    ${k}:\t${str(x)}\n`).join('')}`;
  if (has(v, 'hostPath')) {
    const h = obj(v.hostPath);
    return lines('HostPath (bare host directory volume)', [
      ['Path', h.path],
      ['HostPathType', has(h, 'type') ? h.type : '<none>'],
    ]);
  }
  if (has(v, 'emptyDir')) {
    const e = obj(v.emptyDir);
    const size = parseQuantity(str(e.sizeLimit ?? ''));
    return lines("EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ['Medium', e.medium],
      ['SizeLimit', size && size.nanos > 0n ? e.sizeLimit : '<unset>'],
    ]);
  }
  if (has(v, 'secret')) {
    const s = obj(v.secret);
    return lines('Secret (a volume populated by a Secret)', [
      ['SecretName', s.secretName],
      ['Optional', bool(s.optional)],
    ]);
  }
  if (has(v, 'nfs')) {
    const n = obj(v.nfs);
    return lines('NFS (an NFS mount that lasts the lifetime of a pod)', [
      ['Server', n.server],
      ['Path', n.path],
      ['ReadOnly', bool(n.readOnly)],
    ]);
  }
  if (has(v, 'persistentVolumeClaim')) {
    const c = obj(v.persistentVolumeClaim);
    return lines('PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
      ['ClaimName', c.claimName],
      ['ReadOnly', bool(c.readOnly)],
    ]);
  }
  if (has(v, 'downwardAPI')) {
    let t = '    Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n';
    for (const item of list(obj(v.downwardAPI).items)) {
      if (has(item, 'fieldRef')) t += `      ${str(obj(item.fieldRef).fieldPath)} -> ${str(item.path)}\n`;
      if (has(item, 'resourceFieldRef'))
        t += `      ${str(obj(item.resourceFieldRef).resource)} -> ${str(item.path)}\n`;
    }
    return t;
  }
  if (has(v, 'configMap')) {
    const c = obj(v.configMap);
    return lines('ConfigMap (a volume populated by a ConfigMap)', [
      ['Name', c.name],
      ['Optional', bool(c.optional)],
    ]);
  }
  if (has(v, 'projected')) {
    let t = '    Type:\tProjected (a volume that contains injected data from multiple sources)\n';
    for (const s of list(obj(v.projected).sources)) {
      if (has(s, 'secret'))
        t += `    SecretName:\t${str(obj(s.secret).name)}\n    Optional:\t${bool(obj(s.secret).optional)}\n`;
      else if (has(s, 'downwardAPI')) t += '    DownwardAPI:\ttrue\n';
      else if (has(s, 'configMap'))
        t += `    ConfigMapName:\t${str(obj(s.configMap).name)}\n    Optional:\t${bool(obj(s.configMap).optional)}\n`;
      else if (has(s, 'serviceAccountToken'))
        t += `    TokenExpirationSeconds:\t${str(obj(s.serviceAccountToken).expirationSeconds)}\n`;
    }
    return t;
  }
  if (has(v, 'csi')) {
    const c = obj(v.csi);
    const attrs = stringMap(c.volumeAttributes);
    const keys = Object.keys(attrs).sort(byCodeUnits);
    let t = lines('CSI (a Container Storage Interface (CSI) volume source)', [
      ['Driver', c.driver],
      ['FSType', c.fsType],
      ['ReadOnly', bool(c.readOnly)],
    ]);
    // printCSIPersistentVolumeAttributesMultilineIndent writes each piece through the prefix writer at
    // level 2, so a continuation line carries the four-space prefix twice.
    t += '    VolumeAttributes:\t';
    if (keys.length === 0) return `${t}<none>\n`;
    keys.forEach((k, i) => {
      if (i !== 0) t += '        \t';
      const line = `${k}=${attrs[k]}`;
      t += `    ${line.length > 140 ? `${line.slice(0, 140)}...` : line}\n`;
    });
    return t;
  }
  if (has(v, 'image')) {
    const im = obj(v.image);
    return lines('Image (a container image or OCI artifact)', [
      ['Reference', im.reference],
      ['PullPolicy', im.pullPolicy],
    ]);
  }
  return '  <unknown>\n';
}

/** printTolerationsMultilineWithIndent. */
function tolerationsMultiline(title: string, tolerations: Obj[]): string {
  if (tolerations.length === 0) return `${title}:\t<none>\n`;
  const sorted = [...tolerations].sort((a, b) => byCodeUnits(str(a.key), str(b.key)));
  return sorted
    .map((t, i) => {
      let line = `${i === 0 ? `${title}:` : ''}\t${str(t.key)}`;
      if (str(t.value) !== '') line += `=${str(t.value)}`;
      if (str(t.effect) !== '') line += `:${str(t.effect)}`;
      if (t.operator === 'Exists' && str(t.value) === '')
        line += str(t.key) !== '' || str(t.effect) !== '' ? ' op=Exists' : 'op=Exists';
      if (has(t, 'tolerationSeconds')) line += ` for ${str(t.tolerationSeconds)}s`;
      return `${line}\n`;
    })
    .join('');
}

/** DescribePodTemplate, indented as under a workload. */
export function describePodTemplate(template: PodTemplate | undefined): string {
  let t = 'Pod Template:\n';
  if (!template) return `${t}  <unset>`;
  const meta = template.metadata ?? {};
  const spec = obj(template.spec);
  t += labelsMultiline('  Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0)
    t += annotationsMultiline('  Annotations', meta.annotations);
  if (str(spec.serviceAccountName) !== '') t += `  Service Account:\t${str(spec.serviceAccountName)}\n`;
  const init = list(spec.initContainers);
  if (init.length > 0) t += describeContainers('Init Containers', init, '  ');
  t += describeContainers('Containers', list(spec.containers), '  ');
  const volumes = list(spec.volumes);
  if (volumes.length === 0) t += '  Volumes:\t<none>\n';
  else {
    t += '  Volumes:\n';
    for (const v of volumes) t += `   ${str(v.name)}:\n${describeVolume(v)}`;
  }
  const spread = list(spec.topologySpreadConstraints).sort((a, b) =>
    byCodeUnits(str(a.topologyKey), str(b.topologyKey)),
  );
  spread.forEach((c, i) => {
    t += i === 0 ? '  Topology Spread Constraints:\t' : '  \t';
    t += `${str(c.topologyKey)}:${str(c.whenUnsatisfiable)} when max skew ${str(c.maxSkew)} is exceeded`;
    if (has(c, 'labelSelector')) t += ` for selector ${selectorString(c.labelSelector) || '<none>'}`;
    t += '\n';
  });
  if (str(spec.priorityClassName) !== '') t += `  Priority Class Name:\t${str(spec.priorityClassName)}\n`;
  t += labelsMultiline('  Node-Selectors', stringMap(spec.nodeSelector));
  t += tolerationsMultiline('  Tolerations', list(spec.tolerations));
  return t;
}

/** capIndexesListOrNone: `<none>`, or the completed indexes cut after the first comma past 50 bytes. */
function capIndexes(indexes: string): string {
  if (indexes === '') return '<none>';
  const comma = indexes.indexOf(',', 50);
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

/**
 * describeJob. svclab records no Events, so with `events` the list is kubectl's empty one: `<none>`.
 */
export function describeJob(job: Job, events: boolean): string {
  const spec = obj(job.spec);
  const status = obj(job.status);
  const meta = job.metadata;
  let t = `Name:\t${meta.name ?? ''}\nNamespace:\t${meta.namespace ?? 'default'}\n`;
  t += `Selector:\t${selectorString(spec.selector)}\n`;
  t += labelsMultiline('Labels', meta.labels);
  t += annotationsMultiline('Annotations', meta.annotations);
  const controller = (meta.ownerReferences ?? []).find((r) => r.controller === true);
  if (controller) t += `Controlled By:\t${controller.kind}/${controller.name}\n`;
  if (has(spec, 'parallelism')) t += `Parallelism:\t${str(spec.parallelism)}\n`;
  t += `Completions:\t${has(spec, 'completions') ? str(spec.completions) : '<unset>'}\n`;
  if (has(spec, 'completionMode')) t += `Completion Mode:\t${str(spec.completionMode)}\n`;
  if (has(spec, 'suspend')) t += `Suspend:\t${bool(spec.suspend)}\n`;
  if (has(spec, 'backoffLimit')) t += `Backoff Limit:\t${str(spec.backoffLimit)}\n`;
  if (has(spec, 'ttlSecondsAfterFinished'))
    t += `TTL Seconds After Finished:\t${str(spec.ttlSecondsAfterFinished)}\n`;
  const start = has(status, 'startTime') ? str(status.startTime) : undefined;
  const end = has(status, 'completionTime') ? str(status.completionTime) : undefined;
  if (start !== undefined) t += `Start Time:\t${rfc1123z(start)}\n`;
  if (end !== undefined) t += `Completed At:\t${rfc1123z(end)}\n`;
  if (start !== undefined && end !== undefined)
    t += `Duration:\t${humanDuration((parseTimestamp(end) ?? 0) - (parseTimestamp(start) ?? 0))}\n`;
  if (has(spec, 'activeDeadlineSeconds'))
    t += `Active Deadline Seconds:\t${str(spec.activeDeadlineSeconds)}s\n`;
  const count = (k: string): number => Number(status[k] ?? 0);
  t += has(status, 'ready')
    ? `Pods Statuses:\t${count('active')} Active (${count('ready')} Ready) / ${count('succeeded')} Succeeded / ${count('failed')} Failed\n`
    : `Pods Statuses:\t${count('active')} Active / ${count('succeeded')} Succeeded / ${count('failed')} Failed\n`;
  if (spec.completionMode === 'Indexed')
    t += `Completed Indexes:\t${capIndexes(str(status.completedIndexes))}\n`;
  t += describePodTemplate(job.spec.template);
  if (events) t += 'Events:\t<none>\n';
  return tabwrite(t);
}

/** printBoolPtr: True, False or <unset>. */
const boolPtr = (v: unknown): string => (v === true ? 'True' : v === false ? 'False' : '<unset>');

/**
 * describeCronJob, with describeJobTemplate (the template's selector, parallelism and completions, each
 * `<unset>` when the template leaves it out, then its pod template) and the names of the active Jobs.
 * svclab records no Events, so with `events` the list is kubectl's empty one: `<none>`.
 */
export function describeCronJob(cronJob: CronJob, events: boolean): string {
  const spec = obj(cronJob.spec);
  const status = obj(cronJob.status);
  const meta = cronJob.metadata;
  const orUnset = (v: unknown, unit = ''): string =>
    v === undefined || v === null ? '<unset>' : `${str(v)}${unit}`;
  let t = `Name:\t${meta.name ?? ''}\nNamespace:\t${meta.namespace ?? 'default'}\n`;
  t += labelsMultiline('Labels', meta.labels);
  t += annotationsMultiline('Annotations', meta.annotations);
  t += `Schedule:\t${str(spec.schedule)}\n`;
  t += `Concurrency Policy:\t${str(spec.concurrencyPolicy)}\n`;
  t += `Suspend:\t${boolPtr(spec.suspend)}\n`;
  t += `Time Zone:\t${orUnset(spec.timeZone)}\n`;
  t += `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`;
  t += `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`;
  t += `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, 's')}\n`;
  const jobSpec = obj(obj(spec.jobTemplate).spec);
  t += `Selector:\t${has(jobSpec, 'selector') ? selectorString(jobSpec.selector) : '<unset>'}\n`;
  t += `Parallelism:\t${orUnset(jobSpec.parallelism)}\n`;
  t += `Completions:\t${orUnset(jobSpec.completions)}\n`;
  if (has(jobSpec, 'activeDeadlineSeconds'))
    t += `Active Deadline Seconds:\t${str(jobSpec.activeDeadlineSeconds)}s\n`;
  t += describePodTemplate(cronJob.spec.jobTemplate?.spec?.template);
  t += `Last Schedule Time:\t${has(status, 'lastScheduleTime') ? rfc1123z(str(status.lastScheduleTime)) : '<unset>'}\n`;
  const active = list(status.active).map((j) => str(j.name));
  t += `Active Jobs:\t${active.length === 0 ? '<none>' : active.join(', ')}\n`;
  if (events) t += 'Events:\t<none>\n';
  return tabwrite(t);
}
