/**
 * The Service registry's IP family defaulting and refusals on a single-stack IPv4 cluster, through the
 * diagnostics `validate` prints and the Services `get svc` prints: the "singlestack:v4" rows of kubernetes' storage_test.go
 * TestCreateInitIPFields (alloc.go initIPFamilyFields), with the messages kubectl prints.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Row {
  ips?: string[];
  policy?: string;
  families?: string[];
  /** The stored policy and families, or the first error's message. */
  want: [string, string[]] | string;
  selector?: boolean;
}

function create(row: Row): Obj {
  const spec: Obj = { ports: [{ port: 80 }] };
  if (row.selector !== false) spec.selector = { app: 'foo' };
  if (row.ips) spec.clusterIPs = row.ips;
  if (row.policy) spec.ipFamilyPolicy = row.policy;
  if (row.families) spec.ipFamilies = row.families;
  const text = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'foo' }, spec });
  const built = buildCluster([{ file: 'svc.yaml', text }], { seed: 1 });
  const err = built.diagnostics.find((d) => d.severity === 'error');
  if (err) return { error: err.message };
  return built.cluster.services.find((s) => s.metadata.name === 'foo')!;
}

const V4 = ['IPv4'];
const SS = 'SingleStack';
const PDS = 'PreferDualStack';
const RDS = 'RequireDualStack';
const NOT_DUAL =
  'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services';
const V6_NOT_CONFIGURED = 'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster';

/** storage_test.go, "singlestack:v4" (clusterIPs 10.0.0.1 replaced by one inside 10.96.0.0/12). */
const ROWS: [string, Row][] = [
  ['unset/unset/unset', { want: [SS, V4] }],
  ['unset/unset/v4', { families: ['IPv4'], want: [SS, V4] }],
  ['unset/unset/v6', { families: ['IPv6'], want: V6_NOT_CONFIGURED }],
  [
    'unset/unset/v4v6',
    {
      families: ['IPv4', 'IPv6'],
      want: "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
    },
  ],
  ['unset/SingleStack/unset', { policy: SS, want: [SS, V4] }],
  ['unset/SingleStack/v6', { policy: SS, families: ['IPv6'], want: V6_NOT_CONFIGURED }],
  ['unset/PreferDualStack/unset', { policy: PDS, want: [PDS, V4] }],
  ['unset/PreferDualStack/v4', { policy: PDS, families: ['IPv4'], want: [PDS, V4] }],
  ['unset/PreferDualStack/v6', { policy: PDS, families: ['IPv6'], want: V6_NOT_CONFIGURED }],
  ['unset/PreferDualStack/v6v4', { policy: PDS, families: ['IPv6', 'IPv4'], want: V6_NOT_CONFIGURED }],
  ['unset/RequireDualStack/unset', { policy: RDS, want: NOT_DUAL }],
  ['unset/RequireDualStack/v4', { policy: RDS, families: ['IPv4'], want: NOT_DUAL }],
  ['v4/unset/unset', { ips: ['10.96.0.100'], want: [SS, V4] }],
  ['v4/unset/v4', { ips: ['10.96.0.100'], families: ['IPv4'], want: [SS, V4] }],
  [
    'v4/unset/v6',
    {
      ips: ['10.96.0.100'],
      families: ['IPv6'],
      want: 'spec.clusterIPs[0]: Invalid value: "10.96.0.100": expected an IPv6 value as indicated by `ipFamilies[0]`',
    },
  ],
  ['v4/PreferDualStack/unset', { ips: ['10.96.0.100'], policy: PDS, want: [PDS, V4] }],
  ['v4/RequireDualStack/unset', { ips: ['10.96.0.100'], policy: RDS, want: NOT_DUAL }],
  [
    'v4v6/unset/unset',
    {
      ips: ['10.96.0.100', '2000::1'],
      want: "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
    },
  ],
  [
    'v4v6/PreferDualStack/unset',
    {
      ips: ['10.96.0.100', '2000::1'],
      policy: PDS,
      want: 'spec.clusterIPs[1]: Invalid value: []string{"10.96.0.100", "2000::1"}: IPv6 is not configured on this cluster',
    },
  ],
  [
    'v4v4',
    {
      ips: ['10.96.0.100', '10.96.0.101'],
      policy: PDS,
      want: 'spec.clusterIPs: Invalid value: []string{"10.96.0.100", "10.96.0.101"}: may specify no more than one IP for each IP family',
    },
  ],
];

describe('initIPFamilyFields on a single-stack IPv4 cluster (storage_test.go TestCreateInitIPFields)', () => {
  for (const [name, row] of ROWS)
    it(`ClusterIPs/Policy/Families ${name}`, () => {
      const got = create(row);
      if (typeof row.want === 'string') expect(got.error).toBe(row.want);
      else {
        expect(got.error).toBeUndefined();
        expect([got.spec.ipFamilyPolicy, got.spec.ipFamilies]).toEqual(row.want);
        expect(got.spec.clusterIPs).toHaveLength(1);
      }
    });

  it('headless without selector: RequireDualStack and both families, even here (no IP to allocate)', () => {
    const got = create({ ips: ['None'], selector: false, want: [RDS, ['IPv4', 'IPv6']] });
    expect([got.spec.ipFamilyPolicy, got.spec.ipFamilies, got.spec.clusterIPs]).toEqual([
      RDS,
      ['IPv4', 'IPv6'],
      ['None'],
    ]);
    const single = create({ ips: ['None'], selector: false, policy: SS, want: [SS, V4] });
    expect([single.spec.ipFamilyPolicy, single.spec.ipFamilies]).toEqual([SS, V4]);
  });

  it('headless with a selector follows the ordinary rules', () => {
    const got = create({ ips: ['None'], want: [SS, V4] });
    expect([got.spec.ipFamilyPolicy, got.spec.ipFamilies]).toEqual([SS, V4]);
    expect(create({ ips: ['None'], policy: RDS, want: NOT_DUAL }).error).toBe(NOT_DUAL);
  });

  it('more than two clusterIPs', () => {
    expect(create({ ips: ['10.96.0.1', '2000::1', '10.96.0.2'], policy: PDS, want: '' }).error).toBe(
      'spec.clusterIPs: Invalid value: []string{"10.96.0.1", "2000::1", "10.96.0.2"}: may only hold up to 2 values',
    );
  });
});

const DUAL = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
---
`;

function createDual(row: Row): Obj {
  const spec: Obj = { ports: [{ port: 80 }] };
  if (row.selector !== false) spec.selector = { app: 'foo' };
  if (row.ips) spec.clusterIPs = row.ips;
  if (row.policy) spec.ipFamilyPolicy = row.policy;
  if (row.families) spec.ipFamilies = row.families;
  const text = DUAL + JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'foo' }, spec });
  const built = buildCluster([{ file: 'svc.yaml', text }], { seed: 1 });
  const err = built.diagnostics.find((d) => d.severity === 'error');
  if (err) return { error: err.message };
  return built.cluster.services.find((s) => s.metadata.name === 'foo')!;
}

const V6 = ['IPv6'];
const V4V6 = ['IPv4', 'IPv6'];
const V6V4 = ['IPv6', 'IPv4'];
const IP4 = '10.96.0.100';
const IP6 = 'fd00:10:96::100';
const MULTI_FAMILIES =
  "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified";
const MULTI_IPS =
  "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified";
const want6at0 = (ip: string): string =>
  `spec.clusterIPs[0]: Invalid value: "${ip}": expected an IPv6 value as indicated by \`ipFamilies[0]\``;
const want4at0 = (ip: string): string =>
  `spec.clusterIPs[0]: Invalid value: "${ip}": expected an IPv4 value as indicated by \`ipFamilies[0]\``;

/** storage_test.go, "dualstack:v4v6" (10.0.0.1 and 2000::1 replaced by addresses inside the cluster's CIDRs). */
const DUAL_ROWS: [string, Row][] = [
  ['unset/unset/unset', { want: [SS, V4] }],
  ['unset/unset/v4', { families: ['IPv4'], want: [SS, V4] }],
  ['unset/unset/v6', { families: ['IPv6'], want: [SS, V6] }],
  ['unset/unset/v4v6', { families: V4V6, want: MULTI_FAMILIES }],
  ['unset/unset/v6v4', { families: V6V4, want: MULTI_FAMILIES }],
  ['unset/SingleStack/v6', { policy: SS, families: ['IPv6'], want: [SS, V6] }],
  ['unset/SingleStack/v4v6', { policy: SS, families: V4V6, want: MULTI_FAMILIES }],
  ['unset/PreferDualStack/unset', { policy: PDS, want: [PDS, V4V6] }],
  ['unset/PreferDualStack/v4', { policy: PDS, families: ['IPv4'], want: [PDS, V4V6] }],
  ['unset/PreferDualStack/v6', { policy: PDS, families: ['IPv6'], want: [PDS, V6V4] }],
  ['unset/PreferDualStack/v6v4', { policy: PDS, families: V6V4, want: [PDS, V6V4] }],
  ['unset/RequireDualStack/unset', { policy: RDS, want: [RDS, V4V6] }],
  ['unset/RequireDualStack/v6', { policy: RDS, families: ['IPv6'], want: [RDS, V6V4] }],
  ['unset/RequireDualStack/v4v6', { policy: RDS, families: V4V6, want: [RDS, V4V6] }],
  ['v4/unset/unset', { ips: [IP4], want: [SS, V4] }],
  ['v4/unset/v6', { ips: [IP4], families: ['IPv6'], want: want6at0(IP4) }],
  ['v4/unset/v4v6', { ips: [IP4], families: V4V6, want: MULTI_FAMILIES }],
  ['v4/PreferDualStack/unset', { ips: [IP4], policy: PDS, want: [PDS, V4V6] }],
  ['v4/PreferDualStack/v6', { ips: [IP4], policy: PDS, families: ['IPv6'], want: want6at0(IP4) }],
  ['v4/RequireDualStack/unset', { ips: [IP4], policy: RDS, want: [RDS, V4V6] }],
  ['v4/RequireDualStack/v6v4', { ips: [IP4], policy: RDS, families: V6V4, want: want6at0(IP4) }],
  ['v6/unset/unset', { ips: [IP6], want: [SS, V6] }],
  ['v6/unset/v4', { ips: [IP6], families: ['IPv4'], want: want4at0(IP6) }],
  ['v6/PreferDualStack/v6', { ips: [IP6], policy: PDS, families: ['IPv6'], want: [PDS, V6V4] }],
  ['v6/RequireDualStack/unset', { ips: [IP6], policy: RDS, want: [RDS, V6V4] }],
  ['v6/RequireDualStack/v4v6', { ips: [IP6], policy: RDS, families: V4V6, want: want4at0(IP6) }],
  ['v4v6/unset/unset', { ips: [IP4, IP6], want: MULTI_IPS }],
  ['v4v6/PreferDualStack/unset', { ips: [IP4, IP6], policy: PDS, want: [PDS, V4V6] }],
  ['v4v6/PreferDualStack/v6', { ips: [IP4, IP6], policy: PDS, families: ['IPv6'], want: want6at0(IP4) }],
  ['v4v6/RequireDualStack/v4', { ips: [IP4, IP6], policy: RDS, families: ['IPv4'], want: [RDS, V4V6] }],
  ['v4v6/RequireDualStack/v6v4', { ips: [IP4, IP6], policy: RDS, families: V6V4, want: want6at0(IP4) }],
  ['v6v4/unset/unset', { ips: [IP6, IP4], want: MULTI_IPS }],
  ['v6v4/PreferDualStack/unset', { ips: [IP6, IP4], policy: PDS, want: [PDS, V6V4] }],
  ['v6v4/PreferDualStack/v4', { ips: [IP6, IP4], policy: PDS, families: ['IPv4'], want: want4at0(IP6) }],
  ['v6v4/RequireDualStack/unset', { ips: [IP6, IP4], policy: RDS, want: [RDS, V6V4] }],
];

describe('initIPFamilyFields and allocClusterIPs on a dual-stack cluster (TestCreateInitIPFields dualstack:v4v6)', () => {
  for (const [name, row] of DUAL_ROWS)
    it(`ClusterIPs/Policy/Families ${name}`, () => {
      const got = createDual(row);
      if (typeof row.want === 'string') expect(got.error).toBe(row.want);
      else {
        expect(got.error).toBeUndefined();
        const [policy, families] = row.want;
        expect([got.spec.ipFamilyPolicy, got.spec.ipFamilies]).toEqual([policy, families]);
        // One address per family, in the families' order; clusterIP is the first; given IPs are kept.
        expect(got.spec.clusterIPs).toHaveLength(families.length);
        got.spec.clusterIPs.forEach((ip: string, i: number) =>
          expect(ip.includes(':') ? 'IPv6' : 'IPv4').toBe(families[i]),
        );
        expect(got.spec.clusterIP).toBe(got.spec.clusterIPs[0]);
        for (const ip of row.ips ?? []) expect(got.spec.clusterIPs).toContain(ip);
      }
    });

  it('headless without selector: RequireDualStack and both families, no address', () => {
    const got = createDual({ ips: ['None'], selector: false, want: [RDS, V4V6] });
    expect([got.spec.ipFamilyPolicy, got.spec.ipFamilies, got.spec.clusterIPs]).toEqual([
      RDS,
      V4V6,
      ['None'],
    ]);
  });

  it('an IPv6 address outside the IPv6 service CIDR is refused with the allocator message', () => {
    expect(createDual({ ips: ['fd00:99::1'], want: '' }).error).toBe(
      'spec.clusterIPs: Invalid value: []string{"fd00:99::1"}: failed to allocate IP fd00:99::1: the provided network does not match the current range',
    );
  });

  it('allocates IPv6 ClusterIPs above the static band of the IPv6 CIDR', () => {
    const got = createDual({ policy: RDS, want: [RDS, V4V6] });
    const v6 = got.spec.clusterIPs[1] as string;
    expect(v6).toMatch(/^fd00:10:96::[0-9a-f]+$/);
    expect(parseInt(v6.split('::')[1]!, 16)).toBeGreaterThan(256);
  });
});
