import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineHost } from '../worker/engine-host';
import { installMemoryStorage } from './memory-storage.test-helper';
import type * as EngineClientModule from '../worker/engine-client';
import type { EngineClient } from '../worker/engine-client';

installMemoryStorage();

// The worker's engine host, in this thread, behind a client whose builds answer only when the test lets
// them: a build can be held "in flight" at the moment Send is clicked, which a real worker does by chance.
const host = createEngineHost();
const held: { revision: number; release: () => void }[] = [];
const calls: string[] = [];
const client = {
  update: async (...args: Parameters<EngineClient['update']>) => {
    calls.push(`update ${args[0]}`);
    await new Promise<void>((release) => held.push({ revision: args[0], release }));
    const answer = await host.update(...args);
    calls.push(`answered ${args[0]}`);
    return answer;
  },
  simulate: async (...args: Parameters<EngineClient['simulate']>) => {
    calls.push('simulate');
    return host.simulate(...args);
  },
  lookup: async (...args: Parameters<EngineClient['lookup']>) => {
    calls.push('lookup');
    return host.lookup(...args);
  },
} as unknown as EngineClient;
vi.mock('../worker/engine-client', async (actual) => ({
  ...(await actual<typeof EngineClientModule>()),
  createEngineClient: () => client,
}));

const { useStore } = await import('./store');
const { startEngineSync, sendRequest } = await import('./engine-sync');
const { BUILD_BUDGET_MS } = await import('../worker/engine-client');
const state = () => useStore.getState();

/** Lets the oldest held build answer, then lets the store apply it. */
async function releaseOne(): Promise<number> {
  await vi.waitFor(() => expect(held.length).toBeGreaterThan(0));
  const next = held.shift()!;
  next.release();
  await vi.waitFor(() => expect(calls).toContain(`answered ${next.revision}`));
  return next.revision;
}

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  for (const h of held.splice(0)) h.release();
});

describe('a Send while the previous scene is still being built', () => {
  it('waits for the build of the scene on screen, then runs on it', async () => {
    state().loadScenario('clusterip-three-pods');
    stop = startEngineSync();
    await releaseOne();
    await vi.waitFor(() => expect(state().diagnosticsRevision).toBe(state().revision));

    // An edit whose build is held in flight, then the scenario whose pod "early" the request comes from.
    state().setText(`${state().files[0]!.text}\n# edited\n`);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    state().loadScenario('dns-and-env');
    const onScreen = state().revision;
    expect(state().request.from).toBe('pod/default/early');

    calls.length = 0;
    const sent = sendRequest();
    // The edit's build answers; the scenario's build is sent after it (the pump holds it until then).
    await releaseOne();
    expect(calls).not.toContain('lookup');
    expect(await releaseOne()).toBe(onScreen);
    await sent;

    expect(calls.indexOf('lookup')).toBeGreaterThan(calls.indexOf(`answered ${onScreen}`));
    expect(state().traceError).toBeNull();
    expect(state().traces.length).toBeGreaterThan(0);
    expect(state().lookupText).toContain('cache');
  });

  it('does not wait for ever when the build never answers: the budget lets it go', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      state().loadScenario('dns-and-env');
      stop = startEngineSync();
      await vi.waitFor(() => expect(held).toHaveLength(1));
      calls.length = 0;
      const sent = sendRequest();
      await vi.advanceTimersByTimeAsync(BUILD_BUDGET_MS - 1);
      expect(calls).not.toContain('lookup');
      await vi.advanceTimersByTimeAsync(1);
      await sent;
      expect(calls).toContain('lookup');
    } finally {
      vi.useRealTimers();
    }
  });
});
