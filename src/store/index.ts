export { useStore, STORAGE_KEY, type Store } from './store';
export { useShallow } from 'zustand/react/shallow';
export * from './selectors';
export * from './graph-ids';
export * from './types';
export { startEngineSync, sendRequest, runConsoleLine, isBroken } from './engine-sync';
export { SCENE_FILE } from './manifests-slice';
export { SPEEDS } from './playback-slice';
