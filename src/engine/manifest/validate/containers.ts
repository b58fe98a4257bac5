/**
 * One container, as validateContainerCommon and validateContainers / validateInitContainers check it
 * (pkg/apis/core/validation/validation.go): name a DNS-1123 label, image required, terminationMessagePolicy
 * and imagePullPolicy from their enums, ports, env, resources (requests ≤ limits, printed as
 * resource.Quantity prints), and the probes and lifecycle hooks: exactly one handler each
 * (validateHandler), non-negative timings, a liveness or startup probe's successThreshold 1. Init containers
 * take a restartPolicy of Always only (sidecars) and, without it, no probes or lifecycle; regular containers
 * take no restartPolicy.
 *
 * @example
 * validateContainer({ name: 'web', image: 'nginx', readinessProbe: { httpGet: { port: 80 }, tcpSocket: { port: 80 } } }, 'spec.containers[0]', ctx)
 *   .map((e) => e.message);
 * // ['spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']
 */
import { validateEnv, validateEnvFrom } from './env';
import { duplicate, forbidden, invalid, invalidEach, notSupported, required, type FieldError } from './field';
import { isDNS1123Label, isValidPortName, isValidPortNum, regexError } from './messages';
import { validateResizePolicy } from './pod-extras';
import { validatePortNumOrName, PORT_PROTOCOLS } from './ports';
import { compareQuantity, parseQuantity, quantityString, type Quantity } from './quantity';
import { validateSecurityContext } from './security';
import { validateVolumeMounts } from './volumes';
import { isObj, objects, str, given, type Obj } from './values';

/** What a container's checks need from its pod. */
export interface ContainerContext {
  /** spec.terminationGracePeriodSeconds (a sleep hook must fit in it). */
  gracePeriod: number | undefined;
  /** The names of the pod's volumes that passed validation (the only ones a volumeMount may name). */
  volumes: ReadonlySet<string>;
  /** spec.restartPolicy (a resizePolicy must not restart a container of a pod that never restarts). */
  restartPolicy?: string;
  /** spec.hostUsers, true when not given (an Unmasked procMount needs false). */
  hostUsers?: boolean;
}

function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `${path}[${i}]`;
    const name = str(p.name);
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) errs.push(...invalidEach(`${at}.name`, name, msgs));
      else if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
      else names.add(name);
    }
    const cp = typeof p.containerPort === 'number' ? p.containerPort : 0;
    if (cp === 0) errs.push(required(`${at}.containerPort`));
    else errs.push(...invalidEach(`${at}.containerPort`, cp, isValidPortNum(cp)));
    const hp = typeof p.hostPort === 'number' ? p.hostPort : 0;
    if (hp !== 0) errs.push(...invalidEach(`${at}.hostPort`, hp, isValidPortNum(hp)));
    const protocol = str(p.protocol);
    if (protocol === '') errs.push(required(`${at}.protocol`));
    else if (!PORT_PROTOCOLS.includes(protocol))
      errs.push(notSupported(`${at}.protocol`, protocol, PORT_PROTOCOLS));
  });
  return errs;
}

const NON_NEGATIVE = 'must be greater than or equal to 0';
function nonNegative(errs: FieldError[], field: string, v: unknown): void {
  if (typeof v === 'number' && v < 0) errs.push(invalid(field, v, NON_NEGATIVE));
}

/** validateHandler: exactly one of exec, httpGet, tcpSocket, grpc (probes) or sleep (hooks). */
function validateHandler(
  h: Obj,
  path: string,
  kinds: readonly string[],
  ctx: ContainerContext,
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    if (!given(h[kind])) continue;
    const at = `${path}.${kind}`;
    if (count > 0) {
      errs.push(forbidden(at, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const action = isObj(h[kind]) ? h[kind] : {};
    if (kind === 'exec' && !(Array.isArray(action.command) && action.command.length > 0))
      errs.push(required(`${at}.command`));
    if (kind === 'httpGet') {
      if (str(action.path) === '') errs.push(required(`${at}.path`));
      errs.push(...validatePortNumOrName(action.port, `${at}.port`));
      const scheme = str(action.scheme);
      if (scheme !== 'HTTP' && scheme !== 'HTTPS')
        errs.push(notSupported(`${at}.scheme`, scheme, ['HTTP', 'HTTPS']));
      // IsHTTPHeaderName, said at the list (not the item), as validateHTTPGetAction does.
      for (const header of objects(action.httpHeaders)) {
        const name = str(header.name);
        if (!HTTP_HEADER_NAME.test(name)) errs.push(invalid(`${at}.httpHeaders`, name, HTTP_HEADER_NAME_MSG));
      }
    }
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(action.port, `${at}.port`));
    if (kind === 'grpc') {
      const port = typeof action.port === 'number' ? action.port : 0;
      errs.push(...invalidEach(`${at}.port`, port, isValidPortNum(port)));
    }
    if (kind === 'sleep' && ctx.gracePeriod !== undefined) {
      // PodLifecycleSleepActionAllowZero (on by default since 1.33): zero is allowed.
      const seconds = typeof action.seconds === 'number' ? action.seconds : 0;
      if (seconds < 0 || seconds > ctx.gracePeriod)
        errs.push(
          invalid(
            at,
            seconds,
            `must be non-negative and less than terminationGracePeriodSeconds (${ctx.gracePeriod})`,
          ),
        );
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;
const HTTP_HEADER_NAME_MSG = regexError(
  "a valid HTTP header must consist of alphanumeric characters or '-'",
  '[-A-Za-z0-9]+',
  'X-Header-Name',
);

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe. */
function validateProbe(probe: unknown, kind: ProbeKind, path: string, ctx: ContainerContext): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateHandler(probe, path, PROBE_HANDLERS, ctx);
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ])
    nonNegative(errs, `${path}.${f}`, probe[f]);
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace <= 0)
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  if (kind === 'readinessProbe' && given(grace))
    errs.push(
      invalid(
        `${path}.terminationGracePeriodSeconds`,
        typeof grace === 'number' ? grace : null,
        'must not be set for readinessProbes',
      ),
    );
  if (kind !== 'readinessProbe' && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1)
    errs.push(invalid(`${path}.successThreshold`, probe.successThreshold, 'must be 1'));
  return errs;
}

function validateLifecycle(lifecycle: unknown, path: string, ctx: ContainerContext): FieldError[] {
  if (!isObj(lifecycle)) return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'])
    if (isObj(lifecycle[hook]))
      errs.push(...validateHandler(lifecycle[hook], `${path}.${hook}`, HOOK_HANDLERS, ctx));
  return errs;
}

/** A native resource (cpu, memory, kubernetes.io/…) may be overcommitted; an extended one may not. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.startsWith('kubernetes.io/');
}
const overcommitAllowed = (name: string): boolean => isNative(name) && !name.startsWith('hugepages-');

function quantities(map: unknown): [string, Quantity | undefined, unknown][] {
  if (!isObj(map)) return [];
  return Object.entries(map).map(([k, v]) => [
    k,
    typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined,
    v,
  ]);
}

/** ValidateContainerResourceRequirements: non-negative quantities, requests within limits. */
function validateResources(resources: unknown, path: string): FieldError[] {
  if (!isObj(resources)) return [];
  const errs: FieldError[] = [];
  const limits = quantities(resources.limits);
  const limitOf = new Map(limits.map(([k, q]) => [k, q]));
  for (const [name, q] of limits)
    if (q && q.nanos < 0n) errs.push(invalid(`${path}.limits[${name}]`, quantityString(q), NON_NEGATIVE));
  for (const [name, q] of quantities(resources.requests)) {
    if (!q) continue;
    if (q.nanos < 0n) errs.push(invalid(`${path}.requests[${name}]`, quantityString(q), NON_NEGATIVE));
    const limit = limitOf.get(name);
    if (limit) {
      const cmp = compareQuantity(q, limit);
      if (cmp !== 0 && !overcommitAllowed(name))
        errs.push(
          invalid(
            `${path}.requests`,
            quantityString(q),
            `must be equal to ${name} limit of ${quantityString(limit)}`,
          ),
        );
      else if (cmp > 0)
        errs.push(
          invalid(
            `${path}.requests`,
            quantityString(q),
            `must be less than or equal to ${name} limit of ${quantityString(limit)}`,
          ),
        );
    } else if (!overcommitAllowed(name))
      errs.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
  }
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

/** validateContainerCommon: what every container (regular, init) is checked for. */
function validateContainerCommon(c: Obj, at: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (name === '') errs.push(required(`${at}.name`));
  else errs.push(...invalidEach(`${at}.name`, name, isDNS1123Label(name)));
  if (str(c.image) === '') errs.push(required(`${at}.image`));
  const tmp = str(c.terminationMessagePolicy);
  if (tmp === '') errs.push(required(`${at}.terminationMessagePolicy`));
  else if (!MESSAGE_POLICIES.includes(tmp))
    errs.push(notSupported(`${at}.terminationMessagePolicy`, tmp, MESSAGE_POLICIES));
  errs.push(...validateContainerPorts(objects(c.ports), `${at}.ports`));
  errs.push(...validateEnv(c.env, `${at}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${at}.envFrom`));
  errs.push(...validateVolumeMounts(c.volumeMounts, ctx.volumes, `${at}.volumeMounts`, c));
  const pull = str(c.imagePullPolicy);
  if (pull === '') errs.push(required(`${at}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull))
    errs.push(notSupported(`${at}.imagePullPolicy`, pull, PULL_POLICIES));
  errs.push(...validateResources(c.resources, `${at}.resources`));
  errs.push(...validateResizePolicy(c.resizePolicy, `${at}.resizePolicy`, ctx.restartPolicy));
  errs.push(...validateSecurityContext(c.securityContext, `${at}.securityContext`, ctx.hostUsers !== false));
  return errs;
}

function probesAndHooks(c: Obj, at: string, ctx: ContainerContext): FieldError[] {
  return [
    ...validateLifecycle(c.lifecycle, `${at}.lifecycle`, ctx),
    ...validateProbe(c.livenessProbe, 'livenessProbe', `${at}.livenessProbe`, ctx),
    ...validateProbe(c.readinessProbe, 'readinessProbe', `${at}.readinessProbe`, ctx),
    ...validateProbe(c.startupProbe, 'startupProbe', `${at}.startupProbe`, ctx),
  ];
}

/** AccumulateUniqueHostPorts: a hostPort is unique per protocol and hostIP across the containers. */
export function hostPortConflicts(containers: Obj[], path: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) =>
    objects(c.ports).forEach((p, pi) => {
      const port = typeof p.hostPort === 'number' ? p.hostPort : 0;
      if (port === 0) return;
      const key = `${str(p.protocol)}/${str(p.hostIP)}/${port}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    }),
  );
  return errs;
}

/**
 * validateContainers: the regular containers (at least one; names unique among them; probes and hooks;
 * no restartPolicy), then the host ports across them.
 */
export function validateContainers(list: unknown, path: string, ctx: ContainerContext): FieldError[] {
  const containers = objects(list);
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, at, ctx));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
    else names.add(name);
    errs.push(...probesAndHooks(c, at, ctx));
    if (given(c.restartPolicy))
      errs.push(forbidden(`${at}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

const INIT_ONLY = 'may not be set for init containers without restartPolicy=Always';

/**
 * validateInitContainers: names unique with the regular containers', restartPolicy Always only (a
 * sidecar, which may then have probes and hooks), host ports checked per init container (they run one by one).
 */
export function validateInitContainers(
  list: unknown,
  regular: unknown,
  path: string,
  ctx: ContainerContext,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(objects(regular).map((c) => str(c.name)));
  objects(list).forEach((c, i) => {
    const at = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, at, ctx));
    let sidecar = false;
    if (given(c.restartPolicy)) {
      const policy = str(c.restartPolicy);
      if (policy !== 'Always') errs.push(notSupported(`${at}.restartPolicy`, policy, ['Always']));
      sidecar = policy === 'Always';
    }
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
    else if (name.length > 0) names.add(name);
    // checkHostPortConflicts([ctr], fldPath): one container alone, so it is indexed 0 in the path.
    errs.push(...hostPortConflicts([c], path));
    if (sidecar) errs.push(...probesAndHooks(c, at, ctx));
    else
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'])
        if (given(c[f])) errs.push(forbidden(`${at}.${f}`, INIT_ONLY));
  });
  return errs;
}
