import { describe, expect, it } from 'vitest';
import { createWorkspace, createWorld, request, simulateMany, type RequestInit } from '../engine';
import { findScenario } from '../scenarios';
import { createEngineHost } from './engine-host';

const scene = (id: string) => [{ file: 'scene.yaml', text: findScenario(id)!.yaml }];
const client: RequestInit = { from: 'pod/default/client', target: 'http://web' };

async function hostWith(id: string, seed = 1) {
  const host = createEngineHost();
  const built = await host.update(1, scene(id), seed);
  if (!built.ok || !built.value) throw new Error('no build');
  return { host, built: built.value };
}

describe('engine host', () => {
  it('answers a build with its revision, the page’s slim cluster and the diagnostics', async () => {
    const { built } = await hostWith('clusterip-three-pods');
    expect(built.revision).toBe(1);
    expect(built.cluster?.services.map((s) => s.metadata.name)).toContain('web');
    // Of the workloads the page reads only what the Service menu needs: a Deployment's name and labels.
    expect(built.cluster?.deployments.find((d) => d.metadata.name === 'web')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3, template: { metadata: { labels: { app: 'web' } } } },
    });
    expect(built.cluster?.replicaSets).toEqual([]); // the worker keeps them; the page never reads them
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.buildMs).toBeGreaterThanOrEqual(0);
  });

  it('skips a build that a newer revision overtook while it waited', async () => {
    const host = createEngineHost();
    const first = host.update(1, scene('clusterip-three-pods'), 1);
    const second = host.update(2, scene('readiness'), 1);
    expect(await first).toEqual({ ok: true, value: null });
    const answer = await second;
    expect(answer.ok && answer.value?.revision).toBe(2);
  });

  it('runs requests as the engine does: same traces as simulateMany on the same seed', async () => {
    const { host } = await hostWith('session-affinity', 7);
    const init: RequestInit = { ...client, target: ' http://sticky ', protocol: 'HTTP/1.0', count: 20 };
    const answer = await host.simulate(init);
    const { cluster } = createWorkspace(7).update(scene('session-affinity'));
    const direct = simulateMany(cluster, createWorld(7), request({ ...init, target: 'http://sticky' }));
    expect(answer.ok && answer.value.traces).toEqual(direct);
    expect(direct).toHaveLength(20);
  });

  // 2,000 simulated requests are fixed CPU work that took over 20 s at load average 25 on the shared machine.
  it('sends one request per Send at least and 2,000 at most', { timeout: 120_000 }, async () => {
    const { host } = await hostWith('clusterip-three-pods');
    const many = await host.simulate({ ...client, count: 100_000 });
    expect(many.ok && many.value.traces).toHaveLength(2000);
    for (const count of [0, -3, Number.NaN]) {
      const one = await host.simulate({ ...client, count });
      expect(one.ok && one.value.traces).toHaveLength(1);
    }
  });

  it('looks a name up as nslookup would: its queries as traces, its output as text', async () => {
    const { host } = await hostWith('headless-vs-normal');
    const answer = await host.lookup({ from: 'pod/default/client', target: 'http://mongo-headless:27017/' });
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.value.text).toMatch(/Name:\s+mongo-headless\.default\.svc\.cluster\.local/);
    const [t] = answer.value.traces;
    expect(t!.outcome).toBe('delivered');
    expect(t!.hops.length).toBeGreaterThan(0);
    expect(t!.hops.every((h) => h.phase === 'dns')).toBe(true);
    expect(t!.backend?.pod).toMatch(/^kube-system\/coredns-/);
    const three = await host.lookup({ from: 'pod/default/client', target: 'mongo-headless', count: 3 });
    expect(three.ok && three.value.traces).toHaveLength(3);
  });

  it('looks up from outside the cluster with the Internet’s resolver, and takes any typed name as one name', async () => {
    const { host } = await hostWith('headless-vs-normal');
    const outside = await host.lookup({ from: 'external', target: 'mongo-headless' });
    expect(outside.ok && outside.value.text).toContain("** server can't find mongo-headless: NXDOMAIN");
    const odd = await host.lookup({ from: 'pod/default/client', target: 'web; get secrets -o json' });
    expect(odd.ok && odd.value.traces[0]!.outcome).toBe('dns-failure');
    expect(odd.ok && odd.value.text).toContain("** server can't find");
  });

  it('runs console lines through the interpreter', async () => {
    const { host } = await hostWith('clusterip-three-pods');
    const answer = await host.run('get svc web', 'en');
    expect(answer.ok && answer.value.exitCode).toBe(0);
    expect(answer.ok && answer.value.stdout).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
  });

  it('answers a console curl with its requests, for the page to animate; a larger --count with none', async () => {
    const { host } = await hostWith('clusterip-three-pods');
    const one = await host.run('exec client -- curl -s http://web', 'en');
    expect(one.ok && one.value.traces?.length).toBe(1);
    expect(one.ok && one.value.traces?.[0]!.hops.length).toBeGreaterThan(3);
    const burst = await host.run('curl --from pod/default/client --count 20 http://web', 'en');
    expect(burst.ok && burst.value.traces?.length).toBe(20);
    const big = await host.run('curl --from pod/default/client --count 600 http://web', 'en');
    expect(big.ok && big.value.exitCode).toBe(0);
    expect(big.ok && big.value.traces).toBeUndefined();
    const get = await host.run('get svc web', 'en');
    expect(get.ok && get.value.traces).toBeUndefined();
  });

  it('answers with an error value, never a throw: before any build, and for malformed requests', async () => {
    const empty = createEngineHost();
    expect(await empty.simulate(client)).toEqual({ ok: false, error: 'no cluster' });
    expect(await empty.lookup(client)).toEqual({ ok: false, error: 'no cluster' });
    expect(await empty.run('get svc', 'en')).toEqual({ ok: false, error: 'no cluster' });
    const { host } = await hostWith('clusterip-three-pods');
    // What a damaged page could post: the engine throws on it, the host answers with the error.
    const broken = await host.simulate({ from: 42, target: 'http://web' } as unknown as RequestInit);
    expect(broken.ok).toBe(false);
    const garbage = await host.update(2, [{ file: 'scene.yaml', text: 'kind: [\n\t{{{' }], 1);
    expect(garbage.ok && garbage.value?.diagnostics.some((d) => d.source === 'yaml')).toBe(true);
  });

  it('starts a new world when the seed changes, so the same seed gives the same answers', async () => {
    const { host } = await hostWith('clusterip-three-pods', 3);
    const a = await host.simulate({ ...client, count: 5 });
    await host.update(2, scene('clusterip-three-pods'), 4);
    await host.update(3, scene('clusterip-three-pods'), 3);
    const b = await host.simulate({ ...client, count: 5 });
    expect(b.ok && b.value.traces).toEqual(a.ok && a.value.traces);
  });
});

describe('lessons in the engine host', () => {
  it('checks a challenge on the sources it is given, whatever was built last', async () => {
    const host = createEngineHost();
    const catalogue = await host.lessons();
    if (!catalogue.ok) throw new Error(catalogue.error);
    const clusterip = catalogue.value.lessons.find((l) => l.id === 'clusterip')!;
    const scene = [{ file: 'scene.yaml', text: clusterip.files['scene.yaml']! }];
    const fixed = [{ file: 'scene.yaml', text: scene[0]!.text.replace(/app: webapp/g, 'app: web') }];
    await host.update(1, fixed, 1);
    const before = await host.checkChallenge(clusterip.challenges[0]!, scene, 1);
    const after = await host.checkChallenge(clusterip.challenges[0]!, fixed, 1);
    expect(before.ok && before.value.passed).toBe(false);
    expect(after.ok && after.value.passed).toBe(true);
  });

  it('answers damaged lesson data with an error value, never a throw', async () => {
    const host = createEngineHost();
    const garbage = { id: 'x', run: 'not a list', checks: null } as never;
    const check = await host.checkChallenge(garbage, scene('clusterip-three-pods'), 1);
    expect(check.ok).toBe(false);
    const judged = await host.judgePrediction(garbage, 'a', scene('clusterip-three-pods'), 1);
    expect(judged.ok).toBe(false);
    const decoded = await host.decodeLesson('x.yaml', '\u0000');
    expect(decoded.ok && decoded.value.ok).toBe(false);
  });
});
