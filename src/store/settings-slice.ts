import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/translate';
import { consoleSizeFrom } from './console-size';
import type { SettingsSlice, Store } from './types';

/** The language a first visit starts in: the browser's. */
export const browserLocale = (): Locale =>
  typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';

/** The presenter's text sizes: the graph's smallest label and the inspector's text grow together. */
export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;

const nearestScale = (n: number): number =>
  TEXT_SCALES.reduce((a, b) => (Math.abs(b - n) < Math.abs(a - n) ? b : a), TEXT_SCALES[0]);

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  locale: browserLocale(),
  seed: 1,
  presenting: false,
  textScale: 1,
  consoleSize: null,
  setLocale: (locale) => set({ locale }),
  setPresenting: (presenting) => set({ presenting }),
  setTextScale: (scale) => set({ textScale: nearestScale(Number.isFinite(scale) ? scale : 1) }),
  setConsoleSize: (size) => set({ consoleSize: consoleSizeFrom(size) }),
});
