import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO, findScenario } from '../scenarios';
import { stashLessonText } from './lessons-slice';
import { formFor } from './request-form';
import type { ManifestsSlice, Store } from './types';

export const SCENE_FILE = 'scene.yaml';

export const createManifestsSlice: StateCreator<Store, [], [], ManifestsSlice> = (set, get) => ({
  text: findScenario(DEFAULT_SCENARIO)?.yaml ?? '',
  scenarioId: DEFAULT_SCENARIO,
  edited: false,
  revision: 1,
  setText: (text) => {
    if (text === get().text) return;
    set((s) => ({ text, edited: true, revision: s.revision + 1 }));
  },
  loadScenario: (id) => {
    const scenario = findScenario(id);
    if (!scenario) return;
    set((s) => ({
      // A scenario leaves the open lesson (its text is kept) and takes the place of the manifests it had
      // set aside: the menu's confirmation is about those (selectSandboxEdited).
      ...stashLessonText(s),
      lessonId: null,
      lessonStepIndex: 0,
      lessonSandbox: null,
      sidePanel: s.lessonId ? 'inspector' : s.sidePanel,
      text: scenario.yaml,
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
});
