/**
 * Tab-separated decks, the plain format Anki and Quizlet import and export: one card per line,
 * `front<TAB>back[<TAB>tags]`, tags separated by spaces. Lines starting with `#` are comments
 * (Anki writes `#separator:tab` and similar headers there).
 */
import { ValidationError, ValidationErrors } from './errors';
import type { Deck, Fact } from './types';

export interface UserCard {
  id: string;
  front: string;
  back: string;
  tags: string[];
}

export interface UserDeck {
  id: string;
  title: string;
  cards: UserCard[];
}

export const TSV_MAX_CARDS = 5000;
export const TSV_MAX_FIELD = 1000;

/** One line per fact: prompt, answer, tags (deck id, category and the article ids). */
export function decksToTsv(decks: readonly Deck[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
  const lines = ['#separator:tab', '#html:false', '#tags column:3'];
  for (const d of decks) {
    for (const f of d.facts) {
      const tags = [`durand::${d.id}`, f.category, ...f.sources.map((s) => s.source), ...f.tags].map((t) => t.replace(/\s+/g, '_'));
      lines.push([clean(f.prompt), clean(f.answer), [...new Set(tags)].join(' ')].join('\t'));
    }
  }
  return lines.join('\n') + '\n';
}

/** A stable id for a user card, from its deck and front (so re-importing keeps progress). */
function cardId(deckId: string, front: string): string {
  let h = 2166136261;
  for (const ch of front) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `${deckId}-${h.toString(36)}`;
}

/** Parse a TSV deck. Throws ValidationErrors naming the file, the line and the field. */
export function parseTsv(text: string, file: string, title: string): UserDeck {
  const errors: ValidationError[] = [];
  const deckTitle = title.trim().slice(0, 60) || file.replace(/\.[^.]+$/, '').slice(0, 60) || 'My deck';
  const deckId = `user-${deckTitle.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'deck'}`;
  const cards: UserCard[] = [];
  const fronts = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const at = (field: string, problem: string) => errors.push(new ValidationError(file, `line ${i + 1}.${field}`, problem));
    const [front = '', back = '', tags = '', ...extra] = line.split('\t');
    if (extra.length) at('columns', `has ${3 + extra.length} columns; expected front, back and optional tags`);
    if (!front.trim()) at('front', 'is empty');
    if (!back.trim()) at('back', 'is empty (is the separator a tab?)');
    if (front.length > TSV_MAX_FIELD) at('front', `is longer than ${TSV_MAX_FIELD} characters`);
    if (back.length > TSV_MAX_FIELD) at('back', `is longer than ${TSV_MAX_FIELD} characters`);
    if (fronts.has(front.trim())) at('front', 'repeats an earlier card');
    fronts.add(front.trim());
    cards.push({ id: cardId(deckId, front.trim()), front: front.trim(), back: back.trim(), tags: tags.split(/\s+/).filter(Boolean).slice(0, 20) });
  });
  if (cards.length > TSV_MAX_CARDS) errors.push(new ValidationError(file, '(root)', `has ${cards.length} cards; at most ${TSV_MAX_CARDS}`));
  if (!cards.length && !errors.length) errors.push(new ValidationError(file, '(root)', 'has no cards'));
  if (errors.length) throw new ValidationErrors(errors.slice(0, 20));
  return { id: deckId, title: deckTitle, cards };
}

/** A user deck as a deck of facts the study, quiz and browse views can use. */
export function userDeckToDeck(u: UserDeck): Deck {
  return {
    id: u.id,
    title: u.title,
    description: 'Your own deck, imported from a tab-separated file.',
    facts: u.cards.map(
      (c): Fact => ({
        id: c.id,
        category: 'concept',
        prompt: c.front,
        answer: c.back,
        accept: [],
        distractors: [],
        explanation: 'From your own deck.',
        cue: c.front.slice(0, 90),
        statement: `${c.front}: {answer}`,
        sources: [],
        tags: c.tags,
        related: [],
      }),
    ),
  };
}
