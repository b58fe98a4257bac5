import type { StateCreator } from 'zustand';
import type { PlaybackSlice, Store } from './types';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export const createPlaybackSlice: StateCreator<Store, [], [], PlaybackSlice> = (set) => ({
  playing: false,
  playhead: 0,
  speed: 1,
  setPlaying: (playing) => set({ playing }),
  setPlayhead: (t) => set({ playhead: Math.max(0, t) }),
  setSpeed: (speed) => set({ speed }),
});
