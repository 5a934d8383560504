/**
 * Missed cards: lapses in study (graded Again) and wrong answers in quizzes or missed-card
 * sessions. Most-missed first, then most recently missed.
 */
import { effectiveReviews } from './replay';
import type { LogEvent, ReviewEvent } from './types';

export interface Missed {
  cardId: string;
  misses: number;
  lastMissed: number;
}

/** Whether a review counts as a miss. */
export function isMiss(e: ReviewEvent): boolean {
  return e.correct === false || (e.correct === undefined && e.grade === 1);
}

/** Cards missed at or after `since` (ms; 0 for all time). Undone reviews do not count. */
export function missedCards(events: readonly LogEvent[], since: number): Missed[] {
  const by = new Map<string, Missed>();
  for (const e of effectiveReviews(events)) {
    if (e.at < since || !isMiss(e)) continue;
    const m = by.get(e.cardId) ?? { cardId: e.cardId, misses: 0, lastMissed: 0 };
    m.misses++;
    m.lastMissed = Math.max(m.lastMissed, e.at);
    by.set(e.cardId, m);
  }
  return [...by.values()].sort((a, b) => b.misses - a.misses || b.lastMissed - a.lastMissed || a.cardId.localeCompare(b.cardId));
}

/**
 * A session that repeats each card until it is answered right: a right answer removes the card,
 * a wrong one sends it back `gap` places (or to the end), so it returns after a few others.
 */
export function afterAnswer(queue: readonly string[], right: boolean, gap = 3): string[] {
  const [head, ...rest] = queue;
  if (head === undefined) return [];
  if (right) return rest;
  const at = Math.min(gap, rest.length);
  return [...rest.slice(0, at), head, ...rest.slice(at)];
}
