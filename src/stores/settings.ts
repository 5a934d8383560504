/** Student settings, kept in IndexedDB under `settings`. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { DEFAULT_SCHEDULER, type SchedulerSettings } from '../engine/scheduler';
import { DEFAULT_LIMITS, type QueueLimits } from '../engine/queue';
import { useRepository } from './repository';
import { plain } from './plain';
import { ALL, type FactFilter } from '../deck/select';

export interface Settings {
  scheduler: SchedulerSettings;
  limits: QueueLimits;
  /** The hour (local time) a new study day starts. */
  dayStartHour: number;
  theme: 'system' | 'light' | 'dark';
  textSize: 'normal' | 'large' | 'larger';
  /** What daily study draws from: decks, categories, articles (empty lists mean all). */
  study: FactFilter;
}

export const DEFAULT_SETTINGS: Settings = {
  scheduler: DEFAULT_SCHEDULER,
  limits: DEFAULT_LIMITS,
  dayStartHour: 4,
  theme: 'system',
  textSize: 'normal',
  study: ALL,
};

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(plain(DEFAULT_SETTINGS));
  const loaded = ref(false);

  async function load() {
    const stored = await useRepository().getValue<Partial<Settings>>('settings');
    if (stored && typeof stored === 'object') settings.value = { ...plain(DEFAULT_SETTINGS), ...stored };
    applyAppearance(settings.value);
    loaded.value = true;
  }

  async function save(patch: Partial<Settings>) {
    const next = { ...plain(settings.value), ...plain(patch) };
    await useRepository().setValue('settings', next);
    settings.value = next;
    applyAppearance(next);
  }

  /** Theme and text size take effect at once, and are mirrored in localStorage so that
   * public/theme-init.js can apply them before the first paint on the next launch. */
  function applyAppearance(s: Settings) {
    if (typeof document === 'undefined') return;
    const root = document.documentElement;
    if (s.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = s.theme;
    if (s.textSize === 'normal') delete root.dataset.text;
    else root.dataset.text = s.textSize;
    try {
      localStorage.setItem('durand-theme', s.theme);
      localStorage.setItem('durand-text', s.textSize);
    } catch {
      // Storage blocked: the theme still applies for this visit.
    }
  }

  return { settings, loaded, load, save };
});
