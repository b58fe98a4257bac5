/**
 * Pod defaulting as the API server's SetDefaults_Pod / SetDefaults_PodSpec / SetDefaults_Container
 * (pkg/apis/core/v1/defaults.go) do before validation. Also applied to the pod templates of
 * Deployments and ReplicaSets (SetDefaults_PodTemplateSpec runs the same PodSpec defaults).
 *
 * @example
 * const spec = { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] };
 * defaultPodSpec(spec); // spec.dnsPolicy === 'ClusterFirst', spec.containers[0].ports[0].protocol === 'TCP'
 */
import { canonicalPodQuantities } from './canonical-quantities';
import { VOLUME_SOURCE_FIELDS } from './validate/volumes';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

function defaultProbe(probe: unknown): void {
  if (!isObj(probe)) return;
  // SetDefaults_Probe: 0 (or unset) takes the default.
  const unset = (v: unknown): boolean => v === undefined || v === null || v === 0;
  if (unset(probe.timeoutSeconds)) probe.timeoutSeconds = 1;
  if (unset(probe.periodSeconds)) probe.periodSeconds = 10;
  if (unset(probe.successThreshold)) probe.successThreshold = 1;
  if (unset(probe.failureThreshold)) probe.failureThreshold = 3;
  if (isObj(probe.httpGet)) {
    if (probe.httpGet.path === undefined || probe.httpGet.path === '') probe.httpGet.path = '/';
    if (probe.httpGet.scheme === undefined || probe.httpGet.scheme === '') probe.httpGet.scheme = 'HTTP';
  }
  // GRPCAction.Service is `+default=""` (core/v1 types.go): the generated defaulter fills a nil one.
  if (isObj(probe.grpc) && (probe.grpc.service === undefined || probe.grpc.service === null))
    probe.grpc.service = '';
}

/** imagePullPolicy: Always for `:latest` or an untagged image, else IfNotPresent (SetDefaults_Container). */
function pullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  const name = image.split('@')[0] ?? image;
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  const tag = colon === -1 ? '' : name.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_ObjectFieldSelector: a fieldRef without an apiVersion reads the pod's "v1" fields. */
function defaultFieldRef(ref: unknown): void {
  if (isObj(ref) && (ref.apiVersion === undefined || ref.apiVersion === '')) ref.apiVersion = 'v1';
}

/** The fieldRefs of a downward API volume's (or projection's) items. */
function defaultDownwardItems(src: unknown): void {
  if (isObj(src)) for (const item of objects(src.items)) defaultFieldRef(item.fieldRef);
}

/** SecretVolumeSourceDefaultMode, ConfigMapVolumeSourceDefaultMode, … (core/v1 types.go): 0644. */
const DEFAULT_MODE = 0o644;

/** SetDefaults_PersistentVolumeClaimSpec: a claim without a volumeMode is a filesystem. */
export function defaultClaimSpec(spec: unknown): void {
  if (isObj(spec) && (spec.volumeMode === undefined || spec.volumeMode === null))
    spec.volumeMode = 'Filesystem';
}

/**
 * A pod's volumes, as the core/v1 defaulters of each volume source set them: SetDefaults_Volume (no
 * source: an emptyDir), SetDefaults_SecretVolumeSource, _ConfigMapVolumeSource, _DownwardAPIVolumeSource
 * and _ProjectedVolumeSource (defaultMode 0644, printed 420), _ServiceAccountTokenProjection
 * (expirationSeconds 3600), _HostPathVolumeSource (type "", HostPathUnset), _ObjectFieldSelector, and
 * _PersistentVolumeClaimSpec in an ephemeral volume's claim template.
 */
function defaultVolumes(volumes: unknown): void {
  const unset = (v: unknown): boolean => v === undefined || v === null;
  const mode = (src: unknown): void => {
    if (isObj(src) && unset(src.defaultMode)) src.defaultMode = DEFAULT_MODE;
  };
  for (const v of objects(volumes)) {
    if (VOLUME_SOURCE_FIELDS.every((f) => unset(v[f]))) v.emptyDir = {};
    mode(v.secret);
    mode(v.configMap);
    mode(v.downwardAPI);
    defaultDownwardItems(v.downwardAPI);
    if (isObj(v.hostPath) && unset(v.hostPath.type)) v.hostPath.type = '';
    if (isObj(v.projected)) {
      mode(v.projected);
      for (const source of objects(v.projected.sources)) {
        defaultDownwardItems(source.downwardAPI);
        const token = source.serviceAccountToken;
        if (isObj(token) && unset(token.expirationSeconds)) token.expirationSeconds = 3600;
      }
    }
    if (isObj(v.ephemeral) && isObj(v.ephemeral.volumeClaimTemplate))
      defaultClaimSpec(v.ephemeral.volumeClaimTemplate.spec);
  }
}

function defaultContainer(c: Obj, hostNetwork: boolean): void {
  // Not a defaulter: Container.Resources is a struct, which Go's JSON encoder writes even when empty
  // (omitempty does not omit a struct), so every stored container shows `resources: {}`.
  if (!isObj(c.resources)) c.resources = {};
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') c.imagePullPolicy = pullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of objects(c.ports)) {
    if (p.protocol === undefined || p.protocol === '') p.protocol = 'TCP';
    // SetDefaults_Pod: with hostNetwork the host port is the container port.
    if (hostNetwork && (p.hostPort === undefined || p.hostPort === 0)) p.hostPort = p.containerPort;
  }
  // SetDefaults_HTTPGetAction reaches a lifecycle hook's httpGet too.
  if (isObj(c.lifecycle))
    for (const hook of [c.lifecycle.postStart, c.lifecycle.preStop])
      if (isObj(hook) && isObj(hook.httpGet)) {
        if (hook.httpGet.path === undefined || hook.httpGet.path === '') hook.httpGet.path = '/';
        if (hook.httpGet.scheme === undefined || hook.httpGet.scheme === '') hook.httpGet.scheme = 'HTTP';
      }
  for (const e of objects(c.env)) if (isObj(e.valueFrom)) defaultFieldRef(e.valueFrom.fieldRef);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.startupProbe);
}

/**
 * Fills a PodSpec's defaults in place.
 *
 * @example
 * const spec = { containers: [{ name: 'c' }] }; defaultPodSpec(spec); spec.enableServiceLinks; // true
 */
export function defaultPodSpec(spec: unknown): void {
  if (!isObj(spec)) return;
  if (spec.dnsPolicy === undefined || spec.dnsPolicy === '') spec.dnsPolicy = 'ClusterFirst';
  if (spec.restartPolicy === undefined || spec.restartPolicy === '') spec.restartPolicy = 'Always';
  spec.enableServiceLinks ??= true;
  spec.terminationGracePeriodSeconds ??= 30;
  if (spec.schedulerName === undefined || spec.schedulerName === '') spec.schedulerName = 'default-scheduler';
  spec.securityContext ??= {};
  const hostNetwork = spec.hostNetwork === true;
  for (const c of objects(spec.containers)) defaultContainer(c, hostNetwork);
  for (const c of objects(spec.initContainers)) defaultContainer(c, hostNetwork);
  defaultVolumes(spec.volumes);
  canonicalPodQuantities(spec);
}
