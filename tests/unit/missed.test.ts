import { describe, expect, it } from 'vitest';
import { afterAnswer, missedCards } from '../../src/engine/missed';
import { eventId, type Grade, type LogEvent } from '../../src/engine/types';

const T = Date.UTC(2026, 3, 1);
let n = 0;
const rev = (cardId: string, grade: Grade, at: number, extra: object = {}): LogEvent => ({
  kind: 'review', id: eventId(at, String(n++)), cardId, grade, at, mode: 'study', durationMs: 1, from: 2, ...extra,
});

describe('missedCards', () => {
  const log: LogEvent[] = [
    rev('a', 1, T),
    rev('a', 3, T + 10),
    rev('b', 1, T + 20),
    rev('b', 1, T + 30),
    rev('c', 3, T + 40, { mode: 'quiz', correct: false }),
    rev('d', 1, T + 50, { mode: 'quiz', correct: true }), // a right quiz answer is not a miss, whatever the grade
    rev('e', 2, T + 60),
  ];

  it('counts study lapses and wrong quiz answers, most-missed first, then most recent', () => {
    expect(missedCards(log, 0).map((m) => [m.cardId, m.misses])).toEqual([
      ['b', 2],
      ['c', 1],
      ['a', 1],
    ]);
  });

  it('limits to a period', () => {
    expect(missedCards(log, T + 25).map((m) => m.cardId)).toEqual(['c', 'b']);
  });

  it('does not count an undone miss', () => {
    const miss = rev('f', 1, T + 70);
    const undo: LogEvent = { kind: 'undo', id: eventId(T + 80, 'u'), cardId: 'f', at: T + 80, target: miss.id };
    expect(missedCards([...log, miss, undo], 0).map((m) => m.cardId)).not.toContain('f');
  });
});

describe('repeat-until-right queue', () => {
  it('removes a card answered right and sends a wrong one back a few places', () => {
    expect(afterAnswer(['a', 'b', 'c', 'd', 'e'], true)).toEqual(['b', 'c', 'd', 'e']);
    expect(afterAnswer(['a', 'b', 'c', 'd', 'e'], false)).toEqual(['b', 'c', 'd', 'a', 'e']);
    expect(afterAnswer(['a', 'b'], false)).toEqual(['b', 'a']);
    expect(afterAnswer(['a'], false)).toEqual(['a']);
    expect(afterAnswer([], true)).toEqual([]);
  });

  it('ends only when every card has been answered right once', () => {
    let q = ['a', 'b', 'c'];
    const wrongOnce = new Set(['a', 'c']);
    let steps = 0;
    while (q.length) {
      const head = q[0]!;
      const right = !wrongOnce.delete(head);
      q = afterAnswer(q, right);
      steps++;
    }
    expect(steps).toBe(5);
  });
});
