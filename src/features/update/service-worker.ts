/**
 * The page's service worker (issue 14: installable and offline), which vite-plugin-pwa's Workbox build
 * generates (vite.config.ts): registered once the first graph is drawn, so its precache download does
 * not compete with the cold load. When a newer svclab is deployed its worker waits (registerType
 * 'prompt') and the page offers to reload (UpdateNotice); reloading saves the user's work first, and
 * never reloads over work the browser refused to save. The dev server's `virtual:pwa-register` does
 * nothing (devOptions off).
 *
 * @example
 * registerServiceWorker(); // main.tsx, once
 * const update = useUpdate(); // { state: 'waiting' } when a new version is ready
 */
import { useSyncExternalStore } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { flushPersistence, useStore } from '../../store';

/**
 * - idle: nothing to offer.
 * - waiting: a new version's worker is installed and waits for this page.
 * - unsaved: the user asked to reload (or another tab switched to the new version) but the browser did
 *   not save their work: they download it first, then reload themselves.
 */
export type UpdateState = 'idle' | 'waiting' | 'unsaved';

/** How often an open page asks whether a newer svclab was deployed (a lesson can last hours). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

let state: UpdateState = 'idle';
const listeners = new Set<() => void>();
let activate: ((reloadPage?: boolean) => Promise<void>) | null = null;
let registration: ServiceWorkerRegistration | undefined;
let registered = false;
/** The user chose to reload although their work is not saved (they downloaded it). */
let forced = false;

function setState(next: UpdateState) {
  state = next;
  for (const l of listeners) l();
}

/** Reloads once everything typed is in IndexedDB; says so instead when the browser refused it. */
async function reloadWhenSaved() {
  await flushPersistence();
  if (useStore.getState().saveProblem && !forced) {
    setState('unsaved');
    return;
  }
  window.location.reload();
}

/** Registers the worker after the engine's first answer (or its failure), once. */
export function registerServiceWorker(): void {
  if (registered || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  registered = true;
  if (import.meta.env.MODE === 'development') {
    // A worker a built page left on this origin (`vite preview` on the dev server's port) would serve
    // its old build to the dev server's page: gone, so the next reload is the code being edited.
    void navigator.serviceWorker
      .getRegistrations()
      .then((all) => Promise.all(all.map((r) => r.unregister())))
      .catch(() => {});
    return;
  }
  const start = () => {
    activate = registerSW({
      onNeedRefresh: () => setState('waiting'),
      // The new version took over (this tab's button, or another tab's): the page's scripts are the old
      // version's, so it reloads — after its work is saved.
      onNeedReload: () => void reloadWhenSaved(),
      onRegisteredSW: (_url, r) => {
        registration = r;
        if (r) setInterval(() => void r.update().catch(() => {}), CHECK_EVERY_MS);
      },
    });
  };
  const answered = (s: ReturnType<typeof useStore.getState>) =>
    s.engineStatus !== 'starting' || s.engineStop !== null;
  if (answered(useStore.getState())) {
    start();
    return;
  }
  const stop = useStore.subscribe((s) => {
    if (!answered(s)) return;
    stop();
    start();
  });
}

/**
 * The user chose to reload into the new version: their work is saved, then the new worker takes over
 * and the page reloads ('controlling', onNeedReload above). `anyway`: the browser refused to save and the
 * user reloads all the same (after downloading their work).
 */
export async function updateNow(anyway = false): Promise<void> {
  await flushPersistence();
  if (useStore.getState().saveProblem && !anyway) {
    setState('unsaved');
    return;
  }
  forced = anyway;
  // Another tab may have switched to the new version already: nothing waits, only the reload is left.
  if (!registration?.waiting) {
    window.location.reload();
    return;
  }
  await activate?.(true);
}

/** The user chose "later": the new version starts with the next visit. */
export function dismissUpdate(): void {
  setState('idle');
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Whether a new version is ready. */
export const updateState = (): UpdateState => state;

/** The same, for UpdateNotice. */
export function useUpdateState(): UpdateState {
  return useSyncExternalStore(subscribe, updateState);
}
