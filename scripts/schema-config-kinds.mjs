// Hand-written JSON Schema for the two configuration kinds svclab reads, from their upstream references:
// kubeadm's Configuration (v1beta4; v1beta3 differs in extraArgs being a map and a few fields) and
// kube-proxy's Configuration (v1alpha1), https://kubernetes.io/docs/reference/config-api/ .
// Only the shape is described; descriptions are our own summaries of the upstream field docs.

const str = (description) => ({ type: 'string', description });
const bool = (description) => ({ type: 'boolean', description });
const int32 = (description) => ({ type: 'integer', format: 'int32', description });
const duration = (description) => ({
  type: 'string',
  description: `${description} A Go duration such as "30s".`,
});
const strings = (description) => ({ type: 'array', items: { type: 'string' }, description });
const struct = (description, properties, extra = {}) => ({
  type: 'object',
  description,
  properties,
  additionalProperties: false,
  ...extra,
});
const typeMeta = (apiVersion, kind) => ({
  apiVersion: { type: 'string', description: `Must be ${apiVersion}.` },
  kind: { type: 'string', description: `Must be ${kind}.` },
});

const KUBEADM = 'io.k8s.kubernetes.cmd.kubeadm.app.apis.kubeadm';
const PROXY = 'io.k8s.kube-proxy.config.v1alpha1';

const arg = { type: 'object', properties: { name: str('Argument name.'), value: str('Argument value.') } };
const extraArgs = {
  // v1beta4: a list of {name, value}; v1beta3: a map. Accept both so one schema serves both versions.
  description: 'Extra flags for the component, as a list of {name, value} (v1beta4) or a map (v1beta3).',
  anyOf: [
    { type: 'array', items: arg },
    { type: 'object', additionalProperties: { type: 'string' } },
  ],
};
const controlPlaneComponent = (name) =>
  struct(`Settings for ${name}.`, {
    extraArgs,
    extraVolumes: { type: 'array', items: { type: 'object' }, description: 'Extra host volumes.' },
    extraEnvs: { type: 'array', items: { type: 'object' }, description: 'Extra environment variables.' },
  });

export const CONFIG_DEFINITIONS = {
  [`${KUBEADM}.v1beta4.ClusterConfiguration`]: struct(
    'kubeadm ClusterConfiguration: cluster-wide settings for a kubeadm cluster. svclab reads networking.',
    {
      ...typeMeta('kubeadm.k8s.io/v1beta4 (or v1beta3)', 'ClusterConfiguration'),
      metadata: { type: 'object', description: 'Ignored by kubeadm.' },
      networking: { $ref: `#/definitions/${KUBEADM}.v1beta4.Networking` },
      kubernetesVersion: str('Target Kubernetes version, e.g. "v1.36.0".'),
      controlPlaneEndpoint: str(
        'A stable IP address or DNS name for the control plane, with an optional port.',
      ),
      clusterName: str('The cluster name.'),
      certificatesDir: str('Where certificates are stored (default /etc/kubernetes/pki).'),
      imageRepository: str('Registry to pull control-plane images from.'),
      featureGates: {
        type: 'object',
        additionalProperties: { type: 'boolean' },
        description: 'kubeadm feature gates.',
      },
      encryptionAlgorithm: str(
        'Key algorithm for certificates: RSA-2048 (default), RSA-3072, RSA-4096, ECDSA-P256.',
      ),
      certificateValidityPeriod: duration('Validity of non-CA certificates.'),
      caCertificateValidityPeriod: duration('Validity of CA certificates.'),
      etcd: { type: 'object', description: 'etcd settings (local or external).' },
      apiServer: struct('kube-apiserver settings.', {
        extraArgs,
        extraVolumes: { type: 'array', items: { type: 'object' } },
        extraEnvs: { type: 'array', items: { type: 'object' } },
        certSANs: strings('Extra Subject Alternative Names for the API server certificate.'),
        timeoutForControlPlane: duration('v1beta3 only: how long to wait for the control plane.'),
      }),
      controllerManager: controlPlaneComponent('kube-controller-manager'),
      scheduler: controlPlaneComponent('kube-scheduler'),
      dns: struct('CoreDNS add-on settings.', {
        disabled: bool('Do not install CoreDNS.'),
        imageRepository: str('Registry for the CoreDNS image.'),
        imageTag: str('Tag of the CoreDNS image.'),
      }),
      proxy: struct('kube-proxy add-on settings.', { disabled: bool('Do not install kube-proxy.') }),
      timeouts: { type: 'object', description: 'v1beta4: timeouts for kubeadm phases.' },
    },
  ),
  [`${KUBEADM}.v1beta4.Networking`]: struct('Networking settings of the cluster.', {
    serviceSubnet: str('Subnet used by Services (ClusterIPs). Default "10.96.0.0/12".'),
    podSubnet: str('Subnet used by pods; kube-controller-manager hands out node podCIDRs from it.'),
    dnsDomain: str('DNS domain used by Services. Default "cluster.local".'),
  }),
  [`${PROXY}.KubeProxyConfiguration`]: struct('kube-proxy configuration (the file given with --config).', {
    ...typeMeta('kubeproxy.config.k8s.io/v1alpha1', 'KubeProxyConfiguration'),
    metadata: { type: 'object', description: 'Ignored by kube-proxy.' },
    mode: {
      type: 'string',
      enum: ['', 'iptables', 'ipvs', 'nftables', 'kernelspace'],
      description: 'Proxy mode: "iptables" (default on Linux), "ipvs", "nftables"; "kernelspace" on Windows.',
    },
    clusterCIDR: str('The pod CIDR range, used to tell cluster-internal traffic from external.'),
    nodePortAddresses: strings(
      'CIDRs (or "primary") of node addresses that accept NodePort traffic; empty means all addresses.',
    ),
    featureGates: {
      type: 'object',
      additionalProperties: { type: 'boolean' },
      description: 'Feature gates.',
    },
    clientConnection: {
      type: 'object',
      description: 'Connection to the API server (kubeconfig, qps, burst …).',
    },
    logging: { type: 'object', description: 'Logging options.' },
    hostnameOverride: str('Use this name as the node identity instead of the hostname.'),
    bindAddress: str('Address kube-proxy serves on.'),
    healthzBindAddress: str('ip:port of the health check server.'),
    metricsBindAddress: str('ip:port of the metrics server.'),
    bindAddressHardFail: bool('Fail to start when a server port cannot be bound.'),
    enableProfiling: bool('Serve profiling on /debug/pprof.'),
    showHiddenMetricsForVersion: str('Show metrics hidden since this version.'),
    iptables: struct('iptables mode settings.', {
      masqueradeAll: bool('SNAT all traffic sent to Service cluster IPs.'),
      masqueradeBit: int32('fwmark bit used to mark packets for SNAT (0-31, default 14).'),
      localhostNodePorts: bool('Accept NodePort connections on 127.0.0.1 (default true).'),
      syncPeriod: duration('How often rules are fully refreshed.'),
      minSyncPeriod: duration('Minimum interval between rule resyncs.'),
    }),
    ipvs: struct('IPVS mode settings.', {
      scheduler: str('IPVS scheduler: rr (default), wrr, lc, wlc, lblc, lblcr, sh, dh, sed, nq, mh.'),
      excludeCIDRs: strings('CIDRs kube-proxy must not touch when cleaning IPVS rules.'),
      strictARP: bool('Set arp_ignore=1 and arp_announce=2.'),
      tcpTimeout: duration('Idle TCP session timeout.'),
      tcpFinTimeout: duration('TCP FIN_WAIT timeout.'),
      udpTimeout: duration('UDP packet timeout.'),
      syncPeriod: duration('How often rules are fully refreshed.'),
      minSyncPeriod: duration('Minimum interval between rule resyncs.'),
    }),
    nftables: struct('nftables mode settings.', {
      masqueradeAll: bool('SNAT all traffic sent to Service cluster IPs.'),
      masqueradeBit: int32('fwmark bit used to mark packets for SNAT.'),
      syncPeriod: duration('How often rules are fully refreshed.'),
      minSyncPeriod: duration('Minimum interval between rule resyncs.'),
    }),
    winkernel: { type: 'object', description: 'Windows kernelspace settings.' },
    windowsRunAsService: bool('Run as a Windows service.'),
    detectLocalMode: {
      type: 'string',
      enum: ['', 'ClusterCIDR', 'NodeCIDR', 'BridgeInterface', 'InterfaceNamePrefix'],
      description: 'How kube-proxy tells local traffic from external.',
    },
    detectLocal: struct('Settings for detectLocalMode.', {
      bridgeInterface: str('Bridge interface name (BridgeInterface mode).'),
      interfaceNamePrefix: str('Interface prefix (InterfaceNamePrefix mode).'),
      clusterCIDRs: strings('Pod CIDRs (ClusterCIDR mode).'),
    }),
    oomScoreAdj: int32('oom-score-adj of the kube-proxy process.'),
    conntrack: struct('conntrack settings.', {
      maxPerCore: int32('Max NAT connections per CPU core (0 leaves the limit as is).'),
      min: int32('Minimum conntrack entries regardless of maxPerCore.'),
      tcpEstablishedTimeout: duration('Idle timeout of established TCP connections.'),
      tcpCloseWaitTimeout: duration('Timeout of TCP connections in CLOSE_WAIT.'),
      tcpBeLiberal: bool('Do not mark out-of-window TCP packets INVALID.'),
      udpTimeout: duration('Idle timeout of UNREPLIED UDP connections.'),
      udpStreamTimeout: duration('Idle timeout of ASSURED UDP connections.'),
    }),
    configSyncPeriod: duration('How often configuration from the API server is refreshed.'),
    syncPeriod: duration('How often rules are fully refreshed.'),
    minSyncPeriod: duration('Minimum interval between rule resyncs.'),
    portRange: str('Deprecated and ignored.'),
  }),
};

export const CONFIG_ROOTS = [
  {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'ClusterConfiguration',
    ref: `${KUBEADM}.v1beta4.ClusterConfiguration`,
  },
  {
    apiVersion: 'kubeadm.k8s.io/v1beta3',
    kind: 'ClusterConfiguration',
    ref: `${KUBEADM}.v1beta4.ClusterConfiguration`,
  },
  {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    ref: `${PROXY}.KubeProxyConfiguration`,
  },
];
