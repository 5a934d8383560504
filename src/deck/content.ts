/**
 * How the decks are shipped to the app: a small index, always in memory, and the cards' text in
 * chunk files, loaded when a card is shown (all of them are precached, so this works offline).
 *
 * With 50,000 cards the text is about 48 MB of JSON and the index 5.7 MB; the app keeps the
 * index and only the chunks it has used lately (see stores/content.ts).
 */
import type { Category, Deck, Fact, Source } from './types.ts';

/** What the app needs to know of every card without its text: filters, counts, statistics. */
export interface CardMeta {
  id: string;
  deck: string;
  category: Category;
  /** Ids of the articles it cites. */
  sources: string[];
  /** The fact's date, if it has one (the timeline lists these). */
  date?: string;
  /** Which chunk holds its text (index into ContentIndex.chunks). */
  chunk: number;
}

export interface DeckMeta {
  id: string;
  title: string;
  description: string;
  cards: CardMeta[];
}

/** content.json */
export interface ContentIndex {
  sources: Source[];
  decks: DeckMeta[];
  /** Chunk file names, relative to the app's base URL. */
  chunks: string[];
}

/** Cards per chunk at most: about 250 kB of JSON, parsed in a few ms on a phone. */
export const CHUNK_SIZE = 250;

export function cardMeta(f: Fact, deck: string, chunk: number): CardMeta {
  const m: CardMeta = { id: f.id, deck, category: f.category, sources: [...new Set(f.sources.map((s) => s.source))], chunk };
  if (f.date) m.date = f.date;
  return m;
}

/**
 * Split validated decks into an index and chunks of at most `size` cards (a chunk never spans two
 * decks). `name(i, facts)` names chunk i's file.
 */
export function splitContent(
  content: { sources: Source[]; decks: Deck[] },
  name: (i: number, facts: Fact[]) => string,
  size = CHUNK_SIZE,
): { index: ContentIndex; chunks: { file: string; facts: Fact[] }[] } {
  const chunks: { file: string; facts: Fact[] }[] = [];
  const decks = content.decks.map((d) => {
    const cards: CardMeta[] = [];
    for (let start = 0; start < d.facts.length; start += size) {
      const facts = d.facts.slice(start, start + size);
      const i = chunks.length;
      chunks.push({ file: name(i, facts), facts });
      for (const f of facts) cards.push(cardMeta(f, d.id, i));
    }
    return { id: d.id, title: d.title, description: d.description, cards };
  });
  return { index: { sources: content.sources, decks, chunks: chunks.map((c) => c.file) }, chunks };
}
