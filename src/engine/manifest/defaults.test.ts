import { describe, expect, it } from 'vitest';
import { applyDefaults } from './defaults';

const svc = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const o: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's' },
    spec,
    ...extra,
  };
  applyDefaults(o);
  return o.spec as Record<string, unknown>;
};

describe('Service defaults (SetDefaults_Service)', () => {
  it('fills a bare ClusterIP Service', () => {
    expect(svc({ selector: { app: 'a' }, ports: [{ port: 80 }] })).toEqual({
      selector: { app: 'a' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
    });
  });
  it('keeps a named or numeric targetPort, replaces 0 and ""', () => {
    const s = svc({
      ports: [
        { port: 80, targetPort: 'http' },
        { port: 81, targetPort: 0 },
        { port: 82, targetPort: '' },
      ],
    });
    expect((s.ports as { targetPort: unknown }[]).map((p) => p.targetPort)).toEqual(['http', 81, 82]);
  });
  it('ClientIP affinity gets timeoutSeconds 10800; None drops the config', () => {
    expect(svc({ sessionAffinity: 'ClientIP' }).sessionAffinityConfig).toEqual({
      clientIP: { timeoutSeconds: 10800 },
    });
    expect(
      svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } })
        .sessionAffinityConfig,
    ).toEqual({ clientIP: { timeoutSeconds: 60 } });
    expect(svc({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } })).not.toHaveProperty(
      'sessionAffinityConfig',
    );
  });
  it('externalTrafficPolicy only for externally accessible Services', () => {
    expect(svc({ type: 'NodePort' }).externalTrafficPolicy).toBe('Cluster');
    expect(svc({ type: 'ClusterIP', externalIPs: ['192.0.2.1'] }).externalTrafficPolicy).toBe('Cluster');
    expect(svc({})).not.toHaveProperty('externalTrafficPolicy');
    expect(svc({ type: 'ExternalName', externalName: 'a.example' })).toEqual({
      type: 'ExternalName',
      externalName: 'a.example',
      sessionAffinity: 'None',
    });
  });
  it('LoadBalancer: allocateLoadBalancerNodePorts true, ingress IPs get ipMode VIP', () => {
    const o: Record<string, unknown> = {
      kind: 'Service',
      spec: { type: 'LoadBalancer' },
      status: { loadBalancer: { ingress: [{ ip: '198.51.100.7' }, { hostname: 'lb.example' }] } },
    };
    applyDefaults(o);
    expect((o.spec as Record<string, unknown>).allocateLoadBalancerNodePorts).toBe(true);
    expect(o.status).toEqual({
      loadBalancer: { ingress: [{ ip: '198.51.100.7', ipMode: 'VIP' }, { hostname: 'lb.example' }] },
    });
    expect(
      svc({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }).allocateLoadBalancerNodePorts,
    ).toBe(false);
  });
  it('mirrors clusterIP into clusterIPs; IP families are left to the registry (cluster/ip-families.ts)', () => {
    expect(svc({ clusterIP: 'None' })).toMatchObject({ clusterIPs: ['None'] });
    expect(svc({ clusterIP: 'None' }).ipFamilyPolicy).toBeUndefined();
    expect(svc({ clusterIPs: ['10.96.0.10'] }).clusterIP).toBe('10.96.0.10');
  });
});

describe('workload and pod defaults', () => {
  it('Pod: dnsPolicy, restartPolicy, enableServiceLinks, port protocol, probes, pull policy', () => {
    const pod: Record<string, unknown> = {
      kind: 'Pod',
      spec: {
        containers: [
          {
            name: 'a',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            readinessProbe: { httpGet: { port: 80 } },
          },
          { name: 'b', image: 'registry:5000/app:1.2' },
        ],
      },
    };
    applyDefaults(pod);
    const spec = pod.spec as { containers: Record<string, unknown>[] } & Record<string, unknown>;
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      enableServiceLinks: true,
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      readinessProbe: {
        httpGet: { port: 80, path: '/', scheme: 'HTTP' },
        periodSeconds: 10,
        failureThreshold: 3,
      },
    });
    expect(spec.containers[1]!.imagePullPolicy).toBe('IfNotPresent');
  });
  it('hostNetwork pods get hostPort = containerPort', () => {
    const pod: Record<string, unknown> = {
      kind: 'Pod',
      spec: { hostNetwork: true, containers: [{ name: 'a', ports: [{ containerPort: 53 }] }] },
    };
    applyDefaults(pod);
    expect((pod.spec as { containers: { ports: unknown[] }[] }).containers[0]!.ports[0]).toEqual({
      containerPort: 53,
      protocol: 'TCP',
      hostPort: 53,
    });
  });
  it('Deployment: replicas 1, RollingUpdate 25%/25%, template defaults; ReplicaSet replicas 1', () => {
    const d: Record<string, unknown> = {
      kind: 'Deployment',
      spec: { template: { spec: { containers: [{ name: 'c' }] } } },
    };
    applyDefaults(d);
    expect(d.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: { spec: { dnsPolicy: 'ClusterFirst' } },
    });
    const rs: Record<string, unknown> = {
      kind: 'ReplicaSet',
      spec: { replicas: 0, template: { spec: { containers: [] } } },
    };
    applyDefaults(rs);
    expect((rs.spec as Record<string, unknown>).replicas).toBe(0);
  });
  it('Endpoints and EndpointSlice ports default to TCP; slice port name to ""', () => {
    const ep: Record<string, unknown> = { kind: 'Endpoints', subsets: [{ ports: [{ port: 80 }] }] };
    applyDefaults(ep);
    expect(ep.subsets).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }] }]);
    const es: Record<string, unknown> = { kind: 'EndpointSlice', ports: [{ port: 80 }] };
    applyDefaults(es);
    expect(es.ports).toEqual([{ port: 80, protocol: 'TCP', name: '' }]);
  });
  it('Ingress pathType gets no default', () => {
    const ing: Record<string, unknown> = {
      kind: 'Ingress',
      spec: { rules: [{ http: { paths: [{ path: '/' }] } }] },
    };
    applyDefaults(ing);
    expect(ing.spec).toEqual({ rules: [{ http: { paths: [{ path: '/' }] } }] });
  });
});

describe('Job defaults (SetDefaults_Job, batch/v1)', () => {
  const job = (spec: Record<string, unknown>): Record<string, unknown> => {
    const o: Record<string, unknown> = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec };
    applyDefaults(o);
    return o.spec as Record<string, unknown>;
  };
  const template = { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } };
  it('manualSelector defaults to false; a manual selector stays true', () => {
    expect(job({ template }).manualSelector).toBe(false);
    expect(job({ template, manualSelector: true }).manualSelector).toBe(true);
  });
  it('an onPodConditions pattern without a status matches True, on a Job and in a CronJob job template', () => {
    const podFailurePolicy = () => ({
      rules: [
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }, { type: 'X', status: 'False' }] },
      ],
    });
    const statuses = (p: unknown) =>
      (p as { rules: { onPodConditions: { status: string }[] }[] }).rules[0]!.onPodConditions.map(
        (c) => c.status,
      );
    expect(statuses(job({ template, podFailurePolicy: podFailurePolicy() }).podFailurePolicy)).toEqual([
      'True',
      'False',
    ]);
    const cj: Record<string, unknown> = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: {
        schedule: '* * * * *',
        jobTemplate: { spec: { template, podFailurePolicy: podFailurePolicy() } },
      },
    };
    applyDefaults(cj);
    const jobSpec = (cj.spec as { jobTemplate: { spec: Record<string, unknown> } }).jobTemplate.spec;
    expect(statuses(jobSpec.podFailurePolicy)).toEqual(['True', 'False']);
    // SetDefaults_Job is the Job's, not its template's: the CronJob's job template gets no manualSelector.
    expect(jobSpec.manualSelector).toBeUndefined();
  });
});

describe('ObjectFieldSelector defaults (SetDefaults_ObjectFieldSelector, core/v1)', () => {
  const fieldRef = (fieldPath: string, apiVersion?: string) => ({
    fieldRef: { ...(apiVersion !== undefined ? { apiVersion } : {}), fieldPath },
  });
  const podSpec = () => ({
    initContainers: [
      { name: 'i', image: 'busybox:1.36', env: [{ name: 'NS', valueFrom: fieldRef('metadata.namespace') }] },
    ],
    containers: [
      {
        name: 'c',
        image: 'busybox:1.36',
        env: [
          { name: 'POD', valueFrom: fieldRef('metadata.name') },
          { name: 'IP', valueFrom: fieldRef('status.podIP', '') },
          { name: 'KEEP', valueFrom: fieldRef('metadata.name', 'v1') },
          { name: 'PLAIN', value: 'x' },
        ],
      },
    ],
    volumes: [
      { name: 'd', downwardAPI: { items: [{ path: 'labels', ...fieldRef('metadata.labels') }] } },
      {
        name: 'p',
        projected: {
          sources: [{ downwardAPI: { items: [{ path: 'name', ...fieldRef('metadata.name') }] } }],
        },
      },
    ],
  });
  type Spec = ReturnType<typeof podSpec>;
  const versions = (spec: Spec) =>
    [
      ...spec.initContainers[0]!.env.map((e) => e.valueFrom?.fieldRef),
      ...spec.containers[0]!.env.map((e) => e.valueFrom?.fieldRef),
      spec.volumes[0]!.downwardAPI!.items[0]!.fieldRef,
      spec.volumes[1]!.projected!.sources[0]!.downwardAPI.items[0]!.fieldRef,
    ].map((r) => r && (r as { apiVersion?: string }).apiVersion);

  it('fills apiVersion v1 in env fieldRefs and downward API items, a Pod’s and a template’s', () => {
    const pod: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: podSpec(),
    };
    applyDefaults(pod);
    expect(versions(pod.spec as Spec)).toEqual(['v1', 'v1', 'v1', 'v1', undefined, 'v1', 'v1']);
    const deploy: Record<string, unknown> = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: podSpec() },
      },
    };
    applyDefaults(deploy);
    expect(versions((deploy.spec as { template: { spec: Spec } }).template.spec)).toEqual([
      'v1',
      'v1',
      'v1',
      'v1',
      undefined,
      'v1',
      'v1',
    ]);
  });
});

describe('volume defaults (core/v1 SetDefaults_Volume and the volume sources’ defaulters)', () => {
  const volumes = () => [
    { name: 'none' },
    { name: 's', secret: { secretName: 'x' } },
    { name: 's2', secret: { secretName: 'x', defaultMode: 256 } },
    { name: 'c', configMap: { name: 'x' } },
    { name: 'd', downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
    { name: 'h', hostPath: { path: '/tmp' } },
    { name: 'h2', hostPath: { path: '/run/x.lock', type: 'FileOrCreate' } },
    { name: 'p', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
    {
      name: 'e',
      ephemeral: {
        volumeClaimTemplate: {
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      },
    },
  ];
  it('fills defaultMode 420, hostPath type "", token expirationSeconds 3600, emptyDir for no source, volumeMode', () => {
    const pod: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], volumes: volumes() },
    };
    applyDefaults(pod);
    expect((pod.spec as { volumes: unknown }).volumes).toEqual([
      { name: 'none', emptyDir: {} },
      { name: 's', secret: { secretName: 'x', defaultMode: 420 } },
      { name: 's2', secret: { secretName: 'x', defaultMode: 256 } },
      { name: 'c', configMap: { name: 'x', defaultMode: 420 } },
      {
        name: 'd',
        downwardAPI: {
          defaultMode: 420,
          items: [{ path: 'name', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } }],
        },
      },
      { name: 'h', hostPath: { path: '/tmp', type: '' } },
      { name: 'h2', hostPath: { path: '/run/x.lock', type: 'FileOrCreate' } },
      {
        name: 'p',
        projected: {
          defaultMode: 420,
          sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }],
        },
      },
      {
        name: 'e',
        ephemeral: {
          volumeClaimTemplate: {
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: '1Gi' } },
              volumeMode: 'Filesystem',
            },
          },
        },
      },
    ]);
  });
  it('a StatefulSet’s claim templates are PersistentVolumeClaims: volumeMode Filesystem, status.phase Pending', () => {
    const sts: Record<string, unknown> = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'www' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
          { metadata: { name: 'blk' }, spec: { volumeMode: 'Block' } },
        ],
      },
    };
    applyDefaults(sts);
    const claims = (sts.spec as { volumeClaimTemplates: { spec: { volumeMode: string }; status: unknown }[] })
      .volumeClaimTemplates;
    expect(claims.map((c) => [c.spec.volumeMode, c.status])).toEqual([
      ['Filesystem', { phase: 'Pending' }],
      ['Block', { phase: 'Pending' }],
    ]);
  });
});

describe('container fields every stored container shows', () => {
  it('a gRPC probe gets service "" (GRPCAction +default); a container without resources shows resources: {}', () => {
    const pod: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        initContainers: [{ name: 'i', image: 'busybox:1.36', startupProbe: { grpc: { port: 9000 } } }],
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            livenessProbe: { grpc: { port: 9000 } },
            readinessProbe: { grpc: { port: 9000, service: 'health' } },
            resources: { requests: { cpu: '100m' } },
          },
        ],
      },
    };
    applyDefaults(pod);
    type C = { resources: unknown } & Record<string, { grpc: { service: string } }>;
    const spec = pod.spec as { initContainers: C[]; containers: C[] };
    expect(spec.initContainers[0]!.startupProbe!.grpc.service).toBe('');
    expect(spec.containers[0]!.livenessProbe!.grpc.service).toBe('');
    expect(spec.containers[0]!.readinessProbe!.grpc.service).toBe('health');
    expect(spec.initContainers[0]!.resources).toEqual({});
    expect(spec.containers[0]!.resources).toEqual({ requests: { cpu: '100m' } });
  });
});

describe('Namespace (the namespace strategy’s PrepareForCreate, SetDefaults_NamespaceStatus)', () => {
  const ns = (extra: Record<string, unknown>) => {
    const o: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team' },
      ...extra,
    };
    applyDefaults(o);
    return o;
  };
  it('adds the kubernetes finalizer once and stores status Active', () => {
    expect(ns({})).toMatchObject({ spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    expect(ns({ spec: { finalizers: ['example.com/x'] }, status: { phase: 'Terminating' } })).toMatchObject({
      spec: { finalizers: ['example.com/x', 'kubernetes'] },
      status: { phase: 'Active' },
    });
    expect(
      (ns({ spec: { finalizers: ['kubernetes'] } }).spec as { finalizers: string[] }).finalizers,
    ).toEqual(['kubernetes']);
  });
});

describe('StatefulSet update strategy (SetDefaults_StatefulSet, apps/v1)', () => {
  const strategy = (updateStrategy?: Record<string, unknown>) => {
    const o: Record<string, unknown> = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
        },
        ...(updateStrategy ? { updateStrategy } : {}),
      },
    };
    applyDefaults(o);
    return (o.spec as { updateStrategy: unknown }).updateStrategy;
  };
  it('makes rollingUpdate {partition: 0} only when the type was left out', () => {
    expect(strategy()).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(strategy({ type: 'RollingUpdate' })).toEqual({ type: 'RollingUpdate' });
    expect(strategy({ type: 'RollingUpdate', rollingUpdate: {} })).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { partition: 0 },
    });
    expect(strategy({ type: 'OnDelete' })).toEqual({ type: 'OnDelete' });
  });
});

describe('Node status (SetDefaults_NodeStatus, core/v1)', () => {
  it('a node without allocatable gets its capacity as allocatable; a written one is kept', () => {
    const node = (status: Record<string, unknown>) => {
      const o: Record<string, unknown> = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status };
      applyDefaults(o);
      return o.status as Record<string, unknown>;
    };
    expect(node({ capacity: { cpu: 2, pods: '110' } }).allocatable).toEqual({ cpu: '2', pods: '110' });
    expect(node({ capacity: { cpu: '2' }, allocatable: { cpu: '1900m' } }).allocatable).toEqual({
      cpu: '1900m',
    });
    expect(node({})).not.toHaveProperty('allocatable');
  });
});
