import { describe, expect, it } from 'vitest';
import { RELOAD_GRACE_MS, resumeClock, seen, startClock, timeLeft } from '../../src/engine/quiz/clock';

const T = 1_000_000;

describe('quiz clock', () => {
  it('counts down from timestamps', () => {
    const c = startClock({ mode: 'question', seconds: 20 }, T);
    expect(timeLeft(c, T)).toBe(20_000);
    expect(timeLeft(c, T + 15_000)).toBe(5_000);
    expect(timeLeft(c, T + 25_000)).toBe(0);
    expect(timeLeft(startClock({ mode: 'none' }, T), T + 1e9)).toBe(Infinity);
  });

  it('a reload does not give time back', () => {
    const c = seen(startClock({ mode: 'question', seconds: 20 }, T), T + 12_000);
    const r = resumeClock(c, T + 14_000);
    expect(timeLeft(r, T + 14_000)).toBe(6_000);
  });

  it('after a long absence, resumes with the time that was left when last seen', () => {
    const c = seen(startClock({ mode: 'quiz', seconds: 200 }, T), T + 50_000);
    const back = T + 50_000 + RELOAD_GRACE_MS + 3_600_000;
    expect(timeLeft(resumeClock(c, back), back)).toBe(150_000);
  });
});
