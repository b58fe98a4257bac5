/**
 * What a 1.33–1.36 cluster prints besides errors, where kubectl prints it: the API server's warnings
 * (`Warning: …` on apply, the object still created) for Services (pkg/api/service/warnings.go
 * GetWarningsForService) and for every v1 Endpoints request (KEP-4974: "v1 Endpoints is deprecated in
 * v1.33+; use discovery.k8s.io/v1 EndpointSlice", also on `get endpoints`), and kube-proxy's startup line in
 * ipvs mode (cmd/kube-proxy/app/server_linux.go, 1.35+).
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { scene } from '../testing/scene';

const warningsOf = (yaml: string): string[] =>
  buildCluster([{ file: 'scene.yaml', text: yaml }], { seed: 1 })
    .diagnostics.filter((d) => d.severity === 'warning' && d.source === 'api')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.id));

const ENDPOINTS_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

const manualEndpoints = `apiVersion: v1
kind: Endpoints
metadata: { name: manual }
subsets:
  - addresses: [{ ip: 10.244.1.5 }]
    ports: [{ port: 80 }]
`;

describe('GetWarningsForService', () => {
  it('warns, in upstream order, about what a headless Service ignores and the deprecated spellings', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata:
  name: h
  annotations: { service.kubernetes.io/topology-aware-hints: auto }
spec:
  clusterIP: None
  externalIPs: [192.0.2.9]
  sessionAffinity: ClientIP
  externalName: foo.example
  trafficDistribution: PreferClose
  ports: [{ port: 80 }]
`;
    expect(warningsOf(yaml)).toEqual([
      'annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead',
      'spec.externalIPs is ignored for headless services',
      'spec.SessionAffinity is ignored for headless services',
      'spec.externalName is ignored when spec.type is not "ExternalName"',
      'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"',
    ]);
  });

  it('externalIPs on an ExternalName Service; nothing for a plain Service with externalIPs', () => {
    const ext = `apiVersion: v1
kind: Service
metadata: { name: ext }
spec:
  type: ExternalName
  externalName: db.example.com
  externalIPs: [192.0.2.9]
`;
    expect(warningsOf(ext)).toEqual(['spec.externalIPs is ignored when spec.type is "ExternalName"']);
    const plain = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  externalIPs: [192.0.2.9]
  trafficDistribution: PreferSameZone
  ports: [{ port: 80 }]
`;
    expect(warningsOf(plain)).toEqual([]);
  });
});

describe('v1 Endpoints is deprecated (1.33+)', () => {
  it('applying an Endpoints warns and still creates it', () => {
    const s = scene(manualEndpoints);
    const r = s.run('validate');
    expect(r.exitCode).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain(`Endpoints default/manual: ${ENDPOINTS_WARNING}`);
    expect(s.json('get endpoints manual -o json').items).toHaveLength(1);
  });

  it('get endpoints prints the warning on stderr once, with a table, with -o json, and when nothing is found', () => {
    const s = scene(manualEndpoints);
    const table = s.run('get svc,ep');
    expect(table.stderr).toBe(`Warning: ${ENDPOINTS_WARNING}\n`);
    expect(table.stdout).toContain('endpoints/manual');
    expect(s.run('get ep -o json').stderr).toBe(`Warning: ${ENDPOINTS_WARNING}\n`);
    expect(s.run('get endpoints -n kube-public').stderr).toBe(
      `Warning: ${ENDPOINTS_WARNING}\nNo resources found in kube-public namespace.\n`,
    );
    expect(s.run('get endpointslices').stderr).toBe('');
  });
});

describe("kube-proxy's IPVS deprecation", () => {
  const kp = (mode: string): string =>
    `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`;

  it('mode ipvs: the startup line as a warning on the KubeProxyConfiguration, with an explanation', () => {
    const d = buildCluster([{ file: 'kp.yaml', text: kp('ipvs') }], { seed: 1 }).diagnostics.filter(
      (x) => x.code === 'config.proxyMode.ipvsDeprecated',
    );
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.message).toBe(
      "The ipvs proxier is now deprecated and may be removed in a future release. Please use 'nftables' instead.",
    );
    expect(d[0]!.hint).toMatchObject({ id: 'kubeProxy.ipvsDeprecated.hint' });
  });

  it('iptables and nftables modes say nothing', () => {
    for (const mode of ['iptables', 'nftables'])
      expect(
        buildCluster([{ file: 'kp.yaml', text: kp(mode) }], { seed: 1 }).diagnostics.filter(
          (x) => x.code === 'config.proxyMode.ipvsDeprecated',
        ),
      ).toEqual([]);
  });
});
