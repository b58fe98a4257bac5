import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO, findScenario } from '../scenarios';
import type { Store } from './store';
import type { Capabilities, Diagnostic, EngineStatus, GoodBuild, RequestForm, Trace } from './types';

export interface SimulationSlice {
  engineStatus: EngineStatus;
  /** Why the engine is missing or failed (shown as-is). */
  engineMessage: string | null;
  capabilities: Capabilities;
  /** Diagnostics for the newest text the worker answered for. */
  diagnostics: Diagnostic[];
  diagnosticsRevision: number;
  /** The newest text does not yield a cluster (syntax errors): the graph keeps `lastGood`, dimmed. */
  broken: boolean;
  lastGood: GoodBuild | null;
  computing: boolean;

  request: RequestForm;
  traces: Trace[];
  /** A DNS lookup's answer, as nslookup prints it. */
  lookupText: string | null;
  traceError: string | null;
  sending: boolean;

  setRequest(patch: Partial<RequestForm>): void;
}

const initialRequest = (): RequestForm => {
  const s = findScenario(DEFAULT_SCENARIO);
  return s ? { ...s.request } : { from: 'external', to: 'http://web', protocol: 'http1.1', count: 1 };
};

export const createSimulationSlice: StateCreator<Store, [], [], SimulationSlice> = (set) => ({
  engineStatus: 'starting',
  engineMessage: null,
  capabilities: { build: false, simulate: false, console: false },
  diagnostics: [],
  diagnosticsRevision: 0,
  broken: false,
  lastGood: null,
  computing: false,
  request: initialRequest(),
  traces: [],
  lookupText: null,
  traceError: null,
  sending: false,
  setRequest: (patch) =>
    set((s) => ({
      request: {
        ...s.request,
        ...patch,
        count: Math.max(1, Math.min(500, Math.round(patch.count ?? s.request.count) || 1)),
      },
    })),
});
