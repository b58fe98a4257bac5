/**
 * The cluster crosses from the worker as a model (issue 17, "send only what changed"): the page's
 * client, talking to a real engine host over a MessageChannel (Comlink on both ends, as in the page),
 * holds after every build of a random sequence of edits the very cluster a whole transfer gives; a
 * comment typed into the scene sends no pod; a new worker starts from a whole model.
 */
import { expose } from 'comlink';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios';
import { createEngineClient } from './engine-client';
import { createEngineHost } from './engine-host';
import type { ManifestSource } from './protocol';

/** A worker that serves a real engine host over a MessageChannel. */
class HostWorker extends EventTarget {
  private readonly port: MessagePort;
  constructor() {
    super();
    const { port1, port2 } = new MessageChannel();
    expose(createEngineHost(), port2);
    port1.addEventListener('message', (e) =>
      this.dispatchEvent(new MessageEvent('message', { data: e.data })),
    );
    port1.start();
    this.port = port1;
  }
  postMessage(data: unknown, transfer: Transferable[] = []) {
    this.port.postMessage(data, transfer);
  }
  terminate() {
    this.port.close();
  }
}

let workers: HostWorker[] = [];
afterEach(() => {
  for (const w of workers) w.terminate();
  workers = [];
});
const makeWorker = () => {
  const w = new HostWorker();
  workers.push(w);
  return w as unknown as Worker;
};

const base = findScenario('clusterip-three-pods')!.yaml;

/** A scene from a few knobs: comment lines on top, web's replicas, extra Services, extra Pods, a label. */
interface Knobs {
  comments: number;
  replicas: number;
  services: number[];
  pods: number;
  label: boolean;
}
function sceneOf(k: Knobs): ManifestSource[] {
  let text = base.replace('replicas: 3', `replicas: ${k.replicas}`);
  if (k.label) text = text.replace('name: web\n', 'name: web\n  labels:\n    tier: front\n');
  const docs = [
    ...k.services.map(
      (i) =>
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: extra-${i}\nspec:\n  selector:\n    app: web\n  ports:\n    - port: ${8000 + i}\n      targetPort: 8080\n`,
    ),
    ...Array.from(
      { length: k.pods },
      (_, i) =>
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: extra-${i}\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n`,
    ),
  ];
  const head = '# a comment\n'.repeat(k.comments);
  return [{ file: 'scene.yaml', text: `${head}${[text, ...docs].join('\n---\n')}` }];
}

const knobs = fc.record({
  comments: fc.integer({ min: 0, max: 3 }),
  replicas: fc.integer({ min: 0, max: 6 }),
  services: fc.subarray([0, 1, 2]),
  pods: fc.integer({ min: 0, max: 2 }),
  label: fc.boolean(),
});

describe('the cluster as a model', { timeout: 300_000 }, () => {
  it('equals a whole transfer after every build of many random edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(knobs, { minLength: 2, maxLength: 6 }), async (edits) => {
        const client = createEngineClient({ makeWorker });
        const whole = createEngineHost();
        let revision = 0;
        for (const k of edits) {
          revision++;
          const sources = sceneOf(k);
          const got = await client.update(revision, sources, 3, 0);
          const want = await whole.update(revision, sources, 3, 0);
          if (!got?.ok || !want.ok || !want.value) throw new Error('no build');
          expect(got.value.cluster).toEqual(structuredClone(want.value.cluster));
        }
      }),
      { numRuns: 12, seed: 17 },
    );
  });

  it('sends no pod for a comment, and only the pod that changed for a new one', async () => {
    const host = createEngineHost();
    const k: Knobs = { comments: 0, replicas: 3, services: [], pods: 0, label: false };
    const first = await host.updateModel(1, sceneOf(k), 1, 0, 0);
    if (!first.ok || !first.value) throw new Error('no build');
    expect('cluster' in first.value.model).toBe(true);
    const commented = await host.updateModel(
      2,
      sceneOf({ ...k, comments: 1 }),
      1,
      0,
      first.value.model.epoch,
    );
    if (!commented.ok || !commented.value) throw new Error('no build');
    const m = commented.value.model;
    if (!('patch' in m)) throw new Error('a whole model');
    expect(m.base).toBe(first.value.model.epoch);
    expect(m.patch.lists.pods).toBeUndefined();
    // The origins' lines moved down one: those change, nothing else of the cluster.
    expect(Object.keys(m.patch.lists)).toEqual([]);
    expect(Object.keys(m.patch.maps)).toEqual(['origins']);
    const more = await host.updateModel(3, sceneOf({ ...k, comments: 1, pods: 1 }), 1, 0, m.epoch);
    if (!more.ok || !more.value || !('patch' in more.value.model)) throw new Error('no patch');
    const pods = more.value.model.patch.lists.pods!;
    expect(pods.items.map(([, p]) => (p as { metadata: { name: string } }).metadata.name)).toContain(
      'extra-0',
    );
    expect(pods.items.length).toBeLessThan(pods.length);
  });

  it('keeps the very cluster object when an edit changes nothing the page reads', async () => {
    const client = createEngineClient({ makeWorker });
    const k: Knobs = { comments: 1, replicas: 2, services: [1], pods: 0, label: false };
    const [{ text }] = sceneOf(k) as [ManifestSource];
    const first = await client.update(1, [{ file: 'scene.yaml', text }], 1, 0);
    const typed = await client.update(2, [{ file: 'scene.yaml', text: `#x${text.slice(1)}` }], 1, 0);
    if (!first?.ok || !typed?.ok) throw new Error('no build');
    expect(typed.value.cluster).toBe(first.value.cluster);
    const scaled = await client.update(3, sceneOf({ ...k, replicas: 3 }), 1, 0);
    if (!scaled?.ok) throw new Error('no build');
    expect(scaled.value.cluster).not.toBe(first.value.cluster);
    expect(scaled.value.cluster.services).toBe(first.value.cluster.services);
  });

  it('answers whole when the caller holds another model than the one last sent', async () => {
    const host = createEngineHost();
    const k: Knobs = { comments: 0, replicas: 2, services: [], pods: 0, label: false };
    const first = await host.updateModel(1, sceneOf(k), 1, 0, 0);
    if (!first.ok || !first.value) throw new Error('no build');
    const stale = await host.updateModel(2, sceneOf(k), 1, 0, first.value.model.epoch + 5);
    if (!stale.ok || !stale.value) throw new Error('no build');
    expect('cluster' in stale.value.model).toBe(true);
  });
});
