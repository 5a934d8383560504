/**
 * The daily study queue: due learning and relearning cards first (soonest first), then due
 * reviews (most overdue first), then new cards in deck order, up to the daily limits.
 */
import type { CardState } from './types';

export interface QueueLimits {
  newPerDay: number;
  maxReviewsPerDay: number;
  /** When nothing else is due, learning cards due within this many ms are shown early (Anki's learn-ahead). */
  learnAheadMs: number;
}

export const DEFAULT_LIMITS: QueueLimits = { newPerDay: 20, maxReviewsPerDay: 200, learnAheadMs: 20 * 60_000 };

export interface DoneToday {
  /** New cards introduced since the day started. */
  newCards: number;
  /** Reviews of review-phase cards since the day started. */
  reviews: number;
}

export interface Queue {
  learning: string[];
  review: string[];
  new: string[];
  /** The first card due after the queue is done (for "next card due at"), or null. */
  nextDue: number | null;
}

/**
 * @param cardIds the cards in the chosen decks, in deck order
 * @param states cached states; a card without one is new
 * @param endOfDay reviews due before this count as due today
 */
export function buildQueue(
  cardIds: readonly string[],
  states: ReadonlyMap<string, CardState>,
  now: number,
  endOfDay: number,
  limits: QueueLimits,
  done: DoneToday,
): Queue {
  const learning: CardState[] = [];
  const review: CardState[] = [];
  const fresh: string[] = [];
  let laterLearning = Infinity;
  let nextDue = Infinity;
  for (const id of cardIds) {
    const s = states.get(id);
    if (!s || s.phase === 0) {
      if (!s?.suspended) fresh.push(id);
      continue;
    }
    if (s.suspended) continue;
    if (s.phase === 1 || s.phase === 3) {
      if (s.due <= now) learning.push(s);
      else {
        laterLearning = Math.min(laterLearning, s.due);
        nextDue = Math.min(nextDue, s.due);
      }
    } else if (s.due < endOfDay) review.push(s);
    else nextDue = Math.min(nextDue, s.due);
  }
  learning.sort((a, b) => a.due - b.due);
  review.sort((a, b) => a.due - b.due);
  const reviewIds = review.slice(0, Math.max(0, limits.maxReviewsPerDay - done.reviews)).map((s) => s.cardId);
  const newIds = fresh.slice(0, Math.max(0, limits.newPerDay - done.newCards));
  const learningIds = learning.map((s) => s.cardId);
  if (!learningIds.length && !reviewIds.length && !newIds.length && laterLearning <= now + limits.learnAheadMs) {
    // Nothing else to do: show the next learning card a little early rather than make the student wait.
    const soon = cardIds.map((id) => states.get(id)).filter((s): s is CardState => !!s && !s.suspended && (s.phase === 1 || s.phase === 3) && s.due <= now + limits.learnAheadMs);
    soon.sort((a, b) => a.due - b.due);
    learningIds.push(...soon.map((s) => s.cardId));
  }
  if (newIds.length === 0 && fresh.length > 0 && limits.newPerDay - done.newCards <= 0) {
    // New cards remain for tomorrow; "next due" is then the start of tomorrow at the latest.
    nextDue = Math.min(nextDue, endOfDay);
  }
  return { learning: learningIds, review: reviewIds, new: newIds, nextDue: Number.isFinite(nextDue) ? nextDue : null };
}

/** The queue in study order. */
export function queueOrder(q: Queue): string[] {
  return [...q.learning, ...q.review, ...q.new];
}
