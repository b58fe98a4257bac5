/**
 * Lessons in the store: which lesson is open and on which step (so a link or a presenter's clicker can
 * set them), each lesson's progress and working text, and the answers of checks and predictions.
 * Opening a lesson never discards the student's work: the manifests in the editor are set aside and come
 * back when they leave the lesson, and each lesson keeps its own edited text.
 *
 * The calls into the worker (catalogue, checks, predictions, files) are in lesson-sync.ts.
 *
 * @example
 * useStore.getState().openLesson('clusterip'); // the editor shows the lesson's scene, step 1
 * useStore.getState().lessonStep(+1); // the next step (a presenter's clicker)
 */
import type { StateCreator } from 'zustand';
import { clampStep, lessonByRef, progressAt, stepRequestForm, type LessonRef } from './lesson-model';
import { emptyLessonSave, emptyProgress, type Sandbox } from './lesson-save';
import { sceneFiles, startingScene } from './lesson-scene';
import { sameFiles, type SceneFile } from './scene-files';
import type { ClusterState, LessonsSlice, Store } from './types';

/** The cluster of the editor's text as it is, or null while its build is on the way. */
const current = (s: Store): ClusterState | null =>
  s.lastGood && s.lastGood.revision === s.revision ? s.lastGood.cluster : null;

/** The fields that set the editor to a scene, as loading a scenario does. */
const editorTo = (s: Store, files: SceneFile[], scenarioId: Sandbox['scenarioId'], edited: boolean) => ({
  files,
  activeFile: files[0]!.name,
  scenarioId,
  edited,
  revision: s.revision + 1,
  traces: [],
  traceError: null,
  lookupText: null,
  selected: null,
  playhead: 0,
  playing: false,
});

/** What leaving the open lesson stores: its files, kept under its reference. */
export const stashLessonText = (s: Store): Pick<Store, 'lessonTexts'> =>
  s.lessonId ? { lessonTexts: { ...s.lessonTexts, [s.lessonId]: s.files } } : { lessonTexts: s.lessonTexts };

export const createLessonsSlice: StateCreator<Store, [], [], LessonsSlice> = (set, get) => {
  /**
   * Showing step `index`: `cluster` fills the request's placeholders (null while the scene is about to
   * change: the build of the new text fills them, engine-sync.ts).
   */
  const enter = (s: Store, ref: LessonRef, index: number, cluster: ClusterState | null): Partial<Store> => {
    const lesson = lessonByRef(s.lessonCatalogue, ref);
    if (!lesson) return {};
    const i = clampStep(lesson, index);
    const step = lesson.steps[i]; // undefined on the challenges' page
    const form = step?.request ? stepRequestForm(step.request, cluster) : null;
    return {
      lessonStepIndex: i,
      lessonProgress: {
        ...s.lessonProgress,
        [ref]: progressAt(s.lessonProgress[ref], i, lesson.steps.length),
      },
      ...(form ?? {}),
    };
  };

  return {
    ...emptyLessonSave(),
    lessonCatalogue: null,
    lessonCatalogueError: null,
    challengeRuns: {},
    predictionRuns: {},
    lessonFileErrors: null,
    sidePanel: 'inspector',
    consoleDraft: null,

    openLesson: (ref, options = {}) => {
      const s = get();
      const lesson = lessonByRef(s.lessonCatalogue, ref);
      if (!lesson) return false;
      if (s.lessonId === ref) {
        set({ sidePanel: 'lesson', ...enter(s, ref, options.step ?? s.lessonStepIndex, current(s)) });
        return true;
      }
      const scene = startingScene(lesson, ref, s.locale);
      const texts = stashLessonText(s).lessonTexts;
      const files = texts[ref] ?? scene;
      const { [ref]: _open, ...others } = texts;
      const sandbox: Sandbox | null = s.lessonId
        ? s.lessonSandbox
        : {
            files: s.files,
            scenarioId: s.scenarioId,
            edited: s.edited,
            request: s.request,
            lookup: s.lookup,
          };
      set((now) => ({
        ...editorTo(now, files, null, !sameFiles(files, scene) && !sameFiles(files, sceneFiles(lesson))),
        lessonId: ref,
        lessonTexts: others,
        lessonSandbox: sandbox,
        sidePanel: 'lesson',
        ...enter(now, ref, options.step ?? now.lessonProgress[ref]?.step ?? 0, null),
      }));
      return true;
    },

    closeLesson: () => {
      const s = get();
      if (!s.lessonId) return;
      const back = s.lessonSandbox;
      set({
        ...stashLessonText(s),
        ...(back
          ? {
              ...editorTo(s, back.files, back.scenarioId, back.edited),
              ...(back.request ? { request: back.request, lookup: back.lookup ?? false } : {}),
            }
          : {}),
        lessonId: null,
        lessonStepIndex: 0,
        lessonSandbox: null,
        sidePanel: 'inspector',
      });
    },

    lessonStep: (delta) => get().goToLessonStep(get().lessonStepIndex + delta),

    goToLessonStep: (index) => {
      const s = get();
      if (!s.lessonId) return;
      set(enter(s, s.lessonId, index, current(s)));
    },

    resetLessonScene: () => {
      const s = get();
      const lesson = lessonByRef(s.lessonCatalogue, s.lessonId);
      if (lesson && s.lessonId) set(editorTo(s, startingScene(lesson, s.lessonId, s.locale), null, false));
    },

    revealHint: (challengeId) => {
      const s = get();
      if (!s.lessonId) return;
      const p = s.lessonProgress[s.lessonId] ?? emptyProgress();
      const shown = Math.min(3, (p.hints[challengeId] ?? 0) + 1);
      set({
        lessonProgress: {
          ...s.lessonProgress,
          [s.lessonId]: { ...p, hints: { ...p.hints, [challengeId]: shown } },
        },
      });
    },

    setSidePanel: (sidePanel) => set({ sidePanel }),

    draftConsole: (line) => set((s) => ({ consoleDraft: { line, nonce: (s.consoleDraft?.nonce ?? 0) + 1 } })),

    removeUserLesson: (name) => {
      const s = get();
      const entry = s.lessonCatalogue?.user.find((u) => u.name === name);
      if (entry?.ok && s.lessonId === `user:${entry.lesson.id}`) s.closeLesson();
      set((now) => ({
        userLessons: now.userLessons.filter((u) => u.name !== name),
        lessonCatalogue: now.lessonCatalogue && {
          ...now.lessonCatalogue,
          user: now.lessonCatalogue.user.filter((u) => u.name !== name),
        },
      }));
    },
  };
};
