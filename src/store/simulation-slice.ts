import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO, findScenario } from '../scenarios';
import { clampCount, formFor, withChoice, type RequestChoice, type RequestFormState } from './request-form';
import type { Store } from './store';
import type { Diagnostic, EngineStatus, GoodBuild, RequestInit, Trace } from './types';

export interface SimulationSlice extends RequestFormState {
  engineStatus: EngineStatus;
  /** Why the engine failed (shown as-is). */
  engineMessage: string | null;
  /** Diagnostics for the newest text the worker answered for. */
  diagnostics: Diagnostic[];
  diagnosticsRevision: number;
  /** The newest text does not yield a cluster (syntax errors): the graph keeps `lastGood`, dimmed. */
  broken: boolean;
  lastGood: GoodBuild | null;
  computing: boolean;

  traces: Trace[];
  /** A DNS lookup's answer, as nslookup prints it. */
  lookupText: string | null;
  traceError: string | null;
  sending: boolean;

  /** Edits the request's fields (the count is kept a whole number from 1 to 500). */
  setRequest(patch: Partial<RequestInit>): void;
  /** Picks an entry of the bar's protocol menu. */
  chooseProtocol(choice: RequestChoice): void;
}

const initialForm = (): RequestFormState =>
  formFor(findScenario(DEFAULT_SCENARIO) ?? { request: { from: 'external', target: 'http://web' } });

export const createSimulationSlice: StateCreator<Store, [], [], SimulationSlice> = (set) => ({
  engineStatus: 'starting',
  engineMessage: null,
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
  setRequest: (patch) =>
    set((s) => ({
      request: { ...s.request, ...patch, count: clampCount(patch.count ?? s.request.count ?? 1) },
    })),
  chooseProtocol: (choice) => set((s) => withChoice(s.request, choice)),
});
