import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { en, ko } from '../testing/render';
import { ENDPOINT_RULES, overRuleBudget } from './rule-budget';
import type { Pod, Service } from '../k8s/objects';

const svc = (name: string, ports: number, selector: Record<string, string> = { app: 'web' }): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { selector, ports: Array.from({ length: ports }, (_, i) => ({ name: `p${i}`, port: 1000 + i })) },
});
const pod = (name: string, labels: Record<string, string> = { app: 'web' }): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
  spec: { containers: [] },
});

describe('overRuleBudget', () => {
  const pods = Array.from({ length: 10 }, (_, i) => pod(`web-${i}`));
  it('keeps Services in creation order while ports × matching pods fit', () => {
    const a = svc('a', 3); // 30
    const b = svc('b', 5); // 50: over a budget of 60
    const c = svc('c', 2, { app: 'none' }); // no pods: costs nothing
    const d = svc('d', 3); // 30: fits after b was left out
    const over = overRuleBudget([a, b, c, d], pods, [], 60);
    expect([...over.services].map((s) => s.metadata.name)).toEqual(['b']);
    expect(over.first?.metadata.name).toBe('b');
  });
  it('counts the endpoints of EndpointSlices written for a Service', () => {
    const manual = svc('db', 2, {});
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'db-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } },
      addressType: 'IPv4',
      ports: [{ port: 5432 }, { port: 5433 }],
      endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }],
    } as never;
    expect(overRuleBudget([manual], [], [slice], 3).services.size).toBe(1);
    expect(overRuleBudget([manual], [], [slice], 4).services.size).toBe(0);
  });
});

/** A scene of `services` Services × `ports` ports, all selecting a Deployment of `replicas` pods. */
function bigScene(services: number, ports: number, replicas: number): string {
  const docs = [
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }`,
  ];
  const portList = Array.from({ length: ports }, (_, i) => `{ name: p${i}, port: ${1000 + i} }`).join(', ');
  for (let s = 0; s < services; s++)
    docs.push(`apiVersion: v1
kind: Service
metadata: { name: svc-${s} }
spec: { selector: { app: web }, ports: [${portList}] }`);
  return docs.join('\n---\n');
}

describe('a scene that would make kube-proxy write millions of rules', () => {
  // 30 Services × 100 ports × 99 pods = 297,000 port × endpoint entries (and the API server's own one):
  // over the budget from svc-25 on.
  const built = buildCluster([{ file: 'big.yaml', text: bigScene(30, 100, 99) }], { seed: 1 });
  const diag = built.diagnostics.find((d) => d.code === 'limit.endpoint-rules');

  it('is diagnosed once, at the first Service past the budget, on its ports, in en and ko', () => {
    expect(ENDPOINT_RULES).toBe(250_000);
    expect(diag).toMatchObject({ severity: 'error', source: 'limit', name: 'svc-25', field: 'spec.ports' });
    expect(diag?.line).toBe(14 + 25 * 5);
    expect(en(diag!.message)).toContain('so this Service and 4 more after it get no endpoints');
    expect(ko(diag!.message)).toContain('이 서비스와 뒤의 서비스 4개에는 엔드포인트를 만들지 않습니다');
  });

  it('the Services past the budget keep their ClusterIP but get no endpoints; the others keep theirs', () => {
    const slicesOf = (name: string) =>
      built.cluster.endpointSlices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
    expect(slicesOf('svc-24').flatMap((s) => s.endpoints ?? [])).toHaveLength(99);
    expect(slicesOf('svc-25')).toEqual([]);
    expect(built.cluster.services.find((s) => s.metadata.name === 'svc-29')?.spec.clusterIP).toMatch(
      /^10\.(9[6-9]|10[0-9]|11[01])\./,
    );
  });
});
