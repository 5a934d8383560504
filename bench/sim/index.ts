/**
 * Scheduling-quality benchmark: simulated students over a year, ts-fsrs at several desired
 * retentions against SM-2 (and, for reference, Anki's SM-2 variant and a Leitner box system),
 * under two ground-truth memory models. See models.ts (memory), student.ts (behaviour, grades,
 * time costs), schedulers.ts (the schedulers) and simulate.ts (one run, metrics).
 *
 * "At equal cards remembered": SM-2 and FSRS at a given retention end with different numbers
 * of cards remembered, so raw review counts are not comparable. For each student we find the
 * desired retention r* at which FSRS remembers as many cards as the baseline did, by bisection
 * over request_retention (each probe a full simulation with the same student and the same
 * random numbers) starting from the bracket formed by the retention grid, and interpolate
 * FSRS's reviews and minutes linearly between the two final probes. The reported reduction is
 * 1 - FSRS reviews at r* / baseline reviews, per student, then the median over students.
 *
 * Every figure in the summary is a median over the simulated students (independent seeds).
 *
 * Under the FSRS-6 truth we also run, for reference, an "oracle" FSRS given the student's true
 * parameters: it separates what FSRS loses by using default parameters from what the
 * fixed-retention policy itself gains or loses. `paramSigma` and `gradeRule` exist for
 * sensitivity checks; the headline figures use the defaults in {@link DEFAULT_OPTIONS}.
 */
import { MODEL_KINDS, createStudent, type ModelKind, type Student } from './models.ts';
import { hash32, median } from './prng.ts';
import { schedulerId, type SchedulerSpec } from './schedulers.ts';
import { DEFAULT_SIM_CONFIG, simulate, type RunMetrics, type SimConfig } from './simulate.ts';
import { GRADE_THRESHOLDS, TIME_COSTS, type GradeRule } from './student.ts';

export { simulate, DEFAULT_SIM_CONFIG } from './simulate.ts';
export type { RunMetrics, SimConfig } from './simulate.ts';
export { createStudent } from './models.ts';
export type { ModelKind, Student } from './models.ts';
export { createScheduler, schedulerId } from './schedulers.ts';
export type { SchedulerSpec } from './schedulers.ts';

export type Baseline = 'sm2' | 'anki-sm2' | 'leitner';

export interface SimulationOptions extends Partial<SimConfig> {
  /** Base seed; every student seed is derived from it. */
  seed?: number;
  /** Students (independent runs) per model. */
  students?: number;
  models?: readonly ModelKind[];
  /** Desired retentions for ts-fsrs. */
  retentions?: readonly number[];
  /** Non-FSRS schedulers to run. */
  baselines?: readonly Baseline[];
  /** Baselines to match at equal cards remembered (each costs a few extra FSRS runs). */
  matchAgainst?: readonly Baseline[];
  /**
   * Also run, under the FSRS-6 truth, an "oracle" FSRS that is given the student's true
   * parameters, matched against SM-2 (reference only; the app uses default parameters).
   */
  oracle?: boolean;
  /** Bisection probes per student and baseline. */
  bisectionSteps?: number;
  /** Spread of per-student ground-truth parameters. */
  paramSigma?: number;
  /** How passed reviews are graded (student.ts). */
  gradeRule?: GradeRule;
  /** Called with a line of progress now and then. */
  onProgress?: (line: string) => void;
}

export const DEFAULT_OPTIONS = Object.freeze({
  seed: 20260101,
  students: 7,
  models: MODEL_KINDS,
  retentions: [0.8, 0.85, 0.9, 0.95] as readonly number[],
  baselines: ['sm2', 'anki-sm2', 'leitner'] as readonly Baseline[],
  matchAgainst: ['sm2', 'anki-sm2'] as readonly Baseline[],
  oracle: true,
  bisectionSteps: 4,
  paramSigma: 0.2,
  gradeRule: 'confidence' as GradeRule,
});

/** Medians over students of one scheduler's metrics. */
export interface SchedulerSummary {
  scheduler: string;
  reviews: number;
  minutes: number;
  remembered: number;
  rememberedAt90: number;
  reviewsPerRemembered: number;
  passRate: number;
  lapses: number;
  peakDailyReviews: number;
}

/** Which FSRS is matched: ts-fsrs defaults (the app), or the student's true parameters. */
export type FsrsVariant = 'default' | 'oracle';

export interface MatchedStudent {
  seed: number;
  fsrs: FsrsVariant;
  baseline: Baseline;
  baselineRemembered: number;
  baselineReviews: number;
  baselineMinutes: number;
  /** Desired retention at which FSRS remembers as many cards (null: not reachable in 0.5..0.99). */
  fsrsRetention: number | null;
  fsrsReviews: number | null;
  fsrsMinutes: number | null;
  /** 1 - fsrsReviews / baselineReviews. */
  reviewReduction: number | null;
  /** 1 - fsrsMinutes / baselineMinutes. */
  minuteReduction: number | null;
}

export interface MatchedSummary {
  fsrs: FsrsVariant;
  baseline: Baseline;
  students: number;
  unmatched: number;
  medianRetention: number;
  medianBaselineRemembered: number;
  medianBaselineReviews: number;
  medianFsrsReviews: number;
  medianReviewReduction: number;
  minReviewReduction: number;
  maxReviewReduction: number;
  medianMinuteReduction: number;
}

export interface ModelResult {
  model: ModelKind;
  students: { seed: number; params: Student['params'] }[];
  summary: SchedulerSummary[];
  matched: MatchedSummary[];
  perStudentMatched: MatchedStudent[];
  runs: RunMetrics[];
}

export interface TargetResult {
  id: string;
  description: string;
  value: number | null;
  threshold: number;
  met: boolean;
}

export interface SimulationResults {
  benchmark: 'scheduling-quality';
  version: 1;
  config: SimConfig & {
    seed: number;
    students: number;
    retentions: readonly number[];
    baselines: readonly Baseline[];
    matchAgainst: readonly Baseline[];
    oracle: boolean;
    bisectionSteps: number;
    paramSigma: number;
    gradeRule: GradeRule;
    timeCosts: typeof TIME_COSTS;
    gradeThresholds: typeof GRADE_THRESHOLDS;
    remembered: string;
  };
  models: ModelResult[];
  targets: TargetResult[];
  allTargetsMet: boolean;
  runtimeMs: number;
}

const RETENTION_EXTENSIONS_DOWN = [0.75, 0.7, 0.6, 0.5];
const RETENTION_EXTENSIONS_UP = [0.97, 0.99];

export async function runSimulation(opts: SimulationOptions = {}): Promise<SimulationResults> {
  return runSimulationSync(opts);
}

export function runSimulationSync(opts: SimulationOptions = {}): SimulationResults {
  const t0 = performance.now();
  const cfg: SimConfig = {
    nCards: opts.nCards ?? DEFAULT_SIM_CONFIG.nCards,
    days: opts.days ?? DEFAULT_SIM_CONFIG.days,
    newPerDay: opts.newPerDay ?? DEFAULT_SIM_CONFIG.newPerDay,
  };
  const seed = opts.seed ?? DEFAULT_OPTIONS.seed;
  const nStudents = opts.students ?? DEFAULT_OPTIONS.students;
  const models = opts.models ?? DEFAULT_OPTIONS.models;
  const retentions = [...(opts.retentions ?? DEFAULT_OPTIONS.retentions)].sort((a, b) => a - b);
  const baselines = opts.baselines ?? DEFAULT_OPTIONS.baselines;
  const matchAgainst = (opts.matchAgainst ?? DEFAULT_OPTIONS.matchAgainst).filter((b) => baselines.includes(b));
  const oracle = opts.oracle ?? DEFAULT_OPTIONS.oracle;
  const bisectionSteps = opts.bisectionSteps ?? DEFAULT_OPTIONS.bisectionSteps;
  const paramSigma = opts.paramSigma ?? DEFAULT_OPTIONS.paramSigma;
  const gradeRule = opts.gradeRule ?? DEFAULT_OPTIONS.gradeRule;
  const log = opts.onProgress ?? (() => undefined);

  const modelResults: ModelResult[] = [];
  for (const [mi, model] of models.entries()) {
    const runs: RunMetrics[] = [];
    const perStudentMatched: MatchedStudent[] = [];
    const students: ModelResult['students'] = [];
    for (let si = 0; si < nStudents; si++) {
      const student = createStudent(model, hash32(seed, mi + 1, si), { paramSigma, gradeRule });
      students.push({ seed: student.seed, params: student.params });
      const variants: { fsrs: FsrsVariant; w?: readonly number[]; against: readonly Baseline[] }[] = [
        { fsrs: 'default', against: matchAgainst },
      ];
      if (oracle && student.fsrsWeights && baselines.includes('sm2')) {
        variants.push({ fsrs: 'oracle', w: student.fsrsWeights, against: ['sm2'] });
      }
      let fsrsRunCount = 0;
      const runners = variants.map((v) => {
        const cache = new Map<number, RunMetrics>();
        return (r: number): RunMetrics => {
          const key = Math.round(r * 1e6) / 1e6;
          let m = cache.get(key);
          if (!m) {
            m = simulate(student, v.w ? { kind: 'fsrs', retention: key, w: v.w } : { kind: 'fsrs', retention: key }, cfg);
            cache.set(key, m);
            fsrsRunCount++;
          }
          return m;
        };
      });
      for (const run of runners) for (const r of retentions) runs.push(run(r));
      for (const b of baselines) {
        const m = simulate(student, { kind: b }, cfg);
        runs.push(m);
        variants.forEach((v, i) => {
          const run = runners[i];
          if (run && v.against.includes(b)) perStudentMatched.push(matchFsrs(m, b, v.fsrs, retentions, run, bisectionSteps));
        });
      }
      log(`${model} student ${si + 1}/${nStudents} done (${fsrsRunCount} FSRS runs, ${Math.round(performance.now() - t0)} ms)`);
    }
    const ids = [...new Set(runs.map((r) => r.scheduler))];
    const summary = ids.map((id) => summarise(id, runs.filter((r) => r.scheduler === id)));
    const pairs = [...new Set(perStudentMatched.map((m) => `${m.fsrs}|${m.baseline}`))];
    const matched = pairs.map((key) => {
      const rows = perStudentMatched.filter((m) => `${m.fsrs}|${m.baseline}` === key);
      const first = rows[0] as MatchedStudent;
      return summariseMatched(first.fsrs, first.baseline, rows);
    });
    modelResults.push({ model, students, summary, matched, perStudentMatched, runs });
  }

  const targets = evaluateTargets(modelResults);
  return {
    benchmark: 'scheduling-quality',
    version: 1,
    config: {
      ...cfg,
      seed,
      students: nStudents,
      retentions,
      baselines,
      matchAgainst,
      oracle,
      bisectionSteps,
      paramSigma,
      gradeRule,
      timeCosts: TIME_COSTS,
      gradeThresholds: GRADE_THRESHOLDS,
      remembered: `sum over all cards of the true probability of recall on day ${cfg.days}`,
    },
    models: modelResults,
    targets,
    allTargetsMet: targets.length > 0 && targets.every((t) => t.met),
    runtimeMs: Math.round(performance.now() - t0),
  };
}

/** FSRS's reviews at the desired retention where it remembers as many cards as `base`. */
function matchFsrs(
  base: RunMetrics,
  baseline: Baseline,
  fsrs: FsrsVariant,
  grid: readonly number[],
  runFsrs: (r: number) => RunMetrics,
  steps: number,
): MatchedStudent {
  const target = base.remembered;
  const out: MatchedStudent = {
    seed: base.seed,
    fsrs,
    baseline,
    baselineRemembered: base.remembered,
    baselineReviews: base.reviews,
    baselineMinutes: base.minutes,
    fsrsRetention: null,
    fsrsReviews: null,
    fsrsMinutes: null,
    reviewReduction: null,
    minuteReduction: null,
  };
  const above = (r: number) => runFsrs(r).remembered >= target;
  // Bracket [lo, hi] with remembered(lo) < target <= remembered(hi).
  let lo: number | null = null;
  let hi: number | null = null;
  for (let i = 0; i + 1 < grid.length; i++) {
    const a = grid[i] as number;
    const b = grid[i + 1] as number;
    if (!above(a) && above(b)) {
      lo = a;
      hi = b;
      break;
    }
  }
  if (lo === null || hi === null) {
    const first = grid[0] as number;
    const last = grid[grid.length - 1] as number;
    if (above(first)) {
      hi = first;
      for (const r of RETENTION_EXTENSIONS_DOWN) {
        if (r >= hi) continue;
        if (!above(r)) {
          lo = r;
          break;
        }
        hi = r;
      }
    } else if (!above(last)) {
      lo = last;
      for (const r of RETENTION_EXTENSIONS_UP) {
        if (r <= lo) continue;
        if (above(r)) {
          hi = r;
          break;
        }
        lo = r;
      }
    }
  }
  if (lo === null || hi === null) return out;
  let rLo: number = lo;
  let rHi: number = hi;
  for (let i = 0; i < steps; i++) {
    const mid: number = (rLo + rHi) / 2;
    if (above(mid)) rHi = mid;
    else rLo = mid;
  }
  const a = runFsrs(rLo);
  const b = runFsrs(rHi);
  const span = b.remembered - a.remembered;
  const f = span > 0 ? Math.min(1, Math.max(0, (target - a.remembered) / span)) : 1;
  const lerp = (x: number, y: number) => x + f * (y - x);
  out.fsrsRetention = lerp(rLo, rHi);
  out.fsrsReviews = lerp(a.reviews, b.reviews);
  out.fsrsMinutes = lerp(a.minutes, b.minutes);
  out.reviewReduction = base.reviews > 0 ? 1 - out.fsrsReviews / base.reviews : null;
  out.minuteReduction = base.minutes > 0 ? 1 - out.fsrsMinutes / base.minutes : null;
  return out;
}

function summarise(scheduler: string, runs: RunMetrics[]): SchedulerSummary {
  const med = (f: (r: RunMetrics) => number) => median(runs.map(f));
  return {
    scheduler,
    reviews: med((r) => r.reviews),
    minutes: med((r) => r.minutes),
    remembered: med((r) => r.remembered),
    rememberedAt90: med((r) => r.rememberedAt90),
    reviewsPerRemembered: med((r) => r.reviewsPerRemembered),
    passRate: med((r) => r.passRate),
    lapses: med((r) => r.lapses),
    peakDailyReviews: med((r) => r.peakDailyReviews),
  };
}

function summariseMatched(fsrs: FsrsVariant, baseline: Baseline, rows: MatchedStudent[]): MatchedSummary {
  const ok = rows.filter((r) => r.reviewReduction !== null);
  const vals = (f: (r: MatchedStudent) => number | null) => ok.map((r) => f(r) ?? Number.NaN);
  const red = vals((r) => r.reviewReduction);
  return {
    fsrs,
    baseline,
    students: rows.length,
    unmatched: rows.length - ok.length,
    medianRetention: median(vals((r) => r.fsrsRetention)),
    medianBaselineRemembered: median(rows.map((r) => r.baselineRemembered)),
    medianBaselineReviews: median(rows.map((r) => r.baselineReviews)),
    medianFsrsReviews: median(vals((r) => r.fsrsReviews)),
    medianReviewReduction: median(red),
    minReviewReduction: red.length ? Math.min(...red) : Number.NaN,
    maxReviewReduction: red.length ? Math.max(...red) : Number.NaN,
    medianMinuteReduction: median(vals((r) => r.minuteReduction)),
  };
}

/**
 * The targets: at equal cards remembered, FSRS needs at least 20% fewer reviews than
 * SM-2 under the FSRS-6 truth, and no more reviews than SM-2 under the non-FSRS truth.
 * A student for whom no FSRS retention in 0.5..0.99 matches SM-2 counts against the target.
 */
function evaluateTargets(models: ModelResult[]): TargetResult[] {
  const out: TargetResult[] = [];
  const spec: Record<ModelKind, { threshold: number; description: string }> = {
    fsrs6: { threshold: 0.2, description: 'FSRS-6 truth: FSRS needs >= 20% fewer reviews than SM-2 at equal cards remembered' },
    hlr: { threshold: 0, description: 'Non-FSRS truth: FSRS needs no more reviews than SM-2 at equal cards remembered' },
  };
  for (const m of models) {
    const s = m.matched.find((x) => x.fsrs === 'default' && x.baseline === 'sm2');
    if (!s) continue;
    const { threshold, description } = spec[m.model];
    const value = s.unmatched > 0 || Number.isNaN(s.medianReviewReduction) ? null : s.medianReviewReduction;
    out.push({ id: `${m.model}-vs-sm2`, description, value, threshold, met: value !== null && value >= threshold });
  }
  return out;
}

/** A plain-text report of the results (what bench/sim-run.mjs prints). */
export function formatReport(res: SimulationResults): string {
  const c = res.config;
  const lines: string[] = [];
  const pct = (x: number | null) => (x === null || Number.isNaN(x) ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
  const num = (x: number, w: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a').padStart(w);
  lines.push(
    `Scheduling quality: ${c.nCards} cards, ${c.newPerDay} new/day, ${c.days} days, ${c.students} students per model (seed ${c.seed}); medians over students.`,
    `Time: new card ${c.timeCosts.newCardSec} s, review ${c.timeCosts.reviewSec} s, failed review ${c.timeCosts.lapseSec} s. Remembered = ${c.remembered}.`,
    `Grade rule: ${c.gradeRule}; per-student parameter spread ${c.paramSigma} (log scale). FSRS: ts-fsrs defaults, long-term mode, no fuzz.`,
  );
  for (const m of res.models) {
    lines.push('', `Model ${m.model === 'fsrs6' ? 'fsrs6 (FSRS-6 truth, per-student parameters)' : 'hlr (exponential forgetting, per-card difficulty; not FSRS)'}`);
    lines.push('scheduler          reviews  minutes  remembered  R>=0.9  reviews/remembered  pass rate  peak/day');
    for (const s of m.summary) {
      lines.push(
        `${s.scheduler.padEnd(17)} ${num(s.reviews, 8)} ${num(s.minutes, 8)} ${num(s.remembered, 11, 1)} ${num(s.rememberedAt90, 7)} ${num(s.reviewsPerRemembered, 19, 2)} ${pct(s.passRate).padStart(10)} ${num(s.peakDailyReviews, 9)}`,
      );
    }
    for (const x of m.matched) {
      lines.push(
        `At equal remembered vs ${x.baseline}${x.fsrs === 'oracle' ? ', FSRS given the true parameters (reference)' : ''}: FSRS at r*=${num(x.medianRetention, 0, 3)} needs ${num(x.medianFsrsReviews, 0)} reviews vs ${num(x.medianBaselineReviews, 0)} ` +
          `(remembered ${num(x.medianBaselineRemembered, 0, 1)}): review reduction median ${pct(x.medianReviewReduction).trim()} ` +
          `[min ${pct(x.minReviewReduction).trim()}, max ${pct(x.maxReviewReduction).trim()}], minutes ${pct(x.medianMinuteReduction).trim()}` +
          (x.unmatched ? `, ${x.unmatched} student(s) unmatched` : ''),
      );
    }
  }
  lines.push('', 'Targets:');
  for (const t of res.targets) {
    lines.push(`  [${t.met ? 'met' : 'NOT met'}] ${t.description}: ${pct(t.value).trim()} (threshold ${pct(t.threshold).trim()})`);
  }
  lines.push(`Runtime: ${(res.runtimeMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
