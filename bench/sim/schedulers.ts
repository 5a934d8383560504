/**
 * The schedulers under test, all driven the same way: a card is introduced on some day with
 * the student's first grade, then reviewed on the day it falls due; each call returns the
 * next interval in whole days (at least 1). Schedulers see grades only, never the truth.
 *
 * - `fsrs`: ts-fsrs itself, `fsrs({ request_retention, enable_fuzz: false,
 *   enable_short_term: false })` with its default FSRS-6 parameters, driven through
 *   `next(card, now, rating)`. Long-term mode because the simulation is day-level (no
 *   same-day learning steps for any scheduler); fuzz off because none of the baselines fuzz
 *   either and it keeps runs exactly reproducible.
 * - `sm2`: SuperMemo 2 from its published description (Woźniak, 1990), the algorithm Anki's
 *   legacy scheduler derives from. Grades map to SM-2 quality q: Again 2, Hard 3, Good 4,
 *   Easy 5 (Again is the mildest failing quality: "incorrect, but the answer seemed easy to
 *   recall" once shown). EF starts at 2.5 and after every repetition (the first exposure
 *   counts as repetition 1) becomes EF + 0.1 - (5 - q)(0.08 + 0.02 (5 - q)), never below 1.3.
 *   Intervals: 1 day after repetition 1, 6 days after repetition 2, then round(I · EF) with
 *   the EF in force before this repetition's update. A failed repetition (q < 3) restarts the
 *   series "as if memorised anew": it becomes repetition 1 again, so the next intervals are
 *   1, then 6, then I · EF. SM-2's "repeat items scored below 4 the same day" step is not
 *   simulated (day-level; its time is in the lapse cost).
 * - `anki-sm2` (for reference only): Anki's legacy SM-2 variant with its default deck options
 *   from the Anki manual: graduating interval 1 d, easy interval 4 d, starting ease 2.5;
 *   Hard: max(I + 1, ⌊1.2 I⌋), ease -0.15; Good: max(Hard + 1, ⌊I · ease⌋); Easy:
 *   max(Good + 1, ⌊I · ease · 1.3⌋), ease +0.15; lapse: ease -0.20 (min 1.3), new interval
 *   max(1, ⌊0 · I⌋) = 1 d after the relearning step. No fuzz; cards are never late.
 * - `leitner`: 5 boxes with intervals 1, 2, 4, 8, 16 days. A new card enters box 1; a recall
 *   moves a card up one box (box 5 stays in box 5), a failure sends it back to box 1.
 */
import { createEmptyCard, fsrs, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade } from './student.ts';

export type SchedulerSpec =
  | {
      kind: 'fsrs';
      retention: number;
      /**
       * FSRS parameters; default: ts-fsrs's defaults (what the app uses). The benchmark also
       * runs an "oracle" FSRS given the simulated student's true FSRS-6 parameters.
       */
      w?: readonly number[];
    }
  | { kind: 'sm2' }
  | { kind: 'anki-sm2' }
  | { kind: 'leitner' };

export interface SimScheduler {
  readonly id: string;
  /** First exposure of `card` on `day` with first grade `grade`; returns the interval in days. */
  introduce(card: number, day: number, grade: Grade): number;
  /** A review of `card` on `day` graded `grade`; returns the interval in days. */
  review(card: number, day: number, grade: Grade): number;
}

/** "fsrs-0.90", "fsrs-oracle-0.90", "sm2", "anki-sm2", "leitner". */
export function schedulerId(spec: SchedulerSpec): string {
  if (spec.kind !== 'fsrs') return spec.kind;
  const r = Number(spec.retention.toFixed(4)).toFixed(Math.max(2, decimals(spec.retention)));
  return spec.w ? `fsrs-oracle-${r}` : `fsrs-${r}`;
}

const decimals = (x: number) => (String(Number(x.toFixed(4))).split('.')[1] ?? '').length;

export function createScheduler(spec: SchedulerSpec, nCards: number): SimScheduler {
  switch (spec.kind) {
    case 'fsrs':
      return new FsrsScheduler(spec, nCards);
    case 'sm2':
      return new Sm2Scheduler(nCards);
    case 'anki-sm2':
      return new AnkiSm2Scheduler(nCards);
    case 'leitner':
      return new LeitnerScheduler(nCards);
  }
}

// ---------------------------------------------------------------------------------------------
// ts-fsrs

/** Simulated day 0 is noon UTC on 1 January 2026; day n is n × 24 h later. */
export const SIM_EPOCH = Date.UTC(2026, 0, 1, 12, 0, 0);
const DAY_MS = 86_400_000;
export const dayToDate = (day: number) => new Date(SIM_EPOCH + day * DAY_MS);

export const MAXIMUM_INTERVAL = 36500;

class FsrsScheduler implements SimScheduler {
  readonly id: string;
  private readonly f;
  private readonly cards: (Card | undefined)[];

  constructor(spec: Extract<SchedulerSpec, { kind: 'fsrs' }>, nCards: number) {
    this.id = schedulerId(spec);
    this.f = fsrs({
      request_retention: spec.retention,
      enable_fuzz: false,
      enable_short_term: false,
      maximum_interval: MAXIMUM_INTERVAL,
      ...(spec.w ? { w: [...spec.w] } : {}),
    });
    this.cards = new Array<Card | undefined>(nCards);
  }

  introduce(card: number, day: number, grade: Grade): number {
    const now = dayToDate(day);
    return this.step(card, createEmptyCard(now), now, grade);
  }

  review(card: number, day: number, grade: Grade): number {
    const c = this.cards[card];
    if (!c) throw new Error(`fsrs: card ${card} reviewed before it was introduced`);
    return this.step(card, c, dayToDate(day), grade);
  }

  private step(i: number, card: Card, now: Date, grade: Grade): number {
    const { card: next } = this.f.next(card, now, grade as FsrsGrade);
    this.cards[i] = next;
    return Math.max(1, next.scheduled_days);
  }
}

// ---------------------------------------------------------------------------------------------
// SM-2 (SuperMemo 2, published description)

export interface Sm2State {
  /** Repetition number in the current series (1 after the first exposure or a lapse). */
  reps: number;
  /** E-Factor. */
  ef: number;
  /** Interval until the next repetition, days. */
  interval: number;
}

/** SM-2 quality for a 4-button grade: Again 2, Hard 3, Good 4, Easy 5. */
export const SM2_QUALITY: Readonly<Record<Grade, number>> = Object.freeze({ 1: 2, 2: 3, 3: 4, 4: 5 });

export const SM2_START_EF = 2.5;
export const SM2_MIN_EF = 1.3;

/** EF' = EF + 0.1 - (5 - q)(0.08 + 0.02 (5 - q)), at least 1.3. */
export function sm2UpdateEf(ef: number, q: number): number {
  return Math.max(SM2_MIN_EF, ef + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
}

/** The SM-2 state after a repetition of quality `q` (0..5); `prev` null for a new item. */
export function sm2Step(prev: Sm2State | null, q: number): Sm2State {
  if (prev === null) return { reps: 1, ef: sm2UpdateEf(SM2_START_EF, q), interval: 1 };
  const ef = sm2UpdateEf(prev.ef, q);
  if (q < 3) return { reps: 1, ef, interval: 1 };
  const reps = prev.reps + 1;
  const interval = reps === 2 ? 6 : Math.max(1, Math.round(prev.interval * prev.ef));
  return { reps, ef, interval: Math.min(interval, MAXIMUM_INTERVAL) };
}

class Sm2Scheduler implements SimScheduler {
  readonly id = 'sm2';
  private readonly reps: Int32Array;
  private readonly ef: Float64Array;
  private readonly interval: Int32Array;

  constructor(nCards: number) {
    this.reps = new Int32Array(nCards);
    this.ef = new Float64Array(nCards);
    this.interval = new Int32Array(nCards);
  }

  introduce(card: number, _day: number, grade: Grade): number {
    return this.store(card, sm2Step(null, SM2_QUALITY[grade]));
  }

  review(card: number, _day: number, grade: Grade): number {
    const prev = { reps: this.reps[card] ?? 0, ef: this.ef[card] ?? SM2_START_EF, interval: this.interval[card] ?? 1 };
    return this.store(card, sm2Step(prev, SM2_QUALITY[grade]));
  }

  private store(card: number, s: Sm2State): number {
    this.reps[card] = s.reps;
    this.ef[card] = s.ef;
    this.interval[card] = s.interval;
    return s.interval;
  }
}

// ---------------------------------------------------------------------------------------------
// Anki's legacy SM-2 variant (reference only)

export interface AnkiSm2State {
  interval: number;
  ease: number;
}

export const ANKI_SM2 = Object.freeze({
  graduatingInterval: 1,
  easyInterval: 4,
  startingEase: 2.5,
  minEase: 1.3,
  hardFactor: 1.2,
  easyBonus: 1.3,
  lapseMult: 0,
  minInterval: 1,
});

/** Anki's legacy SM-2 (v2 scheduler, default options, no fuzz, reviews never late). */
export function ankiSm2Step(prev: AnkiSm2State | null, grade: Grade): AnkiSm2State {
  const A = ANKI_SM2;
  if (prev === null) {
    return { interval: grade === 4 ? A.easyInterval : A.graduatingInterval, ease: A.startingEase };
  }
  const { interval: ivl, ease } = prev;
  const cap = (x: number) => Math.min(MAXIMUM_INTERVAL, x);
  if (grade === 1) {
    return { interval: Math.max(A.minInterval, Math.floor(ivl * A.lapseMult)), ease: Math.max(A.minEase, ease - 0.2) };
  }
  const hard = cap(Math.max(ivl + 1, Math.floor(ivl * A.hardFactor)));
  if (grade === 2) return { interval: hard, ease: Math.max(A.minEase, ease - 0.15) };
  const good = cap(Math.max(hard + 1, Math.floor(ivl * ease)));
  if (grade === 3) return { interval: good, ease };
  const easy = cap(Math.max(good + 1, Math.floor(ivl * ease * A.easyBonus)));
  return { interval: easy, ease: ease + 0.15 };
}

class AnkiSm2Scheduler implements SimScheduler {
  readonly id = 'anki-sm2';
  private readonly ease: Float64Array;
  private readonly interval: Int32Array;

  constructor(nCards: number) {
    this.ease = new Float64Array(nCards);
    this.interval = new Int32Array(nCards);
  }

  introduce(card: number, _day: number, grade: Grade): number {
    return this.store(card, ankiSm2Step(null, grade));
  }

  review(card: number, _day: number, grade: Grade): number {
    return this.store(card, ankiSm2Step({ interval: this.interval[card] ?? 1, ease: this.ease[card] ?? ANKI_SM2.startingEase }, grade));
  }

  private store(card: number, s: AnkiSm2State): number {
    this.ease[card] = s.ease;
    this.interval[card] = s.interval;
    return s.interval;
  }
}

// ---------------------------------------------------------------------------------------------
// Leitner

/** Interval of each box, days (box 1 first). */
export const LEITNER_INTERVALS: readonly number[] = [1, 2, 4, 8, 16];

/** The box (0-based) after a review graded `grade` from box `box`. */
export function leitnerBox(box: number, grade: Grade): number {
  return grade === 1 ? 0 : Math.min(LEITNER_INTERVALS.length - 1, box + 1);
}

class LeitnerScheduler implements SimScheduler {
  readonly id = 'leitner';
  /** 0-based box of each card. */
  readonly boxes: Int8Array;

  constructor(nCards: number) {
    this.boxes = new Int8Array(nCards);
  }

  introduce(card: number): number {
    this.boxes[card] = 0;
    return LEITNER_INTERVALS[0] ?? 1;
  }

  review(card: number, _day: number, grade: Grade): number {
    const box = leitnerBox(this.boxes[card] ?? 0, grade);
    this.boxes[card] = box;
    return LEITNER_INTERVALS[box] ?? 1;
  }
}
