import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults';
import { validateFields } from './index';

function errors(obj: Record<string, unknown>): string[] {
  const o = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  o.metadata = { namespace: 'default', ...(o.metadata as object) };
  applyDefaults(o);
  return validateFields(o).map((e) => e.message);
}

describe('Endpoints (section 7.1 manual endpoints)', () => {
  const ep = (subsets: unknown[]) => errors({ kind: 'Endpoints', metadata: { name: 'db' }, subsets });
  it('a subset needs addresses or notReadyAddresses', () => {
    expect(ep([{ ports: [{ port: 5432 }] }])).toEqual([
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
    ]);
  });
  it('address IPs: IsValidIP, then the special ranges', () => {
    expect(
      ep([
        {
          addresses: [{ ip: '10.0.0.300' }, { ip: '127.0.0.1' }],
          notReadyAddresses: [{ ip: '169.254.169.254' }],
        },
      ]),
    ).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address',
      'subsets[0].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[0].notReadyAddresses[0].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ]);
  });
  it('hostname must be a DNS-1123 label', () => {
    expect(ep([{ addresses: [{ ip: '10.1.2.3', hostname: 'db.0' }] }])).toEqual([
      'subsets[0].addresses[0].hostname: Invalid value: "db.0": must not contain dots',
    ]);
  });
  it('ports: name required when several, range, protocol', () => {
    expect(
      ep([
        { addresses: [{ ip: '10.1.2.3' }], ports: [{ port: 0 }, { name: 'b', port: 80, protocol: 'ICMP' }] },
      ]),
    ).toEqual([
      'subsets[0].ports[0].name: Required value',
      'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'subsets[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
  it('an address equal to some ClusterIP is accepted (no such rule exists)', () => {
    expect(ep([{ addresses: [{ ip: '10.96.0.10' }], ports: [{ port: 53 }] }])).toEqual([]);
  });
});

describe('EndpointSlice', () => {
  const es = (o: Record<string, unknown>) =>
    errors({ kind: 'EndpointSlice', metadata: { name: 's-1' }, ...o });
  it('addresses required, IPv4 checked, special IPs refused', () => {
    expect(
      es({ addressType: 'IPv4', endpoints: [{ addresses: [] }, { addresses: ['fe80::1', '127.0.0.2'] }] }),
    ).toEqual([
      'endpoints[0].addresses: Required value: must contain at least 1 address',
      'endpoints[1].addresses[0]: Invalid value: "fe80::1": must be a valid IPv4 address',
      'endpoints[1].addresses[1]: Invalid value: "127.0.0.2": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
  });
  it('IPv6 slices take only IPv6 addresses (IsValidIPv6Address), then the special ranges', () => {
    expect(
      es({
        addressType: 'IPv6',
        endpoints: [{ addresses: ['10.244.1.5', '::ffff:10.0.0.1', 'fd00::5', '::1'] }],
      }),
    ).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "10.244.1.5": must be a valid IPv6 address',
      'endpoints[0].addresses[1]: Invalid value: "::ffff:10.0.0.1": must be a valid IPv6 address',
      'endpoints[0].addresses[3]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
  });
  it('a port’s appProtocol is a qualified name, in slices as in Endpoints', () => {
    expect(
      es({
        addressType: 'IPv4',
        endpoints: [],
        ports: [{ name: 'h', protocol: 'TCP', port: 80, appProtocol: '/h2c' }],
      }),
    ).toEqual(['ports[0].appProtocol: Invalid value: "/h2c": prefix part must be non-empty']);
    expect(
      errors({
        kind: 'Endpoints',
        metadata: { name: 'db' },
        subsets: [
          {
            addresses: [{ ip: '10.0.0.5' }],
            ports: [
              { port: 5432, appProtocol: 'postgresql' },
              { name: 'b', port: 1, appProtocol: 'a/b/c' },
            ],
          },
        ],
      }),
    ).toEqual([
      'subsets[0].ports[0].name: Required value',
      "subsets[0].ports[1].appProtocol: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
  it('addressType required / supported; duplicate port names', () => {
    expect(
      es({
        addressType: 'IPv5',
        endpoints: [],
        ports: [
          { name: 'http', port: 80 },
          { name: 'http', port: 81 },
        ],
      }),
    ).toEqual([
      'addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"',
      'ports[1].name: Duplicate value: "http"',
    ]);
  });
});

describe('IngressClass parameters (validateIngressClassParametersReference)', () => {
  /** A cluster-scoped object: no namespace, defaults then validation. */
  const ic = (parameters: Record<string, unknown>) => {
    const o = JSON.parse(
      JSON.stringify({
        kind: 'IngressClass',
        metadata: { name: 'nginx' },
        spec: { controller: 'k8s.io/ingress-nginx', parameters },
      }),
    ) as Record<string, unknown>;
    applyDefaults(o);
    return {
      errors: validateFields(o).map((e) => e.message),
      scope: (o.spec as { parameters: { scope?: string } }).parameters.scope,
    };
  };
  it('a reference without scope is defaulted to Cluster and valid', () => {
    expect(ic({ apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' })).toEqual({
      errors: [],
      scope: 'Cluster',
    });
  });
  it('kind and name are required path segments; apiGroup a DNS subdomain', () => {
    expect(ic({ apiGroup: 'K8s_Example', name: 'a/b' }).errors).toEqual([
      "spec.parameters.apiGroup: Invalid value: \"K8s_Example\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'spec.parameters.kind: Required value: kind is required',
      'spec.parameters.name: Invalid value: "a/b": may not contain \'/\'',
    ]);
    expect(ic({ kind: '..', name: 'x' }).errors).toEqual([
      'spec.parameters.kind: Invalid value: "..": may not be \'..\'',
    ]);
  });
  it('scope: Namespace needs a namespace, Cluster forbids one, anything else is not supported', () => {
    const ref = { kind: 'IngressParameters', name: 'p' };
    expect(ic({ ...ref, scope: 'Namespace' }).errors).toEqual([
      "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'",
    ]);
    expect(ic({ ...ref, scope: 'Namespace', namespace: 'Team_A' }).errors).toEqual([
      "spec.parameters.namespace: Invalid value: \"Team_A\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(ic({ ...ref, scope: 'Namespace', namespace: 'team-a' }).errors).toEqual([]);
    expect(ic({ ...ref, namespace: 'team-a' }).errors).toEqual([
      "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'",
    ]);
    expect(ic({ ...ref, scope: 'Global' }).errors).toEqual([
      'spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"',
    ]);
  });
});

describe('Ingress', () => {
  const ing = (spec: Record<string, unknown>) => errors({ kind: 'Ingress', metadata: { name: 'web' }, spec });
  const rule = (path: Record<string, unknown>, host?: string) => ({
    rules: [
      {
        ...(host ? { host } : {}),
        http: { paths: [{ backend: { service: { name: 'web', port: { number: 80 } } }, ...path }] },
      },
    ],
  });
  it('pathType is required', () => {
    expect(ing(rule({ path: '/' }))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    ]);
  });
  it('paths must be absolute and clean; pathType supported', () => {
    expect(ing(rule({ path: 'api', pathType: 'Prefix' }))).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
    ]);
    expect(ing(rule({ path: '/a//b/..', pathType: 'Exact' }))).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "/a//b/..": must not contain \'//\'',
      'spec.rules[0].http.paths[0].path: Invalid value: "/a//b/..": cannot end with \'/..\'',
    ]);
    expect(ing(rule({ path: '/', pathType: 'Regex' }))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });
  it('hosts: DNS names, wildcard only as the first label, no IPs', () => {
    expect(ing(rule({ path: '/', pathType: 'Prefix' }, '*.example.com'))).toEqual([]);
    expect(ing(rule({ path: '/', pathType: 'Prefix' }, 'foo.*.com'))).toEqual([
      "spec.rules[0].host: Invalid value: \"foo.*.com\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(ing(rule({ path: '/', pathType: 'Prefix' }, '10.0.0.1'))[0]).toBe(
      'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    );
  });
  it('backend: service port name or number', () => {
    const r = (port: unknown) => ({
      rules: [
        { http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port } } }] } },
      ],
    });
    expect(ing(r({}))).toEqual([
      'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    ]);
    expect(ing(r({ name: 'http', number: 80 }))).toEqual([
      'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
    ]);
    expect(ing(r({ number: 0, name: 'HTTP' }))).toEqual([
      'spec.rules[0].http.paths[0].backend.service.port.name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.rules[0].http.paths[0].backend.service.port.name: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]);
  });
  it('rules or defaultBackend must be given', () => {
    expect(ing({})).toEqual([
      'spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
    ]);
  });
});

describe('Pod and workloads', () => {
  const pod = (containers: unknown[]) =>
    errors({ kind: 'Pod', metadata: { name: 'p' }, spec: { containers } });
  it('container port names are IANA_SVC_NAMEs, unique per container; containerPort range', () => {
    expect(
      pod([
        {
          name: 'c',
          image: 'nginx',
          ports: [
            { name: 'http', containerPort: 80 },
            { name: 'http', containerPort: 81 },
            { name: 'metrics-port-9090', containerPort: 70000 },
          ],
        },
      ]),
    ).toEqual([
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
      'spec.containers[0].ports[2].name: Invalid value: "metrics-port-9090": must be no more than 15 characters',
      'spec.containers[0].ports[2].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });
  it('containerPort 0 is required; container name and image required', () => {
    expect(pod([{ ports: [{ containerPort: 0 }] }])).toEqual([
      'spec.containers[0].name: Required value',
      'spec.containers[0].image: Required value',
      'spec.containers[0].ports[0].containerPort: Required value',
    ]);
  });
  it('Deployment selector must match template labels', () => {
    expect(
      errors({
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'api' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      }),
    ).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    ]);
  });
  it('metadata.name is a DNS-1123 subdomain for pods, a label for namespaces', () => {
    expect(
      errors({
        kind: 'Pod',
        metadata: { name: 'Web' },
        spec: { containers: [{ name: 'c', image: 'i' }] },
      })[0],
    ).toBe(
      "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(errors({ kind: 'Namespace', metadata: { name: 'team.a' } })).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
  });
});
