/** Engine-wide types. The engine is pure TypeScript: no Vue, no storage, no clock, no Math.random. */

/** 1 Again, 2 Hard, 3 Good, 4 Easy (the FSRS grades). */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Where an answer came from. */
export type ReviewMode = 'study' | 'quiz' | 'missed';

/** FSRS card state: 0 new, 1 learning, 2 review, 3 relearning (the ts-fsrs State enum). */
export type Phase = 0 | 1 | 2 | 3;

interface EventBase {
  /** Unique, and sorts in time order: see `eventId`. Also the storage key. */
  id: string;
  cardId: string;
  /** When it happened, ms since the epoch. */
  at: number;
}

/** One answer. The append-only log of events is the truth; card states are derived from it. */
export interface ReviewEvent extends EventBase {
  kind: 'review';
  grade: Grade;
  mode: ReviewMode;
  /** Time taken to answer, ms. */
  durationMs: number;
  /** The card's phase before this answer (new cards count against the daily new limit). */
  from: Phase;
  /** For quiz answers: whether the answer was right. */
  correct?: boolean;
}

/** Takes back the card's latest review (the study view's undo). */
export interface UndoEvent extends EventBase {
  kind: 'undo';
  /** The id of the review event taken back. */
  target: string;
}

/** Suspend, unsuspend, or reset a card to new (its history stays in the log). */
export interface CardOpEvent extends EventBase {
  kind: 'suspend' | 'unsuspend' | 'reset';
}

export type LogEvent = ReviewEvent | UndoEvent | CardOpEvent;

/** The scheduling state of one card, as cached in storage. Plain numbers, no Dates. */
export interface CardState {
  cardId: string;
  phase: Phase;
  /** When it is next due, ms since the epoch. */
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ms since the epoch, or null if never reviewed. */
  lastReview: number | null;
  suspended: boolean;
  /** Id of the last event applied: a write checks it to detect a change made elsewhere. */
  lastEventId: string;
}

/** Make a time-sortable event id: base-36 time, then a random suffix supplied by the caller. */
export function eventId(at: number, suffix: string): string {
  return `${Math.max(0, Math.floor(at)).toString(36).padStart(10, '0')}-${suffix}`;
}
