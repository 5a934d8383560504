/**
 * Ground-truth memory models: what the simulated student really remembers. Schedulers never
 * see these states; they only see the grades the student gives.
 *
 * Two models, so that FSRS is tested both on its own turf and off it:
 *
 * (a) `fsrs6` — FSRS-6 as the truth, with parameters that differ per student.
 *     Forgetting curve R(t, S) = (1 + factor · t / S)^(-w20), factor = 0.9^(-1/w20) - 1
 *     (so R(S, S) = 0.9). Memory state (D, S) starts from the first grade G:
 *     S0 = w[G-1], D0 = w4 - e^{w5 (G-1)} + 1, and after a review at elapsed t with true
 *     retrievability R evolves with the FSRS-6 long-term updates: on success
 *     S' = S · (1 + e^{w8} (11 - D) S^{-w9} (e^{w10 (1-R)} - 1) · w15[Hard] · w16[Easy]),
 *     on failure S' = min(S, w11 D^{-w12} ((S+1)^{w13} - 1) e^{w14 (1-R)}), and
 *     D' = w7 D0(Easy) + (1 - w7)(D + Δ(10 - D)/9) with Δ = -w6 (G - 3).
 *     These are evaluated with ts-fsrs's own FSRSAlgorithm#next_state and forgetting_curve
 *     (enable_short_term: false, since the simulation is day-level), fed with the student's
 *     parameters: each of the 21 ts-fsrs defaults multiplied by exp(0.2 · N(0,1)) drawn per
 *     student, then clipped to ts-fsrs's legal ranges. The first grade of a new card is drawn
 *     from FSRS's published default first-rating distribution (Again 24%, Hard 9.4%,
 *     Good 49.5%, Easy 17.1%). The scheduler under test uses the unperturbed defaults (as the
 *     app does: it does not optimise parameters per user), so under this model FSRS has the
 *     right model family but not the student's parameters.
 *
 * (b) `hlr` — not FSRS: exponential forgetting with a multiplicative half-life (in the spirit
 *     of half-life regression, Settles & Meeder 2016) and per-card difficulty.
 *     p(t) = 2^(-t / h), h the half-life in days. Card i has difficulty δi ~ N(0, 0.6) and the
 *     student an ability a ~ N(0, 0.25); let k_i = e^{a - δi}.
 *     First exposure: the student is tested right after studying the card and succeeds with
 *     probability p1 = sigmoid(1.15 + a - 1.5 δi) (about 76% for an average card); the grade
 *     follows the usual grade rule at p1. The half-life starts at h0_i = H0 · k_i, times 0.35
 *     if that first attempt failed.
 *     Review at elapsed t: p = 2^(-t/h). Success multiplies the half-life by
 *     1 + A · k_i · (1 - p): a spacing effect in which a harder (later) successful retrieval
 *     strengthens memory more, growing linearly in the recall's difficulty, without the
 *     stability saturation (S^-w9) or difficulty term (11 - D) of FSRS. Failure shrinks it:
 *     h' = max(0.35 · h0_i, φ · h) (forgetting keeps some savings; a relearned card is never
 *     worse than one failed at first exposure). Per-student: H0 = 7 · e^{0.2 N} days,
 *     A = 15 · e^{0.2 N}, φ = 0.3 · e^{0.2 N}. The grade reflects only p (through the shared
 *     grade rule); Hard/Easy carry no extra memory effect in this model.
 *     These constants were chosen a priori for plausibility (about 90% recall one day after a
 *     first good exposure; roughly 2.5× half-life growth per successful review at p = 0.9),
 *     not fitted to any data and not tuned to favour a scheduler.
 */
import { FSRSAlgorithm, clipParameters, default_w, forgetting_curve, type Grade as FsrsGrade } from 'ts-fsrs';
import { Rng, hash32, pickCategorical } from './prng.ts';
import { drawGrade, reviewGrade, type Grade, type GradeRule } from './student.ts';

export type ModelKind = 'fsrs6' | 'hlr';

export const MODEL_KINDS: readonly ModelKind[] = ['fsrs6', 'hlr'];

/** A student's memory of a deck during one simulation run (mutable). */
export interface Memory {
  /** First exposure of `card` on `day`: draws two uniforms from `rng`, returns the grade given. */
  introduce(card: number, day: number, rng: Rng): Grade;
  /** A review of an introduced `card` on `day`: draws the recall, updates the truth, returns the grade. */
  review(card: number, day: number, rng: Rng): Grade;
  /** True probability of recalling `card` on `day` (0 for a card never introduced). */
  recall(card: number, day: number): number;
}

/** A simulated student: a memory model with that student's parameters. */
export interface Student {
  readonly model: ModelKind;
  readonly seed: number;
  /** The student's ground-truth parameters, for the report. */
  readonly params: Readonly<Record<string, number | readonly number[]>>;
  /** The student's true FSRS parameters, when the truth is FSRS (for the oracle scheduler). */
  readonly fsrsWeights?: readonly number[];
  /** A fresh memory (nothing learned yet) for a deck of `nCards`. */
  createMemory(nCards: number): Memory;
}

/** FSRS's default distribution of the first grade of a new card (Again, Hard, Good, Easy). */
export const FIRST_RATING_PROB: readonly number[] = [0.24, 0.094, 0.495, 0.171];

/** Log-scale spread of the per-student FSRS-6 parameters around the ts-fsrs defaults. */
export const DEFAULT_PARAM_SIGMA = 0.2;

export interface StudentOptions {
  /** Spread of the per-student parameters (log scale). Default {@link DEFAULT_PARAM_SIGMA}. */
  paramSigma?: number;
  /** How passed reviews are graded (see student.ts). Default 'confidence'. */
  gradeRule?: GradeRule;
}

const STUDENT_STREAM = 0x57d1;
const CARD_TRAIT_STREAM = 0xca2d;

export function createStudent(model: ModelKind, seed: number, opts: StudentOptions = {}): Student {
  const sigma = opts.paramSigma ?? DEFAULT_PARAM_SIGMA;
  const rule = opts.gradeRule ?? 'confidence';
  return model === 'fsrs6' ? fsrs6Student(seed, sigma, rule) : hlrStudent(seed, sigma, rule);
}

// ---------------------------------------------------------------------------------------------
// (a) FSRS-6 ground truth

/** The per-student FSRS-6 parameters: defaults × exp(sigma · N(0,1)), clipped to legal ranges. */
export function perturbedFsrsParameters(seed: number, sigma: number): number[] {
  const rng = new Rng(hash32(seed, STUDENT_STREAM, 1));
  const raw = default_w.map((w) => w * Math.exp(sigma * rng.normal()));
  return clipParameters(raw, 0, false);
}

function fsrs6Student(seed: number, sigma: number, rule: GradeRule): Student {
  const alg = new FSRSAlgorithm({ w: perturbedFsrsParameters(seed, sigma), enable_short_term: false, enable_fuzz: false });
  // The algorithm may re-clip; read back what it really uses.
  const w: readonly number[] = [...alg.parameters.w];
  return {
    model: 'fsrs6',
    seed,
    params: { w },
    fsrsWeights: w,
    createMemory(nCards: number): Memory {
      const s = new Float64Array(nCards);
      const d = new Float64Array(nCards);
      const last = new Int32Array(nCards).fill(-1);
      return {
        introduce(card, day, rng) {
          const g = (pickCategorical(FIRST_RATING_PROB, rng.next()) + 1) as Grade;
          rng.next(); // keep two uniforms per event
          const st = alg.next_state(null, 0, g as FsrsGrade);
          s[card] = st.stability;
          d[card] = st.difficulty;
          last[card] = day;
          return g;
        },
        review(card, day, rng) {
          const t = day - (last[card] ?? 0);
          const stab = s[card] ?? 0;
          const r = forgetting_curve(w, t, stab);
          const g = reviewGrade(r, rng, rule);
          const st = alg.next_state({ difficulty: d[card] ?? 0, stability: stab }, t, g as FsrsGrade, r);
          s[card] = st.stability;
          d[card] = st.difficulty;
          last[card] = day;
          return g;
        },
        recall(card, day) {
          const l = last[card] ?? -1;
          if (l < 0) return 0;
          return forgetting_curve(w, day - l, s[card] ?? 0);
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Exponential forgetting with multiplicative half-life and per-card difficulty

/** Constants of the `hlr` model; see the module comment. */
export const HLR = Object.freeze({
  /** Median half-life after a successful first exposure, days. */
  h0: 7,
  /** Half-life multiplier when the first exposure fails (also the floor after a lapse, × h0_i). */
  firstFailFactor: 0.35,
  /** Median spacing-effect gain A in h' = h (1 + A k (1 - p)). */
  gain: 15,
  /** Median fraction of the half-life kept after a lapse. */
  lapseKeep: 0.3,
  /** Spread of card difficulty δ (log scale). */
  cardSpread: 0.6,
  /** Spread of student ability a (log scale). */
  abilitySpread: 0.25,
  /** Logit of first-exposure success for an average card, and its slope in δ. */
  firstLogit: 1.15,
  firstSlope: 1.5,
  /** Upper bound on h (days), only to keep numbers finite. */
  maxHalfLife: 1e6,
});

function hlrStudent(seed: number, sigma: number, rule: GradeRule): Student {
  const rng = new Rng(hash32(seed, STUDENT_STREAM, 2));
  const ability = HLR.abilitySpread * rng.normal();
  const h0 = HLR.h0 * Math.exp(sigma * rng.normal());
  const gain = HLR.gain * Math.exp(sigma * rng.normal());
  const lapseKeep = Math.min(0.9, HLR.lapseKeep * Math.exp(sigma * rng.normal()));
  /** Card difficulty δi: its own stream, so it does not depend on the deck size. */
  const difficulty = (card: number) => HLR.cardSpread * new Rng(hash32(seed, CARD_TRAIT_STREAM, card)).normal();
  return {
    model: 'hlr',
    seed,
    params: { ability, h0, gain, lapseKeep },
    createMemory(nCards: number): Memory {
      const h = new Float64Array(nCards);
      const hInit = new Float64Array(nCards);
      const k = new Float64Array(nCards);
      const last = new Int32Array(nCards).fill(-1);
      return {
        introduce(card, day, r) {
          const delta = difficulty(card);
          const kc = Math.exp(ability - delta);
          const p1 = 1 / (1 + Math.exp(-(HLR.firstLogit + ability - HLR.firstSlope * delta)));
          const u1 = r.next();
          const u2 = r.next();
          const g = drawGrade(p1, u1, u2, rule);
          k[card] = kc;
          hInit[card] = h0 * kc;
          h[card] = h0 * kc * (g === 1 ? HLR.firstFailFactor : 1);
          last[card] = day;
          return g;
        },
        review(card, day, r) {
          const t = day - (last[card] ?? 0);
          const hc = h[card] ?? 1;
          const p = Math.pow(2, -t / hc);
          const g = reviewGrade(p, r, rule);
          h[card] =
            g === 1
              ? Math.max(HLR.firstFailFactor * (hInit[card] ?? 1), lapseKeep * hc)
              : Math.min(HLR.maxHalfLife, hc * (1 + gain * (k[card] ?? 1) * (1 - p)));
          last[card] = day;
          return g;
        },
        recall(card, day) {
          const l = last[card] ?? -1;
          if (l < 0) return 0;
          return Math.pow(2, -(day - l) / (h[card] ?? 1));
        },
      };
    },
  };
}
