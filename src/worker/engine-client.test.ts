/**
 * The client's watchdog over fake workers: each fake serves a small engine over a real MessageChannel
 * (Comlink on both ends, as in the page), and can be told to hang a build or to fail.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineClient, type ClientOptions } from './engine-client';
import type { ManifestSource } from './protocol';

interface Call {
  method: string;
  args: unknown[];
}

/** A worker whose engine answers at once, except a build whose text says `hang` (never answered). */
class FakeWorker extends EventTarget {
  readonly calls: Call[] = [];
  terminated = false;
  private readonly port: MessagePort;

  constructor(readonly delayMs = 0) {
    super();
    const { port1, port2 } = new MessageChannel();
    const log = (method: string, args: unknown[]) => this.calls.push({ method, args });
    const later = <T>(value: T) =>
      new Promise<T>((resolve) => setTimeout(() => resolve(value), this.delayMs));
    let held = '';
    let epoch = 0;
    expose(
      {
        updateModel: (revision: number, sources: ManifestSource[], ...rest: unknown[]) => {
          log('update', [revision, sources, ...rest]);
          if (sources.some((s) => s.text.includes('hang'))) return new Promise(() => undefined);
          held = sources.map((s) => s.text).join('');
          const model = { epoch: ++epoch, cluster: { held } };
          return later({ ok: true, value: { revision, model, diagnostics: [], buildMs: 1 } });
        },
        run: (line: string) => {
          log('run', [line]);
          return later(
            held ? { ok: true, value: { stdout: `${line} on ${held}` } } : { ok: false, error: 'no cluster' },
          );
        },
      },
      port2,
    );
    port1.addEventListener('message', (e) =>
      this.dispatchEvent(new MessageEvent('message', { data: e.data })),
    );
    port1.start();
    this.port = port1;
  }

  postMessage(data: unknown, transfer: Transferable[] = []) {
    if (!this.terminated) this.port.postMessage(data, transfer);
  }

  terminate() {
    this.terminated = true;
    this.port.close();
  }

  fail() {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

const scene = (text: string): ManifestSource[] => [{ file: 'scene.yaml', text }];

let clients: FakeWorker[] = [];
afterEach(() => {
  for (const w of clients) w.terminate();
  clients = [];
});

/** A client over fake workers (made in order into `workers`), with short budgets. */
function setup(options: ClientOptions = {}, make: () => FakeWorker = () => new FakeWorker()) {
  const workers: FakeWorker[] = [];
  const onRestart = vi.fn();
  const onGiveUp = vi.fn();
  const client = createEngineClient({
    buildBudgetMs: 100,
    callBudgetMs: 300,
    onRestart,
    onGiveUp,
    ...options,
    makeWorker: () => {
      const w = make();
      workers.push(w);
      clients.push(w);
      return w as unknown as Worker;
    },
  });
  return { client, workers, onRestart, onGiveUp };
}

describe('engine client watchdog', () => {
  it('stops a build over its budget, restarts the worker and gives the new one the last scene first', async () => {
    const { client, workers, onRestart } = setup();
    const first = await client.update(1, scene('good'), 7, 0);
    expect(first).toMatchObject({ ok: true, value: { revision: 1 } });

    const stopped = await client.update(2, scene('hang'), 7, 0);
    expect(stopped).toEqual({ ok: false, error: expect.any(String), stopped: 'overBudget' });
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(onRestart).toHaveBeenCalledWith('overBudget');

    // The console's next line reaches the new worker after it was given the last scene, not before.
    const line = await client.run('kubectl get svc', 'en');
    expect(line).toEqual({ ok: true, value: { stdout: 'kubectl get svc on good' } });
    expect(workers[1]!.calls.map((c) => c.method)).toEqual(['update', 'run']);
    // The new worker is asked for a whole model (known 0): it has sent none.
    expect(workers[1]!.calls[0]!.args).toEqual([1, scene('good'), 7, 0, 0]);

    // The next edit is built in the new worker as usual.
    expect(await client.update(3, scene('better'), 7, 0)).toMatchObject({ ok: true, value: { revision: 3 } });
  });

  it('a worker that reports an error is replaced; the calls in flight answer that it crashed', async () => {
    const { client, workers, onRestart } = setup({ callBudgetMs: 5000 }, () => new FakeWorker(200));
    await client.update(1, scene('good'), 1);
    const pending = client.run('kubectl get pods', 'en');
    await vi.waitFor(() => expect(workers[0]!.calls.map((c) => c.method)).toEqual(['update', 'run']), {
      interval: 5,
    });
    workers[0]!.fail();
    expect(await pending).toEqual({ ok: false, error: expect.any(String), stopped: 'crashed' });
    expect(onRestart).toHaveBeenCalledWith('crashed');
    expect(await client.run('kubectl get pods', 'en')).toEqual({
      ok: true,
      value: { stdout: 'kubectl get pods on good' },
    });
    expect(workers[1]!.calls[0]).toEqual({ method: 'update', args: [1, scene('good'), 1, 0, 0] });
  });

  it('a restart before any scene was built gives the new worker nothing to build', async () => {
    const { client, workers } = setup();
    expect(await client.update(1, scene('hang'), 1)).toMatchObject({ stopped: 'overBudget' });
    expect(await client.run('x', 'en')).toEqual({ ok: false, error: 'no cluster' });
    expect(workers[1]!.calls.map((c) => c.method)).toEqual(['run']);
  });

  it('gives up after three failed starts in a row and says so once', async () => {
    const { client, workers, onGiveUp, onRestart } = setup({}, () => {
      const w = new FakeWorker();
      queueMicrotask(() => w.fail()); // as a worker whose script does not load
      return w;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(workers).toHaveLength(4); // the first and three restarts
    expect(onRestart).toHaveBeenCalledTimes(3);
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    expect(await client.run('x', 'en')).toMatchObject({ ok: false, stopped: 'crashed' });
    expect(workers).toHaveLength(4);
  });

  it('an answer between failures starts the count again', async () => {
    const { client, workers, onGiveUp } = setup();
    await client.update(1, scene('good'), 1);
    for (let i = 0; i < 5; i++) {
      workers.at(-1)!.fail();
      expect(await client.run('x', 'en')).toMatchObject({ ok: true }); // the restored worker answers
    }
    expect(onGiveUp).not.toHaveBeenCalled();
    expect(workers).toHaveLength(6);
  });

  it('a call’s budget starts when the calls before it are answered (the worker answers in order)', async () => {
    // Each answer takes 400 ms: three sent at once end at 400, 800 and 1,200 ms. Counted from when it
    // was sent, the third would pass its 1,000 ms; counted from the answer before it, each has 600 ms
    // to spare (room for a loaded machine's timers: a 60 ms answer against 100 ms failed at load 19).
    const { client, workers } = setup({ buildBudgetMs: 1000 }, () => new FakeWorker(400));
    await client.update(1, scene('good'), 1); // the first call also waits for the worker to load
    const answers = await Promise.all([
      client.update(2, scene('a'), 1),
      client.update(3, scene('b'), 1),
      client.update(4, scene('c'), 1),
    ]);
    expect(answers.at(-1)).toMatchObject({ ok: true, value: { revision: 4 } });
    expect(workers).toHaveLength(1);
  });

  it('the first call of a worker is allowed the time its code takes to load', async () => {
    const { client, workers } = setup({}, () => new FakeWorker(150)); // over the build budget of 100
    expect(await client.update(1, scene('good'), 1)).toMatchObject({ ok: true });
    expect(workers).toHaveLength(1);
    expect(await client.update(2, scene('again'), 1)).toMatchObject({ stopped: 'overBudget' });
  });

  it('drops the answer for a text older than one already sent', async () => {
    const { client } = setup({}, () => new FakeWorker(10));
    const [older, newer] = await Promise.all([
      client.update(1, scene('a'), 1),
      client.update(2, scene('b'), 1),
    ]);
    expect(older).toBeNull();
    expect(newer).toMatchObject({ ok: true, value: { revision: 2 } });
  });
});
