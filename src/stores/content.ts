/** The decks and sources, loaded once from the precached content.json written by the build. */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { Content } from '../deck/load';
import type { Fact, Source } from '../deck/types';

export const useContentStore = defineStore('content', () => {
  const content = shallowRef<Content | null>(null);
  const error = shallowRef<string | null>(null);

  const facts = computed(() => new Map<string, Fact>((content.value?.decks ?? []).flatMap((d) => d.facts.map((f) => [f.id, f] as const))));
  const sources = computed(() => new Map<string, Source>((content.value?.sources ?? []).map((s) => [s.id, s])));
  const decks = computed(() => content.value?.decks ?? []);
  /** Deck id of each fact. */
  const deckOf = computed(() => new Map((content.value?.decks ?? []).flatMap((d) => d.facts.map((f) => [f.id, d.id] as const))));

  function set(c: Content) {
    content.value = c;
  }

  async function load() {
    if (content.value) return;
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}content.json`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      content.value = (await res.json()) as Content;
    } catch (e) {
      error.value = `The decks could not be loaded (${(e as Error).message}). Reconnect once to download them.`;
    }
  }

  return { content, error, facts, sources, decks, deckOf, set, load };
});
