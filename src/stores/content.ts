/** The decks and sources, loaded once from the precached content.json written by the build. */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { Content } from '../deck/load';
import type { Deck, Fact, Source } from '../deck/types';
import { userDeckToDeck, type UserDeck } from '../deck/tsv';
import { useRepository } from './repository';
import { plain } from './plain';

export const useContentStore = defineStore('content', () => {
  const content = shallowRef<Content | null>(null);
  const error = shallowRef<string | null>(null);
  /** The student's own decks, imported from tab-separated files (kept in IndexedDB). */
  const userDecks = shallowRef<UserDeck[]>([]);

  /** The shipped decks, then the student's own. */
  const decks = computed<Deck[]>(() => [...(content.value?.decks ?? []), ...userDecks.value.map(userDeckToDeck)]);
  const facts = computed(() => new Map<string, Fact>(decks.value.flatMap((d) => d.facts.map((f) => [f.id, f] as const))));
  const sources = computed(() => new Map<string, Source>((content.value?.sources ?? []).map((s) => [s.id, s])));
  /** Deck id of each fact. */
  const deckOf = computed(() => new Map(decks.value.flatMap((d) => d.facts.map((f) => [f.id, d.id] as const))));

  function set(c: Content) {
    content.value = c;
  }

  async function loadUserDecks() {
    const stored = await useRepository().getValue<UserDeck[]>('userDecks');
    userDecks.value = Array.isArray(stored) ? stored : [];
  }

  /** Add (or replace, by id) one of the student's own decks. */
  async function saveUserDeck(d: UserDeck) {
    const next = [...userDecks.value.filter((x) => x.id !== d.id), d];
    await useRepository().setValue('userDecks', plain(next));
    userDecks.value = next;
  }

  /** Remove one of the student's own decks (the cards' history stays in the log). */
  async function removeUserDeck(id: string) {
    const next = userDecks.value.filter((x) => x.id !== id);
    await useRepository().setValue('userDecks', plain(next));
    userDecks.value = next;
  }

  async function load() {
    const own = loadUserDecks();
    if (content.value) return own;
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}content.json`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      content.value = (await res.json()) as Content;
      await own;
    } catch (e) {
      error.value = `The decks could not be loaded (${(e as Error).message}). Reconnect once to download them.`;
    }
  }

  return { content, error, userDecks, facts, sources, decks, deckOf, set, load, saveUserDeck, removeUserDeck };
});
