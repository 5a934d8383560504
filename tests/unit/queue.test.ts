import { describe, expect, it } from 'vitest';
import { buildQueue, queueOrder, DEFAULT_LIMITS } from '../../src/engine/queue';
import { newState } from '../../src/engine/replay';
import { dayKey, dayStart } from '../../src/engine/day';
import type { CardState, Phase } from '../../src/engine/types';

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const END = Date.UTC(2026, 2, 11, 4, 0, 0);
const st = (id: string, phase: Phase, due: number, extra: Partial<CardState> = {}): CardState => ({ ...newState(id), phase, due, lastEventId: 'x', ...extra });

describe('buildQueue', () => {
  const ids = ['n1', 'l1', 'r1', 'n2', 'r2', 'l2', 'n3', 'rl', 'future'];
  const states = new Map<string, CardState>([
    ['l1', st('l1', 1, NOW - 5_000)],
    ['l2', st('l2', 1, NOW - 60_000)],
    ['rl', st('rl', 3, NOW - 1_000)],
    ['r1', st('r1', 2, NOW - 86_400_000)],
    ['r2', st('r2', 2, NOW - 3 * 86_400_000)],
    ['future', st('future', 2, END + 86_400_000)],
  ]);

  it('puts due learning and relearning first, then due reviews (most overdue first), then new in deck order', () => {
    const q = buildQueue(ids, states, NOW, END, DEFAULT_LIMITS, { newCards: 0, reviews: 0 });
    expect(queueOrder(q)).toEqual(['l2', 'l1', 'rl', 'r2', 'r1', 'n1', 'n2', 'n3']);
  });

  it('respects the new-card limit, counting new cards already seen today', () => {
    const q = buildQueue(ids, states, NOW, END, { ...DEFAULT_LIMITS, newPerDay: 3 }, { newCards: 2, reviews: 0 });
    expect(q.new).toEqual(['n1']);
  });

  it('respects the review limit', () => {
    const q = buildQueue(ids, states, NOW, END, { ...DEFAULT_LIMITS, maxReviewsPerDay: 1 }, { newCards: 0, reviews: 0 });
    expect(q.review).toEqual(['r2']);
  });

  it('leaves out suspended cards and those not yet due, and says when the next one is due', () => {
    const s2 = new Map(states);
    s2.set('r1', { ...s2.get('r1')!, suspended: true });
    const q = buildQueue(['r1', 'future'], s2, NOW, END, DEFAULT_LIMITS, { newCards: 0, reviews: 0 });
    expect(queueOrder(q)).toEqual([]);
    expect(q.nextDue).toBe(END + 86_400_000);
  });

  it('shows a learning card early when nothing else is due', () => {
    const s3 = new Map([['l', st('l', 1, NOW + 5 * 60_000)]]);
    expect(queueOrder(buildQueue(['l'], s3, NOW, END, DEFAULT_LIMITS, { newCards: 0, reviews: 0 }))).toEqual(['l']);
    const s4 = new Map([['l', st('l', 1, NOW + 60 * 60_000)]]);
    const q = buildQueue(['l'], s4, NOW, END, DEFAULT_LIMITS, { newCards: 0, reviews: 0 });
    expect(queueOrder(q)).toEqual([]);
    expect(q.nextDue).toBe(NOW + 60 * 60_000);
  });
});

describe('study days', () => {
  it('start at the configured hour in local time', () => {
    // UTC+5 (Pakistan): offset -300. 02:00 local on 10 March belongs to 9 March's study day.
    const t = Date.UTC(2026, 2, 9, 21, 0, 0); // 02:00 local, 10 March
    expect(dayKey(t, 4, -300)).toBe('2026-03-09');
    expect(dayStart(t, 4, -300)).toBe(Date.UTC(2026, 2, 8, 23, 0, 0)); // 04:00 local, 9 March
    expect(dayKey(t + 3 * 3_600_000, 4, -300)).toBe('2026-03-10');
  });
});
