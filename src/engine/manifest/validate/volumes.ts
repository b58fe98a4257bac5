/**
 * Pod volumes and container volumeMounts as the API server checks them (pkg/apis/core/validation,
 * ValidateVolumes, validateVolumeSource, ValidateVolumeMounts): each volume named by a DNS-1123 label,
 * unique, with exactly one source ("may not specify more than 1 volume type", said at the second source's
 * field, in validateVolumeSource's order) and that source's required fields; each mount names a volume that
 * passed ("Not found" otherwise), has a mountPath, unique within the container.
 *
 * @example
 * validateVolumes([{ name: 'data', emptyDir: {}, hostPath: { path: '/srv' } }], 'spec.volumes').errors[0].message;
 * // "spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type"
 */
import {
  duplicate,
  fieldError,
  forbidden,
  invalid,
  invalidEach,
  notSupported,
  required,
  type FieldError,
} from './field';
import { isDNS1123Label } from './messages';
import { parseQuantity } from './quantity';
import { isObj, objects, str, given, type Obj } from './values';

const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';

/** validatePathNoBacksteps: no `..` element. */
function noBacksteps(p: string, at: string): FieldError[] {
  return p.split('/').includes('..') ? [invalid(at, p, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative, no `..` element. */
export function localDescendingPath(p: string, at: string): FieldError[] {
  return [...(p.startsWith('/') ? [invalid(at, p, 'must be a relative path')] : []), ...noBacksteps(p, at)];
}

/** ValidateLocalNonReservedPath: a descending path that does not start with `..`. */
function localNonReservedPath(p: string, at: string): FieldError[] {
  const errs = localDescendingPath(p, at);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(at, p, "must not start with '..'"));
  return errs;
}

function mode(errs: FieldError[], at: string, v: unknown): void {
  if (typeof v === 'number' && (v > 0o777 || v < 0)) errs.push(invalid(at, v, FILE_MODE));
}

/** validateKeyToPath: key and path required, path local, mode a file mode. */
function keyToPath(items: unknown, at: string): FieldError[] {
  const errs: FieldError[] = [];
  objects(items).forEach((kp, i) => {
    const p = `${at}[${i}]`;
    if (str(kp.key) === '') errs.push(required(`${p}.key`));
    const path = str(kp.path);
    if (path === '') errs.push(required(`${p}.path`));
    errs.push(...localNonReservedPath(path, `${p}.path`));
    mode(errs, `${p}.mode`, kp.mode);
  });
  return errs;
}

/** sets.List of supportedHostPathTypes (the unset type "" first). */
const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

type SourceCheck = (src: Obj, at: string) => FieldError[];

const requiredFields =
  (...fields: string[]): SourceCheck =>
  (src, at) =>
    fields.filter((f) => str(src[f]) === '').map((f) => required(`${at}.${f}`));

/**
 * The volume sources in validateVolumeSource's order, with the field it says when one is one too many
 * (cephfs and downwardAPI are said as the API server spells them there: "cephFS", "downwarAPI") and the
 * checks svclab makes of each (the common ones; the others are only counted).
 */
const SOURCES: { field: string; said?: string; check?: SourceCheck }[] = [
  {
    field: 'emptyDir',
    check: (src, at) => {
      const raw = src.sizeLimit;
      const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
      return q && q.nanos < 0n
        ? [forbidden(`${at}.sizeLimit`, 'SizeLimit field must be a valid resource quantity')]
        : [];
    },
  },
  {
    field: 'hostPath',
    check: (src, at) => {
      const path = str(src.path);
      if (path === '') return [required(`${at}.path`)];
      const errs = noBacksteps(path, `${at}.path`);
      if (given(src.type) && !HOST_PATH_TYPES.includes(str(src.type)))
        errs.push(notSupported(`${at}.type`, str(src.type), HOST_PATH_TYPES));
      return errs;
    },
  },
  { field: 'gitRepo', check: requiredFields('repository') },
  { field: 'gcePersistentDisk' },
  { field: 'awsElasticBlockStore', check: requiredFields('volumeID') },
  {
    field: 'secret',
    check: (src, at) => {
      const errs = requiredFields('secretName')(src, at);
      mode(errs, `${at}.defaultMode`, src.defaultMode);
      return [...errs, ...keyToPath(src.items, `${at}.items`)];
    },
  },
  {
    field: 'nfs',
    check: (src, at) => {
      const errs = requiredFields('server', 'path')(src, at);
      if (!str(src.path).startsWith('/'))
        errs.push(invalid(`${at}.path`, str(src.path), 'must be an absolute path'));
      return errs;
    },
  },
  { field: 'iscsi' },
  { field: 'glusterfs', check: requiredFields('endpoints', 'path') },
  { field: 'flocker' },
  { field: 'persistentVolumeClaim', check: requiredFields('claimName') },
  { field: 'rbd' },
  { field: 'cinder', check: requiredFields('volumeID') },
  { field: 'cephfs', said: 'cephFS' },
  { field: 'quobyte' },
  {
    field: 'downwardAPI',
    said: 'downwarAPI',
    check: (src, at) => {
      const errs: FieldError[] = [];
      mode(errs, `${at}.defaultMode`, src.defaultMode);
      return errs;
    },
  },
  { field: 'fc' },
  { field: 'flexVolume', check: requiredFields('driver') },
  {
    field: 'configMap',
    check: (src, at) => {
      const errs = requiredFields('name')(src, at);
      mode(errs, `${at}.defaultMode`, src.defaultMode);
      return [...errs, ...keyToPath(src.items, `${at}.items`)];
    },
  },
  { field: 'azureFile', check: requiredFields('secretName', 'shareName') },
  { field: 'vsphereVolume', check: requiredFields('volumePath') },
  { field: 'photonPersistentDisk', check: requiredFields('pdID') },
  { field: 'portworxVolume', check: requiredFields('volumeID') },
  { field: 'azureDisk', check: requiredFields('diskName', 'diskURI') },
  { field: 'storageos' },
  {
    field: 'projected',
    check: (src, at) => {
      const errs: FieldError[] = [];
      mode(errs, `${at}.defaultMode`, src.defaultMode);
      return errs;
    },
  },
  { field: 'scaleIO' },
  { field: 'csi', check: requiredFields('driver') },
  { field: 'ephemeral' },
  { field: 'image' },
];

/** The fields of a core/v1 VolumeSource (SetDefaults_Volume: a volume with none of them is an emptyDir). */
export const VOLUME_SOURCE_FIELDS: readonly string[] = SOURCES.map((s) => s.field);

/** validateVolumeSource: exactly one source, and that source's own checks. */
function validateVolumeSource(vol: Obj, at: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const s of SOURCES) {
    if (!given(vol[s.field])) continue;
    if (count > 0) {
      errs.push(forbidden(`${at}.${s.said ?? s.field}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    if (s.check) errs.push(...s.check(isObj(vol[s.field]) ? (vol[s.field] as Obj) : {}, `${at}.${s.field}`));
  }
  // SetDefaults_Volume makes a volume without a source an emptyDir, so this is rarely said.
  if (count === 0) errs.push(required(at, 'must specify a volume type'));
  return errs;
}

/**
 * ValidateVolumes: the volumes' errors and the names of the volumes that passed (the only ones a
 * volumeMount may name: IsMatchedVolume looks in that map).
 */
export function validateVolumes(list: unknown, path: string): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  objects(list).forEach((vol, i) => {
    const at = `${path}[${i}]`;
    const name = str(vol.name);
    const el = validateVolumeSource(vol, at);
    if (name === '') el.push(required(`${at}.name`));
    else el.push(...invalidEach(`${at}.name`, name, isDNS1123Label(name)));
    if (names.has(name)) el.push(duplicate(`${at}.name`, name));
    if (el.length === 0) names.add(name);
    else errors.push(...el);
  });
  return { names, errors };
}

/** sets.List of the recursiveReadOnly modes. */
const RRO = ['Disabled', 'Enabled', 'IfPossible'];

/** validateMountRecursiveReadOnly: Enabled/IfPossible only on a readOnly mount without propagation. */
function recursiveReadOnly(m: Obj, at: string): FieldError[] {
  if (!given(m.recursiveReadOnly)) return [];
  const rro = str(m.recursiveReadOnly);
  if (rro === 'Disabled') return [];
  if (!RRO.includes(rro)) return [notSupported(at, rro, RRO)];
  const errs: FieldError[] = [];
  if (m.readOnly !== true) errs.push(forbidden(at, 'may only be specified when readOnly is true'));
  if (given(m.mountPropagation) && m.mountPropagation !== 'None')
    errs.push(forbidden(at, 'may only be specified when mountPropagation is None or not specified'));
  return errs;
}

/** sets.List of the mount propagation modes. */
const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

/**
 * ValidateVolumeMounts: each mount names a volume that passed validation, has a mountPath unique in the
 * container, and local subPath/subPathExpr (said, as the API server says them, at the list's field
 * without the mount's index).
 */
export function validateVolumeMounts(
  mounts: unknown,
  volumes: ReadonlySet<string>,
  path: string,
  container: Obj,
): FieldError[] {
  const sc = isObj(container.securityContext) ? container.securityContext : {};
  const privileged = sc.privileged === true;
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  objects(mounts).forEach((m, i) => {
    const at = `${path}[${i}]`;
    const name = str(m.name);
    if (name === '') errs.push(required(`${at}.name`));
    if (!volumes.has(name)) errs.push(fieldError('not-found', `${at}.name`, name));
    const mountPath = str(m.mountPath);
    if (mountPath === '') errs.push(required(`${at}.mountPath`));
    if (mountPoints.has(mountPath)) errs.push(invalid(`${at}.mountPath`, mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    const subPath = str(m.subPath);
    if (subPath !== '') errs.push(...localDescendingPath(subPath, `${path}.subPath`));
    const expr = str(m.subPathExpr);
    if (expr !== '') {
      if (subPath !== '')
        errs.push(invalid(`${at}.subPathExpr`, expr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...localDescendingPath(expr, `${path}.subPathExpr`));
    }
    if (given(m.mountPropagation)) {
      const propagation = str(m.mountPropagation);
      if (!PROPAGATIONS.includes(propagation))
        errs.push(notSupported(`${path}.mountPropagation`, propagation, PROPAGATIONS));
      if (propagation === 'Bidirectional' && !privileged)
        errs.push(
          forbidden(
            `${path}.mountPropagation`,
            'Bidirectional mount propagation is available only to privileged containers',
          ),
        );
    }
    errs.push(...recursiveReadOnly(m, `${path}.recursiveReadOnly`));
  });
  return errs;
}
