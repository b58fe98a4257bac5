/**
 * The objects every kubeadm cluster has before the user applies anything: the four namespaces, the
 * cluster DNS add-on (ConfigMap `kube-system/coredns` with kubeadm's default Corefile, Deployment
 * `kube-system/coredns`, Service `kube-system/kube-dns`) and the API server's own Service
 * `default/kubernetes` with the Endpoints/EndpointSlice the API server reconciler writes.
 * Shapes follow kubeadm's `cmd/kubeadm/app/phases/addons/dns/manifests.go` and the apiserver's
 * `pkg/controlplane/reconcilers` (EndpointSlice labelled `kubernetes.io/service-name`, Endpoints
 * labelled `endpointslice.kubernetes.io/skip-mirror`).
 */
import { primaryServiceSubnet } from '../cluster/families';
import { DEFAULT_CONFIG, objectKey, type ClusterConfig } from '../cluster/state';
import type {
  ConfigMap,
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeObject,
  Namespace,
  Node,
  Service,
} from '../k8s/objects';
import { SERVICE_NAME_LABEL } from '../k8s/labels';
import { familyOfIp, nthAddressText, parseAnyCidr } from '../net/ip6';

/** kubeadm's pinned CoreDNS image (cmd/kubeadm/app/constants). */
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.1';

/**
 * kubeadm's default Corefile for a cluster domain, byte for byte as its ConfigMap template renders it.
 *
 * @example
 * kubeadmCorefile('cluster.local').split('\n')[0]; // ".:53 {"
 */
export function kubeadmCorefile(dnsDomain: string): string {
  const cache = dnsDomain
    ? `    cache 30 {\n       disable success ${dnsDomain}\n       disable denial ${dnsDomain}\n    }\n`
    : '    cache 30\n';
  return (
    '.:53 {\n' +
    '    errors\n' +
    '    health {\n       lameduck 5s\n    }\n' +
    '    ready\n' +
    `    kubernetes ${dnsDomain} in-addr.arpa ip6.arpa {\n` +
    '       pods insecure\n' +
    '       fallthrough in-addr.arpa ip6.arpa\n' +
    '       ttl 30\n' +
    '    }\n' +
    '    prometheus :9153\n' +
    '    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n' +
    cache +
    '    loop\n' +
    '    reload\n' +
    '    loadbalance\n' +
    '}\n'
  );
}

/** The n-th address of the primary service CIDR (kubeadm's first serviceSubnet). */
function nthServiceAddress(config: ClusterConfig, n: number): string {
  const cidr = parseAnyCidr(primaryServiceSubnet(config)) ?? parseAnyCidr(DEFAULT_CONFIG.serviceSubnet)!;
  return nthAddressText(cidr, BigInt(n));
}

/**
 * The cluster DNS address kubeadm picks (GetDNSIP): the 10th address of the first service CIDR.
 *
 * @example
 * clusterDnsIP(DEFAULT_CONFIG); // "10.96.0.10"
 * clusterDnsIP({ ...DEFAULT_CONFIG, primaryFamily: 'IPv6', serviceSubnetV6: 'fd00:10:96::/112' }); // "fd00:10:96::a"
 */
export function clusterDnsIP(config: ClusterConfig): string {
  return nthServiceAddress(config, 10);
}

/**
 * The `default/kubernetes` ClusterIP: the first address of the first service CIDR (the API server's
 * primary range).
 *
 * @example
 * kubernetesServiceIP(DEFAULT_CONFIG); // "10.96.0.1"
 */
export function kubernetesServiceIP(config: ClusterConfig): string {
  return nthServiceAddress(config, 1);
}

function namespace(name: string): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function corednsConfigMap(config: ClusterConfig): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    data: { Corefile: kubeadmCorefile(config.dnsDomain) },
  };
}

function corednsDeployment(): Deployment {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { ...labels } },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          // Preferred only: the scheduler's scoring (scheduler.ts spreads by pod count) leaves it to be read.
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    labelSelector: {
                      matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
                    },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                },
              ],
            },
          },
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              // A memory limit and smaller requests: the pods' QoS class is Burstable (cluster/qos.ts).
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              args: ['-conf', '/etc/coredns/Corefile'],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
              // kubeadm declares the probe ports too, so CoreDNS listens on 8080 and 8181 and turns Ready.
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
                { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
              ],
              livenessProbe: {
                httpGet: { path: '/health', port: 'liveness-probe', scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                successThreshold: 1,
                failureThreshold: 5,
              },
              readinessProbe: { httpGet: { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                readOnlyRootFilesystem: true,
              },
            },
          ],
          // CoreDNS itself resolves through the node (dnsPolicy Default), or `forward . /etc/resolv.conf` would loop.
          dnsPolicy: 'Default',
          // kubeadm's manifest (cmd/kubeadm/app/phases/addons/dns/manifests.go): CoreDNS may run on the
          // control-plane node, whose node-role.kubernetes.io/control-plane:NoSchedule taint keeps other pods off.
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          volumes: [
            {
              name: 'config-volume',
              configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] },
            },
          ],
        },
      },
    },
    // The stored object keeps fields (probe timeouts, volumes, resources, the security context) that the
    // engine's types do not name.
  } as unknown as Deployment;
}

function kubeDnsService(config: ClusterConfig): Service {
  const ip = clusterDnsIP(config);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster', // SetDefaults_Service, as for every Service but ExternalName
    },
  };
}

function kubernetesService(config: ClusterConfig): Service {
  const ip = kubernetesServiceIP(config);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster', // SetDefaults_Service, as for every Service but ExternalName
    },
  };
}

/** The control plane's address the API server advertises: its InternalIP of the cluster's primary family. */
function advertiseAddress(node: Node | undefined, config: ClusterConfig): string | undefined {
  const internal = (node?.status?.addresses ?? []).filter(
    (a) => a.type === 'InternalIP' && typeof a.address === 'string',
  );
  return (internal.find((a) => familyOfIp(a.address) === config.primaryFamily) ?? internal[0])?.address;
}

function apiserverEndpoints(ip: string): Endpoints {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  };
}

function apiserverEndpointSlice(ip: string): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { [SERVICE_NAME_LABEL]: 'kubernetes' },
    },
    addressType: familyOfIp(ip) ?? 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
}

/**
 * The system objects a kubeadm cluster has, minus those the user defined (same kind/namespace/name).
 * When the user defines their own `kube-system/kube-dns` Service, no CoreDNS object is added at all.
 * `nodes` are the cluster's nodes (the built defaults when the YAML has none); the first is the control
 * plane, whose InternalIP:6443 backs `default/kubernetes`. Without a node InternalIP the Endpoints and
 * EndpointSlice of `default/kubernetes` are left out.
 *
 * @example
 * const objs = dnsSystemObjects(DEFAULT_CONFIG, [], nodes);
 * objs.map(objectKey); // ["Namespace//default", …, "Service/kube-system/kube-dns", …]
 */
export function dnsSystemObjects(config: ClusterConfig, user: KubeObject[], nodes?: Node[]): KubeObject[] {
  const userKeys = new Set(user.map((o) => objectKey(o)));
  const userDns = userKeys.has('Service/kube-system/kube-dns');
  const controlPlane = (nodes ?? user.filter((o): o is Node => o.kind === 'Node'))[0];
  const apiIP = advertiseAddress(controlPlane, config);

  const out: KubeObject[] = [
    namespace('default'),
    namespace('kube-node-lease'),
    namespace('kube-public'),
    namespace('kube-system'),
    kubernetesService(config),
  ];
  if (apiIP) out.push(apiserverEndpoints(apiIP), apiserverEndpointSlice(apiIP));
  if (!userDns) out.push(corednsConfigMap(config), corednsDeployment(), kubeDnsService(config));
  return out.filter((o) => !userKeys.has(objectKey(o)));
}
