import type { StateCreator } from 'zustand';
import type { SelectionSlice, Store } from './types';

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => ({
  selected: null,
  selectionSource: 'graph',
  select: (id, source) => {
    if (get().selected === id && get().selectionSource === source) return;
    set({ selected: id, selectionSource: source });
  },
  inspected: 0,
  inspect: (id) =>
    set((s) => ({
      selected: id,
      selectionSource: 'graph',
      sidePanel: 'inspector',
      inspected: s.inspected + 1,
    })),
});
