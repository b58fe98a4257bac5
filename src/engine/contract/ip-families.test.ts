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
