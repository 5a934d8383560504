/** Deck format: one JSON file per theme in decks/. See decks/README.md. */

export const CATEGORIES = [
  'date',
  'actor',
  'cause',
  'mediator',
  'place',
  'number',
  'organization',
  'concept',
  'event',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface SourceRef {
  /** A source id from decks/sources.json. */
  source: string;
  /** 3 to 12 words copied exactly from the article; used only to locate the fact. */
  evidence: string;
}

export interface Fact {
  /** Stable forever: progress is keyed by it. */
  id: string;
  category: Category;
  /** The question, in our own words. */
  prompt: string;
  /** The canonical short answer. */
  answer: string;
  /** Other correct forms: spellings, abbreviations. */
  accept: string[];
  /** At least three wrong answers of the same kind, each wrong according to the articles. */
  distractors: string[];
  /** One to three sentences, in our own words: why it matters. */
  explanation: string;
  /** A short label standing for the fact (used in matching and timeline questions). */
  cue: string;
  /** A sentence with `{answer}` where the answer goes; used for true/false questions. */
  statement: string;
  /** ISO date with its precision: "2021", "2025-10", "2026-02-27". */
  date?: string;
  /** True when the article gives the date as approximate ("around", "early"). */
  circa?: boolean;
  sources: SourceRef[];
  /** Theme and year tags. */
  tags: string[];
  /** Ids of related facts (any deck). */
  related: string[];
  /** Present when the articles disagree on this point: what differs, in our words. */
  disagreement?: string;
}

export interface Deck {
  id: string;
  title: string;
  description: string;
  facts: Fact[];
}

export interface Source {
  id: string;
  /** Short citation label: "Kaura, Middle East Institute, December 2022". */
  label: string;
  /** Null where our copy of the article carries no title. */
  title: string | null;
  author: string | null;
  outlet: string | null;
  /** When it was written: "2026-04". */
  written: string;
  /** One line on what the article is. */
  summary: string;
}

export type DatePrecision = 'year' | 'month' | 'day';
