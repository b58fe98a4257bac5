/**
 * Cluster-wide settings from the kinds real clusters are configured with: kubeadm's ClusterConfiguration
 * (networking.serviceSubnet / podSubnet / dnsDomain) and kube-proxy's KubeProxyConfiguration (mode,
 * ipvs.scheduler, clusterCIDR, iptables.masqueradeAll, iptables.localhostNodePorts, nodePortAddresses).
 * Anything not given keeps DEFAULT_CONFIG; clusterCIDR follows podSubnet unless set. Invalid values are
 * diagnostics with the owning component's wording (kube-proxy's config validation for mode and scheduler)
 * and the default is kept.
 *
 * @example
 * const { config, diagnostics } = clusterConfigFrom([{ object: kubeProxyConfig }]);
 * config.proxy.mode; // "ipvs"
 */
import type { Diagnostic } from '../diagnostics';
import type { ClusterConfiguration, KubeObject, KubeProxyConfiguration } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { msg, type Msg } from '../messages';
import { parseCidr } from '../net/ip';
import { parseAnyCidr } from '../net/ip6';
import { objectDiagnostic, goQuote } from './diag';
import { parseSubnets, type SubnetField } from './subnets';
import { DEFAULT_CONFIG, type ClusterConfig, type ProxyMode } from './state';

/** kube-proxy's validateIPVSSchedulerMethod list, in its order (pkg/proxy/apis/config/validation). */
export const SUPPORTED_IPVS_SCHEDULERS = [
  'rr',
  'wrr',
  'lc',
  'wlc',
  'lblc',
  'lblcr',
  'sh',
  'dh',
  'sed',
  'nq',
  '',
];

const PROXY_MODES: ProxyMode[] = ['iptables', 'ipvs', 'nftables'];
/** kube-controller-manager's default --node-cidr-mask-size for IPv4: each node gets a /24 of podSubnet. */
export const NODE_CIDR_MASK_SIZE = 24;
/** A dual-stack value of each subnet field, for hints (kind's and kubeadm's documented defaults). */
const EXAMPLE: Record<SubnetField, string> = {
  serviceSubnet: '10.96.0.0/12,fd00:10:96::/112',
  podSubnet: '10.244.0.0/16,fd00:10:244::/56',
};
/** kind's IPv6 podSubnet, the pods' network when a ClusterConfiguration gives IPv6 Services but no podSubnet. */
const DEFAULT_POD_SUBNET_V6 = 'fd00:10:244::/56';
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

type Input = Pick<SourcedObject, 'object'> & Partial<SourcedObject>;

function clone(c: ClusterConfig): ClusterConfig {
  return {
    ...c,
    nodePortRange: { ...c.nodePortRange },
    proxy: { ...c.proxy, nodePortAddresses: [...c.proxy.nodePortAddresses] },
  };
}

/**
 * Reads ClusterConfiguration / KubeProxyConfiguration objects (the last one of each kind wins, as a later
 * `kubeadm init --config` would) into a ClusterConfig.
 *
 * @example
 * clusterConfigFrom([]).config.serviceSubnet; // "10.96.0.0/12"
 */
export function clusterConfigFrom(inputs: Input[]): { config: ClusterConfig; diagnostics: Diagnostic[] } {
  const config = clone(DEFAULT_CONFIG);
  const diagnostics: Diagnostic[] = [];
  let clusterCIDRGiven = false;
  let serviceSubnetGiven = false;
  let podSubnetGiven = false;
  /** kube-proxy's own validation errors (pkg/proxy/apis/config/validation), with the object they are on. */
  const proxyErrors: { src: Input; obj: KubeObject; field: string; message: string }[] = [];
  const err = (
    src: Input,
    obj: KubeObject,
    field: string,
    code: string,
    message: string,
    hint?: Msg,
  ): void => {
    diagnostics.push(
      objectDiagnostic(src.locate ? (src as SourcedObject) : undefined, obj, field, {
        severity: 'error',
        source: 'api',
        code,
        message,
        ...(hint ? { hint } : {}),
      }),
    );
  };
  for (const src of inputs) {
    const obj = src.object;
    if (obj.kind === 'ClusterConfiguration') {
      const net = (obj as ClusterConfiguration).networking ?? {};
      const subnet = (field: SubnetField): void => {
        const v = net[field];
        if (v === undefined || v === '') return;
        const text = String(v);
        const { cidrs, errors } = parseSubnets(field, text);
        for (const e of errors)
          err(
            src,
            obj,
            `networking.${field}`,
            e.code,
            e.message,
            e.code === `config.${field}` || e.code === `config.${field}.families`
              ? msg('dualStack.subnet.hint', { field, example: EXAMPLE[field] })
              : undefined,
          );
        if (cidrs.length === 0) return;
        const v4 = cidrs.find((c) => c.family === 'IPv4')?.text ?? '';
        const v6 = cidrs.find((c) => c.family === 'IPv6')?.text;
        if (field === 'serviceSubnet') {
          // The first CIDR is the primary family, as the API server's allocators take them.
          config.primaryFamily = cidrs[0]!.family;
          config.serviceSubnet = v4;
          config.serviceSubnetV6 = v6;
          serviceSubnetGiven = true;
        } else {
          config.podSubnet = v4;
          config.podSubnetV6 = v6;
          podSubnetGiven = true;
        }
      };
      subnet('serviceSubnet');
      subnet('podSubnet');
      if (net.dnsDomain !== undefined) {
        const d = String(net.dnsDomain);
        if (d.length > 253 || !DNS1123_SUBDOMAIN.test(d)) {
          err(
            src,
            obj,
            'networking.dnsDomain',
            'config.dnsDomain',
            `networking.dnsDomain: Invalid value: ${goQuote(d)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
          );
        } else config.dnsDomain = d;
      }
    } else if (obj.kind === 'KubeProxyConfiguration') {
      const kp = obj as KubeProxyConfiguration;
      const kpErr = (field: string, code: string, message: string, hint?: Msg): void => {
        proxyErrors.push({ src, obj, field, message });
        err(src, obj, field, code, message, hint);
      };
      if (kp.mode !== undefined && kp.mode !== '') {
        if (PROXY_MODES.includes(kp.mode as ProxyMode)) config.proxy.mode = kp.mode as ProxyMode;
        else
          kpErr(
            'mode',
            'config.proxyMode',
            `KubeProxyConfiguration.ProxyMode: Invalid value: ${goQuote(String(kp.mode))}: must be iptables, ipvs, nftables or blank (blank means the best-available proxy [currently iptables])`,
          );
      }
      if (kp.mode === 'ipvs')
        // createProxier logs this with logger.Error right after "Using ipvs Proxier" (1.35+).
        diagnostics.push(
          objectDiagnostic(src.locate ? (src as SourcedObject) : undefined, obj, 'mode', {
            severity: 'warning',
            source: 'api',
            code: 'config.proxyMode.ipvsDeprecated',
            message:
              "The ipvs proxier is now deprecated and may be removed in a future release. Please use 'nftables' instead.",
            hint: msg('kubeProxy.ipvsDeprecated.hint', {}),
          }),
        );
      const sched = kp.ipvs?.scheduler;
      if (sched !== undefined) {
        if (SUPPORTED_IPVS_SCHEDULERS.includes(String(sched)))
          config.proxy.ipvsScheduler = String(sched) || 'rr';
        else if (config.proxy.mode === 'ipvs' || kp.mode === 'ipvs')
          // kube-proxy validates the IPVS block only in ipvs mode; Go prints the []IPVSSchedulerMethod with %v.
          kpErr(
            'ipvs.scheduler',
            'config.ipvsScheduler',
            `KubeProxyConfiguration.KubeProxyIPVSConfiguration.Scheduler: Invalid value: ${goQuote(String(sched))}: must be in [${SUPPORTED_IPVS_SCHEDULERS.join(' ')}], blank means the default algorithm method (currently rr)`,
            String(sched) === 'mh' ? msg('api.hint.mhScheduler', {}) : msg('api.hint.schedulerPerNode', {}),
          );
      }
      if (kp.clusterCIDR !== undefined && kp.clusterCIDR !== '') {
        const text = String(kp.clusterCIDR);
        const parts = text.split(',');
        const cidrs = parts.map(parseAnyCidr);
        const dual = cidrs.length === 2 && cidrs.every(Boolean) && cidrs[0]!.family !== cidrs[1]!.family;
        // kube-proxy's validation (pkg/proxy/apis/config/validation): one CIDR, or one of each family.
        const problem =
          parts.length > 2
            ? 'only one CIDR allowed or a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)'
            : parts.length === 2 && !dual
              ? 'must be a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)'
              : parts.length === 1 && !cidrs[0]
                ? 'must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)'
                : undefined;
        if (problem === undefined) {
          // Each family's proxier takes the CIDR of its family; a family without one detects no local traffic.
          config.proxy.clusterCIDR = cidrs.find((c) => c!.family === 'IPv4')?.text ?? '';
          config.proxy.clusterCIDRV6 = cidrs.find((c) => c!.family === 'IPv6')?.text;
          clusterCIDRGiven = true;
        } else
          kpErr(
            'clusterCIDR',
            'config.clusterCIDR',
            `KubeProxyConfiguration.ClusterCIDR: Invalid value: ${goQuote(text)}: ${problem}`,
          );
      }
      // kube-proxy reads nftables.masqueradeAll in nftables mode and iptables.masqueradeAll otherwise
      // (cmd/kube-proxy/app/server_linux.go createProxier; IPVS uses the iptables block).
      const masq = config.proxy.mode === 'nftables' ? kp.nftables?.masqueradeAll : kp.iptables?.masqueradeAll;
      if (typeof masq === 'boolean') config.proxy.masqueradeAll = masq;
      if (typeof kp.iptables?.localhostNodePorts === 'boolean')
        config.proxy.localhostNodePorts = kp.iptables.localhostNodePorts;
      if (Array.isArray(kp.nodePortAddresses)) {
        const good: string[] = [];
        kp.nodePortAddresses.forEach((a, i) => {
          // Both families are accepted; each family's proxier keeps the CIDRs of its own family.
          const c = a === 'primary' ? undefined : (parseCidr(String(a)) ?? parseAnyCidr(String(a)));
          if (a === 'primary' || c) good.push(a === 'primary' ? a : c!.text);
          else
            kpErr(
              `nodePortAddresses[${i}]`,
              'config.nodePortAddresses',
              `KubeProxyConfiguration.NodePortAddresses[${i}]: Invalid value: ${goQuote(String(a))}: must be a valid CIDR`,
            );
        });
        config.proxy.nodePortAddresses = good;
      }
    }
  }
  if (proxyErrors.length > 0) {
    // cmd/kube-proxy/app/server.go: Validate() fails, RunE returns "failed validate: %w" (the field errors'
    // aggregate: one message, or several in brackets) and kube-proxy exits; the DaemonSet restarts it
    // into the same error (CrashLoopBackOff), so it never writes a rule.
    const messages = proxyErrors.map((e) => e.message);
    const aggregate = messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`;
    config.proxy.startError = `failed validate: ${aggregate}`;
    // The IPVS deprecation is logged by createProxier, which a kube-proxy failing validation never reaches.
    const kept = diagnostics.filter((d) => d.code !== 'config.proxyMode.ipvsDeprecated');
    diagnostics.splice(0, diagnostics.length, ...kept);
    const first = proxyErrors[0]!;
    diagnostics.push(
      objectDiagnostic(first.src.locate ? (first.src as SourcedObject) : undefined, first.obj, first.field, {
        severity: 'error',
        source: 'api',
        code: 'config.kubeProxyExits',
        message: msg('kubeProxy.exits', { error: config.proxy.startError }),
      }),
    );
  }
  if (serviceSubnetGiven && !podSubnetGiven) {
    // kind's defaults for the families the Services have (kubeadm itself leaves pod addresses to the CNI).
    config.podSubnet = config.serviceSubnet ? DEFAULT_CONFIG.podSubnet : '';
    config.podSubnetV6 = config.serviceSubnetV6 ? DEFAULT_POD_SUBNET_V6 : undefined;
  }
  if (!clusterCIDRGiven) {
    // kubeadm writes the whole podSubnet (both families) into kube-proxy's clusterCIDR.
    config.proxy.clusterCIDR = config.podSubnet;
    config.proxy.clusterCIDRV6 = config.podSubnetV6;
  }
  return { config, diagnostics };
}
