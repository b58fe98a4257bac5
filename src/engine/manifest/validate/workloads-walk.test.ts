/**
 * StatefulSet, DaemonSet, Deployment, Job and HorizontalPodAutoscaler rules of pkg/apis/apps, batch and
 * autoscaling validation, and Node, Namespace and Ingress rules of core and networking validation: each with
 * an object the API server accepts and one it refuses, in kubectl's words.
 */
import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults';
import { validateFields } from './index';

type Obj = Record<string, unknown>;
function errors(obj: Obj): string[] {
  const o = JSON.parse(JSON.stringify(obj)) as Obj;
  o.metadata = { namespace: 'default', ...(o.metadata as object) };
  applyDefaults(o);
  return validateFields(o).map((e) => e.message);
}
const template = (spec: Obj = {}): Obj => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
});
const workload = (kind: string, spec: Obj, name = 'web'): Obj => ({
  kind,
  metadata: { name },
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
});

describe('StatefulSet (ValidateStatefulSetSpec)', () => {
  const sts = (spec: Obj, name?: string) =>
    errors(workload('StatefulSet', { serviceName: 'web', ...spec }, name));
  it('a valid set; its name is a DNS-1123 label', () => {
    expect(sts({})).toEqual([]);
    expect(sts({}, 'web.v2')).toEqual(['metadata.name: Invalid value: "web.v2": must not contain dots']);
  });
  it('podManagementPolicy is OrderedReady or Parallel', () => {
    expect(sts({ podManagementPolicy: 'Parallel' })).toEqual([]);
    expect(sts({ podManagementPolicy: 'AllAtOnce' })).toEqual([
      `spec.podManagementPolicy: Invalid value: "AllAtOnce": must be 'OrderedReady' or 'Parallel'`,
    ]);
  });
  it('updateStrategy: a known type; rollingUpdate only for RollingUpdate', () => {
    expect(sts({ updateStrategy: { type: 'OnDelete' } })).toEqual([]);
    expect(sts({ updateStrategy: { type: 'Rolling' } })).toEqual([
      `spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'`,
    ]);
    expect(sts({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } })).toEqual([
      `spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'`,
    ]);
  });
  it('rollingUpdate: partition ≥ 0, maxUnavailable not 0 and at most 100%', () => {
    expect(
      sts({
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2, maxUnavailable: '50%' } },
      }),
    ).toEqual([]);
    expect(
      sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1, maxUnavailable: 0 } } }),
    ).toEqual([
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: cannot be 0',
    ]);
    expect(
      sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%' } } }),
    ).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ]);
  });
  it('minReadySeconds, the PVC retention policy, no activeDeadlineSeconds', () => {
    expect(
      sts({
        minReadySeconds: -5,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' },
        template: template({ activeDeadlineSeconds: 60 }),
      }),
    ).toEqual([
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
      'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
    ]);
  });
});

describe('DaemonSet (ValidateDaemonSetSpec)', () => {
  const ds = (spec: Obj) => errors(workload('DaemonSet', spec));
  it('rollingUpdate: exactly one of maxUnavailable and maxSurge is non-zero', () => {
    expect(ds({})).toEqual([]);
    expect(
      ds({
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' } },
      }),
    ).toEqual([]);
    expect(
      ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } }),
    ).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    ]);
    expect(
      ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }),
    ).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ]);
  });
  it('the strategy type is RollingUpdate or OnDelete; minReadySeconds ≥ 0', () => {
    expect(ds({ updateStrategy: { type: 'Recreate' }, minReadySeconds: -1 })).toEqual([
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    ]);
  });
});

describe('Deployment selector', () => {
  it('a missing selector is required and matches no template (the API server’s two errors)', () => {
    expect(errors(workload('Deployment', { selector: undefined }))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
  it('matchExpressions select the template', () => {
    const selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] };
    expect(errors(workload('Deployment', { selector }))).toEqual([]);
    const other = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] };
    expect(errors(workload('Deployment', { selector: other }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
});

describe('Job (ValidateJobSpec)', () => {
  const job = (spec: Obj, pod: Obj = { restartPolicy: 'Never' }) =>
    errors({ kind: 'Job', metadata: { name: 'pi' }, spec: { template: template(pod), ...spec } });
  it('restartPolicy OnFailure or Never; the pod default Always is a missing value', () => {
    expect(job({})).toEqual([]);
    expect(job({}, {})).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    expect(job({}, { restartPolicy: 'Always' })).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });
  it('counts are non-negative; completionMode is NonIndexed or Indexed', () => {
    expect(job({ parallelism: -1, backoffLimit: -2, completionMode: 'Ordered' })).toEqual([
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0',
      'spec.completionMode: Unsupported value: "Ordered": supported values: "NonIndexed", "Indexed"',
    ]);
  });
  it('Indexed needs completions; backoffLimitPerIndex needs Indexed', () => {
    expect(job({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1 })).toEqual([]);
    // SetDefaults_Job sets completions (and parallelism) to 1 only when both are unset.
    expect(job({ completionMode: 'Indexed' })).toEqual([]);
    expect(job({ completionMode: 'Indexed', parallelism: 2 })).toEqual([
      'spec.completions: Required value: when completion mode is Indexed',
    ]);
    expect(job({ backoffLimitPerIndex: 1 })).toEqual([
      'spec.backoffLimitPerIndex: Forbidden: requires indexed completion mode',
    ]);
  });
  it('a podFailurePolicy needs restartPolicy Never and one kind of rule', () => {
    const rule = { action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } };
    expect(job({ podFailurePolicy: { rules: [rule] } })).toEqual([]);
    expect(
      job({ podFailurePolicy: { rules: [{ action: 'Explode' }] } }, { restartPolicy: 'OnFailure' }),
    ).toEqual([
      'spec.podFailurePolicy.rules[0].action: Unsupported value: "Explode": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
      'spec.podFailurePolicy.rules[0]: Invalid value: "": specifying one of OnExitCodes and OnPodConditions is required',
      'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    ]);
  });
  it('a manual selector must select the template', () => {
    expect(job({ manualSelector: true, selector: { matchLabels: { app: 'web' } } })).toEqual([]);
    expect(job({ manualSelector: true, selector: { matchLabels: { app: 'api' } } })).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
});

describe('HorizontalPodAutoscaler', () => {
  const hpa = (spec: Obj) =>
    errors({
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        maxReplicas: 5,
        ...spec,
      },
    });
  it('1 ≤ minReplicas ≤ maxReplicas', () => {
    expect(hpa({ minReplicas: 2 })).toEqual([]);
    expect(hpa({ minReplicas: 0 })).toEqual([
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
    ]);
    expect(hpa({ minReplicas: 6 })).toEqual([
      'spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`',
    ]);
  });
  it('metrics: a known source type, filled in, with a target of a known type', () => {
    const cpu = (target: Obj) => ({ type: 'Resource', resource: { name: 'cpu', target } });
    expect(hpa({ metrics: [cpu({ type: 'Utilization', averageUtilization: 60 })] })).toEqual([]);
    expect(
      hpa({
        metrics: [
          cpu({ type: 'Percent', averageUtilization: 0 }),
          { type: 'Memory' },
          {
            type: 'Pods',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
          },
        ],
      }),
    ).toEqual([
      'spec.metrics[0].resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue',
      'spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
      'spec.metrics[1].type: Unsupported value: "Memory": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
      'spec.metrics[2].pods: Required value: must populate information for the given metric source',
    ]);
    // Two sources: the one the type does not name is forbidden.
    expect(
      hpa({
        metrics: [
          {
            ...cpu({ type: 'Utilization', averageUtilization: 50 }),
            pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } },
          },
        ],
      }),
    ).toEqual(['spec.metrics[0].pods: Forbidden: must populate the given metric source only']);
  });
});

describe('Node and Namespace', () => {
  const node = (spec: Obj) => errors({ kind: 'Node', metadata: { name: 'node-1' }, spec });
  it('taints: key, effect required and known, unique by key and effect', () => {
    expect(
      node({
        taints: [
          { key: 'gpu', value: 'true', effect: 'NoSchedule' },
          { key: 'gpu', effect: 'NoExecute' },
        ],
      }),
    ).toEqual([]);
    expect(
      node({
        taints: [
          { key: 'gpu', effect: 'NoSchedule' },
          { key: 'gpu', value: 'x', effect: 'NoSchedule' },
          { key: 'spot' },
          { key: 'spot', effect: 'Evict' },
        ],
      }),
    ).toEqual([
      'spec.taints[1]: Duplicate value: core.Taint{Key:"gpu", Value:"x", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair',
      'spec.taints[2].effect: Required value',
      'spec.taints[3].effect: Unsupported value: "Evict": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
  it('a Namespace’s name is a DNS-1123 label', () => {
    expect(errors({ kind: 'Namespace', metadata: { name: 'team-a' } })).toEqual([]);
    expect(errors({ kind: 'Namespace', metadata: { name: 'team.a' } })).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
  });
});

describe('Ingress (the rest of ValidateIngressCreate)', () => {
  const ing = (spec: Obj, annotations?: Obj) =>
    errors({ kind: 'Ingress', metadata: { name: 'shop', ...(annotations ? { annotations } : {}) }, spec });
  const backend = { service: { name: 'web', port: { number: 80 } } };
  it('a TLS secretName is a Secret name', () => {
    expect(
      ing({ defaultBackend: backend, tls: [{ hosts: ['*.example.com'], secretName: 'shop-tls' }] }),
    ).toEqual([]);
    expect(
      ing({ defaultBackend: backend, tls: [{ hosts: ['shop.example.com'], secretName: 'Shop_TLS' }] }),
    ).toEqual([
      `spec.tls[0].secretName: Invalid value: "Shop_TLS": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });
  it('the ingress.class annotation agrees with ingressClassName', () => {
    expect(
      ing({ defaultBackend: backend, ingressClassName: 'nginx' }, { 'kubernetes.io/ingress.class': 'nginx' }),
    ).toEqual([]);
    expect(
      ing(
        { defaultBackend: backend, ingressClassName: 'nginx' },
        { 'kubernetes.io/ingress.class': 'traefik' },
      ),
    ).toEqual([
      'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]);
  });
  it('a resource backend names a kind and name that are path segments', () => {
    const resource = (r: Obj) => ({ defaultBackend: { resource: r } });
    expect(ing(resource({ apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' }))).toEqual([]);
    expect(ing(resource({ kind: 'Storage/Bucket', name: '..' }))).toEqual([
      `spec.defaultBackend.resource.kind: Invalid value: "Storage/Bucket": may not contain '/'`,
      `spec.defaultBackend.resource.name: Invalid value: "..": may not be '..'`,
    ]);
  });
});
