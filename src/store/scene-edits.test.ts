import { beforeEach, describe, expect, it } from 'vitest';
import { applySceneEdit, registerSceneEditor } from './scene-edits';
import { useStore } from './store';

const text = () => useStore.getState().files[0]!.text;

describe('applySceneEdit', () => {
  beforeEach(() => useStore.getState().setFileText(useStore.getState().files[0]!.name, 'replicas: 3\n'));

  it('gives the edit to the editor while one is registered', () => {
    const seen: [string, string][] = [];
    const stop = registerSceneEditor((file, t) => (seen.push([file, t]), true));
    applySceneEdit('scene.yaml', 'replicas: 5\n');
    expect(seen).toEqual([['scene.yaml', 'replicas: 5\n']]);
    expect(text()).toBe('replicas: 3\n');
    stop();
  });

  it('sets the store’s text when there is no editor, or the editor has no model for the file', () => {
    applySceneEdit('scene.yaml', 'replicas: 5\n');
    expect(text()).toBe('replicas: 5\n');
    const stop = registerSceneEditor(() => false);
    applySceneEdit('scene.yaml', 'replicas: 7\n');
    expect(text()).toBe('replicas: 7\n');
    stop();
  });

  it('an editor that withdrew gets nothing more, and does not withdraw a newer one', () => {
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = registerSceneEditor((_, t) => (first.push(t), true));
    const stopSecond = registerSceneEditor((_, t) => (second.push(t), true));
    stopFirst();
    applySceneEdit('scene.yaml', 'a\n');
    expect([first, second]).toEqual([[], ['a\n']]);
    stopSecond();
  });
});
