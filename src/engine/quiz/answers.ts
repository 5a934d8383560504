/**
 * What counts as the same answer when building questions: two strings are the same answer when
 * their `answerKey`s are equal (case, accents, punctuation and spacing ignored), the rule the deck
 * validator uses. A distractor with the key of the answer or an accepted form is never shown.
 */
import type { Fact } from '../../deck/types.ts';
import { answerKey } from '../../deck/validate.ts';

/** The keys of the answer and every accepted form. */
export function rightKeys(fact: Pick<Fact, 'answer' | 'accept'>): Set<string> {
  return new Set([fact.answer, ...fact.accept].map(answerKey));
}

/**
 * The fact's distractors that are safe to show: not empty, not the answer or an accepted form,
 * and no two the same answer (the first spelling is kept). Deck order is kept.
 */
export function usableDistractors(fact: Pick<Fact, 'answer' | 'accept' | 'distractors'>): string[] {
  const right = rightKeys(fact);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of fact.distractors) {
    const k = answerKey(d);
    if (!k || right.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}
