/**
 * Service discovery: the cluster DNS (CoreDNS as kubeadm deploys it), the pod's resolver, and kubelet's
 * Service environment variables. The public surface other engine parts use.
 *
 * @example
 * import { lookup, podEnvironment } from './discovery';
 * lookup(cluster, { pod }, 'db', 'A', { transport }).answer[0].data; // "10.96.0.42"
 */
export { dnsSystemObjects, clusterDnsIP, kubernetesServiceIP, kubeadmCorefile } from './system-objects';
export { podEnvironment, missingServiceEnv, fromServices, serviceEnvServices } from './env-vars';
export type { EnvSource, PodEnvVar } from './types';
export { serveDns } from './dns';
export { corednsSettings, parseCorefile, type CorednsSettings } from './coredns';
export { lookup, searchCandidates, resolverConfig } from './resolver';
export type { LookupResult, LookupFrom, LookupOptions } from './types';
export { podResolvConf, nodeResolvConf, formatResolvConf, type ResolvConf } from './resolv-conf';
export { hostsFile, hostsLookup, podHostname } from './hosts-file';
export { dnsServerAt, isCoreDnsPod, isOutsideResolver, serverAnswer, type DnsServer } from './dns-server';
export type { DnsExchange, DnsQuery, DnsTransport } from './dns-transport';
export { nslookupOutput, commErrorLines } from './nslookup-format';
export { externalHosts, INGRESS_CONTROLLER_SERVICE } from './external-hosts';
export { upstreamQuery, upstreamAddress } from './upstream';
export { discoveryLints } from './lint';
export type { DnsRecord, DnsMessage, Rcode, RRType } from './records';
