/**
 * A Gateway's listeners as Envoy Gateway validates them (internal/gatewayapi/listener.go, validate.go):
 * phase 1 checks each listener alone (allowedRoutes namespaces and kinds, protocol, TLS and its
 * certificateRefs, hostname), phase 2 finds conflicts between the valid ones (two protocols on one port,
 * two listeners with one hostname on one port), and the conditions are finished so that a listener is
 * Programmed only when nothing is wrong. Condition messages are Envoy Gateway's.
 *
 * @example
 * const ls = validateListeners(gateway, { secrets, referenceGrants });
 * ls[0].conditions.map((c) => c.type); // ["Programmed", "Accepted", "ResolvedRefs"]
 */
import type { Secret } from '../k8s/objects';
import {
  GATEWAY_GROUP,
  type Gateway,
  type Listener,
  type ReferenceGrant,
  type RouteGroupKind,
} from '../k8s/gateway-api';
import { hasCondition, setCondition, type CondInit } from './conditions';
import { containerPortFor } from './envoy-infra';
import { permittingGrant } from './reference-grant';
import { selectorMatches } from '../manifest/validate/selector';
import { parseCertificateChain, pemBlocks, secretText } from '../net/x509';

export interface ListenerResult {
  listener: Listener;
  gateway: Gateway;
  conditions: CondInit[];
  supportedKinds: RouteGroupKind[];
  attachedRoutes: number;
  /** Programmed=True: Envoy has this listener and serves it. */
  ready: boolean;
  /** The port Envoy binds in its pod for this listener (80 → 10080). */
  containerPort: number;
  /** The TLS Secrets resolved for an HTTPS or TLS-terminating listener, in order. */
  certificates: Secret[];
  specValid: boolean;
  protocolConflicted: boolean;
}

export interface ListenerInputs {
  secrets: readonly Secret[];
  referenceGrants: readonly ReferenceGrant[];
}

const SUPPORTED_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP']);
const INVALID = 'Listener is invalid, see other Conditions for details.';

function kindsFor(protocol: string, mode: string | undefined): string[] {
  switch (protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return mode === 'Passthrough' ? ['TLSRoute'] : ['TCPRoute', 'TLSRoute'];
    case 'TCP':
      return ['TCPRoute'];
    case 'UDP':
      return ['UDPRoute'];
    default:
      return [];
  }
}

const programmedFalse = (l: ListenerResult, message: string, reason = 'Invalid'): void =>
  setCondition(l.conditions, { type: 'Programmed', status: 'False', reason, message });

/** validateAllowedNamespaces: a Selector needs a selector. */
function checkNamespaces(l: ListenerResult): boolean {
  const ns = l.listener.allowedRoutes?.namespaces;
  if (ns?.from === 'Selector' && !ns.selector) {
    programmedFalse(
      l,
      'The allowedRoutes.namespaces.selector field must be specified when allowedRoutes.namespaces.from is set to "Selector".',
    );
    return false;
  }
  return true;
}

/** validateAllowedRoutes: the kinds the listener's protocol can carry, and the ones asked for. */
function checkKinds(l: ListenerResult, allowed: string[]): boolean {
  const asked = l.listener.allowedRoutes?.kinds ?? [];
  const group = (kind: string): RouteGroupKind => ({ group: GATEWAY_GROUP, kind });
  if (asked.length === 0) {
    l.supportedKinds = allowed.map(group);
    return true;
  }
  let valid = true;
  const supported: RouteGroupKind[] = [];
  const unsupported: RouteGroupKind[] = [];
  for (const k of asked) {
    if (k.group !== undefined && k.group !== GATEWAY_GROUP) {
      setCondition(l.conditions, {
        type: 'ResolvedRefs',
        status: 'False',
        reason: 'InvalidRouteKinds',
        message: `Group is not supported, group must be ${GATEWAY_GROUP}`,
      });
      valid = false;
      continue;
    }
    if (allowed.includes(k.kind)) supported.push(k);
    else unsupported.push(k);
  }
  for (const k of unsupported) {
    const shown = supported.length === 0 ? allowed : supported.map((s) => s.kind);
    setCondition(l.conditions, {
      type: 'ResolvedRefs',
      status: 'False',
      reason: 'InvalidRouteKinds',
      message: `${k.kind} is not supported, kind must be one of [${shown.join(' ')}]`,
    });
    valid = false;
  }
  l.supportedKinds = supported;
  return valid;
}

const KEY_BLOCKS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

/**
 * parseCertsFromTLSSecretsData (internal/gatewayapi/tls.go) for one Secret: why its pair is unusable, in
 * Envoy Gateway's words after the Secret's name, or undefined. svclab does not check validity dates (the
 * simulated cluster has no wall clock) nor that the key matches the certificate.
 */
function servingPairError(secret: Secret): string | undefined {
  const chain = parseCertificateChain(secretText(secret, 'tls.crt') ?? '');
  if (!chain.ok)
    return `must contain valid tls.crt and tls.key, unable to validate certificate in tls.crt: ${chain.error}`;
  const blocks = pemBlocks(secretText(secret, 'tls.key') ?? '');
  const key = blocks.find((b) => KEY_BLOCKS.has(b.type)) ?? blocks[0];
  if (!key) return 'must contain valid tls.crt and tls.key, unable to decode pem data in tls.key';
  if (!KEY_BLOCKS.has(key.type))
    return `must contain valid tls.crt and tls.key, ${key.type} key format found in tls.key, supported formats are PKCS1, PKCS8 or EC`;
  return undefined;
}

/** validateTerminateModeAndGetTLSSecrets: every certificateRef resolved, or why not. */
function checkCertificates(l: ListenerResult, inputs: ListenerInputs): boolean {
  const refs = l.listener.tls?.certificateRefs ?? [];
  if (refs.length === 0) {
    programmedFalse(l, 'Listener must have at least 1 TLS certificate ref');
    return false;
  }
  const gwNs = l.gateway.metadata.namespace ?? 'default';
  const errs: { reason: string; message: string }[] = [];
  const parsed: Secret[] = [];
  refs.forEach((ref, idx) => {
    if (ref.group !== undefined && ref.group !== '') {
      errs.push({
        reason: 'InvalidCertificateRef',
        message: `certificate refs ${idx}: Listener's TLS certificate ref group must be unspecified/empty.`,
      });
      return;
    }
    if (ref.kind !== undefined && ref.kind !== 'Secret') {
      errs.push({
        reason: 'InvalidCertificateRef',
        message: `certificate refs ${idx}: Listener's TLS certificate ref kind must be Secret.`,
      });
      return;
    }
    const ns = ref.namespace && ref.namespace !== '' ? ref.namespace : gwNs;
    if (
      ns !== gwNs &&
      !permittingGrant(
        inputs.referenceGrants,
        { group: GATEWAY_GROUP, kind: 'Gateway', namespace: gwNs },
        { group: '', kind: 'Secret', namespace: ns, name: ref.name },
      )
    ) {
      errs.push({
        reason: 'RefNotPermitted',
        message: `certificate refs ${idx}: Certificate ref to secret ${ns}/${ref.name} not permitted by any ReferenceGrant.`,
      });
      return;
    }
    const secret = inputs.secrets.find((s) => s.metadata.namespace === ns && s.metadata.name === ref.name);
    if (!secret) {
      errs.push({
        reason: 'InvalidCertificateRef',
        message: `certificate refs ${idx}: Secret ${ns}/${ref.name} does not exist.`,
      });
      return;
    }
    if ((secret.type ?? 'Opaque') !== 'kubernetes.io/tls') {
      errs.push({
        reason: 'InvalidCertificateRef',
        message: `certificate refs ${idx}: Secret ${ns}/${ref.name} must be of type kubernetes.io/tls.`,
      });
      return;
    }
    const has = (k: string) => Boolean(secret.data?.[k] ?? secret.stringData?.[k]);
    if (!has('tls.crt') || !has('tls.key')) {
      errs.push({
        reason: 'InvalidCertificateRef',
        message: `certificate refs ${idx}: Secret ${ns}/${ref.name} must contain tls.crt and tls.key.`,
      });
      return;
    }
    parsed.push(secret);
  });
  // parseCertsFromTLSSecretsData: each Secret's chain must decode and its key be a PEM key of a known kind.
  const parseErrs: string[] = [];
  for (const secret of parsed) {
    const id = `${secret.metadata.namespace ?? 'default'}/${secret.metadata.name ?? ''}`;
    const err = servingPairError(secret);
    if (err) parseErrs.push(`${id} ${err}`);
    else l.certificates.push(secret);
  }
  if (parseErrs.length > 0 && l.certificates.length === 0 && parsed.length > 0) {
    setCondition(l.conditions, {
      type: 'ResolvedRefs',
      status: 'False',
      reason: 'InvalidCertificateRef',
      message: `No valid secrets exist: ${parseErrs.join('\n')}.`,
    });
    return false;
  }
  if (parseErrs.length > 0)
    errs.push({ reason: 'PartiallyInvalidCertificateRef', message: parseErrs.join('\n') });
  if (l.certificates.length === 0) {
    const reason = errs.every((e) => e.reason === 'RefNotPermitted')
      ? 'RefNotPermitted'
      : 'InvalidCertificateRef';
    setCondition(l.conditions, {
      type: 'ResolvedRefs',
      status: 'False',
      reason,
      message: `No valid secrets exist: ${errs.map((e) => e.message).join('\n')}`,
    });
    return false;
  }
  if (errs.length > 0)
    setCondition(l.conditions, {
      type: 'ResolvedRefs',
      status: 'False',
      reason: 'PartiallyInvalidCertificateRef',
      message: `Some secrets are invalid: ${errs.map((e) => e.message).join('\n')}`,
    });
  return true;
}

/** validateTLSConfiguration per protocol. */
function checkTls(l: ListenerResult, inputs: ListenerInputs): boolean {
  const { protocol, tls } = l.listener;
  if (protocol === 'HTTP' || protocol === 'TCP' || protocol === 'UDP') {
    if (tls) {
      programmedFalse(l, `Listener must not have TLS set when protocol is ${protocol}.`);
      return false;
    }
    return true;
  }
  if (protocol === 'HTTPS') {
    if (!tls) {
      programmedFalse(l, `Listener must have TLS set when protocol is ${protocol}.`);
      return false;
    }
    if (tls.mode !== undefined && tls.mode !== 'Terminate') {
      programmedFalse(
        l,
        `TLS ${tls.mode} mode is not supported, TLS mode must be Terminate.`,
        'UnsupportedTLSMode',
      );
      return false;
    }
    return checkCertificates(l, inputs);
  }
  if (protocol === 'TLS') {
    if (!tls) {
      programmedFalse(l, `Listener must have TLS set when protocol is ${protocol}.`);
      return false;
    }
    if (tls.mode === 'Passthrough' && (tls.certificateRefs ?? []).length > 0) {
      programmedFalse(l, 'Listener must not have TLS certificate refs set for TLS mode Passthrough.');
      return false;
    }
    if (tls.mode === 'Terminate') {
      if ((tls.certificateRefs ?? []).length === 0) {
        programmedFalse(l, 'Listener must have TLS certificate refs set for TLS mode Terminate.');
        return false;
      }
      return checkCertificates(l, inputs);
    }
  }
  return true;
}

function validateSpec(l: ListenerResult, inputs: ListenerInputs): boolean {
  let valid = checkNamespaces(l);
  const { protocol } = l.listener;
  if (SUPPORTED_PROTOCOLS.has(protocol)) {
    if (!checkKinds(l, kindsFor(protocol, l.listener.tls?.mode))) valid = false;
  } else {
    valid = false;
    l.supportedKinds = [];
    setCondition(l.conditions, {
      type: 'Accepted',
      status: 'False',
      reason: 'UnsupportedProtocol',
      message: `Protocol ${protocol} is unsupported, must be HTTP, HTTPS, TCP or UDP.`,
    });
  }
  if (!checkTls(l, inputs)) valid = false;
  if ((protocol === 'UDP' || protocol === 'TCP') && l.listener.hostname) {
    programmedFalse(l, `Listener must not have hostname set when protocol is ${protocol}.`);
    valid = false;
  }
  return valid;
}

const protocolFamily = (p: string): string => (p === 'HTTPS' || p === 'TLS' ? 'https/tls' : p);
const displayName = (l: ListenerResult): string =>
  `${l.gateway.metadata.namespace ?? 'default'}/${l.gateway.metadata.name ?? ''}/${l.listener.name}`;

/** validateConflictedProtocolsListeners (Gateway listeners only: no ListenerSets in svclab). */
function protocolConflicts(ls: ListenerResult[]): void {
  const byPort = new Map<number, ListenerResult[]>();
  for (const l of ls) {
    if (!l.specValid || !SUPPORTED_PROTOCOLS.has(l.listener.protocol)) continue;
    byPort.set(l.listener.port, [...(byPort.get(l.listener.port) ?? []), l]);
  }
  for (const onPort of byPort.values()) {
    const nonUdp = onPort.filter((l) => l.listener.protocol !== 'UDP');
    if (new Set(nonUdp.map((l) => protocolFamily(l.listener.protocol))).size <= 1) continue;
    const names = nonUdp.map(displayName).sort();
    const message = `All listeners for a given port must use a compatible protocol, conflicting listeners: ${names.join(', ')}`;
    for (const l of nonUdp) {
      setCondition(l.conditions, { type: 'Conflicted', status: 'True', reason: 'ProtocolConflict', message });
      l.protocolConflicted = true;
    }
  }
}

/** validateConflictedHostnameListeners: one hostname per port (HTTP, HTTPS, TLS). */
function hostnameConflicts(ls: ListenerResult[]): void {
  const byPort = new Map<number, ListenerResult[]>();
  for (const l of ls) {
    const p = l.listener.protocol;
    if (p === 'UDP' || p === 'TCP' || !l.specValid || l.protocolConflicted) continue;
    byPort.set(l.listener.port, [...(byPort.get(l.listener.port) ?? []), l]);
  }
  for (const onPort of byPort.values()) {
    const byHost = new Map<string, ListenerResult[]>();
    for (const l of onPort) {
      const h = l.listener.hostname ?? '';
      byHost.set(h, [...(byHost.get(h) ?? []), l]);
    }
    for (const same of byHost.values()) {
      if (same.length <= 1) continue;
      const message = `All listeners for a given port must use a unique hostname, conflicting listeners: ${same.map(displayName).sort().join(', ')}`;
      for (const l of same)
        setCondition(l.conditions, {
          type: 'Conflicted',
          status: 'True',
          reason: 'HostnameConflict',
          message,
        });
    }
  }
}

/** validateConflictedLayer4Listeners: one TCP (or UDP) listener per port; the first wins. */
function layer4Conflicts(ls: ListenerResult[], protocol: 'TCP' | 'UDP'): void {
  const seen = new Set<number>();
  for (const l of ls) {
    if (!l.specValid || l.listener.protocol !== protocol) continue;
    if (seen.has(l.listener.port))
      setCondition(l.conditions, {
        type: 'Conflicted',
        status: 'True',
        reason: 'ProtocolConflict',
        message: `Only one ${protocol} listener is allowed in a given port`,
      });
    seen.add(l.listener.port);
  }
}

/** validateListenerConditions: a listener with no problem is Programmed, Accepted and ResolvedRefs. */
function finish(l: ListenerResult): void {
  const c = l.conditions;
  if (c.length === 0) {
    setCondition(c, {
      type: 'Programmed',
      status: 'True',
      reason: 'Programmed',
      message: 'Sending translated listener configuration to the data plane',
    });
    setCondition(c, {
      type: 'Accepted',
      status: 'True',
      reason: 'Accepted',
      message: 'Listener has been successfully translated',
    });
    setCondition(c, {
      type: 'ResolvedRefs',
      status: 'True',
      reason: 'ResolvedRefs',
      message: 'Listener references have been resolved',
    });
  } else if (
    c.length === 1 &&
    c[0]!.type === 'ResolvedRefs' &&
    c[0]!.reason === 'PartiallyInvalidCertificateRef'
  ) {
    setCondition(c, {
      type: 'Accepted',
      status: 'True',
      reason: 'Accepted',
      message: 'Listener has been successfully translated',
    });
    setCondition(c, {
      type: 'Programmed',
      status: 'True',
      reason: 'Programmed',
      message: 'Sending translated listener configuration to the data plane',
    });
  } else if (c.length === 1 && c[0]!.type === 'ResolvedRefs' && c[0]!.reason === 'InvalidCertificateRef') {
    setCondition(c, {
      type: 'Accepted',
      status: 'True',
      reason: 'Accepted',
      message: 'Listener has been successfully translated',
    });
    setCondition(c, { type: 'Programmed', status: 'False', reason: 'Invalid', message: INVALID });
  } else if (c[0]!.type !== 'Programmed' || c[0]!.status !== 'True') {
    if (!c.some((x) => x.type === 'Programmed'))
      setCondition(c, { type: 'Programmed', status: 'False', reason: 'Invalid', message: INVALID });
    if (!c.some((x) => x.type === 'ResolvedRefs'))
      setCondition(c, {
        type: 'ResolvedRefs',
        status: 'True',
        reason: 'ResolvedRefs',
        message: 'Listener references have been resolved',
      });
  }
  l.ready = hasCondition(c, 'Programmed', 'True');
}

/**
 * Validates a Gateway's listeners, in order, as Envoy Gateway does for a Gateway it accepted.
 *
 * @example
 * validateListeners(gw, { secrets: [], referenceGrants: [] }).map((l) => l.ready); // [true]
 */
export function validateListeners(gateway: Gateway, inputs: ListenerInputs): ListenerResult[] {
  const ls: ListenerResult[] = (gateway.spec.listeners ?? []).map((listener) => ({
    listener,
    gateway,
    conditions: [],
    supportedKinds: [],
    attachedRoutes: 0,
    ready: false,
    containerPort: containerPortFor(listener.port),
    certificates: [],
    specValid: false,
    protocolConflicted: false,
  }));
  for (const l of ls) l.specValid = validateSpec(l, inputs);
  protocolConflicts(ls);
  hostnameConflicts(ls);
  layer4Conflicts(ls, 'TCP');
  layer4Conflicts(ls, 'UDP');
  for (const l of ls) finish(l);
  return ls;
}

/**
 * AllowsNamespace: whether a route in `namespace` (with its labels) may attach to the listener.
 *
 * @example
 * allowsNamespace(listenerResult, 'shop', { 'kubernetes.io/metadata.name': 'shop' }); // false when from: Same
 */
export function allowsNamespace(
  l: ListenerResult,
  namespace: string,
  labels: Record<string, string>,
): boolean {
  const ns = l.listener.allowedRoutes?.namespaces;
  const own = l.gateway.metadata.namespace ?? 'default';
  switch (ns?.from) {
    case 'All':
      return true;
    case 'Selector':
      return ns.selector ? selectorMatches(ns.selector, labels) : false;
    default:
      return namespace === own;
  }
}

/** AllowsKind: the route's kind is among the listener's supported kinds. */
export function allowsKind(l: ListenerResult, kind: string): boolean {
  return l.supportedKinds.some((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && k.kind === kind);
}
