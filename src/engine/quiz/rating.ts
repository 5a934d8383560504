/**
 * From a quiz answer to an FSRS grade. Quiz answers feed the same scheduler as study answers, but
 * a quiz answer is weaker evidence of recall than a study card answered from memory, so:
 *
 * - Wrong, near (a near miss is still wrong), or no answer within the limit: 1 Again. The student
 *   did not produce the answer; FSRS should treat it as a lapse like any forgotten card.
 * - Right after more than SLOW_FRACTION (75%) of the question's time limit: 2 Hard. The answer was
 *   found, but with effort or by elimination, which is what Hard means.
 * - Right on a true/false question: 2 Hard. Half of all blind guesses are right, so a right answer
 *   says little; Hard still counts as a success (no lapse, stability grows a little) without
 *   letting a coin flip push the card weeks away.
 * - Right otherwise: 3 Good. Multiple choice (a 1-in-4 guess), order and match are recognition,
 *   typed is recall; all are solid evidence at the normal step.
 * - Never 4 Easy: a quiz runs against a clock and mostly asks for recognition, which is easier than
 *   the free recall a study card asks for; Easy is left to the student's own judgement in study.
 *
 * Order and match questions are rated per fact, with the fact's own `correct`.
 */
import type { Grade } from '../types.ts';
import type { QuizKind } from './types.ts';

/** Past this share of the time limit, a right answer is rated Hard. */
export const SLOW_FRACTION = 0.75;

export interface QuizAnswerFacts {
  kind: QuizKind;
  correct: boolean;
  near?: boolean;
  /** Time taken on the question, ms. */
  elapsedMs: number;
  /** The per-question time limit, ms; null, undefined, 0 or Infinity for no limit. */
  limitMs?: number | null;
}

export function quizGrade({ kind, correct, near = false, elapsedMs, limitMs }: QuizAnswerFacts): Grade {
  const timed = typeof limitMs === 'number' && limitMs > 0 && Number.isFinite(limitMs);
  if (!correct || near) return 1;
  if (timed && elapsedMs > limitMs) return 1;
  if (timed && elapsedMs > SLOW_FRACTION * limitMs) return 2;
  if (kind === 'truefalse') return 2;
  return 3;
}
