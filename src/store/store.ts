/**
 * The one store (architecture principle 7), made of slices. It holds source state only; everything
 * derived is computed by the selectors in selectors.ts. What the user makes (the workspaces' scenes, the
 * language, the lessons' progress and texts) is kept in IndexedDB by workspace-sync.ts as it changes.
 */
import { create } from 'zustand';
import { createConsoleSlice } from './console-slice';
import { createLessonsSlice } from './lessons-slice';
import { createManifestsSlice } from './manifests-slice';
import { createPlaybackSlice } from './playback-slice';
import { createSelectionSlice } from './selection-slice';
import { createSettingsSlice } from './settings-slice';
import { createSimulationSlice } from './simulation-slice';
import { createWorkspacesSlice } from './workspaces-slice';
import type { Store } from './types';

export type { Store } from './types';

/** Where svclab before workspaces kept its one save (read once, to migrate it: workspace-sync.ts). */
export const STORAGE_KEY = 'svclab:v1';

export const useStore = create<Store>()((...a) => ({
  ...createManifestsSlice(...a),
  ...createSimulationSlice(...a),
  ...createPlaybackSlice(...a),
  ...createSelectionSlice(...a),
  ...createSettingsSlice(...a),
  ...createLessonsSlice(...a),
  ...createWorkspacesSlice(...a),
  ...createConsoleSlice(...a),
}));
