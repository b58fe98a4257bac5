import type { StateCreator } from 'zustand';
import type { Store } from './store';

/** Who made the selection: the editor's cursor (graph follows) or a click in the graph (editor follows). */
export type SelectionSource = 'graph' | 'editor';

export interface SelectionSlice {
  /** An ObjectKey ("Service/default/web") or a graph-only id ("external", "kube-proxy/node-1"). */
  selected: string | null;
  selectionSource: SelectionSource;
  select(id: string | null, source: SelectionSource): void;
}

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => ({
  selected: null,
  selectionSource: 'graph',
  select: (id, source) => {
    if (get().selected === id && get().selectionSource === source) return;
    set({ selected: id, selectionSource: source });
  },
});
