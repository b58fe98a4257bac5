import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO, findScenario } from '../scenarios';
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
