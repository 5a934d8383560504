import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQueue, DEFAULT_LIMITS, type QueueLimits } from '../../src/engine/queue';
import { DayQueue } from '../../src/engine/day-queue';
import { newState } from '../../src/engine/replay';
import type { CardState, Phase } from '../../src/engine/types';

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const END = Date.UTC(2026, 2, 11, 4, 0, 0);
const MIN = 60_000;

/** A card state as an answer, a reset or a suspension could leave it. */
const stateArb = (id: string) =>
  fc.option(
    fc.record({
      phase: fc.constantFrom<Phase>(0, 1, 2, 3),
      // Around now and the end of the day, with ties: minutes from two days ago to two days ahead.
      due: fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }).map((m) => NOW + Math.round(m / 7) * 7 * MIN),
      suspended: fc.boolean(),
    }),
    { nil: undefined, freq: 5 },
  ).map((x): CardState | undefined => (x ? { ...newState(id), ...x, lastEventId: 'e' } : undefined));

const limitsArb = fc.record({
  newPerDay: fc.integer({ min: 0, max: 6 }),
  maxReviewsPerDay: fc.integer({ min: 0, max: 8 }),
  learnAheadMs: fc.constantFrom(0, 20 * MIN, 3 * 60 * MIN),
}) satisfies fc.Arbitrary<QueueLimits>;

const ids = Array.from({ length: 14 }, (_, i) => `c${i}`);

describe('DayQueue', () => {
  it('gives what buildQueue gives, after any sequence of single-card changes', () => {
    fc.assert(
      fc.property(
        fc.tuple(...ids.map(stateArb)),
        fc.array(fc.tuple(fc.integer({ min: 0, max: ids.length + 1 }), fc.nat()), { maxLength: 30 }),
        limitsArb,
        fc.record({ newCards: fc.integer({ min: 0, max: 4 }), reviews: fc.integer({ min: 0, max: 4 }) }),
        fc.integer({ min: -30, max: 120 }),
        (initial, changes, limits, done, later) => {
          const states = new Map<string, CardState>();
          initial.forEach((s, i) => s && states.set(ids[i]!, s));
          // Cards outside the chosen ones ("x…") change too, and must make no difference.
          const chosen = ids.slice(0, 12);
          const dq = new DayQueue(chosen, states, END);
          const changeArbs = ids.map(stateArb);
          for (const [which, seed] of changes) {
            const id = which < ids.length ? ids[which]! : `x${which}`;
            const next = fc.sample(changeArbs[which % ids.length]!, { seed, numRuns: 1 })[0];
            const s = next ? { ...next, cardId: id } : undefined;
            if (s) states.set(id, s);
            else states.delete(id);
            dq.update(id, s);
          }
          const now = NOW + later * MIN;
          expect(dq.queue(now, limits, done)).toEqual(buildQueue(chosen, states, now, END, limits, done));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the next review after today again when the earliest one is answered', () => {
    const states = new Map<string, CardState>([
      ['a', { ...newState('a'), phase: 2, due: END + 60 * MIN, lastEventId: 'e' }],
      ['b', { ...newState('b'), phase: 2, due: END + 120 * MIN, lastEventId: 'e' }],
    ]);
    const dq = new DayQueue(['a', 'b'], states, END);
    expect(dq.queue(NOW, DEFAULT_LIMITS, { newCards: 0, reviews: 0 }).nextDue).toBe(END + 60 * MIN);
    const moved = { ...states.get('a')!, due: END + 10 * 24 * 60 * MIN };
    states.set('a', moved);
    dq.update('a', moved);
    expect(dq.queue(NOW, DEFAULT_LIMITS, { newCards: 0, reviews: 0 }).nextDue).toBe(END + 120 * MIN);
  });

  it('puts a reset card back among the new ones at its deck position', () => {
    const states = new Map<string, CardState>([['b', { ...newState('b'), phase: 2, due: END + MIN, lastEventId: 'e' }]]);
    const dq = new DayQueue(['a', 'b', 'c'], states, END);
    expect(dq.queue(NOW, DEFAULT_LIMITS, { newCards: 0, reviews: 0 }).new).toEqual(['a', 'c']);
    dq.update('b', { ...newState('b'), lastEventId: 'f' });
    expect(dq.queue(NOW, DEFAULT_LIMITS, { newCards: 0, reviews: 0 }).new).toEqual(['a', 'b', 'c']);
  });
});
