/**
 * The decks and sources. The index (content.json: every card's deck, category, articles and
 * date) is loaded once and kept; the cards' text comes in chunks (deck/content.ts), fetched from
 * the precache when a card is asked for and dropped again when not used lately, so memory does
 * not grow with the collection (5.7 MB of JSON for the index of 50,000 cards, against 48 MB of text).
 *
 * `fact(id)` is reactive: it returns the card if its chunk is here, and otherwise starts loading
 * it and returns null (the view shows the card when it arrives). `need(ids)` waits for them.
 * Chunks are dropped only by `trim()`, called between screens and between study cards, never
 * while a view renders, so a view never loses the cards it is showing.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef, triggerRef } from 'vue';
import type { Content } from '../deck/load';
import type { Fact, Source } from '../deck/types';
import { cardMeta, splitContent, type CardMeta, type ContentIndex, type DeckMeta } from '../deck/content';
import { userDeckToDeck, type UserDeck } from '../deck/tsv';
import { useRepository } from './repository';
import { plain } from './plain';
import { useAppStore } from './app';

/** Cards' text kept after a trim, at most (the most recently used chunks; about 2 MB). */
export const KEEP_CARDS = 2000;

interface Chunk {
  facts: Map<string, Fact> | null;
  loading: Promise<void> | null;
  lastUsed: number;
}

export const useContentStore = defineStore('content', () => {
  const index = shallowRef<ContentIndex | null>(null);
  const error = shallowRef<string | null>(null);
  /** The student's own decks, imported from tab-separated files (kept in IndexedDB, always in memory). */
  const userDecks = shallowRef<UserDeck[]>([]);
  /** Loaded chunks of the shipped decks; `loaded` changes when one arrives or is dropped. */
  let chunks: Chunk[] = [];
  const loaded = shallowRef(0);
  let useCounter = 0;
  /** While above 0, nothing is dropped (a view that needs every card, such as Browse). */
  let pinned = 0;

  const own = computed(() => userDecks.value.map(userDeckToDeck));
  const ownFacts = computed(() => new Map<string, Fact>(own.value.flatMap((d) => d.facts.map((f) => [f.id, f] as const))));

  /** The shipped decks, then the student's own: without the cards' text. */
  const decks = computed<DeckMeta[]>(() => [
    ...(index.value?.decks ?? []),
    ...own.value.map((d) => ({ id: d.id, title: d.title, description: d.description, cards: d.facts.map((f) => cardMeta(f, d.id, -1)) })),
  ]);
  /** Every card, by id. */
  const cards = computed(() => new Map<string, CardMeta>(decks.value.flatMap((d) => d.cards.map((c) => [c.id, c] as const))));
  const sources = computed(() => new Map<string, Source>((index.value?.sources ?? []).map((s) => [s.id, s])));

  function use(c: Chunk) {
    c.lastUsed = ++useCounter;
  }

  function loadChunk(i: number): Promise<void> {
    const c = chunks[i];
    if (!c) return Promise.resolve();
    if (c.facts) return Promise.resolve();
    c.loading ??= (async () => {
      try {
        const res = await fetch(`${import.meta.env.BASE_URL}${index.value!.chunks[i]}`);
        if (res.status === 404 || (res.ok && !/json/.test(res.headers.get('content-type') ?? ''))) {
          // A newer version replaced the decks (and this chunk) while this tab was open. (A host
          // that answers every unknown path with index.html sends HTML instead of a 404.)
          useAppStore().stale = true;
          return;
        }
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const list = (await res.json()) as Fact[];
        c.facts = new Map(list.map((f) => [f.id, f]));
        use(c);
        loaded.value++;
      } catch (e) {
        error.value = `Some cards could not be loaded (${(e as Error).message}). Reconnect once to download them.`;
      } finally {
        c.loading = null;
      }
    })();
    return c.loading;
  }

  /**
   * The card, if its text is here; otherwise null, and its chunk starts loading (the caller,
   * if reactive, runs again when it arrives). Null for good if there is no such card: see `cards`.
   */
  function fact(id: string): Fact | null {
    void loaded.value;
    const mine = ownFacts.value.get(id);
    if (mine) return mine;
    const meta = cards.value.get(id);
    const c = meta ? chunks[meta.chunk] : undefined;
    if (!c) return null;
    if (c.facts) {
      use(c);
      return c.facts.get(id) ?? null;
    }
    void loadChunk(meta!.chunk);
    return null;
  }

  /** The cards with these ids, in this order, once loaded (unknown ids are left out). */
  async function need(ids: Iterable<string>): Promise<Fact[]> {
    const list = [...ids];
    const wanted = new Set<number>();
    for (const id of list) {
      const m = cards.value.get(id);
      if (m && m.chunk >= 0) wanted.add(m.chunk);
    }
    await Promise.all([...wanted].map(loadChunk));
    return list.map((id) => fact(id)).filter((f): f is Fact => !!f);
  }

  /** Load every card and keep them until `release()` (Browse, the timeline, exporting decks). */
  async function loadAll(): Promise<void> {
    pinned++;
    await Promise.all(chunks.map((_, i) => loadChunk(i)));
  }

  function release() {
    pinned = Math.max(0, pinned - 1);
  }

  /** Drop the least recently used chunks beyond KEEP_CARDS cards (not while pinned). */
  function trim(keep = KEEP_CARDS) {
    if (pinned) return;
    const held = chunks.filter((c) => c.facts).sort((a, b) => b.lastUsed - a.lastUsed);
    let n = 0;
    let dropped = false;
    for (const c of held) {
      n += c.facts!.size;
      if (n > keep && c !== held[0]) {
        c.facts = null;
        dropped = true;
      }
    }
    if (dropped) loaded.value++;
  }

  function setIndex(i: ContentIndex) {
    index.value = i;
    chunks = i.chunks.map(() => ({ facts: null, loading: null, lastUsed: 0 }));
    loaded.value++;
  }

  /** Use these decks, all in memory (tests, and decks that come whole). */
  function set(c: Content) {
    const { index: i, chunks: parts } = splitContent(c, (n) => `memory:${n}`);
    setIndex(i);
    chunks = parts.map((p) => ({ facts: new Map(p.facts.map((f) => [f.id, f])), loading: null, lastUsed: 0 }));
    pinned = Infinity; // nothing to load again
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
    const mine = loadUserDecks();
    if (index.value) return mine;
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}content.json`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setIndex((await res.json()) as ContentIndex);
      await mine;
    } catch (e) {
      error.value = `The decks could not be loaded (${(e as Error).message}). Reconnect once to download them.`;
    }
  }

  return { index, error, userDecks, decks, cards, sources, fact, need, loadAll, release, trim, set, load, saveUserDeck, removeUserDeck };
});
