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
  /** What daily study draws from: decks, categories, articles (empty lists mean all). */
  study: FactFilter;
}

export const DEFAULT_SETTINGS: Settings = {
  scheduler: DEFAULT_SCHEDULER,
  limits: DEFAULT_LIMITS,
  dayStartHour: 4,
  theme: 'system',
  study: ALL,
};

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(plain(DEFAULT_SETTINGS));
  const loaded = ref(false);

  async function load() {
    const stored = await useRepository().getValue<Partial<Settings>>('settings');
    if (stored && typeof stored === 'object') settings.value = { ...plain(DEFAULT_SETTINGS), ...stored };
    loaded.value = true;
  }

  async function save(patch: Partial<Settings>) {
    const next = { ...plain(settings.value), ...plain(patch) };
    await useRepository().setValue('settings', next);
    settings.value = next;
  }

  return { settings, loaded, load, save };
});
