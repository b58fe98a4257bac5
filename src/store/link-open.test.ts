import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findScenario } from '../scenarios';
import type * as LinkOpen from './link-open';
import { installMemoryStorage } from './memory-storage.test-helper';
import type { useStore as UseStoreType } from './store';
import type * as SyncModule from './workspace-sync';

const storage = installMemoryStorage();
let useStore: typeof UseStoreType;
let sync: typeof SyncModule;
let links: typeof LinkOpen;
let stop: (() => Promise<void>) | null = null;

/** A page load over the same IndexedDB. */
async function load(): Promise<void> {
  await stop?.();
  vi.resetModules();
  ({ useStore } = await import('./store'));
  sync = await import('./workspace-sync');
  links = await import('./link-open');
  const db = await import('./workspace-db');
  await sync.startPersistence();
  const s = sync;
  stop = async () => {
    await s.flushPersistence();
    s.stopPersistence();
    db.closeWorkDb();
  };
}

const state = () => useStore.getState();
const at = (hash: string, search = '') => ({ hash, search, pathname: '/' });

beforeEach(async () => {
  storage.clear();
  globalThis.indexedDB = new IDBFactory();
  await load();
});
afterEach(async () => {
  await stop?.();
  stop = null;
});

describe('opening a link', () => {
  it('opens its scene as a new workspace and leaves the one open as it was saved', async () => {
    state().setText('# mine\n');
    state().addFile({ name: 'two.yaml', text: 'kind: Service\n' });
    const fragment = await links.shareFragment();
    const mine = state().workspaceId;
    await sync.flushPersistence();
    await load();
    state().setText('# changed after sharing\n');
    await links.openLocation(at(`#${fragment}`));
    expect(state().workspaceId).not.toBe(mine);
    expect(state().files).toEqual([
      { name: 'scene.yaml', text: '# mine\n' },
      { name: 'two.yaml', text: 'kind: Service\n' },
    ]);
    expect(state().linkNotice).toEqual({ code: 'opened' });
    await sync.flushPersistence();
    expect(
      state()
        .workspaceList.map((w) => w.id)
        .sort(),
    ).toEqual([mine, state().workspaceId].sort());
  });

  it('comes back to the workspace it opened when the same link is opened again, as the user left it', async () => {
    state().setText('# shared\n');
    const fragment = await links.shareFragment();
    await links.openLocation(at(`#${fragment}`));
    const opened = state().workspaceId;
    state().setText('# worked on after opening\n');
    sync.newWorkspace();
    await sync.flushPersistence();
    await load();
    await links.openLocation(at(`#${fragment}`));
    expect(state().workspaceId).toBe(opened);
    expect(state().files[0]!.text).toBe('# worked on after opening\n');
    expect(state().linkNotice).toEqual({ code: 'returned' });
  });

  it('changes nothing when the link cannot be read, and says why', async () => {
    state().setText('# precious\n');
    await sync.flushPersistence();
    const before = { id: state().workspaceId, files: state().files };
    for (const [hash, code] of [
      ['#scene=1.AAAA', 'damaged'],
      ['#scene=9.AAAA', 'version'],
      ['#scene=garbage', 'damaged'],
      [`#scene=1.${'A'.repeat(5 * 1024 * 1024)}`, 'tooLarge'],
    ] as const) {
      await links.openLocation(at(hash));
      expect(state().linkNotice, code).toMatchObject({ code: 'problem', problem: { code } });
      expect({ id: state().workspaceId, files: state().files }).toEqual(before);
    }
  });

  it('follows ?scenario= without losing edits, and says when there is no such scenario', async () => {
    state().setText('# edited\n');
    const edited = state().workspaceId;
    await links.openLocation(at('', '?scenario=ingress&present'));
    expect(state().files[0]!.text).toBe(findScenario('ingress')!.yaml);
    expect(state().workspaceId).not.toBe(edited);
    await links.openLocation(at('', '?scenario=nope'));
    expect(state().linkNotice).toEqual({ code: 'unknownScenario', id: 'nope' });
    expect(state().files[0]!.text).toBe(findScenario('ingress')!.yaml);
  });
});
