/**
 * The one store (architecture principle 7), made of slices. It holds source state only; everything
 * derived is computed by the selectors in selectors.ts. The YAML, the scenario, the language and the
 * request are persisted to localStorage so a reload never loses the user's work (saved-state.ts), and
 * so are the lessons' progress and texts (lesson-save.ts).
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { dedupedStorage } from './persist-storage';
import { mergeSaved, migrateSaved, SAVED_VERSION } from './saved-state';
import { createLessonsSlice } from './lessons-slice';
import { createManifestsSlice } from './manifests-slice';
import { createPlaybackSlice } from './playback-slice';
import { createSelectionSlice } from './selection-slice';
import { createSettingsSlice } from './settings-slice';
import { createSimulationSlice } from './simulation-slice';
import type { Store } from './types';

export type { Store } from './types';

export const STORAGE_KEY = 'svclab:v1';

export const useStore = create<Store>()(
  persist(
    (...a) => ({
      ...createManifestsSlice(...a),
      ...createSimulationSlice(...a),
      ...createPlaybackSlice(...a),
      ...createSelectionSlice(...a),
      ...createSettingsSlice(...a),
      ...createLessonsSlice(...a),
    }),
    {
      name: STORAGE_KEY,
      version: SAVED_VERSION,
      storage: dedupedStorage(),
      migrate: migrateSaved,
      merge: mergeSaved,
      partialize: (s) => ({
        files: s.files,
        activeFile: s.activeFile,
        scenarioId: s.scenarioId,
        edited: s.edited,
        locale: s.locale,
        request: s.request,
        lookup: s.lookup,
        // Lessons (lesson-save.ts): each field keeps its identity until it changes, so the deduped
        // storage writes only when one of them did.
        lessonsVersion: s.lessonsVersion,
        lessonId: s.lessonId,
        lessonStepIndex: s.lessonStepIndex,
        lessonProgress: s.lessonProgress,
        lessonTexts: s.lessonTexts,
        lessonSandbox: s.lessonSandbox,
        userLessons: s.userLessons,
      }),
    },
  ),
);
