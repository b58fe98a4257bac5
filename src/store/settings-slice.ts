import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/translate';
import type { SettingsSlice, Store } from './types';

const browserLocale = (): Locale =>
  typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  locale: browserLocale(),
  seed: 1,
  presenting: false,
  setLocale: (locale) => set({ locale }),
  setPresenting: (presenting) => set({ presenting }),
});
