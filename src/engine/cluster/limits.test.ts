/**
 * svclab's limits (issue 17): sizes the API server accepts but svclab does not simulate give a `limit`
 * diagnostic on the line and field, say what to change, and never run over a number the user wrote
 * (replicas: 2147483647 once ran validate out of memory after 106 s).
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { runCommand } from '../commands/run';
import type { Diagnostic } from '../diagnostics';
import { en, ko } from '../testing/render';
import { createWorld } from '../world';
import { LIMITS } from './limits';

const deployment = (replicas: number | string, name = 'web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: web
        image: nginx
`;

const service = (ports: number, name = 'web') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: web}
  ports:
${Array.from({ length: ports }, (_, i) => `  - name: p${i}\n    port: ${1000 + i}`).join('\n')}
`;

/** The user's pods (the system's, CoreDNS in kube-system, are not counted by the limit). */
const userPods = (r: ReturnType<typeof build>) =>
  r.cluster.pods.filter((p) => p.metadata.namespace === 'default').length;

function build(text: string) {
  const r = buildCluster([{ file: 'scene.yaml', text }], { seed: 1 });
  const limits = r.diagnostics.filter((d) => d.source === 'limit');
  return { ...r, limits };
}

function validate(text: string, lang: 'en' | 'ko' = 'en') {
  const r = buildCluster([{ file: 'scene.yaml', text }], { seed: 1 });
  return runCommand('validate', {
    cluster: r.cluster,
    world: createWorld(1),
    diagnostics: r.diagnostics,
    json: false,
    lang,
  });
}

/** Every limit diagnostic is an error on a line, with a message and a hint in both languages. */
function expectWellFormed(d: Diagnostic): void {
  expect(d).toMatchObject({ severity: 'error', source: 'limit', file: 'scene.yaml' });
  expect(d.line).toBeGreaterThanOrEqual(1);
  expect(en(d.message)).toMatch(/svclab/);
  expect(ko(d.message)).toMatch(/svclab/);
  expect(en(d.hint as never).length).toBeGreaterThan(10);
  expect(ko(d.hint as never)).toMatch(/[가-힣]/);
}

// Builds of 2,000 pods and 20,000 objects: fixed work, but slow on a loaded machine.
describe('limits', { timeout: 120_000 }, () => {
  it('replicas: 2147483647 makes pods up to the limit, with a diagnostic on spec.replicas', () => {
    const r = build(deployment(2147483647));
    expect(userPods(r)).toBe(LIMITS.pods);
    expect(r.limits).toHaveLength(1);
    const d = r.limits[0]!;
    expectWellFormed(d);
    expect(d).toMatchObject({
      code: 'limit.replicas',
      kind: 'Deployment',
      name: 'web',
      field: 'spec.replicas',
      line: 6,
    });
    expect(en(d.message)).toBe(
      'Deployment web asks for 2,147,483,647 replicas; svclab simulates at most 2,000 pods in a scene, so it made 2,000 of them.',
    );
    expect(en(d.hint as never)).toBe(
      'Set spec.replicas to 2,000 or fewer; a handful of pods shows every behaviour of a Service.',
    );
    expect(ko(d.message)).toContain('Deployment web에서 레플리카 2,147,483,647개를 요청했지만');
  });

  it('replicas at the limit are simulated without a diagnostic', () => {
    const r = build(deployment(LIMITS.pods));
    expect(userPods(r)).toBe(LIMITS.pods);
    expect(r.limits).toEqual([]);
  });

  it('the budget is shared in document order: the second workload gets what is left', () => {
    const r = build(`${deployment(1500, 'a')}---\n${deployment(1500, 'b')}`);
    expect(userPods(r)).toBe(LIMITS.pods);
    expect(r.limits.map((d) => [d.name, d.line, en(d.message)])).toEqual([
      [
        'b',
        22,
        'Deployment b asks for 1,500 replicas; svclab simulates at most 2,000 pods in a scene, so it made 500 of them.',
      ],
    ]);
  });

  it('Pod objects beyond the limit are left out, with one diagnostic at the first', () => {
    const pods = Array.from(
      { length: LIMITS.pods + 3 },
      (_, i) =>
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: c, image: nginx}]}\n`,
    ).join('---\n');
    const r = build(pods);
    expect(userPods(r)).toBe(LIMITS.pods);
    expect(r.limits).toHaveLength(1);
    expectWellFormed(r.limits[0]!);
    expect(r.limits[0]).toMatchObject({
      code: 'limit.pods',
      name: `p${LIMITS.pods}`,
      line: LIMITS.pods * 5 + 1,
    });
    expect(en(r.limits[0]!.message)).toBe(
      'svclab simulates at most 2,000 pods in a scene; this Pod and the 2 Pods after it are left out.',
    );
  });

  it('a Service with more ports than the limit is left out, pointing at the first port over it', () => {
    const r = build(`${service(LIMITS.servicePorts + 1)}---\n${service(3, 'small')}`);
    expect(r.cluster.services.map((s) => s.metadata.name)).toContain('small');
    expect(r.cluster.services.map((s) => s.metadata.name)).not.toContain('web');
    expect(r.limits).toHaveLength(1);
    const d = r.limits[0]!;
    expectWellFormed(d);
    expect(d).toMatchObject({ code: 'limit.service-ports', field: 'spec.ports[100]', line: 8 + 2 * 100 });
    expect(en(d.message)).toContain(
      'this Service has 101 ports; svclab simulates at most 100 ports per Service',
    );
  });

  it('Nodes beyond the limit are left out', () => {
    const nodes = Array.from(
      { length: LIMITS.nodes + 1 },
      (_, i) => `apiVersion: v1\nkind: Node\nmetadata: {name: n${i}}\n`,
    ).join('---\n');
    const r = build(nodes);
    expect(r.cluster.nodes.length).toBe(LIMITS.nodes);
    expect(r.limits).toHaveLength(1);
    expectWellFormed(r.limits[0]!);
    expect(r.limits[0]).toMatchObject({ code: 'limit.nodes', name: `n${LIMITS.nodes}` });
  });

  it('objects beyond the limit are left out, with one diagnostic at the first', () => {
    const n = LIMITS.objects + 2;
    const text = Array.from(
      { length: n },
      (_, i) => `kind: ConfigMap\napiVersion: v1\nmetadata: {name: c${i}}\n`,
    ).join('---\n');
    const r = build(text);
    expect(r.limits).toHaveLength(1);
    expectWellFormed(r.limits[0]!);
    expect(r.limits[0]!.line).toBeGreaterThan(3 * (LIMITS.objects - 50)); // near the end, after the system objects
    expect(en(r.limits[0]!.message)).toMatch(
      /^svclab simulates at most 20,000 objects in a scene; this object and the \d+ after it are left out\.$/,
    );
  });

  it('validate prints the limit with its place and what to do, and exits 1', () => {
    const out = validate(deployment(100000));
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain(
      'error: scene.yaml:6:3: Deployment default/web: Deployment web asks for 100,000 replicas; svclab simulates at most 2,000 pods in a scene, so it made 2,000 of them.\n  hint: Set spec.replicas to 2,000 or fewer',
    );
    expect(validate(deployment(100000), 'ko').stderr).toContain('spec.replicas를 2,000 이하로 줄이세요');
  });
});

describe('output limit', () => {
  it('the console’s limit cuts standard output at a line end and says so; the CLI prints everything', () => {
    const r = buildCluster([{ file: 'scene.yaml', text: service(3, 'small') }], { seed: 1 });
    const env = { cluster: r.cluster, world: createWorld(1), diagnostics: r.diagnostics, json: false };
    const full = runCommand('node node-1 -- iptables-save', { ...env, lang: 'en' });
    const cut = runCommand('node node-1 -- iptables-save', { ...env, lang: 'en', maxOutput: 500 });
    expect(full.stdout.length).toBeGreaterThan(500);
    expect(cut.stdout.length).toBeLessThanOrEqual(500);
    expect(cut.stdout.endsWith('\n')).toBe(true);
    expect(full.stdout.startsWith(cut.stdout)).toBe(true);
    expect(cut.stderr).toBe(
      `svclab: output cut at ${cut.stdout.length} of ${full.stdout.length.toLocaleString('en')} characters; narrow the command (a name, -n NAMESPACE, a single resource type).\n`,
    );
    const ko = runCommand('node node-1 -- iptables-save', { ...env, lang: 'ko', maxOutput: 500 });
    expect(ko.stderr).toContain('출력이');
    expect(runCommand('get svc small', { ...env, lang: 'en', maxOutput: 500 }).stderr).toBe('');
  });
});
