/**
 * Following the address the page was opened with (issue 14): a scene link (`#scene=1.…`, link-codec.ts)
 * and the readable deep links `?scenario=ingress`, `?lesson=clusterip&step=3` (`?present` is main.tsx's).
 *
 * A scene link never overwrites the user's work: it opens as a new workspace, remembered by the link's
 * digest, so opening the same link again comes back to that workspace as the user left it. The lesson
 * it names opens at its page (an instructor's lesson is loaded from the bundle the link carries, by the
 * same decoder as a file); should the student have a text of their own in that lesson, it is kept as a
 * workspace before the link's takes its place. The selected hop is shown by sending the link's request
 * again (the engine is deterministic: the same scene and request give the same hops).
 *
 * Followed in two parts: the scene before the engine starts (so it builds the link's scene first), the
 * lesson and the hop once the course is loaded. The address is then cleaned (a reload comes back to the
 * work, not to the link); a link that cannot be read stays in the address bar and says why.
 *
 * @example
 * const rest = await openLocation(location); // the link's scene is the editor's
 * startEngineSync(); await loadLessonCatalogue(); await rest(); // its lesson page and hop are shown
 */
import { translate } from '../i18n/translate';
import { findScenario } from '../scenarios';
import { sendRequest } from './engine-sync';
import { decodeLink, encodeLink, linkPayload, MAX_LINK_CHARS, type LinkData } from './link-codec';
import { lessonByRef, userRef } from './lesson-model';
import { sceneFiles } from './lesson-scene';
import { addUserLesson } from './lesson-sync';
import { selectHopIndex } from './playhead-selectors';
import { sameFiles } from './scene-files';
import { useStore } from './store';
import { hopTime } from './timeline';
import type { Store } from './types';
import { pickScene } from './workspace-record';
import { flushPersistence, openWorkspace, saveAsWorkspace, showScene } from './workspace-sync';
import { newWorkspaceId } from './workspaces-slice';

/** What is left to do once the course has loaded. */
type FollowUp = () => Promise<void>;
const NOTHING: FollowUp = () => Promise.resolve();

/** Resolves when `ready` holds of the store (at once if it does already). */
function when(ready: (s: Store) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready(useStore.getState())) return resolve();
    const stop = useStore.subscribe((s) => {
      if (!ready(s)) return;
      stop();
      resolve();
    });
  });
}

const courseLoaded = () => when((s) => s.lessonCatalogue !== null || s.lessonCatalogueError !== null);
/** The worker has answered for the scene as it is now (or failed). */
const builtNow = () =>
  when((s) => (s.diagnosticsRevision === s.revision && !s.computing) || s.engineStatus === 'error');

/** Shows hop `hop` of request `request` of the link's burst: the request is sent again, then stopped there. */
async function showHop(hop: { request: number; hop: number }) {
  await builtNow();
  await sendRequest();
  const { traces } = useStore.getState();
  if (traces.length === 0) return;
  const k = Math.min(hop.request, traces.length - 1);
  const i = Math.min(hop.hop, Math.max(0, traces[k]!.hops.length - 1));
  useStore.setState({ focus: k, playhead: hopTime(i, k, traces.length), playing: false });
}

/** Opens the lesson a link names at its page; `files` (a first opening) become the lesson's text. */
async function openLinkLesson(data: LinkData, fresh: boolean) {
  const lesson = data.lesson!;
  await courseLoaded();
  let ref = lesson.ref;
  if (lesson.bundle) {
    const r = await addUserLesson(lesson.bundle.name, lesson.bundle.text);
    if (!r.ok) {
      useStore.setState({
        lessonFileErrors: { name: lesson.bundle.name, errors: r.errors },
        sidePanel: 'lesson',
      });
      return;
    }
    ref = r.ref;
  }
  const s = useStore.getState();
  const loaded = lessonByRef(s.lessonCatalogue, ref);
  if (!loaded) {
    useStore.setState({ linkNotice: { code: 'unknownLesson', id: ref } });
    return;
  }
  if (fresh) {
    const own = s.lessonTexts[ref];
    const start = sceneFiles(loaded);
    if (own && !sameFiles(own, start) && !sameFiles(own, data.files)) {
      const title = loaded.title[s.locale];
      saveAsWorkspace(
        { ...pickScene(s), files: own, activeFile: own[0]!.name, scenarioId: null, edited: true },
        translate(s.locale, 'link.lessonAside.name', { lesson: title }),
      );
      useStore.setState({ linkNotice: { code: 'lessonAside', lesson: title } });
    }
    useStore.setState((now) => ({ lessonTexts: { ...now.lessonTexts, [ref]: data.files } }));
  }
  useStore.getState().openLesson(ref, { step: lesson.step });
  // The step's suggested request gives way to the one the link carries.
  if (fresh) useStore.setState({ request: data.request, lookup: data.lookup });
}

/** Opens a scene link: its workspace again, or a new one. What follows once the course is loaded. */
async function openSceneLink(payload: string): Promise<FollowUp | null> {
  const read = await decodeLink(payload, pickScene(useStore.getState()));
  if (!read.ok) {
    useStore.setState({ linkNotice: { code: 'problem', problem: read.problem } });
    return null;
  }
  const { data, digest } = read;
  await flushPersistence();
  const known = useStore.getState().workspaceList.find((w) => w.link === digest);
  if (known && (await openWorkspace(known.id))) {
    useStore.setState({ linkNotice: { code: 'returned' } });
    return async () => {
      if (data.lesson) await openLinkLesson(data, false);
    };
  }
  // An untouched scene (a first visit's) is replaced in place, as a scenario replaces it: nothing to keep.
  const now = useStore.getState();
  const untouched = !now.edited && !now.lessonId && !now.workspaceLink;
  showScene(pickScene(data), {
    workspaceId: untouched ? now.workspaceId : newWorkspaceId(),
    workspaceName: data.name,
    workspaceLink: digest,
  });
  useStore.setState({ linkNotice: { code: 'opened' }, sidePanel: data.lesson ? 'lesson' : 'inspector' });
  return async () => {
    if (data.lesson) await openLinkLesson(data, true);
    if (data.hop) await showHop(data.hop);
  };
}

/** `?lesson=clusterip&step=3` (the page as numbered on screen, from 1). */
function lessonDeepLink(id: string, step: string | null): FollowUp {
  const n = Number(step);
  const index = Number.isInteger(n) && n >= 1 ? n - 1 : undefined;
  return async () => {
    await courseLoaded();
    const opened = useStore.getState().openLesson(id, index === undefined ? {} : { step: index });
    if (!opened) useStore.setState({ linkNotice: { code: 'unknownLesson', id } });
  };
}

/**
 * Follows the address: a scene link's scene, `?scenario=` at once; returns what is left (lesson, hop)
 * for when the engine and the course are there. The address keeps only `?present` afterwards.
 */
export async function openLocation(loc: Pick<Location, 'hash' | 'search' | 'pathname'>): Promise<FollowUp> {
  const params = new URLSearchParams(loc.search);
  const payload = linkPayload(loc.hash);
  let rest = NOTHING;
  let clean = true;
  if (payload !== null) {
    const follow = await openSceneLink(payload);
    if (follow) rest = follow;
    else clean = false;
  } else {
    const scenario = params.get('scenario');
    if (scenario !== null) {
      const found = findScenario(scenario);
      if (found) useStore.getState().loadScenario(found.id);
      else useStore.setState({ linkNotice: { code: 'unknownScenario', id: scenario.slice(0, 100) } });
    }
    const lesson = params.get('lesson');
    if (lesson !== null) rest = lessonDeepLink(lesson.slice(0, 100), params.get('step'));
  }
  for (const key of ['scenario', 'lesson', 'step']) params.delete(key);
  const search = params.toString();
  const hash = clean || payload === null ? '' : loc.hash;
  if (typeof history !== 'undefined')
    history.replaceState(history.state, '', `${loc.pathname}${search ? `?${search}` : ''}${hash}`);
  return rest;
}

/** A link pasted into the address bar of the open page is followed too. */
export function followHashChanges(): () => void {
  const follow = () => {
    if (linkPayload(location.hash) === null) return;
    void openLocation(location).then((rest) => rest());
  };
  addEventListener('hashchange', follow);
  return () => removeEventListener('hashchange', follow);
}

/** The share link's fragment for what the page shows: the scene, the lesson and page, the hop selected. */
export async function shareFragment(s: Store = useStore.getState()): Promise<string> {
  let lesson: LinkData['lesson'];
  if (s.lessonId) {
    const entry = s.lessonCatalogue?.user.find((u) => u.ok && userRef(u.lesson.id) === s.lessonId);
    const source = entry && s.userLessons.find((u) => u.name === entry.name);
    lesson = {
      ref: s.lessonId,
      step: s.lessonStepIndex,
      ...(source ? { bundle: { name: source.name, text: source.text } } : {}),
    };
  }
  const hopIndex = selectHopIndex(s);
  return encodeLink({
    ...pickScene(s),
    name: s.workspaceName,
    ...(lesson ? { lesson } : {}),
    ...(s.traces.length > 0 && hopIndex >= 0 ? { hop: { request: s.focus, hop: hopIndex } } : {}),
  });
}

export { MAX_LINK_CHARS };
