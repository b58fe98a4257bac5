/**
 * The scene in the editor: its files in apply order (scene-files.ts), the one shown, and where it came
 * from. Every change that the engine would see (a text, a name, the order, a file more or less) bumps
 * the revision, so answers for the scene as it was are dropped.
 *
 * @example
 * useStore.getState().addFile(); // "file-2.yaml", empty, applied after the others and shown
 * useStore.getState().setText('apiVersion: v1\n…'); // edits the file shown
 */
import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/translate';
import { DEFAULT_SCENARIO, findScenario, type Scenario } from '../scenarios';
import { scenarioText } from '../scenarios/scene-text';
import { selectSandboxEdited } from './lesson-selectors';
import { stashLessonText } from './lessons-slice';
import { formFor } from './request-form';
import {
  fileNameProblem,
  MAX_FILES,
  nextFileName,
  SCENE_FILE,
  singleFile,
  type SceneFile,
} from './scene-files';
import { browserLocale } from './settings-slice';
import type { ManifestsSlice, Store } from './types';
import { asNewWorkspace } from './workspaces-slice';

export { SCENE_FILE };

/**
 * A scenario's scene: its one YAML file, its comments in the page's language when it opens (switching
 * the language later leaves the text alone: it is the user's scene from then on).
 */
export const scenarioFiles = (
  scenario: Pick<Scenario, 'file' | 'yaml'> | undefined,
  locale: Locale,
): SceneFile[] => singleFile(scenario ? scenarioText(scenario, locale) : '');

export const createManifestsSlice: StateCreator<Store, [], [], ManifestsSlice> = (set, get) => {
  /** The files changed as the user asked: the scene is theirs from now on. */
  const change = (files: SceneFile[], activeFile = get().activeFile) =>
    set((s) => ({ files, activeFile, edited: true, revision: s.revision + 1 }));

  return {
    files: scenarioFiles(findScenario(DEFAULT_SCENARIO), browserLocale()),
    activeFile: SCENE_FILE,
    scenarioId: DEFAULT_SCENARIO,
    edited: false,
    revision: 1,
    fileNotice: null,

    setText: (text) => get().setFileText(get().activeFile, text),

    setFileText: (name, text) => {
      const { files } = get();
      const i = files.findIndex((f) => f.name === name);
      if (i === -1 || files[i]!.text === text) return;
      change(files.map((f, j) => (j === i ? { name, text } : f)));
    },

    showFile: (name) => {
      if (get().files.some((f) => f.name === name)) set({ activeFile: name });
    },

    addFile: (file) => {
      const { files } = get();
      if (files.length >= MAX_FILES) return null;
      const name = file && !fileNameProblem(file.name, files) ? file.name : nextFileName(files);
      change([...files, { name, text: file?.text ?? '' }], name);
      return name;
    },

    renameFile: (from, to) => {
      const { files, activeFile } = get();
      if (from === to) return null;
      const problem = fileNameProblem(to, files, from);
      if (problem) return problem;
      change(
        files.map((f) => (f.name === from ? { name: to, text: f.text } : f)),
        activeFile === from ? to : activeFile,
      );
      return null;
    },

    removeFile: (name) => {
      const { files, activeFile } = get();
      const i = files.findIndex((f) => f.name === name);
      if (i === -1 || files.length === 1) return;
      const rest = files.filter((_, j) => j !== i);
      change(rest, activeFile === name ? rest[Math.max(0, i - 1)]!.name : activeFile);
    },

    moveFile: (name, delta) => {
      const { files } = get();
      const i = files.findIndex((f) => f.name === name);
      const j = i + delta;
      if (i === -1 || j < 0 || j >= files.length) return;
      const next = [...files];
      [next[i], next[j]] = [next[j]!, next[i]!];
      change(next);
    },

    loadScenario: (id) => {
      const scenario = findScenario(id);
      if (!scenario) return;
      set((s) => ({
        // A scenario leaves the open lesson (its text is kept) and takes the place of the manifests it had
        // set aside. Edited manifests are never replaced: the scenario opens as a new workspace, and the
        // one edited stays in the list as it was saved (workspace-sync.ts).
        ...(selectSandboxEdited(s) ? asNewWorkspace() : {}),
        ...stashLessonText(s),
        lessonId: null,
        lessonStepIndex: 0,
        lessonSandbox: null,
        sidePanel: s.lessonId ? 'inspector' : s.sidePanel,
        files: scenarioFiles(scenario, s.locale),
        activeFile: SCENE_FILE,
        scenarioId: id,
        edited: false,
        revision: s.revision + 1,
        ...formFor(scenario),
        traces: [],
        traceError: null,
        selected: null,
        playhead: 0,
        playing: false,
      }));
    },
  };
};
