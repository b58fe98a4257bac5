import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO, findScenario, type ScenarioId } from '../scenarios';
import { formFor } from './request-form';
import type { Store } from './store';

export interface ManifestsSlice {
  /** The YAML in the editor (one file, "scene.yaml"). Saved to localStorage on every change. */
  text: string;
  /** The scenario the text started from; `edited` says whether the user changed it since. */
  scenarioId: ScenarioId | null;
  edited: boolean;
  /** Bumped on every change; the worker's answers carry it so stale ones are dropped. */
  revision: number;
  setText(text: string): void;
  loadScenario(id: ScenarioId): void;
}

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
