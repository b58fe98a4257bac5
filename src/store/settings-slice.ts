import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/translate';
import type { Store } from './store';

export interface SettingsSlice {
  locale: Locale;
  /** Seeds every random choice of the engine: same YAML + seed + requests = same result. */
  seed: number;
  setLocale(locale: Locale): void;
}

const browserLocale = (): Locale =>
  typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  locale: browserLocale(),
  seed: 1,
  setLocale: (locale) => set({ locale }),
});
