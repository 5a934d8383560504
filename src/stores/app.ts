/** Start-up: settings, decks and card states, in order; one place that knows the app is ready. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useSettingsStore } from './settings';
import { useContentStore } from './content';
import { useCollectionStore } from './collection';
import { useRepository } from './repository';

export const useAppStore = defineStore('app', () => {
  const ready = ref(false);
  const error = ref<string | null>(null);
  /** False until the student has seen the welcome (also after site data was cleared). */
  const welcomed = ref(true);
  let starting: Promise<void> | null = null;

  function start(): Promise<void> {
    return (starting ??= (async () => {
      try {
        await useSettingsStore().load();
        await Promise.all([useContentStore().load(), useCollectionStore().load()]);
        welcomed.value = (await useRepository().getValue<boolean>('welcomed')) === true;
        ready.value = true;
      } catch (e) {
        error.value = `Durand could not open its storage on this device (${(e as Error).message}). Private browsing can block it; try a normal window.`;
      }
    })());
  }

  async function welcome() {
    welcomed.value = true;
    await useRepository().setValue('welcomed', true);
  }

  return { ready, error, welcomed, start, welcome };
});
