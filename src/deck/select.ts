import type { Category, Deck, Fact } from './types';

/** Which facts a session uses: chosen decks, categories and articles (an empty list means all). */
export interface FactFilter {
  decks: string[];
  categories: Category[];
  sources: string[];
}

export const ALL: FactFilter = { decks: [], categories: [], sources: [] };

/** The facts that pass the filter, in deck order. */
export function selectFacts(decks: readonly Deck[], f: FactFilter): Fact[] {
  return decks
    .filter((d) => f.decks.length === 0 || f.decks.includes(d.id))
    .flatMap((d) => d.facts)
    .filter((x) => f.categories.length === 0 || f.categories.includes(x.category))
    .filter((x) => f.sources.length === 0 || x.sources.some((s) => f.sources.includes(s.source)));
}
