/**
 * The day's study queue, kept up to date one card at a time.
 *
 * `buildQueue` looks at every card in the chosen decks; with 50,000 cards that is too slow to do
 * after every answer. A DayQueue looks at every card once, when it is made, and keeps apart the
 * few that can be shown today: learning and relearning cards (whenever due), reviews due before
 * the day ends, and new cards (by deck position). An answer changes one card, and `update` moves
 * just that card. `queue` then gives exactly what `buildQueue` would give for the same states
 * (tests/unit/day-queue.test.ts checks this on random histories), at a cost that grows with the
 * cards due today rather than with the collection.
 *
 * Make a new one when the day, the chosen decks, or all the states at once change.
 */
import type { CardState } from './types';
import type { DoneToday, Queue, QueueLimits } from './queue';

type Slot = 'active' | 'fresh' | 'later' | 'none';

export class DayQueue {
  /** Deck position of each chosen card. */
  private readonly pos = new Map<string, number>();
  /** Learning and relearning cards, and reviews due before the day ends (none suspended). */
  private readonly active = new Map<string, CardState>();
  /** Deck positions of new cards (not suspended), ascending. */
  private readonly fresh: number[] = [];
  /** The earliest review due after today, and its card (null: recompute from `states`). */
  private later: { due: number; id: string | null } | null = { due: Infinity, id: null };

  /**
   * @param cardIds the chosen cards, in deck order
   * @param states the card states, read here and again only to find the next review due after
   *   today when the card that was the earliest changes; keep it current with `update`
   * @param endOfDay reviews due before this count as due today
   */
  constructor(
    readonly cardIds: readonly string[],
    private readonly states: ReadonlyMap<string, CardState>,
    readonly endOfDay: number,
  ) {
    cardIds.forEach((id, i) => {
      if (this.pos.has(id)) return;
      this.pos.set(id, i);
      this.place(id, i, states.get(id));
    });
  }

  private slot(s: CardState | undefined): Slot {
    if (!s || s.phase === 0) return s?.suspended ? 'none' : 'fresh';
    if (s.suspended) return 'none';
    if (s.phase === 1 || s.phase === 3 || s.due < this.endOfDay) return 'active';
    return 'later';
  }

  private place(id: string, p: number, s: CardState | undefined) {
    switch (this.slot(s)) {
      case 'fresh':
        this.fresh.push(p); // called in ascending order while constructing; `update` inserts in order
        break;
      case 'active':
        this.active.set(id, s!);
        break;
      case 'later':
        if (this.later && s!.due < this.later.due) this.later = { due: s!.due, id };
        break;
    }
  }

  /** Where position `p` is, or would go, in `fresh`. */
  private freshIndex(p: number): number {
    let lo = 0;
    let hi = this.fresh.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.fresh[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** One card's state changed (`undefined`: it has none now). Cards not chosen are ignored. */
  update(cardId: string, s: CardState | undefined): void {
    const p = this.pos.get(cardId);
    if (p === undefined) return;
    this.active.delete(cardId);
    const i = this.freshIndex(p);
    if (this.fresh[i] === p) this.fresh.splice(i, 1);
    if (this.later?.id === cardId) this.later = null; // it may have been the earliest: find it again when asked
    const where = this.slot(s);
    if (where === 'fresh') this.fresh.splice(this.freshIndex(p), 0, p);
    else if (where === 'active') this.active.set(cardId, s!);
    else if (where === 'later' && this.later && s!.due < this.later.due) this.later = { due: s!.due, id: cardId };
  }

  private laterDue(): number {
    if (!this.later) {
      let best: { due: number; id: string | null } = { due: Infinity, id: null };
      for (const id of this.pos.keys()) {
        const s = this.states.get(id);
        if (this.slot(s) === 'later' && s!.due < best.due) best = { due: s!.due, id };
      }
      this.later = best;
    }
    return this.later.due;
  }

  /** The queue at `now`: the same as `buildQueue` over every chosen card. */
  queue(now: number, limits: QueueLimits, done: DoneToday): Queue {
    const byDue = (a: CardState, b: CardState) => a.due - b.due || this.pos.get(a.cardId)! - this.pos.get(b.cardId)!;
    const learning: CardState[] = [];
    const review: CardState[] = [];
    const soon: CardState[] = [];
    let laterLearning = Infinity;
    for (const s of this.active.values()) {
      if (s.phase === 1 || s.phase === 3) {
        if (s.due <= now) learning.push(s);
        else {
          laterLearning = Math.min(laterLearning, s.due);
          if (s.due <= now + limits.learnAheadMs) soon.push(s);
        }
      } else review.push(s);
    }
    learning.sort(byDue);
    review.sort(byDue);
    const reviewIds = review.slice(0, Math.max(0, limits.maxReviewsPerDay - done.reviews)).map((s) => s.cardId);
    const newIds = this.fresh.slice(0, Math.max(0, limits.newPerDay - done.newCards)).map((p) => this.cardIds[p]!);
    const learningIds = learning.map((s) => s.cardId);
    if (!learningIds.length && !reviewIds.length && !newIds.length && soon.length) {
      // Nothing else to do: show the next learning card a little early rather than make the student wait.
      learningIds.push(...soon.sort(byDue).map((s) => s.cardId));
    }
    let nextDue = Math.min(laterLearning, this.laterDue());
    if (newIds.length === 0 && this.fresh.length > 0 && limits.newPerDay - done.newCards <= 0) nextDue = Math.min(nextDue, this.endOfDay);
    return { learning: learningIds, review: reviewIds, new: newIds, nextDue: Number.isFinite(nextDue) ? nextDue : null };
  }
}
