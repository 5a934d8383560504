/**
 * One simulation run: one student, one scheduler, one deck, day by day.
 *
 * Each simulated day d = 0 .. days-1 the student first reviews every card the scheduler has
 * due that day (no daily cap, so no backlog and no card is ever late), then introduces up to
 * `newPerDay` new cards until the deck is exhausted. Recall and grades come from the
 * ground-truth model (see models.ts and student.ts); the scheduler only sees grades.
 *
 * "Cards remembered" is measured on day `days` (the morning after the last simulated day,
 * i.e. day 365 for a 365-day run) as the sum over all cards of the true probability of recall
 * on that day: the expected number of cards the student would recall if tested on all of them.
 * We also report the count of cards whose recall probability is at least 0.9.
 */
import { Rng, hash32 } from './prng.ts';
import { createScheduler, schedulerId, type SchedulerSpec } from './schedulers.ts';
import { TIME_COSTS } from './student.ts';
import type { Student } from './models.ts';

export interface SimConfig {
  /** Cards in the deck. */
  nCards: number;
  /** Simulated days. */
  days: number;
  /** New cards introduced per day until the deck runs out. */
  newPerDay: number;
}

export const DEFAULT_SIM_CONFIG: Readonly<SimConfig> = Object.freeze({ nCards: 1000, days: 365, newPerDay: 20 });

export interface RunMetrics {
  scheduler: string;
  model: string;
  seed: number;
  /** Reviews done (first exposures of new cards not included). */
  reviews: number;
  /** Reviews graded Again. */
  lapses: number;
  /** New cards introduced. */
  newCards: number;
  /** Minutes spent, with the time costs of student.ts (new cards included). */
  minutes: number;
  /** Expected cards recalled on day `days`: sum of true recall probabilities. */
  remembered: number;
  /** Cards with true recall probability >= 0.9 on day `days`. */
  rememberedAt90: number;
  /** reviews / remembered. */
  reviewsPerRemembered: number;
  /** Share of reviews passed (the true retention the scheduler achieved). */
  passRate: number;
  /** Most reviews in one day. */
  peakDailyReviews: number;
}

/** Stream id for per-card randomness; the same for all schedulers (common random numbers). */
const CARD_STREAM = 0xc0de;

export function simulate(student: Student, spec: SchedulerSpec, cfg: SimConfig = DEFAULT_SIM_CONFIG): RunMetrics {
  const { nCards, days, newPerDay } = cfg;
  const memory = student.createMemory(nCards);
  const scheduler = createScheduler(spec, nCards);
  const rngs = new Array<Rng | undefined>(nCards);
  const due: number[][] = Array.from({ length: days }, () => []);
  const schedule = (card: number, day: number, interval: number) => {
    const at = day + interval;
    if (at < days) due[at]?.push(card);
  };

  let reviews = 0;
  let lapses = 0;
  let newCards = 0;
  let peak = 0;
  for (let day = 0; day < days; day++) {
    const today = due[day] ?? [];
    for (const card of today) {
      const rng = rngs[card];
      if (!rng) throw new Error(`card ${card} due before it was introduced`);
      const grade = memory.review(card, day, rng);
      reviews++;
      if (grade === 1) lapses++;
      schedule(card, day, scheduler.review(card, day, grade));
    }
    peak = Math.max(peak, today.length);
    due[day] = []; // free memory as we go
    for (let k = 0; k < newPerDay && newCards < nCards; k++) {
      const card = newCards++;
      const rng = new Rng(hash32(student.seed, CARD_STREAM, card));
      rngs[card] = rng;
      const grade = memory.introduce(card, day, rng);
      schedule(card, day, scheduler.introduce(card, day, grade));
    }
  }

  let remembered = 0;
  let rememberedAt90 = 0;
  for (let card = 0; card < nCards; card++) {
    const p = memory.recall(card, days);
    remembered += p;
    if (p >= 0.9) rememberedAt90++;
  }
  const seconds = newCards * TIME_COSTS.newCardSec + (reviews - lapses) * TIME_COSTS.reviewSec + lapses * TIME_COSTS.lapseSec;
  return {
    scheduler: schedulerId(spec),
    model: student.model,
    seed: student.seed,
    reviews,
    lapses,
    newCards,
    minutes: seconds / 60,
    remembered,
    rememberedAt90,
    reviewsPerRemembered: remembered > 0 ? reviews / remembered : Number.POSITIVE_INFINITY,
    passRate: reviews > 0 ? 1 - lapses / reviews : Number.NaN,
    peakDailyReviews: peak,
  };
}
