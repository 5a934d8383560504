/** Engine-wide types. The engine is pure TypeScript: no Vue, no storage, no clock, no Math.random. */

/** 1 Again, 2 Hard, 3 Good, 4 Easy (the FSRS grades). */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Where an answer came from. */
export type ReviewMode = 'study' | 'quiz' | 'missed';

/** One answer: the append-only review log is made of these, and is the truth. */
export interface ReviewEvent {
  /** Unique event id (also the storage key), e.g. `${at}-${random}`. */
  id: string;
  cardId: string;
  grade: Grade;
  mode: ReviewMode;
  /** When it was answered, ms since the epoch. */
  at: number;
  /** Time taken to answer, ms. */
  durationMs: number;
  /** For quiz answers: whether the answer was right (a lapse is grade 1 in any mode). */
  correct?: boolean;
}
