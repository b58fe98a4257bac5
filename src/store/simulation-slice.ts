import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO, findScenario } from '../scenarios';
import { clampCount, formFor, withChoice, type RequestFormState } from './request-form';
import type { SimulationSlice, Store } from './types';

const initialForm = (): RequestFormState =>
  formFor(findScenario(DEFAULT_SCENARIO) ?? { request: { from: 'external', target: 'http://web' } });

export const createSimulationSlice: StateCreator<Store, [], [], SimulationSlice> = (set) => ({
  engineStatus: 'starting',
  engineMessage: null,
  engineStop: null,
  diagnostics: [],
  diagnosticsRevision: 0,
  broken: false,
  lastGood: null,
  computing: false,
  ...initialForm(),
  traces: [],
  lookupText: null,
  traceError: null,
  sending: false,
  sceneAt: 0,
  timelineEvents: [],
  setSceneAt: (at) =>
    set((s) => {
      const next = Number.isFinite(at) ? Math.max(0, at) : 0;
      if (next === s.sceneAt) return {};
      // Requests sent at another instant would describe another cluster: they go.
      return { sceneAt: next, traces: [], lookupText: null, traceError: null, playing: false, playhead: 0 };
    }),
  elementMenu: null,
  openElementMenu: (menu) => set({ elementMenu: menu }),
  faultStatus: null,
  setRequest: (patch) =>
    set((s) => ({
      request: { ...s.request, ...patch, count: clampCount(patch.count ?? s.request.count ?? 1) },
    })),
  chooseProtocol: (choice) => set((s) => withChoice(s.request, choice)),
});
