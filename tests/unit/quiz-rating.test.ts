import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quizGrade, SLOW_FRACTION } from '../../src/engine/quiz/rating';
import { QUIZ_KINDS, type QuizKind } from '../../src/engine/quiz/types';
import type { Grade } from '../../src/engine/types';

const LIMIT = 20_000;

describe('quizGrade', () => {
  const table: [kind: QuizKind, correct: boolean, near: boolean, elapsedMs: number, limitMs: number | null, grade: Grade][] = [
    ['choice', false, false, 3_000, LIMIT, 1],
    ['typed', false, true, 3_000, LIMIT, 1],
    ['typed', true, true, 3_000, LIMIT, 1],
    ['choice', true, false, 25_000, LIMIT, 1],
    ['choice', true, false, 3_000, LIMIT, 3],
    ['typed', true, false, 3_000, LIMIT, 3],
    ['order', true, false, 10_000, LIMIT, 3],
    ['match', true, false, 15_000, LIMIT, 3],
    ['choice', true, false, 15_000, LIMIT, 3],
    ['choice', true, false, 15_001, LIMIT, 2],
    ['typed', true, false, 19_999, LIMIT, 2],
    ['choice', true, false, 20_000, LIMIT, 2],
    ['truefalse', true, false, 1_000, LIMIT, 2],
    ['truefalse', false, false, 1_000, LIMIT, 1],
    ['typed', true, false, 600_000, null, 3],
    ['truefalse', true, false, 600_000, null, 2],
  ];

  it.each(table)('%s correct=%s near=%s in %d ms of %s: %d', (kind, correct, near, elapsedMs, limitMs, grade) => {
    expect(quizGrade({ kind, correct, near, elapsedMs, limitMs })).toBe(grade);
  });

  it('slows to Hard past three quarters of the limit', () => {
    expect(SLOW_FRACTION).toBe(0.75);
  });

  it('never gives Easy, and gives Again exactly when the answer is wrong, near or late (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUIZ_KINDS),
        fc.boolean(),
        fc.boolean(),
        fc.nat(120_000),
        fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: null }),
        (kind, correct, near, elapsedMs, limitMs) => {
          const g = quizGrade({ kind, correct, near, elapsedMs, limitMs });
          expect(g).not.toBe(4);
          const late = limitMs !== null && elapsedMs > limitMs;
          expect(g === 1).toBe(!correct || near || late);
        },
      ),
    );
  });
});
