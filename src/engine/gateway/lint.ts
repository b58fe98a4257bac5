/**
 * Lints for Gateway API objects: what the API server accepted but Envoy Gateway will not serve as
 * meant, each on the field it is about (the builder places it on that YAML line): a Gateway whose class
 * is missing or served by no controller, a listener or Gateway that is not Programmed, a route a parent
 * did not accept (with the controller's reason), a backendRef that cannot be resolved, a rule that can
 * only answer 500.
 *
 * @example
 * gatewayLints(cluster).map((d) => d.code); // ["gateway.route.notAccepted"]
 */
import type { ClusterState } from '../cluster/state';
import type { Diagnostic, Severity } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import { GATEWAY_GROUP } from '../k8s/gateway-api';
import { msg, type Lang, type Msg } from '../messages';
import { librarySlot } from '../util/library-slot';
import { CONTROLLER_NAME } from './envoy-infra';
import { gatewayModel } from './status';

/** The message catalogue's renderer (messages/), loaded apart: engine/libraries.ts provides it. */
export const lintText = librarySlot<{ render(m: Msg, lang: Lang): string }>('messages');

function diag(o: KubeObject, severity: Severity, code: string, field: string, message: Msg): Diagnostic {
  return {
    severity,
    source: 'lint',
    code,
    kind: o.kind,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    name: o.metadata.name ?? '',
    field,
    // Rendered in English until diagnostics carry descriptors (issue 12); the descriptor is the source.
    message: lintText.use().render(message, 'en'),
  };
}

const nsName = (o: KubeObject): string => `${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;

function classLints(cluster: ClusterState): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of cluster.gatewayClasses) {
    if (c.spec.controllerName === CONTROLLER_NAME) continue;
    out.push(
      diag(
        c,
        'warning',
        'gateway.class.otherController',
        'spec.controllerName',
        msg('gwlint.class.otherController', {
          className: c.metadata.name ?? '',
          controllerName: c.spec.controllerName,
          ours: CONTROLLER_NAME,
        }),
      ),
    );
  }
  for (const g of cluster.gateways) {
    const name = g.spec.gatewayClassName;
    if (!cluster.gatewayClasses.some((c) => c.metadata.name === name))
      out.push(
        diag(
          g,
          'warning',
          'gateway.class.unknown',
          'spec.gatewayClassName',
          msg('gwlint.class.unknown', { gateway: nsName(g), className: name }),
        ),
      );
  }
  return out;
}

function gatewayLintsOf(cluster: ClusterState): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const g of gatewayModel(cluster).gateways) {
    g.listeners.forEach((l, i) => {
      const field = `spec.listeners[${i}]`;
      const conflicted = l.conditions.find((c) => c.type === 'Conflicted' && c.status === 'True');
      const bad =
        conflicted ??
        l.conditions.find((c) => c.status === 'False' && c.type !== 'Programmed') ??
        l.conditions.find((c) => c.type === 'Programmed' && c.status === 'False');
      if (!bad) return;
      const p = { listener: l.listener.name, reason: bad.reason, message: bad.message };
      out.push(
        conflicted
          ? diag(
              g.gateway,
              'warning',
              'gateway.listener.conflicted',
              field,
              msg('gwlint.listener.conflicted', p),
            )
          : diag(
              g.gateway,
              'warning',
              'gateway.listener.notProgrammed',
              field,
              msg('gwlint.listener.notProgrammed', p),
            ),
      );
    });
    const prog = g.gateway.status?.conditions?.find((c) => c.type === 'Programmed');
    if (prog && prog.status === 'False')
      out.push(
        diag(
          g.gateway,
          'warning',
          'gateway.gateway.notProgrammed',
          'spec',
          msg('gwlint.gateway.notProgrammed', { gateway: g.key, reason: prog.reason, message: prog.message }),
        ),
      );
  }
  return out;
}

function routeLints(cluster: ClusterState): Diagnostic[] {
  const out: Diagnostic[] = [];
  const model = gatewayModel(cluster);
  const results = new Map(model.routes.map((r) => [r.route, r]));
  for (const route of [...cluster.httpRoutes, ...cluster.grpcRoutes]) {
    const r = results.get(route);
    const ns = route.metadata.namespace ?? 'default';
    (route.spec.parentRefs ?? []).forEach((ref, i) => {
      const field = `spec.parentRefs[${i}]`;
      const parent = `${ref.namespace ?? ns}/${ref.name}`;
      if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') return;
      const p = r?.parents.find((x) => x.parentRef === ref);
      if (!p) {
        out.push(
          diag(
            route,
            'warning',
            'gateway.route.noGateway',
            field,
            msg('gwlint.route.noGateway', { kind: route.kind, parent }),
          ),
        );
        return;
      }
      const acc = p.conditions.find((c) => c.type === 'Accepted');
      if (acc && acc.status === 'False')
        out.push(
          diag(
            route,
            'warning',
            'gateway.route.notAccepted',
            field,
            msg('gwlint.route.notAccepted', {
              kind: route.kind,
              parent,
              reason: acc.reason,
              message: acc.message,
            }),
          ),
        );
    });
    if (!r || !r.parents.some((p) => p.accepted)) continue;
    for (const rule of r.rules) {
      for (const b of rule.backends)
        if (b.error)
          out.push(
            diag(
              route,
              'warning',
              'gateway.route.backendUnresolved',
              `spec.rules[${rule.index}].backendRefs[${b.index}]`,
              msg('gwlint.route.backendUnresolved', b.error),
            ),
          );
      if (rule.direct500 === 'backends')
        out.push(
          diag(
            route,
            'warning',
            'gateway.route.ruleAnswers500',
            `spec.rules[${rule.index}]`,
            msg('gwlint.route.ruleAnswers500', { rule: rule.index }),
          ),
        );
    }
  }
  return out;
}

/**
 * Every Gateway API lint of a built cluster.
 *
 * @example
 * gatewayLints(cluster).filter((d) => d.kind === 'HTTPRoute').length; // 0 for a working scene
 */
export function gatewayLints(cluster: ClusterState): Diagnostic[] {
  if (
    cluster.gateways.length +
      cluster.gatewayClasses.length +
      cluster.httpRoutes.length +
      cluster.grpcRoutes.length ===
    0
  )
    return [];
  return [...classLints(cluster), ...gatewayLintsOf(cluster), ...routeLints(cluster)];
}
