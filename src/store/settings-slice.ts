import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/translate';
import type { Store } from './store';

export interface SettingsSlice {
  locale: Locale;
  /** Seeds every random choice of the engine: same YAML + seed + requests = same result. */
  seed: number;
  /** Presenting: the editor column is hidden so the graph and the inspector get the whole width. */
  presenting: boolean;
  setLocale(locale: Locale): void;
  setPresenting(presenting: boolean): void;
}

const browserLocale = (): Locale =>
  typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  locale: browserLocale(),
  seed: 1,
  presenting: false,
  setLocale: (locale) => set({ locale }),
  setPresenting: (presenting) => set({ presenting }),
});
