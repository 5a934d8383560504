/**
 * Smoke tests of the scheduling-quality simulator (bench/sim): small decks and short horizons
 * so the benchmark code cannot rot, plus exact checks of the baselines' interval rules.
 */
import { describe, expect, it } from 'vitest';
import { CLAMP_PARAMETERS, createEmptyCard, default_w, fsrs, type Grade as FsrsGrade } from 'ts-fsrs';
import { createStudent, perturbedFsrsParameters, type ModelKind } from '../../bench/sim/models';
import { Rng, hash32, median } from '../../bench/sim/prng';
import {
  LEITNER_INTERVALS,
  ankiSm2Step,
  createScheduler,
  dayToDate,
  sm2Step,
  type SchedulerSpec,
  type Sm2State,
} from '../../bench/sim/schedulers';
import { simulate, type SimConfig } from '../../bench/sim/simulate';
import { TIME_COSTS, drawGrade, type Grade } from '../../bench/sim/student';
import { runSimulationSync } from '../../bench/sim/index';

const SMOKE: SimConfig = { nCards: 100, days: 30, newPerDay: 20 };
const MODELS: ModelKind[] = ['fsrs6', 'hlr'];
const SPECS: SchedulerSpec[] = [
  { kind: 'fsrs', retention: 0.8 },
  { kind: 'fsrs', retention: 0.9 },
  { kind: 'fsrs', retention: 0.95 },
  { kind: 'sm2' },
  { kind: 'anki-sm2' },
  { kind: 'leitner' },
];

describe('simulator smoke run (100 cards, 30 days)', () => {
  for (const model of MODELS) {
    for (const spec of SPECS) {
      const label = spec.kind === 'fsrs' ? `fsrs ${spec.retention}` : spec.kind;
      it(`${model} / ${label}: sane, internally consistent metrics`, () => {
        const m = simulate(createStudent(model, 42), spec, SMOKE);
        expect(m.newCards).toBe(100);
        expect(m.reviews).toBeGreaterThan(0);
        expect(m.lapses).toBeGreaterThanOrEqual(0);
        expect(m.lapses).toBeLessThan(m.reviews);
        expect(m.remembered).toBeGreaterThan(0);
        expect(m.remembered).toBeLessThanOrEqual(100);
        expect(m.rememberedAt90).toBeGreaterThanOrEqual(0);
        expect(m.rememberedAt90).toBeLessThanOrEqual(100);
        const seconds = 100 * TIME_COSTS.newCardSec + (m.reviews - m.lapses) * TIME_COSTS.reviewSec + m.lapses * TIME_COSTS.lapseSec;
        expect(m.minutes).toBeCloseTo(seconds / 60, 9);
        expect(m.reviewsPerRemembered).toBeCloseTo(m.reviews / m.remembered, 9);
      });
    }
  }

  it('is deterministic per seed, and the seed matters', () => {
    for (const model of MODELS) {
      for (const spec of SPECS) {
        const a = simulate(createStudent(model, 7), spec, SMOKE);
        const b = simulate(createStudent(model, 7), spec, SMOKE);
        const c = simulate(createStudent(model, 8), spec, SMOKE);
        expect(b).toEqual(a);
        expect([c.reviews, c.remembered]).not.toEqual([a.reviews, a.remembered]);
      }
    }
  });

  it('FSRS at a higher desired retention does more reviews and remembers more', () => {
    for (const model of MODELS) {
      for (const seed of [1, 2, 3]) {
        const student = createStudent(model, seed);
        const low = simulate(student, { kind: 'fsrs', retention: 0.8 }, SMOKE);
        const high = simulate(student, { kind: 'fsrs', retention: 0.95 }, SMOKE);
        expect(high.reviews).toBeGreaterThan(low.reviews);
        expect(high.remembered).toBeGreaterThan(low.remembered);
      }
    }
  });

  it('Leitner does more reviews than SM-2 (its intervals stop at 16 days)', () => {
    const student = createStudent('fsrs6', 5);
    expect(simulate(student, { kind: 'leitner' }, SMOKE).reviews).toBeGreaterThan(simulate(student, { kind: 'sm2' }, SMOKE).reviews);
  });

  it('the whole benchmark pipeline runs on a tiny configuration and is reproducible', () => {
    const opts = { ...SMOKE, students: 1, seed: 3, retentions: [0.8, 0.85, 0.9, 0.95], bisectionSteps: 1 };
    const a = runSimulationSync(opts);
    const b = runSimulationSync(opts);
    expect({ ...b, runtimeMs: 0 }).toEqual({ ...a, runtimeMs: 0 });
    expect(a.models.map((m) => m.model)).toEqual(['fsrs6', 'hlr']);
    for (const m of a.models) {
      expect(m.summary.map((s) => s.scheduler)).toEqual(
        expect.arrayContaining(['fsrs-0.80', 'fsrs-0.85', 'fsrs-0.90', 'fsrs-0.95', 'sm2', 'anki-sm2', 'leitner']),
      );
      expect(m.matched.some((x) => x.fsrs === 'default' && x.baseline === 'sm2')).toBe(true);
    }
    expect(a.models[0]?.matched.some((x) => x.fsrs === 'oracle')).toBe(true);
    expect(a.targets.map((t) => t.id)).toEqual(['fsrs6-vs-sm2', 'hlr-vs-sm2']);
    expect(JSON.parse(JSON.stringify(a))).toBeTruthy();
  });
});

describe('SM-2 (published description)', () => {
  const q = { again: 2, hard: 3, good: 4, easy: 5 };

  it('gives intervals 1, 6, then round(I × EF) for a fixed sequence of grades', () => {
    const seq: [number, number, number][] = [
      // [quality, expected interval, expected EF after]
      [q.good, 1, 2.5], // first exposure: repetition 1
      [q.good, 6, 2.5], // repetition 2
      [q.good, 15, 2.5], // round(6 × 2.5)
      [q.easy, 38, 2.6], // round(15 × 2.5) = round(37.5); EF + 0.1
      [q.hard, 99, 2.46], // round(38 × 2.6) = round(98.8); EF - 0.14
      [q.again, 1, 2.14], // lapse: series restarts; EF - 0.32
      [q.good, 6, 2.14], // repetition 2 of the new series
      [q.good, 13, 2.14], // round(6 × 2.14) = round(12.84)
    ];
    let s: Sm2State | null = null;
    for (const [quality, interval, ef] of seq) {
      s = sm2Step(s, quality);
      expect(s.interval).toBe(interval);
      expect(s.ef).toBeCloseTo(ef, 10);
    }
  });

  it('never lets the E-Factor fall below 1.3', () => {
    let s: Sm2State | null = null;
    for (let i = 0; i < 10; i++) s = sm2Step(s, 2);
    expect(s?.ef).toBe(1.3);
    s = sm2Step(s, 4);
    s = sm2Step(s, 4);
    expect(s.interval).toBe(Math.round(6 * 1.3));
  });

  it('the simulator scheduler follows the same rule, with Again/Hard/Good/Easy as q 2/3/4/5', () => {
    const sched = createScheduler({ kind: 'sm2' }, 1);
    const grades: Grade[] = [3, 3, 3, 4, 2, 1, 3, 3];
    const got = [sched.introduce(0, 0, grades[0] as Grade), ...grades.slice(1).map((g, i) => sched.review(0, i + 1, g))];
    expect(got).toEqual([1, 6, 15, 38, 99, 1, 6, 13]);
  });
});

describe('Anki legacy SM-2 (reference)', () => {
  it('graduates at 1 day (4 on Easy) and applies hard 1.2×, good ×ease, easy ×ease×1.3, lapse → 1 day', () => {
    let s = ankiSm2Step(null, 3);
    expect(s).toEqual({ interval: 1, ease: 2.5 });
    s = ankiSm2Step(s, 3); // max(hard + 1, 1 × 2.5) with hard = max(2, 1) = 2 → 3
    expect(s.interval).toBe(3);
    s = ankiSm2Step(s, 3); // ⌊3 × 2.5⌋ = 7
    expect(s.interval).toBe(7);
    s = ankiSm2Step(s, 2); // max(8, ⌊8.4⌋) = 8; ease 2.35
    expect(s).toEqual({ interval: 8, ease: 2.35 });
    s = ankiSm2Step(s, 1);
    expect(s.interval).toBe(1);
    expect(s.ease).toBeCloseTo(2.15, 10);
    expect(ankiSm2Step(null, 4).interval).toBe(4);
  });
});

describe('Leitner', () => {
  it("intervals follow the card's box: up one box per recall, back to box 1 on a failure", () => {
    const sched = createScheduler({ kind: 'leitner' }, 1);
    expect(sched.introduce(0, 0, 3)).toBe(LEITNER_INTERVALS[0]);
    const grades: Grade[] = [3, 2, 4, 3, 3, 3, 1, 3];
    const got = grades.map((g, i) => sched.review(0, i + 1, g));
    expect(got).toEqual([2, 4, 8, 16, 16, 16, 1, 2]);
  });
});

describe('ts-fsrs adapter', () => {
  it('gives exactly the intervals of ts-fsrs next() in long-term mode, card answered when due', () => {
    for (const retention of [0.8, 0.9, 0.95]) {
      const sched = createScheduler({ kind: 'fsrs', retention }, 1);
      const f = fsrs({ request_retention: retention, enable_fuzz: false, enable_short_term: false });
      const grades: Grade[] = [3, 3, 1, 3, 2, 4, 3, 1, 1, 3];
      let day = 0;
      let card = createEmptyCard(dayToDate(0));
      for (const [i, g] of grades.entries()) {
        const ours = i === 0 ? sched.introduce(0, day, g) : sched.review(0, day, g);
        card = f.next(card, dayToDate(day), g as FsrsGrade).card;
        expect(ours).toBe(card.scheduled_days);
        expect(ours).toBeGreaterThanOrEqual(1);
        day += ours;
      }
    }
  });
});

describe('ground-truth models', () => {
  it('FSRS-6 students: parameters around ts-fsrs defaults, within its legal ranges, per seed', () => {
    expect(perturbedFsrsParameters(1, 0)).toEqual([...default_w]);
    const a = perturbedFsrsParameters(1, 0.2);
    const b = perturbedFsrsParameters(2, 0.2);
    expect(a).toEqual(perturbedFsrsParameters(1, 0.2));
    expect(a).not.toEqual(b);
    const ranges = CLAMP_PARAMETERS(2, false);
    for (const [i, w] of a.entries()) {
      const [lo, hi] = ranges[i] as [number, number];
      expect(w).toBeGreaterThanOrEqual(lo);
      expect(w).toBeLessThanOrEqual(hi);
    }
  });

  it('recall probability starts high and decays with time, for both models', () => {
    for (const model of MODELS) {
      const mem = createStudent(model, 11).createMemory(20);
      for (let c = 0; c < 20; c++) mem.introduce(c, 0, new Rng(hash32(11, c)));
      for (let c = 0; c < 20; c++) {
        const r1 = mem.recall(c, 1);
        const r10 = mem.recall(c, 10);
        const r100 = mem.recall(c, 100);
        expect(r1).toBeLessThanOrEqual(1);
        expect(r1).toBeGreaterThan(0.4);
        expect(r10).toBeLessThan(r1);
        expect(r100).toBeLessThan(r10);
        expect(r100).toBeGreaterThan(0);
      }
      expect(mem.recall(0, 0)).toBe(1);
    }
  });

  it('the grade rule: Again on a miss, Hard when recall was unlikely, Easy when it was near certain', () => {
    expect(drawGrade(0.9, 0.95, 0.5)).toBe(1);
    expect(drawGrade(0.5, 0.1, 0.5)).toBe(2);
    expect(drawGrade(0.9, 0.1, 0.5)).toBe(3);
    expect(drawGrade(0.999, 0.1, 0.5)).toBe(4);
    // At p = 0.9, about 14% Hard and 15% Easy among passes.
    const rng = new Rng(99);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) counts[drawGrade(0.9, 0, rng.next())]! += 1;
    expect((counts[2] ?? 0) / 20000).toBeCloseTo(0.143, 1);
    expect((counts[4] ?? 0) / 20000).toBeCloseTo(0.155, 1);
  });

  it("the 'fixed' grade rule ignores p for passed reviews (22.4% Hard, 63.2% Good, 14.4% Easy)", () => {
    expect(drawGrade(0.3, 0.1, 0.1, 'fixed')).toBe(2);
    expect(drawGrade(0.3, 0.1, 0.5, 'fixed')).toBe(3);
    expect(drawGrade(0.3, 0.1, 0.9, 'fixed')).toBe(4);
    expect(drawGrade(0.999, 0.1, 0.1, 'fixed')).toBe(2);
    expect(drawGrade(0.3, 0.5, 0.5, 'fixed')).toBe(1);
  });

  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
