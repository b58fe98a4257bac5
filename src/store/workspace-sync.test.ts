import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findScenario } from '../scenarios';
import { LESSONS_VERSION } from './lesson-save';
import { installMemoryStorage } from './memory-storage.test-helper';
import type { useStore as UseStoreType } from './store';
import type * as SyncModule from './workspace-sync';

const storage = installMemoryStorage();
type UseStore = typeof UseStoreType;
type Sync = typeof SyncModule;

let useStore: UseStore;
let sync: Sync;
let stop: (() => Promise<void>) | null = null;

/** A page load over the same IndexedDB (after the page before wrote everything and closed). */
async function load(): Promise<void> {
  await stop?.();
  vi.resetModules();
  ({ useStore } = await import('./store'));
  sync = await import('./workspace-sync');
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
const one = (text: string) => [{ name: 'scene.yaml', text }];

async function rawDb() {
  const { openWorkDb } = await import('./workspace-db');
  return openWorkDb();
}

beforeEach(async () => {
  storage.clear();
  globalThis.indexedDB = new IDBFactory();
  await load();
});
afterEach(async () => {
  await stop?.();
  stop = null;
});

describe('workspaces', () => {
  it('come back after a reload: the one open, with its files, and the list', async () => {
    state().setText('# mine\n');
    state().addFile({ name: 'web.yaml', text: 'kind: Service\n' });
    await load();
    expect(state()).toMatchObject({
      files: [
        { name: 'scene.yaml', text: '# mine\n' },
        { name: 'web.yaml', text: 'kind: Service\n' },
      ],
      activeFile: 'web.yaml',
      edited: true,
    });
    expect(state().workspaceList.map((w) => w.id)).toEqual([state().workspaceId]);
  });

  it('never lose edits to a scenario: it opens as a new workspace, the edited one stays listed', async () => {
    state().setText('# edited\n');
    await sync.flushPersistence();
    const edited = state().workspaceId;
    state().loadScenario('ingress');
    expect(state().workspaceId).not.toBe(edited);
    expect(state().files).toEqual(one(findScenario('ingress')!.yaml));
    await sync.flushPersistence();
    expect(
      state()
        .workspaceList.map((w) => w.id)
        .sort(),
    ).toEqual([edited, state().workspaceId].sort());
    // An unedited scene is replaced in place: nothing to keep.
    const fresh = state().workspaceId;
    state().loadScenario('readiness');
    expect(state().workspaceId).toBe(fresh);

    expect(await sync.openWorkspace(edited)).toBe(true);
    expect(state()).toMatchObject({ workspaceId: edited, files: one('# edited\n'), edited: true });
    await load();
    expect(state()).toMatchObject({ workspaceId: edited, files: one('# edited\n') });
  });

  it('are named, renamed and deleted; the one open cannot be deleted', async () => {
    await sync.renameWorkspace(state().workspaceId, '  My lab  ');
    sync.newWorkspace();
    await sync.flushPersistence();
    const [newest, named] = state().workspaceList;
    expect(named).toMatchObject({ name: 'My lab' });
    await sync.renameWorkspace(named!.id, 'Lab 2');
    await sync.deleteWorkspace(newest!.id); // open: refused
    expect(state().workspaceList).toHaveLength(2);
    await sync.deleteWorkspace(named!.id);
    expect(state().workspaceList.map((w) => w.id)).toEqual([newest!.id]);
    await load();
    expect(state().workspaceList.map((w) => w.id)).toEqual([newest!.id]);
  });

  it('keep the console’s height across a reload, and no height from a page record saved before it was kept', async () => {
    expect(state().consoleSize).toBeNull();
    state().setConsoleSize({ height: 600, column: 1002 });
    await load();
    expect(state().consoleSize).toEqual({ height: 600, column: 1002 });
    // Nonsense is not kept: the page's own height again, and so after a reload.
    state().setConsoleSize({ height: Number.NaN, column: 1002 });
    expect(state().consoleSize).toBeNull();
    await load();
    expect(state().consoleSize).toBeNull();

    await stop?.();
    const db = await rawDb();
    // The page's record as svclab saved it before the console's height was kept.
    await db.put('app', { v: 1, locale: 'ko', lessonsVersion: 2, lessonProgress: {} }, 'app');
    db.close();
    stop = null;
    await load();
    expect(state()).toMatchObject({ locale: 'ko', consoleSize: null });
    expect(state().workspaceNotice).toBeNull();
  });

  it('read a record from a newer svclab as well as they can and keep it aside unchanged', async () => {
    await stop?.();
    const db = await rawDb();
    const newer = {
      v: 7,
      id: 'w-newer',
      name: 'From the future',
      files: [{ name: 'a.yaml', text: 'kind: Pod\n', hologram: true }],
      updated: 9e12,
      teleport: { x: 1 },
    };
    await db.put('workspaces', newer);
    await db.put('workspaces', { id: 'w-damaged', files: 'nope', updated: 1 });
    await db.put('app', { v: 1, locale: 'xx', lessonsVersion: 2, lessonProgress: 'bad' }, 'app');
    await db.put('app', 'w-newer', 'current');
    db.close();
    stop = null;
    await load();
    expect(state()).toMatchObject({
      workspaceId: 'w-newer',
      workspaceName: 'From the future',
      files: [{ name: 'a.yaml', text: 'kind: Pod\n' }],
      lessonProgress: {},
    });
    expect(['en', 'ko']).toContain(state().locale);
    expect(state().workspaceNotice).toEqual({ code: 'keptAside', count: 2 });
    const check = await rawDb();
    const aside = await check.getAll('aside');
    check.close();
    expect(aside.map((a) => [a.reason, a.from])).toEqual([
      ['newer', 'workspaces/w-damaged'],
      ['newer', 'workspaces/w-newer'],
    ]);
    expect(aside[1]!.value).toEqual(newer);
  });

  it('migrate the localStorage save of svclab before workspaces, keeping it aside', async () => {
    await stop?.();
    stop = null;
    globalThis.indexedDB = new IDBFactory();
    const v2 = { text: '# before workspaces\n', scenarioId: null, edited: true, locale: 'ko' };
    storage.set('svclab:v1', JSON.stringify({ state: v2, version: 2 }));
    await load();
    expect(state()).toMatchObject({ files: one(v2.text), locale: 'ko', edited: true });
    expect(storage.has('svclab:v1')).toBe(false);
    await load();
    expect(state()).toMatchObject({ files: one(v2.text), locale: 'ko' });
    const db = await rawDb();
    const aside = await db.getAll('aside');
    db.close();
    expect(aside).toMatchObject([{ reason: 'migrated', from: 'localStorage/svclab:v1' }]);
    expect(JSON.parse(aside[0]!.value as string).state).toEqual(v2);
  });

  it('say when the storage is full, keep the text, and save it once there is room', async () => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      state().setText('# typed while full\n');
      await sync.flushPersistence();
      expect(state().saveProblem).toEqual({ code: 'quota' });
      expect(state().files).toEqual(one('# typed while full\n'));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    state().setText('# typed after\n');
    await sync.flushPersistence();
    expect(state().saveProblem).toBeNull();
    await load();
    expect(state().files).toEqual(one('# typed after\n'));
  });

  it('stop saving a workspace another tab saved, and keep either version as the user chooses', async () => {
    state().setText('# this tab\n');
    await sync.flushPersistence();
    const id = state().workspaceId;
    // The other tab writes its version and says so.
    const db = await rawDb();
    await db.put('workspaces', { v: 1, id, name: null, files: one('# other tab\n'), updated: Date.now() });
    db.close();
    const other = new BroadcastChannel('svclab');
    other.postMessage({
      type: 'saved',
      tab: 'other',
      meta: { id, name: null, scenarioId: null, files: 1, updated: 1 },
    });
    await vi.waitFor(() => expect(state().saveProblem).toEqual({ code: 'otherTab' }));
    other.close();
    state().setText('# this tab, later\n');
    await sync.flushPersistence();
    const check = await rawDb();
    expect((await check.get('workspaces', id))?.files).toEqual(one('# other tab\n')); // not overwritten
    check.close();

    await sync.resolveOtherTab('mine');
    expect(state().workspaceId).not.toBe(id);
    expect(state().files).toEqual(one('# this tab, later\n'));
    await sync.flushPersistence();
    expect(await sync.openWorkspace(id)).toBe(true);
    expect(state().files).toEqual(one('# other tab\n'));
  });
});

describe('lesson progress between tabs', () => {
  const progress = (passed: string[], seen: number[]) => ({
    step: 0,
    seen,
    predictions: {},
    passed,
    hints: {},
  });

  it('a lesson finished in another tab shows here, and this tab’s save does not wipe it out', async () => {
    useStore.setState({ lessonProgress: { ports: progress([], [0, 1]) } });
    await sync.flushPersistence();
    // The other tab, which never saw this tab's progress, saves its own and says so.
    const db = await rawDb();
    const app = (await db.get('app', 'app')) as Record<string, unknown>;
    await db.put(
      'app',
      { ...app, lessonProgress: { clusterip: progress(['clusterip-selector'], [3]) } },
      'app',
    );
    db.close();
    const other = new BroadcastChannel('svclab');
    other.postMessage({ type: 'app', tab: 'other' });
    await vi.waitFor(() => expect(state().lessonProgress.clusterip?.passed).toEqual(['clusterip-selector']));
    other.close();
    expect(state().lessonProgress.ports?.seen).toEqual([0, 1]);

    // Whatever this tab saves next keeps both tabs' progress.
    useStore.setState((s) => ({ lessonProgress: { ...s.lessonProgress, dns: progress([], [0]) } }));
    await sync.flushPersistence();
    await load();
    expect(Object.keys(state().lessonProgress).sort()).toEqual(['clusterip', 'dns', 'ports']);
  });

  it('a save merges what another tab wrote meanwhile, even unheard', async () => {
    await sync.flushPersistence();
    const db = await rawDb();
    const app = (await db.get('app', 'app')) as Record<string, unknown>;
    // As another tab writes it: its whole page record (a first save here has not written one yet).
    const record = {
      ...app,
      lessonsVersion: LESSONS_VERSION,
      lessonProgress: { env: progress(['env-order'], [0, 1, 2]) },
    };
    await db.put('app', record, 'app');
    db.close();
    useStore.setState({ lessonProgress: { headless: progress([], [0]) } });
    await sync.flushPersistence();
    expect(state().lessonProgress.env?.passed).toEqual(['env-order']);
    await load();
    expect(Object.keys(state().lessonProgress).sort()).toEqual(['env', 'headless']);
  });
});
