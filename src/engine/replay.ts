/**
 * Derive card states from the review log. The log is the truth; the cached states in storage
 * must always equal `replay(log)` (a test and the start-up integrity check hold us to it).
 */
import type { Scheduler } from './scheduler';
import type { CardState, LogEvent, ReviewEvent } from './types';

/** The state of a card that has never been reviewed (or was reset). */
export function newState(cardId: string): CardState {
  return {
    cardId,
    phase: 0,
    due: 0,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
    suspended: false,
    lastEventId: '',
  };
}

/**
 * The state after one event that is not an undo, from the state before it (null: never seen).
 * The live path (answering a card) uses this; `replay` gives the same result for the same log.
 */
export function advance(
  state: CardState | null,
  e: Exclude<LogEvent, { kind: 'undo' }>,
  scheduler: Scheduler,
): CardState {
  const base = state ?? newState(e.cardId);
  switch (e.kind) {
    case 'review':
      return { ...scheduler.apply(e.cardId, state, e.grade, e.at, e.id), suspended: base.suspended };
    case 'reset':
      return { ...newState(e.cardId), suspended: base.suspended, lastEventId: e.id };
    case 'suspend':
    case 'unsuspend':
      return { ...base, suspended: e.kind === 'suspend', lastEventId: e.id };
  }
}

/** One card's history: the scheduling state after each review (so an undo can pop one). */
interface CardHistory {
  /** `eventId` is the review that produced the entry ('' for a reset: not undoable). */
  stack: { eventId: string; state: CardState | null }[];
  suspended: boolean;
  lastEventId: string;
}

function current(h: CardHistory, cardId: string): CardState {
  const s = h.stack[h.stack.length - 1]?.state ?? newState(cardId);
  return { ...s, suspended: h.suspended, lastEventId: h.lastEventId };
}

function step(h: CardHistory, e: LogEvent, scheduler: Scheduler): void {
  switch (e.kind) {
    case 'undo': {
      // Only the card's latest review still in effect can be taken back; else nothing changes.
      const top = h.stack[h.stack.length - 1];
      if (top && top.eventId === e.target) h.stack.pop();
      break;
    }
    case 'suspend':
    case 'unsuspend':
      h.suspended = e.kind === 'suspend';
      break;
    case 'reset':
      h.stack.push({ eventId: '', state: null });
      break;
    case 'review':
      h.stack.push({ eventId: e.id, state: scheduler.apply(e.cardId, current(h, e.cardId), e.grade, e.at, e.id) });
      break;
  }
  h.lastEventId = e.id;
}

const byId = (a: LogEvent, b: LogEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every card state from the whole log. `events` in any order; they are applied in id (time) order. */
export function replay(events: readonly LogEvent[], scheduler: Scheduler): Map<string, CardState> {
  const histories = new Map<string, CardHistory>();
  for (const e of [...events].sort(byId)) {
    let h = histories.get(e.cardId);
    if (!h) histories.set(e.cardId, (h = { stack: [], suspended: false, lastEventId: '' }));
    step(h, e, scheduler);
  }
  const out = new Map<string, CardState>();
  for (const [id, h] of histories) out.set(id, current(h, id));
  return out;
}

/** One card's state from its own events (used for undo, and to repair a single record). */
export function replayCard(cardId: string, events: readonly LogEvent[], scheduler: Scheduler): CardState {
  return replay(events.filter((e) => e.cardId === cardId), scheduler).get(cardId) ?? newState(cardId);
}

/** The id of the card's latest review still in effect (what an undo would take back), if any. */
export function undoableReview(cardEvents: readonly LogEvent[]): string | null {
  const stack: string[] = [];
  for (const e of [...cardEvents].sort(byId)) {
    if (e.kind === 'review') stack.push(e.id);
    else if (e.kind === 'reset') stack.push('');
    else if (e.kind === 'undo' && stack[stack.length - 1] === e.target) stack.pop();
  }
  return stack[stack.length - 1] || null;
}

/** The reviews that still count (undone ones removed), in time order. */
export function effectiveReviews(events: readonly LogEvent[]): ReviewEvent[] {
  const sorted = [...events].sort(byId);
  const undone = new Set<string>();
  for (const e of sorted) if (e.kind === 'undo') undone.add(e.target);
  return sorted.filter((e): e is ReviewEvent => e.kind === 'review' && !undone.has(e.id));
}
