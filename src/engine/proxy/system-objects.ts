/**
 * kube-proxy as a kubeadm cluster runs it: the ConfigMap `kube-system/kube-proxy` holding its
 * KubeProxyConfiguration (config.conf) and the DaemonSet `kube-system/kube-proxy`, whose pod on every node
 * runs in the node's network namespace (hostNetwork, so `get pods -o wide` shows the node's address) and
 * tolerates every taint, control-plane nodes included. Shapes follow kubeadm's
 * `cmd/kubeadm/app/phases/addons/proxy/manifests.go` (labels `k8s-app: kube-proxy`, privileged, the
 * config, xtables lock and kernel modules mounted, NODE_NAME from spec.nodeName, priority
 * system-node-critical). The rules svclab shows under each node (`node NAME -- iptables-save`, `ipvsadm`,
 * `nft list ruleset`) are what these pods write; no packet passes through them.
 *
 * @example
 * kubeProxySystemObjects(DEFAULT_CONFIG, []).map((o) => o.kind); // ["ConfigMap", "DaemonSet"]
 */
import { KUBELET_VERSION } from '../cluster/nodes';
import { objectKey, type ClusterConfig } from '../cluster/state';
import type { ConfigMap, DaemonSet, KubeObject } from '../k8s/objects';

/** kubeadm's kube-proxy image: registry.k8s.io/kube-proxy at the control plane's version. */
export const KUBE_PROXY_IMAGE = `registry.k8s.io/kube-proxy:${KUBELET_VERSION}`;

/** The data key of kubeadm's kube-proxy ConfigMap (constants.KubeProxyConfigMapKey). */
const CONFIG_KEY = 'config.conf';

/**
 * The KubeProxyConfiguration the pods read, as YAML with the keys sorted as kubeadm marshals them; it
 * holds the fields svclab's cluster reads from a scene's KubeProxyConfiguration (cluster/config.ts).
 */
export function kubeProxyConfigText(config: ClusterConfig): string {
  const p = config.proxy;
  const cidrs = [p.clusterCIDR, p.clusterCIDRV6].filter(Boolean).join(',');
  const list = (xs: string[]): string => (xs.length ? '\n' + xs.map((x) => `- ${x}\n`).join('') : ' null\n');
  return (
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1\n' +
    `clusterCIDR: ${cidrs}\n` +
    'iptables:\n' +
    `  localhostNodePorts: ${p.localhostNodePorts}\n` +
    `  masqueradeAll: ${p.masqueradeAll}\n` +
    'ipvs:\n' +
    `  scheduler: "${p.mode === 'ipvs' ? p.ipvsScheduler : ''}"\n` +
    'kind: KubeProxyConfiguration\n' +
    `mode: ${p.mode}\n` +
    `nodePortAddresses:${list(p.nodePortAddresses)}`
  );
}

function kubeProxyConfigMap(config: ClusterConfig): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
    data: { [CONFIG_KEY]: kubeProxyConfigText(config) },
  };
}

function kubeProxyDaemonSet(): DaemonSet {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { ...labels } },
    spec: {
      selector: { matchLabels: { ...labels } },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [
            {
              name: 'kube-proxy',
              image: KUBE_PROXY_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              command: [
                '/usr/local/bin/kube-proxy',
                `--config=/var/lib/kube-proxy/${CONFIG_KEY}`,
                '--hostname-override=$(NODE_NAME)',
              ],
              securityContext: { privileged: true },
              volumeMounts: [
                { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
                { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
              ],
              env: [
                {
                  name: 'NODE_NAME',
                  valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
                },
              ],
            },
          ],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
          ],
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
        },
      },
    },
    // The stored object keeps fields (volumes, security context) that the engine's types do not name.
  } as unknown as DaemonSet;
}

/**
 * kube-proxy's objects, minus those the user defined (same kind/namespace/name).
 *
 * @example
 * kubeProxySystemObjects(DEFAULT_CONFIG, []).length; // 2
 */
export function kubeProxySystemObjects(config: ClusterConfig, user: KubeObject[]): KubeObject[] {
  const userKeys = new Set(user.map((o) => objectKey(o)));
  return [kubeProxyConfigMap(config), kubeProxyDaemonSet()].filter((o) => !userKeys.has(objectKey(o)));
}
