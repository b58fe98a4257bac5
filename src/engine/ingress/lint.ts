/**
 * Lints for Ingresses: what the API server accepts but ingress-nginx will not do as the user meant.
 * Each names the field it is about, so the integrator can place it in the YAML.
 */
import type { ClusterState } from '../cluster/state';
import { objectKey } from '../cluster/state';
import type { Diagnostic, Severity } from '../diagnostics';
import type { Ingress, IngressServiceBackend } from '../k8s/objects';
import { annotationLints } from './annotation-lint';
import { ingressClassDecision } from './class';
import { buildRoutingTable, ingressKey } from './routing-table';
import { resolveServicePort } from './upstream';
import { msg, type Msg } from '../messages';
import { FAKE_CERTIFICATE } from './tls';

function diag(
  cluster: ClusterState,
  ing: Ingress,
  severity: Severity,
  code: string,
  field: string,
  message: string | Msg,
  hint?: Msg,
): Diagnostic {
  const origin = cluster.origins.get(objectKey(ing));
  return {
    severity,
    source: 'lint',
    code,
    kind: 'Ingress',
    namespace: ing.metadata.namespace ?? 'default',
    name: ing.metadata.name ?? '',
    field,
    message,
    ...(origin?.file ? { file: origin.file } : {}),
    ...(origin?.startLine ? { line: origin.startLine } : {}),
    ...(hint ? { hint } : {}),
  };
}

function backendLints(
  cluster: ClusterState,
  ing: Ingress,
  b: IngressServiceBackend,
  field: string,
): Diagnostic[] {
  const ns = ing.metadata.namespace ?? 'default';
  const svc = cluster.services.find((s) => s.metadata.namespace === ns && s.metadata.name === b.name);
  if (!svc) {
    return [
      diag(
        cluster,
        ing,
        'warning',
        'ingress.backend.serviceMissing',
        `${field}.name`,
        msg('lint.ingress.serviceMissing', { service: `${ns}/${b.name}` }),
        msg('lint.ingress.serviceMissing.hint', {}),
      ),
    ];
  }
  if (svc.spec.type !== 'ExternalName' && !resolveServicePort(svc, b)) {
    const want = b.port?.number ?? b.port?.name ?? '';
    const have = (svc.spec.ports ?? []).map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port)));
    return [
      diag(
        cluster,
        ing,
        'warning',
        'ingress.backend.portMissing',
        `${field}.port`,
        msg('lint.ingress.portMissing', { service: `${ns}/${b.name}`, port: String(want), have }),
        msg('lint.ingress.portMissing.hint', {}),
      ),
    ];
  }
  return [];
}

/**
 * All Ingress lints for the cluster, in object order.
 *
 * @example
 * ingressLints(cluster).map((d) => d.code); // ["ingress.backend.serviceMissing", "ingress.tls.secretMissing"]
 */
export function ingressLints(cluster: ClusterState): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ing of cluster.ingresses) {
    const cls = ingressClassDecision(cluster, ing);
    if (!cls.served) {
      const field =
        ing.spec?.ingressClassName !== undefined ? 'spec.ingressClassName' : 'metadata.annotations';
      out.push(
        diag(
          cluster,
          ing,
          'warning',
          'ingress.class.unserved',
          field,
          msg('lint.ingress.unserved', { reason: cls.reason }),
          msg('lint.ingress.unserved.hint', {}),
        ),
      );
    }
    for (const l of annotationLints(ing))
      out.push(diag(cluster, ing, l.severity, l.code, l.field, l.message, l.hint));
    if (ing.spec?.defaultBackend?.service) {
      out.push(...backendLints(cluster, ing, ing.spec.defaultBackend.service, 'spec.defaultBackend.service'));
    }
    (ing.spec?.rules ?? []).forEach((rule, r) => {
      (rule.http?.paths ?? []).forEach((p, i) => {
        const field = `spec.rules[${r}].http.paths[${i}]`;
        if (p.backend?.service)
          out.push(...backendLints(cluster, ing, p.backend.service, `${field}.backend.service`));
        if (p.pathType === 'ImplementationSpecific') {
          out.push(
            diag(
              cluster,
              ing,
              'info',
              'ingress.path.implementationSpecific',
              `${field}.pathType`,
              msg('lint.ingress.implementationSpecific', { path: p.path ?? '' }),
              msg('lint.ingress.implementationSpecific.hint', {}),
            ),
          );
        }
      });
    });
    const ns = ing.metadata.namespace ?? 'default';
    (ing.spec?.tls ?? []).forEach((t, i) => {
      if (!t.secretName) return;
      const field = `spec.tls[${i}].secretName`;
      const s = cluster.secrets.find((x) => x.metadata.namespace === ns && x.metadata.name === t.secretName);
      const has = (k: string) => Boolean(s?.data?.[k] ?? s?.stringData?.[k]);
      if (!s) {
        out.push(
          diag(
            cluster,
            ing,
            'warning',
            'ingress.tls.secretMissing',
            field,
            msg('lint.ingress.secretMissing', { secret: `${ns}/${t.secretName}`, fake: FAKE_CERTIFICATE }),
          ),
        );
      } else if (!has('tls.crt') || !has('tls.key')) {
        out.push(
          diag(
            cluster,
            ing,
            'warning',
            'ingress.tls.secretType',
            field,
            msg('lint.ingress.secretNoPair', { secret: `${ns}/${t.secretName}`, type: s.type ?? 'Opaque' }),
            msg('lint.ingress.secretNoPair.hint', {}),
          ),
        );
      } else if (s.type !== 'kubernetes.io/tls') {
        out.push(
          diag(
            cluster,
            ing,
            'info',
            'ingress.tls.secretType',
            field,
            msg('lint.ingress.secretType', { secret: `${ns}/${t.secretName}`, type: s.type ?? 'Opaque' }),
          ),
        );
      }
    });
  }
  out.push(...overlapLints(cluster));
  return out;
}

/**
 * ingress-nginx's admission webhook (controller.go checkOverlap) refuses an Ingress whose host and path
 * another served Ingress already defines, whatever the pathType. Without the webhook the older one wins.
 */
function overlapLints(cluster: ClusterState): Diagnostic[] {
  const table = buildRoutingTable(cluster);
  const owner = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const ing of table.ingresses) {
    (ing.spec?.rules ?? []).forEach((rule, r) => {
      const host = rule.host || '_';
      (rule.http?.paths ?? []).forEach((p, i) => {
        if (!p.backend?.service) return;
        const key = `${host} ${p.path || '/'}`;
        const first = owner.get(key);
        if (first === undefined) owner.set(key, ingressKey(ing));
        else if (first !== ingressKey(ing)) {
          out.push(
            diag(
              cluster,
              ing,
              'error',
              'ingress.path.conflict',
              `spec.rules[${r}].http.paths[${i}].path`,
              `admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "${host}" and path "${p.path || '/'}" is already defined in ingress ${first}`,
              msg('lint.ingress.conflict.hint', { first }),
            ),
          );
        }
      });
    });
  }
  return out;
}
