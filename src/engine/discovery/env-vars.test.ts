import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../k8s/objects';
import { fromServices, missingServiceEnv, podEnvironment } from './env-vars';
import { expandVars } from './expansion';
import { clusterOf, pod, svc } from './test-cluster';

const asSet = (vars: { name: string; value: string }[]) => new Set(vars.map((v) => `${v.name}=${v.value}`));

describe('fromServices (envvars_test.go TestFromServices)', () => {
  it('produces kubelet variables, in kubelet order, skipping None and empty ClusterIPs', () => {
    const vars = fromServices([
      svc('', 'foo-bar', {
        selector: { bar: 'baz' },
        clusterIP: '1.2.3.4',
        ports: [{ port: 8080, protocol: 'TCP' }],
      }),
      svc('', 'abc-123', {
        selector: { bar: 'baz' },
        clusterIP: '5.6.7.8',
        ports: [
          { name: 'u-d-p', port: 8081, protocol: 'UDP' },
          { name: 't-c-p', port: 8081, protocol: 'TCP' },
        ],
      }),
      svc('', 'q-u-u-x', {
        selector: { bar: 'baz' },
        clusterIP: '9.8.7.6',
        ports: [
          { port: 8082, protocol: 'TCP' },
          { name: '8083', port: 8083, protocol: 'TCP' },
        ],
      }),
      svc('', 'svrc-clusterip-none', { clusterIP: 'None', ports: [{ port: 8082, protocol: 'TCP' }] }),
      svc('', 'svrc-clusterip-empty', { clusterIP: '', ports: [{ port: 8082, protocol: 'TCP' }] }),
      svc('', 'super-ipv6', {
        clusterIP: '2001:DB8::',
        ports: [{ name: 'u-d-p', port: 8084, protocol: 'UDP' }],
      }),
    ]);
    expect(vars.map((v) => `${v.name}=${v.value}`)).toEqual([
      'FOO_BAR_SERVICE_HOST=1.2.3.4',
      'FOO_BAR_SERVICE_PORT=8080',
      'FOO_BAR_PORT=tcp://1.2.3.4:8080',
      'FOO_BAR_PORT_8080_TCP=tcp://1.2.3.4:8080',
      'FOO_BAR_PORT_8080_TCP_PROTO=tcp',
      'FOO_BAR_PORT_8080_TCP_PORT=8080',
      'FOO_BAR_PORT_8080_TCP_ADDR=1.2.3.4',
      'ABC_123_SERVICE_HOST=5.6.7.8',
      'ABC_123_SERVICE_PORT=8081',
      'ABC_123_SERVICE_PORT_U_D_P=8081',
      'ABC_123_SERVICE_PORT_T_C_P=8081',
      'ABC_123_PORT=udp://5.6.7.8:8081',
      'ABC_123_PORT_8081_UDP=udp://5.6.7.8:8081',
      'ABC_123_PORT_8081_UDP_PROTO=udp',
      'ABC_123_PORT_8081_UDP_PORT=8081',
      'ABC_123_PORT_8081_UDP_ADDR=5.6.7.8',
      'ABC_123_PORT_8081_TCP=tcp://5.6.7.8:8081',
      'ABC_123_PORT_8081_TCP_PROTO=tcp',
      'ABC_123_PORT_8081_TCP_PORT=8081',
      'ABC_123_PORT_8081_TCP_ADDR=5.6.7.8',
      'Q_U_U_X_SERVICE_HOST=9.8.7.6',
      'Q_U_U_X_SERVICE_PORT=8082',
      'Q_U_U_X_SERVICE_PORT_8083=8083',
      'Q_U_U_X_PORT=tcp://9.8.7.6:8082',
      'Q_U_U_X_PORT_8082_TCP=tcp://9.8.7.6:8082',
      'Q_U_U_X_PORT_8082_TCP_PROTO=tcp',
      'Q_U_U_X_PORT_8082_TCP_PORT=8082',
      'Q_U_U_X_PORT_8082_TCP_ADDR=9.8.7.6',
      'Q_U_U_X_PORT_8083_TCP=tcp://9.8.7.6:8083',
      'Q_U_U_X_PORT_8083_TCP_PROTO=tcp',
      'Q_U_U_X_PORT_8083_TCP_PORT=8083',
      'Q_U_U_X_PORT_8083_TCP_ADDR=9.8.7.6',
      'SUPER_IPV6_SERVICE_HOST=2001:DB8::',
      'SUPER_IPV6_SERVICE_PORT=8084',
      'SUPER_IPV6_SERVICE_PORT_U_D_P=8084',
      'SUPER_IPV6_PORT=udp://[2001:DB8::]:8084',
      'SUPER_IPV6_PORT_8084_UDP=udp://[2001:DB8::]:8084',
      'SUPER_IPV6_PORT_8084_UDP_PROTO=udp',
      'SUPER_IPV6_PORT_8084_UDP_PORT=8084',
      'SUPER_IPV6_PORT_8084_UDP_ADDR=2001:DB8::',
    ]);
  });
});

const kubernetes = svc('default', 'kubernetes', {
  clusterIP: '10.96.0.1',
  ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
});
const kubeVars = [
  'KUBERNETES_SERVICE_HOST=10.96.0.1',
  'KUBERNETES_SERVICE_PORT=443',
  'KUBERNETES_SERVICE_PORT_HTTPS=443',
  'KUBERNETES_PORT=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP_PROTO=tcp',
  'KUBERNETES_PORT_443_TCP_PORT=443',
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
];
const db = (ns = 'shop') =>
  svc(ns, 'db', { clusterIP: '10.96.0.42', ports: [{ port: 5432, protocol: 'TCP' }] });
const dbVars = [
  'DB_SERVICE_HOST=10.96.0.42',
  'DB_SERVICE_PORT=5432',
  'DB_PORT=tcp://10.96.0.42:5432',
  'DB_PORT_5432_TCP=tcp://10.96.0.42:5432',
  'DB_PORT_5432_TCP_PROTO=tcp',
  'DB_PORT_5432_TCP_PORT=5432',
  'DB_PORT_5432_TCP_ADDR=10.96.0.42',
];

describe('podEnvironment', () => {
  it('includes same-namespace Services and default/kubernetes only (TestMakeEnvironmentVariables)', () => {
    const web = pod('shop', 'web', '10.244.1.5');
    const c = clusterOf([
      kubernetes,
      db(),
      svc('other', 'cache', { clusterIP: '10.96.0.50', ports: [{ port: 6379 }] }),
      web,
    ]);
    expect(asSet(podEnvironment(c, web))).toEqual(new Set([...kubeVars, ...dbVars]));
  });

  it('gives nothing for headless and ExternalName Services and explains it', () => {
    const web = pod('shop', 'web', '10.244.1.5');
    const c = clusterOf([
      kubernetes,
      svc('shop', 'mongo', { clusterIP: 'None', ports: [{ port: 27017 }] }),
      svc('shop', 'ext', { type: 'ExternalName', externalName: 'db.example.com' }),
      web,
    ]);
    expect(asSet(podEnvironment(c, web))).toEqual(new Set(kubeVars));
    expect(missingServiceEnv(c, web).map((m) => `${m.service} ${m.reason}`)).toEqual([
      'shop/mongo headless',
      'shop/ext external-name',
    ]);
  });

  it('keeps only KUBERNETES_* with enableServiceLinks: false', () => {
    const web = pod('shop', 'web', '10.244.1.5', { enableServiceLinks: false });
    const c = clusterOf([kubernetes, db(), web]);
    expect(asSet(podEnvironment(c, web))).toEqual(new Set(kubeVars));
    expect(missingServiceEnv(c, web)[0]!.reason).toBe('service-links-disabled');
  });

  it('a pod created before a Service lacks its variables (temporal dependency)', () => {
    const web = pod('shop', 'web', '10.244.1.5');
    const c = clusterOf([kubernetes, web, db()]);
    expect(asSet(podEnvironment(c, web))).toEqual(new Set(kubeVars));
    const [m] = missingServiceEnv(c, web);
    expect(m!.reason).toBe('created-later');
    expect(m!.variable).toBe('DB_SERVICE_HOST');
    expect(en(m!.message)).toContain('until the pod is recreated');
  });

  it('controller-made pods take their Deployment’s place in the creation order', () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
    } as Deployment;
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-7c9d8',
        namespace: 'shop',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '1', controller: true },
        ],
      },
    } as ReplicaSet;
    const p: Pod = pod('shop', 'web-7c9d8-abcde', '10.244.1.5');
    p.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c9d8', uid: '2', controller: true },
    ];
    // The builder appends controller objects after every user document; the Deployment came before db.
    const c = clusterOf([kubernetes, dep, db(), rs, p]);
    c.origins.set('ReplicaSet/shop/web-7c9d8', { by: 'controller', order: 10, owner: 'Deployment/shop/web' });
    c.origins.set('Pod/shop/web-7c9d8-abcde', { by: 'controller', order: 11 });
    expect(asSet(podEnvironment(c, p))).toEqual(new Set(kubeVars));
  });

  it('a namespace Service named kubernetes replaces default/kubernetes', () => {
    const web = pod('shop', 'web', '10.244.1.5');
    const c = clusterOf([
      kubernetes,
      svc('shop', 'kubernetes', { clusterIP: '10.96.0.77', ports: [{ port: 80 }] }),
      web,
    ]);
    const env = podEnvironment(c, web);
    expect(env.find((v) => v.name === 'KUBERNETES_SERVICE_HOST')).toMatchObject({
      value: '10.96.0.77',
      source: { kind: 'service', service: 'shop/kubernetes' },
    });
  });

  it('container variables win and may expand service variables', () => {
    const web = pod('shop', 'web', '10.244.1.5', {
      containers: [
        {
          name: 'main',
          env: [
            { name: 'DB_SERVICE_HOST', value: 'override' },
            { name: 'DB_URL', value: 'postgres://$(DB_PORT_5432_TCP_ADDR):$(DB_SERVICE_PORT)/app' },
            { name: 'LITERAL', value: '$$(DB_SERVICE_PORT) $(NOPE)' },
            { name: 'MY_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          ],
        },
      ],
    });
    const c = clusterOf([kubernetes, db(), web]);
    const env = podEnvironment(c, web);
    const get = (n: string) => env.filter((v) => v.name === n);
    expect(get('DB_SERVICE_HOST')).toEqual([
      { name: 'DB_SERVICE_HOST', value: 'override', source: { kind: 'container', detail: 'env[0]' } },
    ]);
    expect(get('DB_URL')[0]!.value).toBe('postgres://10.96.0.42:5432/app');
    expect(get('LITERAL')[0]!.value).toBe('$(DB_SERVICE_PORT) $(NOPE)');
    expect(get('MY_IP')[0]!.value).toBe('10.244.1.5');
  });
});

describe('expandVars', () => {
  it('follows the expansion package rules', () => {
    const m = (n: string) => ({ VAR_A: 'A', VAR_B: 'B' })[n];
    expect(expandVars('$(VAR_A)-$(VAR_B)', m)).toBe('A-B');
    expect(expandVars('$$(VAR_A)', m)).toBe('$(VAR_A)');
    expect(expandVars('$(VAR_C)', m)).toBe('$(VAR_C)');
    expect(expandVars('foo$', m)).toBe('foo$');
    expect(expandVars('$VAR_A', m)).toBe('$VAR_A');
  });
});

describe('envFrom and valueFrom', () => {
  it('reads ConfigMaps with a prefix and Secret keys (base64), before env', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app', namespace: 'shop' },
      data: { MODE: 'prod', 'a=b': 'x' },
    };
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'creds', namespace: 'shop' },
      data: { password: 'czNjcmV0IQ==' },
    };
    const web = pod('shop', 'web', '10.244.1.5', {
      containers: [
        {
          name: 'main',
          envFrom: [{ configMapRef: { name: 'app' }, prefix: 'APP_' }],
          env: [
            { name: 'PW', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
            { name: 'WHERE', value: '$(APP_MODE)@$(KUBERNETES_SERVICE_HOST)' },
          ],
        },
      ],
    });
    const c = clusterOf([kubernetes, cm as never, secret as never, web]);
    const env = podEnvironment(c, web).filter((v) => v.source.kind === 'container');
    expect(env.map((v) => `${v.name}=${v.value}`)).toEqual([
      'APP_MODE=prod',
      'PW=s3cret!',
      'WHERE=prod@10.96.0.1',
    ]);
    expect(env[0]!.source).toEqual({ kind: 'container', detail: 'envFrom[0] configMap app' });
  });
});
