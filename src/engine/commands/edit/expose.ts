/**
 * `kubectl expose TYPE NAME [--port=P] [--target-port=T] [--name=N] [--type=T] [--protocol=P]
 * [--selector=S] [--labels=L] [--session-affinity=A] [--cluster-ip=IP] [--external-ip=IP]`: writes the
 * Service kubectl's expose generator makes (selector, ports, protocols and labels read from the object
 * when not given) as a new document after the object's file, and prints `service/web exposed`.
 *
 * @example
 * exposeCommand(['deployment', 'web', '--port=80', '--target-port=8080'], env).stdout; // "service/web exposed\n"
 */
import type { Container, KubeObject } from '../../k8s/objects';
import { fail, type CommandHandler } from '../types';
import { commit, isResult, locate, takeYaml, target } from './common';
import { flagValue } from './scale';
import { appendObject, findObject } from './scene-text';

const FLAGS = [
  '--port',
  '--target-port',
  '--name',
  '--type',
  '--protocol',
  '--selector',
  '--labels',
  '-l',
  '--session-affinity',
  '--cluster-ip',
  '--external-ip',
  '--load-balancer-ip',
  '--port-name',
] as const;
type Flag = (typeof FLAGS)[number];

interface Spec {
  selector?: Record<string, string>;
  template?: { spec?: { containers?: Container[] } };
  ports?: { port: number; protocol?: string }[];
}

/** polymorphichelpers.MapBasedSelectorForObject, as `k=v,k2=v2` pairs, or kubectl's error. */
function selectorOf(o: KubeObject): Record<string, string> | string {
  const spec = (o as { spec?: Spec & { selector?: unknown } }).spec;
  if (o.kind === 'Pod') {
    const l = o.metadata.labels ?? {};
    return Object.keys(l).length > 0 ? l : 'the pod has no labels and cannot be exposed';
  }
  if (o.kind === 'Service') {
    const s = spec?.selector as Record<string, string> | undefined;
    return s && Object.keys(s).length > 0 ? s : 'the service has no pod selector set';
  }
  const sel = spec?.selector as
    { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
  const what = o.kind === 'Deployment' ? 'deployment' : 'replicaset';
  if (sel?.matchExpressions?.length)
    return `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`;
  const m = sel?.matchLabels ?? {};
  return Object.keys(m).length > 0 ? m : `invalid ${what}: no selectors, therefore cannot be exposed`;
}

/** The ports (and their protocols) kubectl reads from the object: containerPorts, or a Service's ports. */
function portsOf(o: KubeObject): { port: number; protocols: string[] }[] {
  const spec = (o as { spec?: Spec & { containers?: Container[] } }).spec;
  const list: { port: number; protocol: string }[] =
    o.kind === 'Service'
      ? (spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }))
      : ((o.kind === 'Pod' ? spec?.containers : spec?.template?.spec?.containers) ?? []).flatMap((c) =>
          (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })),
        );
  const out: { port: number; protocols: string[] }[] = [];
  for (const p of list) {
    const seen = out.find((x) => x.port === p.port);
    if (!seen) out.push({ port: p.port, protocols: [p.protocol] });
    else if (!seen.protocols.includes(p.protocol)) seen.protocols.push(p.protocol);
  }
  return out;
}

function pairs(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [k, v, extra] = part.split('=');
    if (v === undefined || extra !== undefined) return `unexpected label spec: ${part}`;
    if (k === '') return 'unexpected empty label key';
    out[k!] = v;
  }
  return out;
}

export const exposeCommand: CommandHandler = (args, env) => {
  const { yaml, rest } = takeYaml(args);
  const f: Partial<Record<Flag, string>> = {};
  let words = rest;
  for (const flag of FLAGS) {
    const r = flagValue(words, flag);
    if (r.value !== undefined) f[flag] = r.value;
    words = r.rest;
  }
  const flag = words.find((w) => w.startsWith('--') && !w.startsWith('--namespace'));
  if (flag) return fail(`error: unknown flag: ${flag}\n`);
  const t = target(words);
  if (isResult(t)) return t;
  if (!['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(t.type.kind))
    return fail(
      `error: cannot expose a ${t.type.kind}${t.type.prefix.includes('.') ? t.type.prefix.slice(t.type.prefix.indexOf('.')) : ''}\n`,
    );
  const at = locate(env, t);
  // The object may be made by a controller (a ReplicaSet of a Deployment): the Service is still new text.
  const object = isResult(at)
    ? t.type
        .list(env.cluster)
        .find((o) => o.metadata.name === t.name && (o.metadata.namespace ?? 'default') === t.namespace)
    : at.object;
  if (!object) return at as ReturnType<CommandHandler>;
  if (!env.sources) return at as ReturnType<CommandHandler>;
  const sel = f['--selector'] !== undefined ? pairs(f['--selector']) : selectorOf(object);
  if (typeof sel === 'string')
    return fail(`error: couldn't retrieve selectors via --selector flag or introspection: ${sel}\n`);
  const name = (f['--name'] ?? t.name).slice(0, 63);
  if (
    findObject(env.sources, { kind: 'Service', namespace: t.namespace, name }) ||
    env.cluster.services.some(
      (s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === t.namespace,
    )
  )
    return fail(`Error from server (AlreadyExists): services "${name}" already exists\n`);
  const introspected = portsOf(object);
  const headless = f['--cluster-ip'] === 'None';
  const portWords = f['--port'] !== undefined ? [f['--port']] : introspected.map((p) => String(p.port));
  if (portWords.length === 0 && !headless)
    return fail("error: couldn't find port via --port flag or introspection\n");
  const ports: Record<string, unknown>[] = [];
  for (const [i, w] of portWords.entries()) {
    if (!/^\d+$/.test(w)) return fail(`error: strconv.Atoi: parsing ${JSON.stringify(w)}: invalid syntax\n`);
    const port = Number(w);
    const name = portWords.length > 1 ? `port-${i + 1}` : f['--port-name'];
    const known = introspected.find((p) => p.port === port)?.protocols ?? [];
    const protocols = f['--protocol'] ? [f['--protocol']] : known.length > 0 ? known : ['TCP'];
    for (const protocol of protocols) {
      const portName = protocols.length > 1 ? `port-${i + 1}-${protocol.toLowerCase()}` : name;
      const targetPort = f['--target-port'] ?? port;
      ports.push({
        ...(portName ? { name: portName } : {}),
        port,
        protocol,
        targetPort:
          typeof targetPort === 'string' && /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort,
      });
    }
  }
  const labels = f['--labels'] ?? f['-l'];
  const lab = labels !== undefined ? pairs(labels) : (object.metadata.labels ?? {});
  if (typeof lab === 'string') return fail(`error: ${lab}\n`);
  const affinity = f['--session-affinity'];
  if (affinity !== undefined && affinity !== 'None' && affinity !== 'ClientIP')
    return fail(`error: unknown session affinity: ${affinity}\n`);
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      ...(t.namespace !== 'default' ? { namespace: t.namespace } : {}),
      ...(Object.keys(lab).length > 0 ? { labels: lab } : {}),
    },
    spec: {
      ...(f['--cluster-ip'] ? { clusterIP: f['--cluster-ip'] } : {}),
      ...(f['--external-ip'] ? { externalIPs: [f['--external-ip']] } : {}),
      ...(ports.length > 0 ? { ports } : {}),
      selector: sel,
      ...(affinity ? { sessionAffinity: affinity } : {}),
      ...(f['--type'] ? { type: f['--type'] } : {}),
      ...(f['--type'] === 'LoadBalancer' && f['--load-balancer-ip']
        ? { loadBalancerIP: f['--load-balancer-ip'] }
        : {}),
    },
  };
  const source = isResult(at) ? undefined : at.found.source;
  const edited = appendObject(env.sources, service, source);
  return commit(env, edited, {
    stdout: `service/${name} exposed\n`,
    yaml,
    refs: [{ kind: 'Service', namespace: t.namespace, name }],
  });
};
