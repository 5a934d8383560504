/**
 * How a simulated student behaves at a review, independent of the memory model and of the
 * scheduler: how a recall is drawn, which button is pressed, and how long it takes.
 *
 * Assumptions (stated once, used by every model and every scheduler alike):
 *
 * - Recall. At a review the student recalls the card with probability p, the ground-truth
 *   model's probability of recall for that card on that day: recalled iff u1 < p, u1 uniform.
 * - Grade. A failed recall is graded Again. A successful one is graded by how easy it felt:
 *   the student's felt confidence is logit(p) + e, with e drawn from the standard logistic
 *   distribution (u2 uniform, e = ln(u2 / (1 - u2))). Confidence below logit(0.6) gives Hard,
 *   above logit(0.98) gives Easy, anything between gives Good. So Hard is likely when p < 0.6
 *   and Easy when p > 0.98, with a soft boundary; at p = 0.9 the mix of passing grades is
 *   about 15% Hard, 70% Good, 15% Easy, near what Anki users press at 90% retention.
 * - Every review draws exactly two uniforms from the card's own stream (even when the second
 *   is not needed), so the k-th review of a card sees the same random numbers whichever
 *   scheduler is running: common random numbers, which make scheduler comparisons much less
 *   noisy than independent runs.
 * - Time. A new card (first exposure, including any same-day learning steps) costs
 *   {@link TIME_COSTS}.newCardSec = 20 s; a passed review 8 s; a failed review 20 s (8 s for
 *   the attempt plus 12 s for re-reading the answer and the same-day relearning step). Same-day
 *   learning and relearning steps are not simulated as separate reviews for any scheduler:
 *   the simulation works in whole days, one review per card per day at most.
 */
import type { Rng } from './prng.ts';

/** 1 Again, 2 Hard, 3 Good, 4 Easy (the same numbers as ts-fsrs's Rating). */
export type Grade = 1 | 2 | 3 | 4;

/** Seconds per event; see the module comment. */
export const TIME_COSTS = Object.freeze({ newCardSec: 20, reviewSec: 8, lapseSec: 20 });

/** Felt-confidence thresholds (as probabilities) for Hard and Easy. */
export const GRADE_THRESHOLDS = Object.freeze({ hard: 0.6, easy: 0.98 });

const logit = (p: number) => Math.log(p / (1 - p));
const clampP = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));
const HARD_LOGIT = logit(GRADE_THRESHOLDS.hard);
const EASY_LOGIT = logit(GRADE_THRESHOLDS.easy);

/**
 * How a passed review is graded:
 * - `confidence` (default): by felt confidence logit(p) + logistic noise, see the module comment.
 * - `fixed`: Hard/Good/Easy with fixed probabilities 22.4% / 63.2% / 14.4% whatever p was
 *   (the defaults of the FSRS optimizer's own simulator). Used as a sensitivity check: under
 *   the FSRS-6 truth, Hard and Easy change stability (w15, w16), so a grade that depends on p
 *   makes early reviews earn Easy bonuses and late ones Hard penalties.
 */
export type GradeRule = 'confidence' | 'fixed';

export const FIXED_PASS_GRADE_PROB: readonly number[] = [0.224, 0.632, 0.144];

/**
 * The grade for a review at recall probability `p`, given the two uniforms `u1` (recall) and
 * `u2` (confidence noise, or the grade draw under the `fixed` rule).
 */
export function drawGrade(p: number, u1: number, u2: number, rule: GradeRule = 'confidence'): Grade {
  if (!(u1 < p)) return 1;
  if (rule === 'fixed') {
    const [hard = 0, good = 0] = FIXED_PASS_GRADE_PROB;
    return u2 < hard ? 2 : u2 < hard + good ? 3 : 4;
  }
  const q = Math.min(1 - 1e-12, Math.max(1e-12, u2));
  const confidence = logit(clampP(p)) + Math.log(q / (1 - q));
  if (confidence < HARD_LOGIT) return 2;
  if (confidence > EASY_LOGIT) return 4;
  return 3;
}

/** Draws the two uniforms of one review from `rng` and returns the grade. */
export function reviewGrade(p: number, rng: Rng, rule: GradeRule = 'confidence'): Grade {
  const u1 = rng.next();
  const u2 = rng.next();
  return drawGrade(p, u1, u2, rule);
}
