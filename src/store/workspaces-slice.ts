/**
 * Workspaces in the store: which one is open, the list of all of them, and whether the work is being
 * saved (workspace-sync.ts writes it to IndexedDB as the user types). A new workspace is a new id: the
 * scene it starts from is saved under it, and the one before stays as it was last saved.
 *
 * @example
 * useStore.getState().loadScenario('ingress'); // edits in the open workspace? a new workspace for ingress
 */
import type { StateCreator } from 'zustand';
import type { Store, WorkspacesSlice } from './types';

/** A fresh workspace id (not a secret: only unique within this browser's storage). */
export const newWorkspaceId = (): string =>
  `w-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;

/** The fields that make the store's scene a new workspace, unnamed. */
export const asNewWorkspace = (): Pick<Store, 'workspaceId' | 'workspaceName' | 'workspaceLink'> => ({
  workspaceId: newWorkspaceId(),
  workspaceName: null,
  workspaceLink: null,
});

export const createWorkspacesSlice: StateCreator<Store, [], [], WorkspacesSlice> = (set) => ({
  workspaceId: newWorkspaceId(),
  workspaceName: null,
  workspaceLink: null,
  workspaceList: [],
  saveProblem: null,
  workspaceNotice: null,
  setWorkspaceNotice: (workspaceNotice) => set({ workspaceNotice }),
  linkNotice: null,
});
