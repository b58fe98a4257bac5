import type { StateCreator } from 'zustand';
import type { Store } from './store';

export interface PlaybackSlice {
  playing: boolean;
  /** Timeline seconds (not simulated cluster time). Only the overlay and the inspector read it per frame. */
  playhead: number;
  speed: number; // 1 = one hop per second
  setPlaying(playing: boolean): void;
  setPlayhead(t: number): void;
  setSpeed(speed: number): void;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export const createPlaybackSlice: StateCreator<Store, [], [], PlaybackSlice> = (set) => ({
  playing: false,
  playhead: 0,
  speed: 1,
  setPlaying: (playing) => set({ playing }),
  setPlayhead: (t) => set({ playhead: Math.max(0, t) }),
  setSpeed: (speed) => set({ speed }),
});
