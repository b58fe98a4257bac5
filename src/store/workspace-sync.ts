/**
 * Keeps what the user makes in IndexedDB (workspace-db.ts) as they make it: the open workspace's scene on
 * every change, the page's record (language, lessons) when it changes. Writes are never debounced: each
 * is sent when the previous one is done, changes made meanwhile collapse into the next, so a reload right
 * after a keystroke finds it. What the storage refuses (full, or none) is said in the page, and the work
 * stays in this tab to be downloaded. Another tab that saves the same workspace is heard on a
 * BroadcastChannel: this tab stops saving it and asks which version to keep, never overwriting either.
 *
 * On the first start with IndexedDB, the localStorage save of svclab before workspaces is read (every
 * version, through saved-state.ts), becomes the first workspace, and is kept aside as it was.
 *
 * @example
 * await startPersistence(); // the page's work as it was left, then saved as it changes
 */
import { findScenario, DEFAULT_SCENARIO } from '../scenarios';
import type { LessonProgress, LessonSave } from './lesson-save';
import { mergeProgress } from './lesson-progress-merge';
import { scenarioFiles } from './manifests-slice';
import { formFor } from './request-form';
import { mergeSaved, migrateSaved } from './saved-state';
import { STORAGE_KEY, useStore } from './store';
import type { Store } from './types';
import { isQuotaError, workDb, type AsideRecord, type Db } from './workspace-db';
import {
  APP_VERSION,
  metaOf,
  pickScene,
  readApp,
  readWorkspace,
  WORKSPACE_VERSION,
  type Workspace,
  type WorkspaceMeta,
  type WorkspaceScene,
} from './workspace-record';
import { asNewWorkspace, newWorkspaceId } from './workspaces-slice';

const TAB = newWorkspaceId();
const OPEN_TIMEOUT_MS = 5000;

type Message =
  | { type: 'saved'; tab: string; meta: WorkspaceMeta }
  | { type: 'deleted'; tab: string; id: string }
  /** The page's record (language, lessons) was saved: lesson progress is shared between tabs. */
  | { type: 'app'; tab: string };

const pendingWorkspaces = new Map<string, Workspace>();
let pendingApp: Record<string, unknown> | null = null;
/** Workspaces another tab saved: not written from here until the user chooses (resolveOtherTab). */
const held = new Set<string>();
let writing: Promise<void> | null = null;
let channel: BroadcastChannel | null = null;
let started: Promise<void> | null = null;
let stopSubscription: (() => void) | null = null;
/** The store is being set to what is saved already (another tab's version): not written back. */
let quiet = false;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The open workspace's scene: the editor's, or while a lesson is open, the one set aside for it. */
export function workspaceSceneOf(s: Store): WorkspaceScene {
  const aside = s.lessonId ? s.lessonSandbox : null;
  if (!aside) return pickScene(s);
  return {
    files: aside.files,
    activeFile: aside.files[0]!.name,
    scenarioId: aside.scenarioId,
    edited: aside.edited,
    request: aside.request ?? s.request,
    lookup: aside.lookup ?? s.lookup,
  };
}

const workspaceOf = (s: Store): Workspace => ({
  ...workspaceSceneOf(s),
  id: s.workspaceId,
  name: s.workspaceName,
  updated: Date.now(),
  ...(s.workspaceLink ? { link: s.workspaceLink } : {}),
});

type AppFields = Pick<Store, 'locale' | 'consoleSize' | Exclude<keyof LessonSave, 'lessonSandbox'>>;

/** The page's record: language, the console's height and lessons, with the open lesson's own scene (`lessonOpen`). */
const appOf = (s: Store): Record<string, unknown> => {
  const fields: AppFields = {
    locale: s.locale,
    consoleSize: s.consoleSize,
    lessonsVersion: s.lessonsVersion,
    lessonId: s.lessonId,
    lessonStepIndex: s.lessonStepIndex,
    lessonProgress: s.lessonProgress,
    lessonTexts: s.lessonTexts,
    userLessons: s.userLessons,
  };
  return { v: APP_VERSION, ...fields, lessonOpen: s.lessonId ? pickScene(s) : null };
};

const sceneChanged = (a: WorkspaceScene, b: WorkspaceScene) =>
  a.files !== b.files ||
  a.activeFile !== b.activeFile ||
  a.scenarioId !== b.scenarioId ||
  a.edited !== b.edited ||
  a.request !== b.request ||
  a.lookup !== b.lookup;

const appChanged = (a: Store, b: Store) =>
  a.locale !== b.locale ||
  a.consoleSize !== b.consoleSize ||
  a.lessonId !== b.lessonId ||
  a.lessonStepIndex !== b.lessonStepIndex ||
  a.lessonProgress !== b.lessonProgress ||
  a.lessonTexts !== b.lessonTexts ||
  a.userLessons !== b.userLessons ||
  (a.lessonId !== null && sceneChanged(pickScene(a), pickScene(b)));

function upsertMeta(meta: WorkspaceMeta) {
  useStore.setState((s) => ({
    workspaceList: [meta, ...s.workspaceList.filter((m) => m.id !== meta.id)].sort(
      (x, y) => y.updated - x.updated,
    ),
  }));
}

/** Writes what is pending, one transaction at a time, until nothing is. */
function pump(): Promise<void> {
  writing ??= (async () => {
    // Never finished before `writing` is set (its finally clears it): changes of this task collapse too.
    await Promise.resolve();
    try {
      for (;;) {
        const workspaces = [...pendingWorkspaces.values()].filter((w) => !held.has(w.id));
        const app = pendingApp;
        if (workspaces.length === 0 && !app) return;
        for (const w of workspaces) pendingWorkspaces.delete(w.id);
        pendingApp = null;
        let progress: Record<string, LessonProgress> | null = null;
        try {
          const db = await workDb();
          const tx = db.transaction(['workspaces', 'app'], 'readwrite');
          const ws = tx.objectStore('workspaces');
          const meta = tx.objectStore('app');
          // Another tab's lesson progress is kept, not overwritten (read and written in one transaction).
          if (app) {
            progress = progressWith(
              app.lessonProgress as Record<string, LessonProgress>,
              await meta.get('app'),
            );
            app.lessonProgress = progress;
          }
          await Promise.all([
            ...workspaces.map((w) => ws.put({ v: WORKSPACE_VERSION, ...w })),
            ...(app ? [meta.put(app, 'app')] : []),
            meta.put(useStore.getState().workspaceId, 'current'),
            tx.done,
          ]);
        } catch (e) {
          // Kept to be written on the next change (unless a newer version of it is waiting already).
          for (const w of workspaces) if (!pendingWorkspaces.has(w.id)) pendingWorkspaces.set(w.id, w);
          pendingApp ??= app;
          useStore.setState({
            saveProblem: isQuotaError(e)
              ? { code: 'quota' }
              : { code: 'unavailable', message: e instanceof Error ? e.message : String(e) },
          });
          return;
        }
        if (useStore.getState().saveProblem?.code !== 'otherTab') useStore.setState({ saveProblem: null });
        if (progress) {
          takeProgress(progress);
          channel?.postMessage({ type: 'app', tab: TAB } satisfies Message);
        }
        for (const w of workspaces) {
          upsertMeta(metaOf(w));
          channel?.postMessage({ type: 'saved', tab: TAB, meta: metaOf(w) } satisfies Message);
        }
      }
    } finally {
      writing = null;
    }
  })();
  return writing;
}

/** This tab's progress with what a saved page record holds. */
function progressWith(
  mine: Record<string, LessonProgress>,
  storedApp: unknown,
): Record<string, LessonProgress> {
  return mergeProgress(mine, readApp(storedApp, useStore.getState().locale).app.lessonProgress);
}

/** Progress made in another tab shows here (the store changes only when there is something new). */
function takeProgress(theirs: Record<string, LessonProgress>) {
  const s = useStore.getState();
  const merged = mergeProgress(s.lessonProgress, theirs);
  if (merged !== s.lessonProgress) useStore.setState({ lessonProgress: merged });
}

async function readOtherTabsProgress() {
  try {
    const db = await workDb();
    const stored: unknown = await db.get('app', 'app');
    takeProgress(readApp(stored, useStore.getState().locale).app.lessonProgress);
  } catch {
    // Unreadable storage is said when this tab saves; the progress here stays as it is.
  }
}

/** Resolves when everything changed so far is written (or refused: see saveProblem). */
export async function flushPersistence(): Promise<void> {
  while (writing) await writing;
}

function queueWorkspace(s: Store) {
  pendingWorkspaces.set(s.workspaceId, workspaceOf(s));
  void pump();
}

function queueApp(s: Store) {
  pendingApp = appOf(s);
  void pump();
}

const timeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('IndexedDB did not open')), ms)),
  ]);

async function keepAside(db: Db, records: AsideRecord[]) {
  if (records.length === 0) return;
  const tx = db.transaction('aside', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.add(r)), tx.done]);
  useStore.getState().setWorkspaceNotice({ code: 'keptAside', count: records.length });
}

/** svclab before workspaces: its localStorage save becomes the first workspace, kept aside as it was. */
/** The work an older svclab kept in localStorage, or null (none, or no localStorage). */
function legacyStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // no localStorage: nothing to migrate
  }
}

async function migrateLocalStorage(db: Db, raw: string | null) {
  if (raw === null) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const saved = isRecord(parsed) ? parsed : {};
  const version = typeof saved.version === 'number' ? saved.version : 0;
  useStore.setState((s) => mergeSaved(migrateSaved(saved.state, version), s));
  const tx = db.transaction('aside', 'readwrite');
  await Promise.all([
    tx.store.add({ reason: 'migrated', from: `localStorage/${STORAGE_KEY}`, at: Date.now(), value: raw }),
    tx.done,
  ]);
  const s = useStore.getState();
  queueWorkspace(s);
  queueApp(s);
  await flushPersistence();
  if (!useStore.getState().saveProblem) localStorage.removeItem(STORAGE_KEY);
}

/** The store's fields for a loaded workspace (the open lesson's own scene over it, when one is open). */
function loadedState(s: Store, w: Workspace | null, appRaw: unknown): Partial<Store> {
  const { app } = readApp(appRaw, s.locale);
  const scene = w ? pickScene(w) : pickScene(s);
  const lessonRaw = isRecord(appRaw) ? appRaw.lessonOpen : null;
  const lessonScene = isRecord(lessonRaw) ? mergeSaved(lessonRaw, { ...scene, files: [] }) : null;
  const { lessonSandbox: _unused, ...lessons } = app;
  const base = {
    ...lessons,
    workspaceId: w?.id ?? s.workspaceId,
    workspaceName: w?.name ?? null,
    workspaceLink: w?.link ?? null,
    revision: s.revision + 1,
  };
  if (app.lessonId && lessonScene && lessonScene.files.length > 0)
    return {
      ...base,
      ...pickScene(lessonScene),
      scenarioId: null,
      lessonSandbox: { ...scene },
      sidePanel: 'lesson',
    };
  return { ...base, ...scene, lessonId: null, lessonStepIndex: 0, lessonSandbox: null };
}

async function load(): Promise<void> {
  // IndexedDB opens while localStorage is read: a first visit waited about 20 ms for each in turn on
  // the way to its first graph (issue 17, cold load), and both are answered by the browser's process.
  // localStorage's first read blocks the page until it is loaded; the database is opening meanwhile.
  const opening = timeout(workDb(), OPEN_TIMEOUT_MS);
  const legacy = legacyStorage();
  let db: Db;
  try {
    db = await opening;
  } catch (e) {
    useStore.setState({
      saveProblem: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) },
    });
    return;
  }
  const [current, appRaw, all] = await Promise.all([
    db.get('app', 'current'),
    db.get('app', 'app'),
    db.getAll('workspaces'),
  ]);
  if (appRaw === undefined && all.length === 0) return migrateLocalStorage(db, legacy);
  const s = useStore.getState();
  const fallback = pickScene(s);
  const aside: AsideRecord[] = [];
  const read: Workspace[] = [];
  for (const raw of all) {
    const r = readWorkspace(raw, fallback);
    if (!r || r.keepAside)
      aside.push({
        reason: r ? 'newer' : 'damaged',
        from: `workspaces/${raw.id}`,
        at: Date.now(),
        value: raw,
      });
    if (r) read.push(r.workspace);
  }
  if (readApp(appRaw, s.locale).keepAside)
    aside.push({ reason: 'newer', from: 'app', at: Date.now(), value: appRaw });
  read.sort((a, b) => b.updated - a.updated);
  const open = read.find((w) => w.id === current) ?? read[0] ?? null;
  useStore.setState({ ...loadedState(s, open, appRaw), workspaceList: read.map(metaOf) });
  await keepAside(db, aside);
}

function listen() {
  if (typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel('svclab');
  channel.onmessage = (e: MessageEvent<Message>) => {
    const m = e.data;
    if (!isRecord(m) || m.tab === TAB) return;
    if (m.type === 'app') {
      void readOtherTabsProgress();
      return;
    }
    if (m.type === 'deleted') {
      useStore.setState((s) => ({ workspaceList: s.workspaceList.filter((w) => w.id !== m.id) }));
      return;
    }
    if (m.type !== 'saved' || !isRecord(m.meta)) return;
    upsertMeta(m.meta);
    if (m.meta.id === useStore.getState().workspaceId) {
      held.add(m.meta.id);
      useStore.setState({ saveProblem: { code: 'otherTab' } });
    }
  };
}

/** Loads the work kept in this browser into the store, then keeps saving it. Once per page. */
export function startPersistence(): Promise<void> {
  started ??= (async () => {
    try {
      await load();
    } catch (e) {
      useStore.setState({
        saveProblem: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) },
      });
    }
    listen();
    stopSubscription = useStore.subscribe((s, prev) => {
      if (appChanged(s, prev)) queueApp(s);
      if (quiet) return;
      if (
        s.workspaceId !== prev.workspaceId ||
        s.workspaceName !== prev.workspaceName ||
        s.workspaceLink !== prev.workspaceLink ||
        sceneChanged(workspaceSceneOf(s), workspaceSceneOf(prev))
      )
        queueWorkspace(s);
    });
    // A workspace not saved yet (the first start) is written, so that it is listed and a reload finds it.
    const now = useStore.getState();
    if (!now.workspaceList.some((w) => w.id === now.workspaceId)) queueWorkspace(now);
  })();
  return started;
}

/** Stops saving (tests: a page closed). */
export function stopPersistence(): void {
  stopSubscription?.();
  channel?.close();
  channel = null;
  started = null;
  held.clear();
}

/** Puts a scene in the editor as another workspace's (a lesson open is left, its text kept). */
export function showScene(
  scene: WorkspaceScene,
  ids: Pick<Store, 'workspaceId' | 'workspaceName' | 'workspaceLink'>,
) {
  const s = useStore.getState();
  if (s.lessonId) s.closeLesson();
  useStore.setState((now) => ({
    ...scene,
    ...ids,
    revision: now.revision + 1,
    traces: [],
    traceError: null,
    lookupText: null,
    selected: null,
    playhead: 0,
    playing: false,
  }));
}

/** A new workspace with the default scenario; the one open stays as it was saved. */
export function newWorkspace(): void {
  const scenario = findScenario(DEFAULT_SCENARIO);
  const files = scenarioFiles(scenario, useStore.getState().locale);
  showScene(
    {
      files,
      activeFile: files[0]!.name,
      scenarioId: DEFAULT_SCENARIO,
      edited: false,
      ...formFor(scenario ?? { request: { from: 'external', target: '' } }),
    },
    asNewWorkspace(),
  );
}

/** Keeps `scene` as a workspace of its own, not opened (a lesson text a link would have replaced). */
export function saveAsWorkspace(scene: WorkspaceScene, name: string): void {
  const w: Workspace = { ...scene, id: newWorkspaceId(), name: name.slice(0, 100), updated: Date.now() };
  pendingWorkspaces.set(w.id, w);
  void pump();
}

/** Opens a saved workspace (what the open one had is saved first). False when it cannot be read. */
export async function openWorkspace(id: string): Promise<boolean> {
  await flushPersistence();
  const raw = await (await workDb()).get('workspaces', id);
  const r = readWorkspace(raw, pickScene(useStore.getState()));
  if (!r) return false;
  showScene(pickScene(r.workspace), {
    workspaceId: r.workspace.id,
    workspaceName: r.workspace.name,
    workspaceLink: r.workspace.link ?? null,
  });
  return true;
}

export async function renameWorkspace(id: string, name: string): Promise<void> {
  const clean = name.trim().slice(0, 100) || null;
  if (id === useStore.getState().workspaceId) return useStore.setState({ workspaceName: clean });
  const db = await workDb();
  const raw = await db.get('workspaces', id);
  if (!raw) return;
  const next = { ...raw, name: clean };
  await db.put('workspaces', next);
  const r = readWorkspace(next, pickScene(useStore.getState()));
  if (r) {
    upsertMeta(metaOf(r.workspace));
    channel?.postMessage({ type: 'saved', tab: TAB, meta: metaOf(r.workspace) } satisfies Message);
  }
}

/** Deletes a workspace that is not open (the UI asks first). */
export async function deleteWorkspace(id: string): Promise<void> {
  if (id === useStore.getState().workspaceId) return;
  await (await workDb()).delete('workspaces', id);
  useStore.setState((s) => ({ workspaceList: s.workspaceList.filter((w) => w.id !== id) }));
  channel?.postMessage({ type: 'deleted', tab: TAB, id } satisfies Message);
}

/**
 * Another tab saved the open workspace: take its version ('theirs'), or keep this tab's as a new
 * workspace ('mine'). Either way nothing either tab made is lost.
 */
export async function resolveOtherTab(choice: 'theirs' | 'mine'): Promise<void> {
  const s = useStore.getState();
  const id = s.workspaceId;
  held.delete(id);
  pendingWorkspaces.delete(id);
  useStore.setState({ saveProblem: null });
  if (choice === 'mine') {
    useStore.setState({ ...asNewWorkspace(), workspaceName: s.workspaceName });
    return;
  }
  const raw = await (await workDb()).get('workspaces', id);
  const r = readWorkspace(raw, pickScene(s));
  if (!r) return;
  quiet = true;
  try {
    showScene(pickScene(r.workspace), {
      workspaceId: id,
      workspaceName: r.workspace.name,
      workspaceLink: r.workspace.link ?? null,
    });
  } finally {
    quiet = false;
  }
}
