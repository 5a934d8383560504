import type { Category } from './types';
import type { CardMeta, DeckMeta } from './content';

/** Which cards a session uses: chosen decks, categories and articles (an empty list means all). */
export interface FactFilter {
  decks: string[];
  categories: Category[];
  sources: string[];
}

export const ALL: FactFilter = { decks: [], categories: [], sources: [] };

/** The cards that pass the filter, in deck order. */
export function selectCards(decks: readonly DeckMeta[], f: FactFilter): CardMeta[] {
  return decks
    .filter((d) => f.decks.length === 0 || f.decks.includes(d.id))
    .flatMap((d) => d.cards)
    .filter((x) => f.categories.length === 0 || f.categories.includes(x.category))
    .filter((x) => f.sources.length === 0 || x.sources.some((s) => f.sources.includes(s)));
}
