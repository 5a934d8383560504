/**
 * Statistics for the stats view: the due forecast, reviews per day, true retention, mastery by
 * category or article, and the study streak. Pure functions: the time, the study day's start hour
 * and the local offset are passed in.
 *
 * Every function that takes reviews expects the reviews that still count: pass
 * `effectiveReviews(log)` (undone reviews removed), not the raw log. They do not look for undos.
 *
 * `tzOffsetMin` is Date#getTimezoneOffset() (minutes, positive west of UTC). It may be a number,
 * one offset for every time, or a function of the time, `(at) => new Date(at).getTimezoneOffset()`,
 * so that days on both sides of a daylight-saving change fall on the right local dates.
 */
import { DAY, HOUR } from './day';
import type { CardState, ReviewEvent } from './types';

export type TzOffset = number | ((at: number) => number);

const offsetAt = (tz: TzOffset, at: number): number => (typeof tz === 'number' ? tz : tz(at));

/**
 * The local study day containing `at`, as a whole number of days since 1970-01-01 (the local
 * calendar date on which that study day began). Agrees with `dayKey` in day.ts.
 */
export function studyDayNumber(at: number, dayStartHour: number, tz: TzOffset): number {
  return Math.floor((at - offsetAt(tz, at) * 60_000 - dayStartHour * HOUR) / DAY);
}

/** "2026-03-10" for a study day number. */
export function dayNumberKey(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/**
 * Cards due on each of the next `days` study days: index 0 is today, overdue cards included;
 * index 1 tomorrow, and so on. Suspended and new cards are left out (new cards are not "due";
 * the daily new-card limit decides when they come).
 */
export function dueForecast(
  states: Iterable<CardState>,
  now: number,
  days = 30,
  dayStartHour = 4,
  tzOffsetMin: TzOffset = 0,
): number[] {
  const out = new Array<number>(Math.max(0, days)).fill(0);
  const today = studyDayNumber(now, dayStartHour, tzOffsetMin);
  for (const s of states) {
    if (s.suspended || s.phase === 0) continue;
    const i = Math.max(0, studyDayNumber(s.due, dayStartHour, tzOffsetMin) - today);
    if (i < out.length) out[i]!++;
  }
  return out;
}

export interface DayCount {
  /** The local date the study day began on, "YYYY-MM-DD". */
  day: string;
  count: number;
}

/**
 * Reviews on each of the last `days` study days, oldest first, the last entry being today.
 * Days without reviews are included with count 0; reviews after `now` are ignored.
 */
export function reviewsPerDay(
  reviews: readonly ReviewEvent[],
  now: number,
  days = 365,
  dayStartHour = 4,
  tzOffsetMin: TzOffset = 0,
): DayCount[] {
  const n = Math.max(0, days);
  const today = studyDayNumber(now, dayStartHour, tzOffsetMin);
  const first = today - n + 1;
  const counts = new Array<number>(n).fill(0);
  for (const e of reviews) {
    if (e.at > now) continue;
    const i = studyDayNumber(e.at, dayStartHour, tzOffsetMin) - first;
    if (i >= 0 && i < n) counts[i]!++;
  }
  return counts.map((count, i) => ({ day: dayNumberKey(first + i), count }));
}

export interface Retention {
  passed: number;
  total: number;
  /** passed / total, or null when there were no reviews to measure. */
  rate: number | null;
}

/** Whether a review counts as recalled: a quiz answer's `correct` when present, else not Again. */
export function recalled(e: ReviewEvent): boolean {
  return e.correct ?? e.grade > 1;
}

/**
 * True retention (Anki's definition): among reviews of cards in the review phase (`from === 2`;
 * new, learning and relearning steps do not count) in the last `days` × 24 hours up to `now`,
 * the share recalled (see `recalled`).
 */
export function trueRetention(reviews: readonly ReviewEvent[], now: number, days: number): Retention {
  const since = now - days * DAY;
  let passed = 0;
  let total = 0;
  for (const e of reviews) {
    if (e.from !== 2 || e.at <= since || e.at > now) continue;
    total++;
    if (recalled(e)) passed++;
  }
  return { passed, total, rate: total ? passed / total : null };
}

/** Stability from which a card counts as mastered ("mature", as in Anki), days. */
export const MATURE_DAYS = 21;

export interface MasteryRow {
  /** The category, or the source id. */
  key: string;
  total: number;
  /** In the review phase with stability of at least MATURE_DAYS. */
  mastered: number;
  /** Studied but not mastered: learning, relearning, or young review cards. */
  learning: number;
  /** Never studied (or reset). */
  new: number;
  /** Mean probability of recall now over the studied cards; null if none has been studied. */
  meanRecall: number | null;
}

/**
 * Mastery per category or per article. Every fact counts once in its category, and once in each
 * article it cites. A card without a state is new. Suspended cards are counted by their phase
 * (suspending a card does not change what the student knows). Rows come in the order their key
 * first appears in `facts`.
 *
 * @param recall probability of recall of a studied card at `now`, e.g. `Scheduler#retrievability`
 */
export function mastery(
  states: ReadonlyMap<string, CardState>,
  cards: Iterable<{ id: string; category: string; sources: readonly string[] }>,
  key: 'category' | 'source',
  now: number,
  recall: (state: CardState, now: number) => number,
): MasteryRow[] {
  const rows = new Map<string, MasteryRow & { recallSum: number }>();
  for (const f of cards) {
    const keys = key === 'category' ? [f.category] : [...new Set(f.sources)];
    const s = states.get(f.id);
    const r = s && s.phase !== 0 ? recall(s, now) : null;
    for (const k of keys) {
      let row = rows.get(k);
      if (!row) rows.set(k, (row = { key: k, total: 0, mastered: 0, learning: 0, new: 0, meanRecall: null, recallSum: 0 }));
      row.total++;
      if (!s || s.phase === 0) row.new++;
      else if (s.phase === 2 && s.stability >= MATURE_DAYS) row.mastered++;
      else row.learning++;
      if (r !== null) row.recallSum += r;
    }
  }
  return [...rows.values()].map(({ recallSum, ...row }) => {
    const studied = row.mastered + row.learning;
    return { ...row, meanRecall: studied ? recallSum / studied : null };
  });
}

export interface Streak {
  /** Consecutive study days with a review, ending today if studied today, else yesterday. */
  current: number;
  /** The longest such run ever (at least `current`). */
  longest: number;
}

/** Study-day streaks: days run from `dayStartHour` local time. Reviews after `now` are ignored. */
export function streak(reviews: readonly ReviewEvent[], now: number, dayStartHour = 4, tzOffsetMin: TzOffset = 0): Streak {
  const today = studyDayNumber(now, dayStartHour, tzOffsetMin);
  const studied = new Set<number>();
  for (const e of reviews) if (e.at <= now) studied.add(studyDayNumber(e.at, dayStartHour, tzOffsetMin));
  const sorted = [...studied].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const d of sorted) {
    run = d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  let current = 0;
  for (let d = studied.has(today) ? today : today - 1; studied.has(d); d--) current++;
  return { current, longest };
}
