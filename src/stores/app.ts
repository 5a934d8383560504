/** Start-up: settings, decks and card states, in order; one place that knows the app is ready. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useSettingsStore } from './settings';
import { useContentStore } from './content';
import { useCollectionStore } from './collection';

export const useAppStore = defineStore('app', () => {
  const ready = ref(false);
  const error = ref<string | null>(null);
  let starting: Promise<void> | null = null;

  function start(): Promise<void> {
    return (starting ??= (async () => {
      try {
        await useSettingsStore().load();
        await Promise.all([useContentStore().load(), useCollectionStore().load()]);
        ready.value = true;
      } catch (e) {
        error.value = `Durand could not open its storage on this device (${(e as Error).message}). Private browsing can block it; try a normal window.`;
      }
    })());
  }

  return { ready, error, start };
});
