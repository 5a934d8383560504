/**
 * The typed-answer matcher. An answer is compared with the fact's answer and each accepted form,
 * and the best verdict wins:
 *
 * - text: case, accents, punctuation and a leading article are ignored (see normalizeAnswer), and
 *   so are spaces ("Al Qaeda" = "Alqaeda"). Typos are forgiven in proportion to length
 *   (typoTolerance: 0 up to 4 letters, 1 up to 8, 2 beyond), never in digits: the digits must be
 *   exactly the same. One edit beyond the tolerance is a near miss (answers of 3 letters or more).
 * - lists: "Qatar and Turkey" also takes its parts in any order and joined by "and", "&", ",",
 *   ";" or "/" ("Turkey and Qatar", "Qatar & Turkey"); each part matches as text; every part must
 *   be there ("Qatar" alone is wrong).
 * - dates (date facts, and any answer written as a date other than a bare year): the typed date is
 *   read in the common forms (see answer-date.ts; all-number dates are day first) and compared
 *   by value (see compareDates).
 * - numbers: read with their scale word and unit (see answer-number.ts) and compared by value;
 *   "about", "more than" and the like are ignored, a wrong unit or scale is near.
 *
 * When the right answer is a date or a number and the typed text reads as one, that comparison
 * decides for that form: "1.5 billion" is never accepted as a typo of "1.5 million".
 * A typed answer equal to one of the fact's distractors is wrong, whatever the typo tolerance.
 * A near miss counts as wrong; it is only shown differently.
 */
import type { Fact } from '../../deck/types.ts';
import { compareDates, parseDateAnswer, type TypedDate } from './answer-date.ts';
import { compareNumbers, parseNumberAnswer } from './answer-number.ts';
import { digitGroups, editDistance, normalizeAnswer, typoTolerance } from './answer-text.ts';

export type Verdict = 'right' | 'near' | 'wrong';

export interface MatchResult {
  verdict: Verdict;
}

/** What the matcher reads from a fact. Distractors, when given, are never accepted. */
export type MatchableFact = Pick<Fact, 'answer' | 'accept' | 'category' | 'date'> & Partial<Pick<Fact, 'distractors'>>;

const RANK: Record<Verdict, number> = { wrong: 0, near: 1, right: 2 };
const best = (a: Verdict, b: Verdict): Verdict => (RANK[b] > RANK[a] ? b : a);
const compact = (normal: string) => normal.replace(/ /g, '');

/** Plain text comparison of two normal forms. */
function textVerdict(given: string, right: string): Verdict {
  if (!given || !right) return 'wrong';
  if (given === right) return 'right';
  if (digitGroups(given) !== digitGroups(right)) return 'wrong';
  const g = compact(given);
  const r = compact(right);
  if (g === r) return 'right';
  const tolerance = typoTolerance(r.length);
  const d = editDistance(g, r, tolerance + 2);
  if (d <= tolerance) return 'right';
  return d === tolerance + 1 && r.length >= 3 ? 'near' : 'wrong';
}

const LIST_SEPARATOR = /\s*(?:,|;|&|\/|\band\b)\s*/i;
const MAX_LIST_PARTS = 6;

/** The parts of a list answer in normal form, or null when it is not a list of two or more. */
function listParts(s: string): string[] | null {
  if (/\d/.test(s)) return null;
  const parts = s.split(LIST_SEPARATOR).map(normalizeAnswer).filter(Boolean);
  return parts.length >= 2 && parts.length <= MAX_LIST_PARTS ? parts : null;
}

/** The best pairing of given parts with right parts: right if all are right, near if one is near. */
function listVerdict(given: string, right: string): Verdict {
  const r = listParts(right);
  const g = listParts(given);
  if (!r || !g || r.length !== g.length) return 'wrong';
  const scores = g.map((gp) => r.map((rp) => textVerdict(gp, rp)));
  let bestNear = Infinity;
  const assign = (i: number, used: Set<number>, nears: number): void => {
    if (nears >= bestNear || nears > 1) return;
    if (i === g.length) {
      bestNear = nears;
      return;
    }
    r.forEach((_, j) => {
      const v = scores[i]![j]!;
      if (used.has(j) || v === 'wrong') return;
      used.add(j);
      assign(i + 1, used, nears + (v === 'near' ? 1 : 0));
      used.delete(j);
    });
  };
  assign(0, new Set(), 0);
  return bestNear === 0 ? 'right' : bestNear === 1 ? 'near' : 'wrong';
}

const BARE_YEAR = /^\s*\d{1,4}\s*$/;

/**
 * The date a right form stands for: any form of a date fact, a bare year that begins the fact's
 * date, or any form written as a date other than a bare number (a bare number in a number fact is a number).
 */
function dateOf(form: string, fact: MatchableFact): TypedDate | null {
  const d = parseDateAnswer(form);
  if (!d) return null;
  return fact.category === 'date' || !BARE_YEAR.test(form) || fact.date?.startsWith(form.trim()) ? d : null;
}

function formVerdict(input: string, normalInput: string, form: string, fact: MatchableFact): Verdict {
  const rightDate = dateOf(form, fact);
  if (rightDate) {
    const given = parseDateAnswer(input);
    if (given) return compareDates(given, rightDate);
  } else {
    const rightNumber = parseNumberAnswer(form);
    const given = rightNumber && parseNumberAnswer(input);
    if (rightNumber && given) return compareNumbers(given, rightNumber);
  }
  return best(textVerdict(normalInput, normalizeAnswer(form)), listVerdict(input, form));
}

/** Grade a typed answer against a fact. */
export function matchAnswer(input: string, fact: MatchableFact): MatchResult {
  const normalInput = normalizeAnswer(input);
  if (!normalInput) return { verdict: 'wrong' };
  const forms = [fact.answer, ...fact.accept];
  if (forms.some((f) => normalizeAnswer(f) === normalInput)) return { verdict: 'right' };
  const compactInput = compact(normalInput);
  if ((fact.distractors ?? []).some((d) => compact(normalizeAnswer(d)) === compactInput)) return { verdict: 'wrong' };

  let verdict: Verdict = 'wrong';
  for (const form of forms) verdict = best(verdict, formVerdict(input, normalInput, form, fact));
  if (verdict !== 'right' && fact.category === 'date' && fact.date && !forms.some((f) => dateOf(f, fact))) {
    const given = parseDateAnswer(input);
    const right = parseDateAnswer(fact.date);
    if (given && right) verdict = best(verdict, compareDates(given, right));
  }
  return { verdict };
}
