/**
 * A thin layer over ts-fsrs: preview all four outcomes for a card, apply one.
 * States are plain numbers (ms), so they store and compare as they are.
 */
import { createEmptyCard, fsrs, type Card, type FSRS, type Grade as FsrsGrade, type Steps } from 'ts-fsrs';
import type { CardState, Grade, Phase } from './types';

export interface SchedulerSettings {
  /** Desired retention, 0.70 to 0.97. */
  desiredRetention: number;
  /** Learning steps, e.g. ['1m', '10m']. */
  learningSteps: string[];
  relearningSteps: string[];
  /** Longest interval, days. */
  maximumInterval: number;
}

export const DEFAULT_SCHEDULER: SchedulerSettings = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
};

export interface Outcome {
  grade: Grade;
  state: CardState;
  /** Time until due from now, ms. */
  intervalMs: number;
}

export class Scheduler {
  private readonly f: FSRS;

  constructor(readonly settings: SchedulerSettings = DEFAULT_SCHEDULER) {
    this.f = fsrs({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      learning_steps: settings.learningSteps as Steps,
      relearning_steps: settings.relearningSteps as Steps,
      // Fuzz spreads reviews; ts-fsrs seeds it from the review time and the card, so a replay
      // of the log gives the same intervals.
      enable_fuzz: true,
    });
  }

  /** All four outcomes for `state` (null: a new card) answered at `now`. */
  preview(cardId: string, state: CardState | null, now: number, eventId: string): Record<Grade, Outcome> {
    const log = this.f.repeat(toCard(state, now), now);
    const out = {} as Record<Grade, Outcome>;
    for (const g of [1, 2, 3, 4] as const) {
      const next = fromCard(cardId, log[g as FsrsGrade].card, state?.suspended ?? false, eventId);
      out[g] = { grade: g, state: next, intervalMs: next.due - now };
    }
    return out;
  }

  /** The state after answering `grade` at `now`. */
  apply(cardId: string, state: CardState | null, grade: Grade, now: number, eventId: string): CardState {
    const { card } = this.f.next(toCard(state, now), now, grade as FsrsGrade);
    return fromCard(cardId, card, state?.suspended ?? false, eventId);
  }

  /** Probability of recall at `now` (0 for a new card). */
  retrievability(state: CardState, now: number): number {
    if (state.phase === 0) return 0;
    return this.f.get_retrievability(toCard(state, now), now, false);
  }
}

function toCard(state: CardState | null, now: number): Card {
  if (!state || state.phase === 0) return createEmptyCard(now);
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.phase,
    ...(state.lastReview === null ? {} : { last_review: new Date(state.lastReview) }),
  };
}

function fromCard(cardId: string, c: Card, suspended: boolean, lastEventId: string): CardState {
  return {
    cardId,
    phase: c.state as number as Phase,
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.last_review ? c.last_review.getTime() : null,
    suspended,
    lastEventId,
  };
}

/** "<1m", "10m", "3h", "4d", "2.5mo", "1.2y": the interval shown on a grade button. */
export function formatInterval(ms: number): string {
  const min = ms / 60000;
  if (min < 1) return '<1m';
  if (min < 60) return `${Math.round(min)}m`;
  const h = min / 60;
  if (h < 24) return `${Math.round(h)}h`;
  const d = h / 24;
  if (d < 30) return `${Math.round(d)}d`;
  const mo = d / 30.4;
  if (mo < 12) return `${trim(mo)}mo`;
  return `${trim(d / 365)}y`;
}

const trim = (x: number) => (x < 10 ? x.toFixed(1).replace(/\.0$/, '') : String(Math.round(x)));

/** FSRS-6's default forgetting-curve decay (ts-fsrs `default_w[20]`). */
const DECAY = 0.1542;
const intervalFactor = (r: number) => Math.pow(r, -1 / DECAY) - 1;

/**
 * Daily reviews at desired retention `r`, relative to `base` (an estimate for the settings
 * screen): reviews per day scale with 1 / interval, and each review fails with chance 1 - r,
 * costing about two more reviews to relearn.
 */
export function relativeWorkload(r: number, base = 0.9): number {
  const load = (x: number) => (1 + 2 * (1 - x)) / intervalFactor(x);
  return load(r) / load(base);
}
