import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, type Grade as FsrsGrade } from 'ts-fsrs';
import { DEFAULT_SCHEDULER, Scheduler, formatInterval } from '../../src/engine/scheduler';
import type { CardState, Grade } from '../../src/engine/types';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

describe('Scheduler', () => {
  it('gives the intervals ts-fsrs gives for a fixed sequence of grades at fixed times', () => {
    const s = new Scheduler(DEFAULT_SCHEDULER);
    const f = fsrs({ request_retention: 0.9, learning_steps: ['1m', '10m'], relearning_steps: ['10m'], maximum_interval: 36500, enable_fuzz: true });
    const grades: Grade[] = [3, 3, 3, 1, 3, 4, 2, 3];
    let ours: CardState | null = null;
    let theirs = createEmptyCard(NOW);
    let t = NOW;
    for (const [i, g] of grades.entries()) {
      ours = s.apply('c1', ours, g, t, `e${i}`);
      theirs = f.next(theirs, t, g as FsrsGrade).card;
      expect(ours.due).toBe(theirs.due.getTime());
      expect(ours.stability).toBeCloseTo(theirs.stability, 10);
      expect(ours.difficulty).toBeCloseTo(theirs.difficulty, 10);
      expect(ours.phase).toBe(theirs.state);
      expect(ours.lastEventId).toBe(`e${i}`);
      t = ours.due; // answer each card exactly when it falls due
    }
  });

  it('schedules a new card: Again 1m, Hard ~6m, Good 10m, Easy in days', () => {
    const p = new Scheduler().preview('c1', null, NOW, 'e');
    expect(p[1].intervalMs).toBe(1 * MIN);
    expect(p[2].intervalMs).toBe(6 * MIN);
    expect(p[3].intervalMs).toBe(10 * MIN);
    expect(p[4].intervalMs).toBeGreaterThanOrEqual(DAY);
    // Each harder grade schedules no later than an easier one.
    expect(p[1].intervalMs).toBeLessThanOrEqual(p[2].intervalMs);
    expect(p[2].intervalMs).toBeLessThanOrEqual(p[3].intervalMs);
    expect(p[3].intervalMs).toBeLessThan(p[4].intervalMs);
  });

  it('preview and apply agree', () => {
    const s = new Scheduler();
    let st: CardState | null = null;
    let t = NOW;
    for (const g of [3, 3, 2, 4] as Grade[]) {
      const p = s.preview('c1', st, t, 'x');
      st = s.apply('c1', st, g, t, 'x');
      expect(st).toEqual(p[g].state);
      t = st.due + DAY;
    }
  });

  it('a higher desired retention gives shorter review intervals', () => {
    const lo = new Scheduler({ ...DEFAULT_SCHEDULER, desiredRetention: 0.8 });
    const hi = new Scheduler({ ...DEFAULT_SCHEDULER, desiredRetention: 0.95 });
    const walk = (s: Scheduler) => {
      let st: CardState | null = null;
      let t = NOW;
      for (let i = 0; i < 4; i++) {
        st = s.apply('c', st, 3, t, `e${i}`);
        t = st.due;
      }
      return st!.scheduledDays;
    };
    expect(walk(hi)).toBeLessThan(walk(lo));
  });

  it('formats intervals for the grade buttons', () => {
    expect(formatInterval(30_000)).toBe('<1m');
    expect(formatInterval(10 * MIN)).toBe('10m');
    expect(formatInterval(3 * 3_600_000)).toBe('3h');
    expect(formatInterval(4 * DAY)).toBe('4d');
    expect(formatInterval(61 * DAY)).toBe('2mo');
    expect(formatInterval(400 * DAY)).toBe('1.1y');
  });
});

describe('relativeWorkload', () => {
  it('is 1 at the base, grows with the desired retention, and steeply near the top', async () => {
    const { relativeWorkload } = await import('../../src/engine/scheduler');
    expect(relativeWorkload(0.9)).toBeCloseTo(1, 10);
    expect(relativeWorkload(0.8)).toBeLessThan(0.6);
    expect(relativeWorkload(0.95)).toBeGreaterThan(1.8);
    expect(relativeWorkload(0.97) - relativeWorkload(0.95)).toBeGreaterThan(relativeWorkload(0.85) - relativeWorkload(0.83));
  });
});
