import type { StateCreator } from 'zustand';
import type { ConsoleSlice, Store } from './types';

/** The console's screen, in the store so the Share menu can save it as a transcript. */
export const createConsoleSlice: StateCreator<Store, [], [], ConsoleSlice> = (set) => ({
  consoleEntries: [],
  setConsoleEntries: (update) =>
    set((s) => ({
      consoleEntries: typeof update === 'function' ? update(s.consoleEntries) : update,
    })),
});
