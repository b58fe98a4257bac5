import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults';
import { validateFields } from './index';

/** The API errors of a Service after defaulting, as kubectl prints each one. */
function errors(spec: Record<string, unknown>, name = 'x'): string[] {
  const svc: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: JSON.parse(JSON.stringify(spec)) as unknown,
  };
  applyDefaults(svc);
  return validateFields(svc).map((e) => e.message);
}
/** Without defaulting: for rows that only fire when defaulting did not fill a field. */
function rawErrors(spec: Record<string, unknown>): string[] {
  return validateFields({ kind: 'Service', metadata: { name: 'x', namespace: 'default' }, spec }).map(
    (e) => e.message,
  );
}
const p80 = [{ port: 80 }];

describe('ValidateService: section 5.2, one test per row', () => {
  it('a valid Service has no errors', () => {
    expect(
      errors({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
    ).toEqual([]);
  });
  it('no ports, not headless, not ExternalName', () => {
    expect(errors({ selector: { app: 'a' } })).toEqual(['spec.ports: Required value']);
    expect(errors({ clusterIP: 'None' })).toEqual([]);
  });
  it('LoadBalancer with clusterIP None', () => {
    expect(errors({ type: 'LoadBalancer', clusterIP: 'None', ports: p80 })).toEqual([
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services',
    ]);
  });
  it('NodePort with clusterIP None', () => {
    expect(errors({ type: 'NodePort', clusterIP: 'None', ports: p80 })).toEqual([
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ]);
  });
  it('ExternalName with clusterIPs, ipFamilies, ipFamilyPolicy', () => {
    expect(
      errors({
        type: 'ExternalName',
        externalName: 'db.example.com',
        clusterIP: '10.96.0.9',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
      }),
    ).toEqual([
      'spec.clusterIPs: Forbidden: may not be set for ExternalName services',
      'spec.ipFamilies: Forbidden: may not be set for ExternalName services',
      'spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services',
    ]);
  });
  it('ExternalName with empty externalName (a lone "." is stripped first)', () => {
    expect(errors({ type: 'ExternalName' })).toEqual(['spec.externalName: Required value']);
    expect(errors({ type: 'ExternalName', externalName: '.' })).toEqual([
      'spec.externalName: Required value',
    ]);
    expect(errors({ type: 'ExternalName', externalName: 'db.example.com.' })).toEqual([]);
  });
  it('ExternalName not a DNS-1123 subdomain', () => {
    expect(errors({ type: 'ExternalName', externalName: 'DB_host' })).toEqual([
      "spec.externalName: Invalid value: \"DB_host\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
  it('more than one port and a port without name', () => {
    expect(errors({ ports: [{ port: 80 }, { port: 443 }] })).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
    ]);
  });
  it('port name not a DNS-1123 label', () => {
    expect(errors({ ports: [{ name: 'Http', port: 80 }] })).toEqual([
      "spec.ports[0].name: Invalid value: \"Http\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(errors({ ports: [{ name: 'a.b', port: 80 }] })).toEqual([
      'spec.ports[0].name: Invalid value: "a.b": must not contain dots',
    ]);
  });
  it('duplicate port name', () => {
    expect(
      errors({
        ports: [
          { name: 'web', port: 80 },
          { name: 'web', port: 81 },
        ],
      }),
    ).toEqual(['spec.ports[1].name: Duplicate value: "web"']);
  });
  it('port outside 1..65535', () => {
    expect(errors({ ports: [{ port: 0, targetPort: 80 }] })).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    expect(errors({ ports: [{ port: 70000, targetPort: 80 }] })).toEqual([
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });
  it('protocol empty (only without defaulting)', () => {
    expect(
      rawErrors({
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, targetPort: 80 }],
      }),
    ).toEqual(['spec.ports[0].protocol: Required value']);
  });
  it('protocol not TCP/UDP/SCTP', () => {
    expect(errors({ ports: [{ port: 80, protocol: 'HTTP' }] })).toEqual([
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
  it('numeric targetPort outside 1..65535', () => {
    expect(errors({ ports: [{ port: 80, targetPort: 65536 }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
    ]);
  });
  it('named targetPort invalid: one error per failed check', () => {
    expect(errors({ ports: [{ port: 80, targetPort: '-Very--Long-Name-' }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: "-Very--Long-Name-": must be no more than 15 characters',
      'spec.ports[0].targetPort: Invalid value: "-Very--Long-Name-": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "-Very--Long-Name-": must not contain consecutive hyphens',
      'spec.ports[0].targetPort: Invalid value: "-Very--Long-Name-": must not begin or end with a hyphen',
    ]);
    expect(errors({ ports: [{ port: 80, targetPort: '8080' }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
    ]);
  });
  it('sessionAffinity empty (only without defaulting) / unknown', () => {
    expect(
      rawErrors({
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
    ).toEqual(['spec.sessionAffinity: Required value']);
    expect(errors({ ports: p80, sessionAffinity: 'Sticky' })).toEqual([
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ]);
  });
  it('ClientIP with nil config (only without defaulting)', () => {
    expect(
      rawErrors({
        type: 'ClusterIP',
        sessionAffinity: 'ClientIP',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
    ).toEqual(['spec.sessionAffinityConfig: Required value: when session affinity type is ClientIP']);
  });
  it('ClientIP timeout ≤ 0 or > 86400 (86400 itself is valid)', () => {
    const cfg = (t: number) => ({
      ports: p80,
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: t } },
    });
    expect(errors(cfg(0))).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ]);
    expect(errors(cfg(86401))).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400',
    ]);
    expect(errors(cfg(86400))).toEqual([]);
  });
  it('affinity None with config (only without defaulting, which drops the config)', () => {
    expect(
      rawErrors({
        type: 'ClusterIP',
        sessionAffinity: 'None',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } },
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
    ).toEqual(['spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None']);
  });
  it('invalid externalIP: IsValidIP, then ValidateNonSpecialIP', () => {
    expect(
      errors({ ports: p80, externalIPs: ['1.2.3', '127.0.0.1', '0.0.0.0', '169.254.1.1', '224.0.0.5'] }),
    ).toEqual([
      'spec.externalIPs[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'spec.externalIPs[2]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
      'spec.externalIPs[3]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'spec.externalIPs[4]: Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
    ]);
  });
  it('type empty (only without defaulting) / unknown', () => {
    expect(
      rawErrors({ sessionAffinity: 'None', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }),
    ).toEqual(['spec.type: Required value']);
    expect(errors({ ports: p80, type: 'Internal' })).toEqual([
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });
  it('type ClusterIP with a nodePort', () => {
    expect(errors({ ports: [{ port: 80, nodePort: 30080 }] })).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });
  it('duplicate (protocol, nodePort); same nodePort on TCP and UDP is fine', () => {
    expect(
      errors({
        type: 'NodePort',
        ports: [
          { name: 'a', port: 80, nodePort: 30080 },
          { name: 'b', port: 81, nodePort: 30080 },
        ],
      }),
    ).toEqual(['spec.ports[1].nodePort: Duplicate value: 30080']);
    expect(
      errors({
        type: 'NodePort',
        ports: [
          { name: 'a', port: 53, nodePort: 30053 },
          { name: 'b', port: 53, protocol: 'UDP', nodePort: 30053 },
        ],
      }),
    ).toEqual([]);
  });
  it('duplicate (protocol, port)', () => {
    expect(
      errors({
        ports: [
          { name: 'a', port: 80 },
          { name: 'b', port: 80, targetPort: 8080 },
        ],
      }),
    ).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });
  it('loadBalancerSourceRanges on a non-LoadBalancer, and a bad CIDR (trimmed first)', () => {
    expect(errors({ ports: p80, loadBalancerSourceRanges: [' 10.0.0.0/8 ', '10.0.0.0/33'] })).toEqual([
      "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
      'spec.LoadBalancerSourceRanges[1]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });
  it('allocateLoadBalancerNodePorts on a non-LoadBalancer; nil on a LoadBalancer without defaulting', () => {
    expect(errors({ ports: p80, type: 'NodePort', allocateLoadBalancerNodePorts: false })).toEqual([
      "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(
      rawErrors({
        type: 'LoadBalancer',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
    ).toEqual(['allocateLoadBalancerNodePorts: Required value']);
  });
  it('appProtocol is a qualified name: IANA names, kubernetes.io/… and domain-prefixed ones pass', () => {
    const withApp = (appProtocol: string) => errors({ ports: [{ port: 80, appProtocol }] });
    for (const ok of ['http', 'kubernetes.io/h2c', 'kubernetes.io/ws', 'example.com/custom-proto'])
      expect(withApp(ok), ok).toEqual([]);
    expect(withApp('HTTP 2')).toEqual([
      "spec.ports[0].appProtocol: Invalid value: \"HTTP 2\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });
  it('loadBalancerClass: forbidden unless type is LoadBalancer, and a qualified name (validateLoadBalancerClassField)', () => {
    expect(errors({ ports: p80, type: 'NodePort', loadBalancerClass: 'example.com/lb' })).toEqual([
      "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(
      errors({ ports: p80, type: 'LoadBalancer', loadBalancerClass: 'example.com/internal-vip' }),
    ).toEqual([]);
    expect(errors({ ports: p80, type: 'LoadBalancer', loadBalancerClass: 'Example.com/a/b' })).toEqual([
      "spec.loadBalancerClass: Invalid value: \"Example.com/a/b\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
    expect(errors({ ports: p80, type: 'LoadBalancer', loadBalancerClass: 'example.com/-x' })).toEqual([
      "spec.loadBalancerClass: Invalid value: \"example.com/-x\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });
  it('externalTrafficPolicy on a Service that is not externally accessible', () => {
    expect(errors({ ports: p80, externalTrafficPolicy: 'Local' })).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
    expect(errors({ ports: p80, externalIPs: ['192.0.2.10'], externalTrafficPolicy: 'Local' })).toEqual([]);
  });
  it('externally accessible with empty externalTrafficPolicy (only without defaulting)', () => {
    expect(
      rawErrors({
        type: 'NodePort',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
    ).toEqual(['spec.externalTrafficPolicy: Required value']);
  });
  it('externalTrafficPolicy not Cluster/Local', () => {
    expect(errors({ type: 'NodePort', ports: p80, externalTrafficPolicy: 'Global' })).toEqual([
      'spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"',
    ]);
  });
  it('healthCheckNodePort without LoadBalancer + Local', () => {
    expect(errors({ type: 'NodePort', ports: p80, healthCheckNodePort: 30999 })).toEqual([
      "spec.healthCheckNodePort: Invalid value: 30999: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    ]);
    expect(
      errors({
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        ports: p80,
        healthCheckNodePort: 30999,
      }),
    ).toEqual([]);
  });
  it('internalTrafficPolicy nil (only without defaulting) / unknown', () => {
    expect(
      rawErrors({
        type: 'ClusterIP',
        sessionAffinity: 'None',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
    ).toEqual(['spec.internalTrafficPolicy: Required value']);
    expect(errors({ ports: p80, internalTrafficPolicy: 'Node' })).toEqual([
      'spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"',
    ]);
  });
  it('trafficDistribution not supported', () => {
    expect(errors({ ports: p80, trafficDistribution: 'Closest' })).toEqual([
      'spec.trafficDistribution: Unsupported value: "Closest": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"',
    ]);
    expect(errors({ ports: p80, trafficDistribution: 'PreferClose' })).toEqual([]);
  });
  it('metadata.name must be a DNS-1035 label', () => {
    expect(errors({ ports: p80 }, '1web')).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
  it('selector labels are validated', () => {
    expect(errors({ ports: p80, selector: { app: 'web app' } })).toEqual([
      "spec.selector: Invalid value: \"web app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
  it('several errors come in upstream order', () => {
    expect(
      errors({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }, { port: 0, targetPort: 1 }] }),
    ).toEqual([
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
      'spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });
});
