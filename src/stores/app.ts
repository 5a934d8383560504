/** Start-up: settings, decks and card states, in order; one place that knows the app is ready. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useSettingsStore } from './settings';
import { useContentStore } from './content';
import { useCollectionStore } from './collection';
import { useRepository } from './repository';
import { now } from './clock';
import { idle } from './idle';

export const useAppStore = defineStore('app', () => {
  const ready = ref(false);
  const error = ref<string | null>(null);
  /** False until the student has seen the welcome (also after site data was cleared). */
  const welcomed = ref(true);
  /** What the start-up checks found and repaired, for the status bar. */
  const notice = ref<string | null>(null);
  /** A newer version's files replaced ours while this tab was open (a lazy view failed to load). */
  const stale = ref(false);
  /** Where the student was going when a view failed to load for that reason (the reload goes there). */
  const staleTarget = ref<string | null>(null);
  /** A quiz is on screen (set by the quiz view). */
  const inQuiz = ref(false);
  let starting: Promise<void> | null = null;

  function start(): Promise<void> {
    return (starting ??= (async () => {
      try {
        // The decks' fetch starts first: it is the longest part of a cold start.
        const content = useContentStore().load();
        await useSettingsStore().load();
        await Promise.all([content, useCollectionStore().load()]);
        welcomed.value = (await useRepository().getValue<boolean>('welcomed')) === true;
        ready.value = true;
        const bad = useCollectionStore().problems.length;
        if (bad) notice.value = `${bad} stored record${bad === 1 ? '' : 's'} could not be read; rebuilt from your review history.`;
        // The integrity check runs at most once a day, when the device is idle, in small steps.
        const last = (await useRepository().getValue<number>('integrityCheckedAt')) ?? 0;
        if (now() - last > 86_400_000) void idle(30_000, 5000).then(integrity);
      } catch (e) {
        error.value = `Durand could not open its storage on this device (${(e as Error).message}). Private browsing can block it; try a normal window.`;
      }
    })());
  }

  async function integrity() {
    try {
      const fixed = await useCollectionStore().checkIntegrity();
      await useRepository().setValue('integrityCheckedAt', now());
      if (fixed.length) notice.value = `Checked your cards against your review history and repaired ${fixed.length}.`;
    } catch {
      // A check that cannot run now runs at the next launch.
    }
  }

  async function welcome() {
    welcomed.value = true;
    await useRepository().setValue('welcomed', true);
  }

  return { ready, error, welcomed, notice, stale, staleTarget, inQuiz, start, welcome };
});
