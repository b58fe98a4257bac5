/**
 * Derived state, declared once at module level so every component shares the same selector functions.
 */
import type { Store } from './types';

export const selectFiles = (s: Store) => s.files;
export const selectActiveFile = (s: Store) => s.activeFile;
export const selectLocale = (s: Store) => s.locale;
export const selectCluster = (s: Store) => s.lastGood?.cluster ?? null;
export const selectGraphRevision = (s: Store) => s.lastGood?.revision ?? 0;
export const selectDiagnostics = (s: Store) => s.diagnostics;
export const selectTraces = (s: Store) => s.traces;
export const selectPlayhead = (s: Store) => s.playhead;
export const selectSelected = (s: Store) => s.selected;

export const selectEngine = (s: Store) => ({
  status: s.engineStatus,
  message: s.engineMessage,
  broken: s.broken,
  computing: s.computing,
});

export const selectProblemCounts = (s: Store) => {
  let errors = 0;
  let warnings = 0;
  for (const d of s.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
};
