/**
 * The statistics functions against fixed fixtures; every expected value is worked out by hand in
 * the comments. NOW is Tuesday 2026-03-10 12:00 UTC; study days start at 4 am.
 * The functions take effective reviews: the caller removes undone ones with `effectiveReviews`.
 */
import { describe, expect, it } from 'vitest';
import { dueForecast, mastery, reviewsPerDay, streak, studyDayNumber, dayNumberKey, trueRetention } from '../../src/engine/stats';
import { dayKey, DAY, HOUR } from '../../src/engine/day';
import { effectiveReviews, newState } from '../../src/engine/replay';
import { Scheduler } from '../../src/engine/scheduler';
import { eventId, type CardState, type Grade, type LogEvent, type Phase, type ReviewEvent } from '../../src/engine/types';
import type { Category } from '../../src/deck/types';

const NOW = Date.UTC(2026, 2, 10, 12);
const at = (iso: string) => Date.parse(iso);

const card = (cardId: string, phase: Phase, due: number, over: Partial<CardState> = {}): CardState => ({
  ...newState(cardId),
  phase,
  due,
  stability: phase === 0 ? 0 : 10,
  lastReview: phase === 0 ? null : due - DAY,
  ...over,
});

let n = 0;
const rev = (when: number, grade: Grade = 3, from: Phase = 2, extra: Partial<ReviewEvent> = {}): ReviewEvent => ({
  kind: 'review',
  id: eventId(when, String(n++).padStart(4, '0')),
  cardId: extra.cardId ?? 'x',
  grade,
  mode: 'study',
  at: when,
  durationMs: 1000,
  from,
  ...extra,
});

describe('study days', () => {
  it('agree with dayKey for fixed offsets', () => {
    for (const tz of [0, 300, -330, -840, 600]) {
      for (const t of [NOW, at('2026-03-10T03:59:59Z'), at('2026-03-10T04:00:00Z'), at('2025-12-31T23:30:00Z')]) {
        expect(dayNumberKey(studyDayNumber(t, 4, tz))).toBe(dayKey(t, 4, tz));
      }
    }
  });
});

describe('dueForecast', () => {
  const states = [
    card('overdue', 2, NOW - 2 * DAY), // today (overdue counts as today)
    card('tonight', 2, at('2026-03-11T03:00:00Z')), // before 4 am: still today's study day
    card('tomorrow', 2, at('2026-03-11T05:00:00Z')), // tomorrow
    card('learning', 1, NOW + 10 * 60_000), // today
    card('suspended', 2, at('2026-03-12T05:00:00Z'), { suspended: true }), // left out
    card('new', 0, 0), // left out
    card('last', 2, at('2026-04-08T05:00:00Z')), // 29 days ahead: the last bar
    card('beyond', 2, at('2026-04-09T05:00:00Z')), // 30 days ahead: beyond the forecast
  ];

  it('counts cards due on each of the next 30 study days, overdue in today, suspended and new left out', () => {
    const f = dueForecast(states, NOW, 30, 4, 0);
    expect(f).toHaveLength(30);
    expect(f[0]).toBe(3);
    expect(f[1]).toBe(1);
    expect(f[29]).toBe(1);
    expect(f.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('defaults to 30 days', () => {
    expect(dueForecast([], NOW)).toEqual(new Array(30).fill(0));
  });

  it('puts day boundaries at the day-start hour in local time', () => {
    const late = [card('c', 2, at('2026-03-10T23:00:00Z'))];
    // UTC: 23:00 on the 10th is today. India (UTC+5:30, offset -330): 04:30 on the 11th, after 4 am: tomorrow.
    expect(dueForecast(late, NOW, 3, 4, 0)).toEqual([1, 0, 0]);
    expect(dueForecast(late, NOW, 3, 4, -330)).toEqual([0, 1, 0]);
    // New York (UTC-5, offset 300): 08:00Z on the 11th is 03:00 local, before 4 am: still today.
    const early = [card('d', 2, at('2026-03-11T08:00:00Z'))];
    expect(dueForecast(early, NOW, 3, 4, 300)).toEqual([1, 0, 0]);
    // With days starting at midnight it is tomorrow.
    expect(dueForecast(early, NOW, 3, 0, 300)).toEqual([0, 1, 0]);
  });
});

describe('reviewsPerDay', () => {
  const reviews = [
    rev(at('2026-03-10T05:00:00Z')), // 03-10
    rev(at('2026-03-10T03:00:00Z')), // before 4 am: 03-09
    rev(at('2026-03-09T12:00:00Z')), // 03-09
    rev(at('2026-03-04T04:00:00Z')), // the very start of 03-04
    rev(at('2026-03-04T03:59:00Z')), // 03-03: before the window
    rev(at('2026-03-10T13:00:00Z')), // after now: ignored
  ];

  it('counts reviews per study day, oldest first, days without reviews included', () => {
    expect(reviewsPerDay(reviews, NOW, 7, 4, 0)).toEqual([
      { day: '2026-03-04', count: 1 },
      { day: '2026-03-05', count: 0 },
      { day: '2026-03-06', count: 0 },
      { day: '2026-03-07', count: 0 },
      { day: '2026-03-08', count: 0 },
      { day: '2026-03-09', count: 2 },
      { day: '2026-03-10', count: 1 },
    ]);
  });

  it('covers the past year by default', () => {
    const year = reviewsPerDay(reviews, NOW);
    expect(year).toHaveLength(365);
    expect(year[0]!.day).toBe('2025-03-11');
    expect(year[364]!.day).toBe('2026-03-10');
    expect(year.reduce((a, d) => a + d.count, 0)).toBe(5);
  });

  it('follows a daylight-saving change when the offset is a function of time', () => {
    // New York moves from UTC-5 to UTC-4 at 07:00Z on 2026-03-08.
    const ny = (t: number) => (t < at('2026-03-08T07:00:00Z') ? 300 : 240);
    const r = [rev(at('2026-03-08T08:30:00Z'))]; // 04:30 EDT: the 8th. At a fixed UTC-5 it would be 03:30, the 7th.
    expect(reviewsPerDay(r, NOW, 4, 4, ny).map((d) => d.count)).toEqual([0, 1, 0, 0]);
    expect(reviewsPerDay(r, NOW, 4, 4, 300).map((d) => d.count)).toEqual([1, 0, 0, 0]);
    expect(reviewsPerDay(r, NOW, 4, 4, ny)[0]!.day).toBe('2026-03-07');
  });

  it('does not count an undone review once the caller applies effectiveReviews', () => {
    const r = rev(NOW - HOUR);
    const undo: LogEvent = { kind: 'undo', id: eventId(NOW - HOUR + 1, 'u'), cardId: r.cardId, at: NOW - HOUR + 1, target: r.id };
    expect(reviewsPerDay(effectiveReviews([r, undo]), NOW, 1, 4, 0)).toEqual([{ day: '2026-03-10', count: 0 }]);
  });
});

describe('trueRetention', () => {
  const reviews = [
    rev(NOW - 1 * DAY, 3), // pass (7, 30)
    rev(NOW - 2 * DAY, 1), // fail (7, 30)
    rev(NOW - 6 * DAY, 2), // Hard is a pass (7, 30)
    rev(NOW - 1 * DAY, 1, 1), // learning: not counted
    rev(NOW - 1 * DAY, 3, 3), // relearning: not counted
    rev(NOW - 1 * DAY, 3, 0), // new: not counted
    rev(NOW - 3 * DAY, 1, 2, { mode: 'quiz', correct: true }), // quiz: `correct` decides, pass (7, 30)
    rev(NOW - 3 * DAY, 3, 2, { mode: 'quiz', correct: false }), // fail (7, 30)
    rev(NOW - 7 * DAY, 3), // exactly 7 days ago: outside the 7-day window, pass (30)
    rev(NOW - 10 * DAY, 4), // pass (30)
    rev(NOW - 20 * DAY, 1), // fail (30)
    rev(NOW - 31 * DAY, 3), // outside both
    rev(NOW + HOUR, 1), // after now: outside both
  ];

  it('is the share of review-phase reviews not failed, over the last 7 days', () => {
    expect(trueRetention(reviews, NOW, 7)).toEqual({ passed: 3, total: 5, rate: 0.6 });
  });

  it('over the last 30 days', () => {
    expect(trueRetention(reviews, NOW, 30)).toEqual({ passed: 5, total: 8, rate: 0.625 });
  });

  it('has no rate without reviews', () => {
    expect(trueRetention([], NOW, 7)).toEqual({ passed: 0, total: 0, rate: null });
  });
});

describe('mastery', () => {
  // Cards as the index has them (id, category, the articles cited), without their text.
  const fact = (id: string, category: Category, sources: string[]) => ({ id, category, sources });
  const facts = [
    fact('f1', 'date', ['A']),
    fact('f2', 'date', ['A', 'B']),
    fact('f3', 'actor', ['B']),
    fact('f4', 'actor', ['B', 'B']), // the same article twice counts once
    fact('f5', 'date', ['C']),
    fact('f6', 'event', ['C']),
  ];
  const states = new Map<string, CardState>([
    ['f1', card('f1', 2, NOW + 20 * DAY, { stability: 21 })], // mastered (exactly 21 days)
    ['f2', card('f2', 2, NOW + 3 * DAY, { stability: 5 })], // learning (young review card)
    ['f3', card('f3', 1, NOW, { stability: 1 })], // learning
    // f4: no state, new
    ['f5', card('f5', 3, NOW, { stability: 25 })], // relearning is not mastered, whatever its stability
    ['f6', card('f6', 0, 0)], // reset: new
    ['gone', card('gone', 2, NOW, { stability: 50 })], // no longer in the decks: ignored
  ]);
  const R: Record<string, number> = { f1: 0.9, f2: 0.8, f3: 0.5, f5: 0.6, gone: 0.99 };
  const recall = (s: CardState, t: number) => {
    expect(t).toBe(NOW);
    return R[s.cardId]!;
  };

  it('by category: mastered, learning, new, and the mean recall of studied cards', () => {
    const rows = mastery(states, facts, 'category', NOW, recall);
    expect(rows.map(({ meanRecall, ...r }) => r)).toEqual([
      { key: 'date', total: 3, mastered: 1, learning: 2, new: 0 },
      { key: 'actor', total: 2, mastered: 0, learning: 1, new: 1 },
      { key: 'event', total: 1, mastered: 0, learning: 0, new: 1 },
    ]);
    expect(rows[0]!.meanRecall).toBeCloseTo((0.9 + 0.8 + 0.6) / 3, 10);
    expect(rows[1]!.meanRecall).toBeCloseTo(0.5, 10);
    expect(rows[2]!.meanRecall).toBeNull();
  });

  it('by article: a fact counts once in each article it cites', () => {
    const rows = mastery(states, facts, 'source', NOW, recall);
    expect(rows.map(({ meanRecall, ...r }) => r)).toEqual([
      { key: 'A', total: 2, mastered: 1, learning: 1, new: 0 },
      { key: 'B', total: 3, mastered: 0, learning: 2, new: 1 },
      { key: 'C', total: 2, mastered: 0, learning: 1, new: 1 },
    ]);
    expect(rows.map((r) => r.meanRecall)).toEqual([expect.closeTo(0.85, 10), expect.closeTo(0.65, 10), expect.closeTo(0.6, 10)]);
  });

  it('works with the scheduler as the recall function', () => {
    const s = new Scheduler();
    const learnt = s.apply('f1', null, 4, NOW - 5 * DAY, 'e1');
    const rows = mastery(new Map([['f1', learnt]]), [facts[0]!], 'category', NOW, (st, t) => s.retrievability(st, t));
    expect(rows[0]!.learning + rows[0]!.mastered).toBe(1);
    expect(rows[0]!.meanRecall).toBeGreaterThan(0);
    expect(rows[0]!.meanRecall).toBeLessThan(1);
  });
});

describe('streak', () => {
  const days = ['2026-03-10', '2026-03-09', '2026-03-08', '2026-03-08', '2026-03-06', '2026-03-05', '2026-03-04', '2026-03-03', '2026-03-01'];
  const reviews = days.map((d) => rev(at(`${d}T10:00:00Z`)));

  it('counts consecutive study days up to today, and the longest run', () => {
    // Current: 03-08, 03-09, 03-10. Longest: 03-03 to 03-06.
    expect(streak(reviews, NOW, 4, 0)).toEqual({ current: 3, longest: 4 });
  });

  it('ends yesterday when nothing was studied yet today', () => {
    expect(streak(reviews.slice(1), NOW, 4, 0)).toEqual({ current: 2, longest: 4 });
  });

  it('is broken by a missed day', () => {
    expect(streak(reviews.slice(2), NOW, 4, 0)).toEqual({ current: 0, longest: 4 });
    expect(streak([], NOW, 4, 0)).toEqual({ current: 0, longest: 0 });
  });

  it('uses study days in local time: a session before 4 am belongs to the day before', () => {
    const r = [rev(at('2026-03-10T08:30:00Z')), rev(at('2026-03-09T10:00:00Z')), rev(at('2026-03-08T08:00:00Z'))];
    // UTC: the 10th, 9th and 8th.
    expect(streak(r, NOW, 4, 0)).toEqual({ current: 3, longest: 3 });
    // New York (UTC-5): 03:30 on the 10th and 03:00 on the 8th fall on the 9th and the 7th: the 9th (twice) and the 7th.
    expect(streak(r, NOW, 4, 300)).toEqual({ current: 1, longest: 1 });
  });

  it('ignores reviews after now', () => {
    expect(streak([rev(NOW + HOUR)], NOW, 4, 0)).toEqual({ current: 0, longest: 0 });
  });
});
