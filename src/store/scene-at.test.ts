import { describe, expect, it } from 'vitest';
import { useStore } from './store';

describe('the instant shown (sceneAt)', () => {
  it('moves, never below 0, and clears the requests sent at another instant', () => {
    useStore.setState({ traces: [{} as never], lookupText: 'x', playing: true });
    useStore.getState().setSceneAt(60);
    expect(useStore.getState()).toMatchObject({ sceneAt: 60, traces: [], lookupText: null, playing: false });
    useStore.getState().setSceneAt(-5);
    expect(useStore.getState().sceneAt).toBe(0);
    useStore.getState().setSceneAt(Number.NaN);
    expect(useStore.getState().sceneAt).toBe(0);
  });

  it('keeps the requests when the instant does not change', () => {
    useStore.getState().setSceneAt(10);
    const traces = [{} as never];
    useStore.setState({ traces });
    useStore.getState().setSceneAt(10);
    expect(useStore.getState().traces).toBe(traces);
  });
});
