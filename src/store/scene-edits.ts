/**
 * Where a command's edit of the scene goes (`kubectl scale` in the console, a fault from the graph).
 * While the editor is open it takes the edit as an edit operation on that file's model, so Ctrl+Z takes
 * it back like any typing, also in a file whose tab is not shown; the model's change then reaches the
 * store as typing does. Without an editor (not loaded yet) the store takes the text.
 *
 * @example
 * const stop = registerSceneEditor((file, text) => applyToModel(file, text)); // the editor, on mount
 * applySceneEdit('scene.yaml', edited); // the console, after `kubectl scale`
 */
import { useStore } from './store';

/** Applies an edit of one file; false when it cannot (no model for that file), and the store takes it. */
export type SceneEditor = (file: string, text: string) => boolean;

let editor: SceneEditor | null = null;

/** The editor offers itself to take edits; the returned function withdraws it (on unmount). */
export function registerSceneEditor(e: SceneEditor): () => void {
  editor = e;
  return () => {
    if (editor === e) editor = null;
  };
}

/** One file's new text from a command: an undoable edit in the editor, or the store's text. */
export function applySceneEdit(file: string, text: string): void {
  if (editor?.(file, text)) return;
  useStore.getState().setFileText(file, text);
}
