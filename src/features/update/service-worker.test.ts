import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'virtual:pwa-register';

/** What the page gave Workbox's registration, and what the test lets it do. */
const sw = vi.hoisted(() => ({
  options: null as RegisterSWOptions | null,
  activate: vi.fn(async () => {}),
  registration: { waiting: {} as unknown, update: async () => {} },
}));
vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: RegisterSWOptions) => {
    sw.options = options;
    options.onRegisteredSW?.('/sw.js', sw.registration as unknown as ServiceWorkerRegistration);
    return sw.activate;
  },
}));

const reload = vi.fn();

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers();
  sw.options = null;
  sw.activate.mockClear();
  sw.registration.waiting = {};
  reload.mockClear();
  vi.stubGlobal('navigator', { serviceWorker: {}, language: 'en-US' });
  vi.stubGlobal('window', { location: { reload } });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function load() {
  const store = await import('../../store');
  const update = await import('./service-worker');
  return { useStore: store.useStore, ...update };
}

describe('the service worker and the update prompt', () => {
  it('registers only once the engine has answered', async () => {
    const { useStore, registerServiceWorker } = await load();
    useStore.setState({ engineStatus: 'starting', engineStop: null });
    registerServiceWorker();
    expect(sw.options).toBeNull();
    useStore.setState({ engineStatus: 'ready' });
    expect(sw.options).not.toBeNull();
  });

  it('offers the waiting version, and reloading activates it once the work is saved', async () => {
    const { useStore, registerServiceWorker, updateNow, dismissUpdate, updateState } = await load();
    useStore.setState({ engineStatus: 'ready', saveProblem: null });
    const seen: string[] = [];
    registerServiceWorker();
    sw.options!.onNeedRefresh!();
    seen.push(updateState());
    await updateNow();
    expect(sw.activate).toHaveBeenCalledWith(true);
    expect(reload).not.toHaveBeenCalled();
    // The new worker took control: the page reloads (its work was saved).
    sw.options!.onNeedReload!();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    dismissUpdate();
    seen.push(updateState());
    expect(seen).toEqual(['waiting', 'idle']);
  });

  it('does not reload over work the browser refused to save, unless the user says so', async () => {
    const { useStore, registerServiceWorker, updateNow, updateState } = await load();
    useStore.setState({ engineStatus: 'ready', saveProblem: { code: 'quota' } });
    registerServiceWorker();
    sw.options!.onNeedRefresh!();
    await updateNow();
    expect(updateState()).toBe('unsaved');
    expect(sw.activate).not.toHaveBeenCalled();
    // Another tab switched to the new version: this one stays, saying why.
    sw.options!.onNeedReload!();
    await Promise.resolve();
    expect(reload).not.toHaveBeenCalled();
    // "Reload anyway", after downloading.
    await updateNow(true);
    expect(sw.activate).toHaveBeenCalledWith(true);
    sw.options!.onNeedReload!();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
  });

  it('reloads at once when another tab already activated the new version', async () => {
    const { useStore, registerServiceWorker, updateNow } = await load();
    useStore.setState({ engineStatus: 'ready', saveProblem: null });
    registerServiceWorker();
    sw.options!.onNeedRefresh!();
    sw.registration.waiting = null;
    await updateNow();
    expect(sw.activate).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
