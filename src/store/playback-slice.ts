import type { StateCreator } from 'zustand';
import type { PlaybackSlice, Store } from './types';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export const createPlaybackSlice: StateCreator<Store, [], [], PlaybackSlice> = (set) => ({
  playing: false,
  playhead: 0,
  readout: 0,
  speed: 1,
  focus: 0,
  eventFilter: { hideDns: false, only: 'all', focusOnly: false },
  // Playing starts its counts where the playhead is (the clock moves them on from there).
  setPlaying: (playing) => set((s) => ({ playing, readout: s.playhead })),
  setPlayhead: (t) => set({ playhead: Math.max(0, t) }),
  setSpeed: (speed) => set({ speed }),
  setFocus: (k) => set((s) => ({ focus: Math.max(0, Math.min(s.traces.length - 1, Math.round(k) || 0)) })),
  setEventFilter: (patch) => set((s) => ({ eventFilter: { ...s.eventFilter, ...patch } })),
});
