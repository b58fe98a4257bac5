import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCluster } from '../engine';
import { builtinLessons } from '../lessons';
import { findScenario } from '../scenarios';
import { forPage } from '../worker/lesson-host';
import { sceneFiles } from './lesson-scene';
import { installMemoryStorage } from './memory-storage.test-helper';
import { toSources } from './scene-files';
import type { useStore as UseStoreType } from './store';

// The store's work is kept in IndexedDB (fake-indexeddb stands in for it), so a "reload" (a fresh store
// module) reads what the previous one wrote; localStorage (a map) holds a save from before workspaces.
const storage = installMemoryStorage();

type UseStore = typeof UseStoreType;
type Store = ReturnType<UseStore['getState']>;

const builtin = builtinLessons().lessons.map(forPage);
const catalogue = { builtin, builtinErrors: [], user: [], maxBytes: 2_000_000 };
const lesson = (id: string) => builtin.find((l) => l.id === id)!;
const one = (text: string) => [{ name: 'scene.yaml', text }];

let stop: (() => Promise<void>) | null = null;

/** A fresh store module (a page load) over the same storage, after the page before wrote everything. */
async function load(firstStart = false): Promise<UseStore> {
  await stop?.();
  // A browser that never ran svclab with IndexedDB: what it finds is the localStorage save, if any.
  if (firstStart) globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  const { useStore } = await import('./store');
  const sync = await import('./workspace-sync');
  await sync.startPersistence();
  stop = async () => {
    await sync.flushPersistence();
    sync.stopPersistence();
    (await import('./workspace-db')).closeWorkDb();
  };
  useStore.setState({ lessonCatalogue: catalogue });
  return useStore;
}

let useStore: UseStore;
const state = (): Store => useStore.getState();

beforeEach(async () => {
  await stop?.();
  stop = null;
  storage.clear();
  useStore = await load(true);
});

describe('opening and leaving lessons', () => {
  it('puts the lesson’s scene in the editor and gives the student’s manifests back on leaving', () => {
    state().setText('# my own work\n');
    state().setRequest({ from: 'external', target: 'http://mine' });
    expect(state().openLesson('clusterip')).toBe(true);
    expect(state()).toMatchObject({
      lessonId: 'clusterip',
      lessonStepIndex: 0,
      files: sceneFiles(lesson('clusterip')),
      scenarioId: null,
      edited: false,
      sidePanel: 'lesson',
      lessonSandbox: { files: one('# my own work\n'), edited: true },
    });
    state().closeLesson();
    expect(state()).toMatchObject({
      lessonId: null,
      files: one('# my own work\n'),
      edited: true,
      lessonSandbox: null,
      sidePanel: 'inspector',
      request: { from: 'external', target: 'http://mine' },
    });
  });

  it('keeps each lesson’s edits when switching between lessons and back', () => {
    state().openLesson('clusterip');
    state().setText('# clusterip, edited\n');
    state().openLesson('ports');
    expect(state().files).toEqual(sceneFiles(lesson('ports')));
    state().setText('# ports, edited\n');
    state().openLesson('clusterip');
    expect(state()).toMatchObject({ files: one('# clusterip, edited\n'), edited: true });
    state().openLesson('ports');
    expect(state().files).toEqual(one('# ports, edited\n'));
    // The manifests set aside are the ones from before the first lesson, not a lesson's.
    state().closeLesson();
    expect(state()).toMatchObject({ files: one(findScenario('clusterip-three-pods')!.yaml), edited: false });
    expect(state().lessonTexts).toMatchObject({
      clusterip: one('# clusterip, edited\n'),
      ports: one('# ports, edited\n'),
    });
  });

  it('leaves the lesson, keeping its text, when a scenario is picked', () => {
    state().openLesson('dns');
    state().setText('# dns, edited\n');
    state().loadScenario('readiness');
    expect(state()).toMatchObject({ lessonId: null, lessonSandbox: null, scenarioId: 'readiness' });
    expect(state().lessonTexts.dns).toEqual(one('# dns, edited\n'));
  });

  it('refuses a lesson it does not have, changing nothing', () => {
    const before = state();
    expect(state().openLesson('no-such-lesson')).toBe(false);
    expect(state()).toBe(before);
  });

  it('puts the starting scene back on reset', () => {
    state().openLesson('clusterip');
    state().setText('broken: [');
    state().resetLessonScene();
    expect(state()).toMatchObject({ files: sceneFiles(lesson('clusterip')), edited: false });
  });

  it('opens a scene of several files as several files, in order, and keeps edits to each', () => {
    state().openLesson('env');
    expect(state().files.map((f) => f.name)).toEqual(lesson('env').scene);
    expect(state().files.map((f) => f.name)).toEqual(['client.yaml', 'web.yaml']);
    expect(state().activeFile).toBe('client.yaml');
    state().setFileText('web.yaml', '# web, edited\n');
    expect(state()).toMatchObject({ edited: true, activeFile: 'client.yaml' });
    state().openLesson('clusterip');
    state().openLesson('env');
    expect(state().files).toEqual([
      { name: 'client.yaml', text: lesson('env').files['client.yaml'] },
      { name: 'web.yaml', text: '# web, edited\n' },
    ]);
    state().resetLessonScene();
    expect(state()).toMatchObject({ files: sceneFiles(lesson('env')), edited: false });
  });
});

describe('files', () => {
  it('adds, renames, moves and removes files, each change a new revision', () => {
    const r0 = state().revision;
    expect(state().addFile()).toBe('file-2.yaml');
    expect(state()).toMatchObject({ activeFile: 'file-2.yaml', edited: true, revision: r0 + 1 });
    state().setText('kind: Service\n');
    expect(state().files[1]).toEqual({ name: 'file-2.yaml', text: 'kind: Service\n' });
    expect(state().renameFile('file-2.yaml', 'scene.yaml')).toBe('taken');
    expect(state().renameFile('file-2.yaml', ' ')).toBe('empty');
    expect(state().renameFile('file-2.yaml', '../up.yaml')).toBe('chars');
    expect(state().renameFile('file-2.yaml', 'web.yaml')).toBeNull();
    expect(state().activeFile).toBe('web.yaml');
    state().moveFile('web.yaml', -1);
    expect(state().files.map((f) => f.name)).toEqual(['web.yaml', 'scene.yaml']);
    state().moveFile('web.yaml', -1); // already first
    expect(state().files.map((f) => f.name)).toEqual(['web.yaml', 'scene.yaml']);
    state().removeFile('web.yaml');
    expect(state()).toMatchObject({ activeFile: 'scene.yaml' });
    expect(state().files.map((f) => f.name)).toEqual(['scene.yaml']);
    state().removeFile('scene.yaml'); // never the last file
    expect(state().files).toHaveLength(1);
    expect(state().addFile({ name: 'scene.yaml', text: 'x' })).toBe('file-2.yaml');
  });
});

describe('steps', () => {
  it('moves within the lesson, marks steps seen and fills the request bar from the step', () => {
    state().openLesson('clusterip');
    state().lessonStep(-1);
    expect(state().lessonStepIndex).toBe(0);
    state().lessonStep(+1);
    expect(state().request).toMatchObject({ from: 'pod/default/client', target: 'http://web', count: 1 });
    expect(state().request.protocol).toBe('HTTP/1.1');
    state().goToLessonStep(3);
    expect(state().request).toMatchObject({ protocol: 'HTTP/1.0', count: 10 });
    state().lessonStep(+5);
    // After the steps, the challenges' page; it is not a step, so it is not counted as one seen.
    const steps = lesson('clusterip').steps.length;
    expect(state().lessonStepIndex).toBe(steps);
    expect(state().lessonProgress.clusterip).toMatchObject({ step: steps, seen: [0, 1, 3] });
    state().openLesson('kube-proxy', { step: 99 });
    expect(state().lessonStepIndex).toBe(lesson('kube-proxy').steps.length - 1); // no challenges
  });

  it('opens a lesson again on the step the student left it, or on the step a link names', () => {
    state().openLesson('clusterip');
    state().goToLessonStep(2);
    state().openLesson('ports');
    state().openLesson('clusterip');
    expect(state().lessonStepIndex).toBe(2);
    state().openLesson('ports', { step: 1 });
    expect(state().lessonStepIndex).toBe(1);
    state().openLesson('ports', { step: 99 });
    expect(state().lessonStepIndex).toBe(lesson('ports').steps.length);
  });

  it('fills a step’s allocated addresses from the cluster of the text in the editor', () => {
    state().openLesson('client-ip');
    // Opening changes the text: the build of the new text fills the placeholder (engine-sync.ts).
    expect(state().request.target).toBe('http://{nodeIP:node-1}:30080/');
    const { cluster } = buildCluster(toSources(state().files));
    useStore.setState((s) => ({ lastGood: { revision: s.revision, cluster } }));
    const node2 = cluster.nodes.find((n) => n.metadata.name === 'node-2')!;
    const ip = node2.status!.addresses!.find((a) => a.type === 'InternalIP')!.address;
    const index = lesson('client-ip').steps.findIndex((s) => s.request?.to.includes('{nodeIP:node-2}'));
    expect(index).toBeGreaterThan(0);
    state().goToLessonStep(index);
    expect(state().request.target).toBe(`http://${ip}:30080/`);
  });

  it('shows the hints of a challenge one at a time, three at most', () => {
    state().openLesson('clusterip');
    for (let i = 0; i < 5; i++) state().revealHint('clusterip-selector');
    expect(state().lessonProgress.clusterip?.hints).toEqual({ 'clusterip-selector': 3 });
  });
});

describe('across a reload', () => {
  it('keeps the open lesson, its step, its edits and every lesson’s progress', async () => {
    state().openLesson('ports');
    state().setText('# ports, edited\n');
    state().openLesson('clusterip');
    state().goToLessonStep(1);
    state().revealHint('clusterip-selector');
    state().setText('# clusterip, edited\n');
    useStore = await load();
    expect(state()).toMatchObject({
      lessonId: 'clusterip',
      lessonStepIndex: 1,
      files: one('# clusterip, edited\n'),
      sidePanel: 'lesson',
      lessonTexts: { ports: one('# ports, edited\n') },
      lessonProgress: { clusterip: { step: 1, seen: [0, 1], hints: { 'clusterip-selector': 1 } } },
    });
    state().closeLesson();
    expect(state().files).toEqual(one(findScenario('clusterip-three-pods')!.yaml));
  });

  it('opens a save from before lessons with its manifests and no lesson', async () => {
    const v2 = { text: '# from before lessons\n', scenarioId: null, edited: true, locale: 'ko' };
    storage.set('svclab:v1', JSON.stringify({ state: v2, version: 2 }));
    useStore = await load(true);
    const { text, ...rest } = v2;
    expect(state()).toMatchObject({ ...rest, files: one(text), lessonId: null, lessonProgress: {} });
  });

  it('keeps what is well-formed of a damaged save, entry by entry', async () => {
    const damaged = {
      text: 'mine',
      lessonsVersion: 1,
      lessonId: 'clusterip',
      lessonStepIndex: -4,
      lessonProgress: {
        clusterip: {
          step: 2,
          seen: [2, 'x', 0, 2],
          passed: ['clusterip-selector', 5],
          hints: { a: 9, b: 'no' },
        },
        ports: 'not progress',
      },
      lessonTexts: { ports: 'kept', dns: 42 },
      lessonSandbox: { text: 'aside', scenarioId: 'no-such-scenario', request: { from: 1 } },
      userLessons: [{ name: 'a.yaml', text: 'x' }, { name: 3 }],
    };
    storage.set('svclab:v1', JSON.stringify({ state: damaged, version: 2 }));
    useStore = await load(true);
    expect(state()).toMatchObject({
      files: one('mine'),
      lessonId: 'clusterip',
      lessonStepIndex: 0,
      lessonProgress: {
        clusterip: {
          step: 2,
          seen: [0, 2],
          passed: ['clusterip-selector'],
          hints: { a: 3 },
          predictions: {},
        },
      },
      lessonTexts: { ports: one('kept') },
      lessonSandbox: { files: one('aside'), scenarioId: null, edited: true },
      userLessons: [{ name: 'a.yaml', text: 'x' }],
    });
    expect(state().lessonProgress.ports).toBeUndefined();
    expect(state().lessonSandbox?.request).toBeUndefined();
  });
});
