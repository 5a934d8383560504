/**
 * Builders for the one-fact formats: multiple choice, typed answer, true/false. Each returns null
 * when the fact cannot make that format (too few usable distractors, no `{answer}` in the statement).
 */
import type { Fact } from '../../deck/types.ts';
import { type Rng, pick, sample, shuffle } from '../random.ts';
import { usableDistractors } from './answers.ts';
import type { ChoiceQuestion, TrueFalseQuestion, TypedQuestion } from './types.ts';

/** Options in a multiple-choice question: the answer and this many distractors. */
export const CHOICE_DISTRACTORS = 3;

export function canChoice(fact: Fact): boolean {
  return usableDistractors(fact).length >= CHOICE_DISTRACTORS;
}

export function canTrueFalse(fact: Fact): boolean {
  return fact.statement.includes('{answer}') && usableDistractors(fact).length >= 1;
}

/** The answer plus three seeded distractors, shuffled. */
export function buildChoice(fact: Fact, rng: Rng, id: string): ChoiceQuestion | null {
  const distractors = usableDistractors(fact);
  if (distractors.length < CHOICE_DISTRACTORS) return null;
  const options = shuffle([fact.answer, ...sample(distractors, CHOICE_DISTRACTORS, rng)], rng);
  return { id, kind: 'choice', factIds: [fact.id], factId: fact.id, prompt: fact.prompt, options, correctIndex: options.indexOf(fact.answer) };
}

/** Longest answer asked for as a typed answer: names, numbers, dates, short terms. */
export const TYPED_MAX_CHARS = 28;
export const TYPED_MAX_WORDS = 3;

/**
 * Whether a fact makes a fair typed question: a short answer (nobody types a whole phrase exactly),
 * or no distractors at all (the student's own decks), where typing is the only format left.
 */
export function canTyped(fact: Fact): boolean {
  const a = fact.answer.trim();
  return (a.length <= TYPED_MAX_CHARS && a.split(/\s+/).length <= TYPED_MAX_WORDS) || usableDistractors(fact).length === 0;
}

export function buildTyped(fact: Fact, id: string): TypedQuestion {
  return { id, kind: 'typed', factIds: [fact.id], factId: fact.id, prompt: fact.prompt };
}

/** Fill the statement with a value; a value may itself contain `$`, so no replacement patterns are used. */
export function fillStatement(statement: string, value: string): string {
  return statement.split('{answer}').join(value);
}

/** True with the answer, false with a seeded distractor, each half the time. */
export function buildTrueFalse(fact: Fact, rng: Rng, id: string): TrueFalseQuestion | null {
  if (!canTrueFalse(fact)) return null;
  const isTrue = rng() < 0.5;
  const shown = isTrue ? fact.answer : pick(usableDistractors(fact), rng);
  return {
    id,
    kind: 'truefalse',
    factIds: [fact.id],
    factId: fact.id,
    statement: fillStatement(fact.statement, shown),
    shown,
    isTrue,
    correctAnswer: fact.answer,
  };
}
