/**
 * Quiz questions, configuration and responses. A question carries everything the view needs to
 * show it and everything `gradeResponse` needs to grade it, except a typed answer's accepted
 * forms, which stay on the fact (the matcher reads them there).
 */
import type { Fact } from '../../deck/types.ts';

export const QUIZ_KINDS = ['choice', 'typed', 'truefalse', 'order', 'match'] as const;
/** The question formats. */
export type QuizKind = (typeof QUIZ_KINDS)[number];

/** How many facts one question of each kind tests. */
export const FACTS_PER_QUESTION: Record<QuizKind, number> = { choice: 1, typed: 1, truefalse: 1, order: 4, match: 4 };

interface QuestionBase {
  /** Unique within its quiz. */
  id: string;
  kind: QuizKind;
  /** The facts this question tests (one, or four for order and match). */
  factIds: string[];
}

/** Multiple choice: the answer and three distractors, shuffled; exactly one option is right. */
export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  factId: string;
  prompt: string;
  options: string[];
  correctIndex: number;
}

/** Type the answer; graded by the tolerant matcher against the fact's answer and accepted forms. */
export interface TypedQuestion extends QuestionBase {
  kind: 'typed';
  factId: string;
  prompt: string;
}

/** The fact's statement with either its answer (true) or one of its distractors (false) filled in. */
export interface TrueFalseQuestion extends QuestionBase {
  kind: 'truefalse';
  factId: string;
  /** The statement as shown. */
  statement: string;
  /** What was put in place of `{answer}`. */
  shown: string;
  isTrue: boolean;
  /** The fact's answer, shown after a false statement. */
  correctAnswer: string;
}

export interface OrderItem {
  factId: string;
  cue: string;
  /** ISO date with its precision; shown only after answering. */
  date: string;
}

/** Four dated events, shown shuffled, to be put in chronological order (earliest first). */
export interface OrderQuestion extends QuestionBase {
  kind: 'order';
  prompt: string;
  /** In the order shown (shuffled). */
  items: OrderItem[];
  /** Fact ids, earliest first. The dates never overlap at their precisions, so this order is the only right one. */
  correctOrder: string[];
}

export interface MatchPair {
  factId: string;
  cue: string;
  answer: string;
}

/** Four cues (left, in order) to be matched with four answers (right, shuffled). */
export interface MatchQuestion extends QuestionBase {
  kind: 'match';
  prompt: string;
  left: { factId: string; cue: string }[];
  /** The answers, shuffled. */
  right: string[];
  /** The truth, in the order of `left`. */
  pairs: MatchPair[];
}

export type Question = ChoiceQuestion | TypedQuestion | TrueFalseQuestion | OrderQuestion | MatchQuestion;

export interface QuizConfig {
  /** Any string; the same facts and seed always give the same quiz. */
  seed: string;
  /** Number of questions, or 'all' to test every fact once. Each fact is used at most once per quiz. */
  count: number | 'all';
  /** Allowed formats, at least one. A format that cannot be built for the facts left falls back (see generateQuiz). */
  formats: readonly QuizKind[];
  /** Restrict the quiz to these facts; all given facts when absent. */
  factIds?: readonly string[];
}

export interface ChoiceResponse {
  kind: 'choice';
  index: number;
}
export interface TypedResponse {
  kind: 'typed';
  text: string;
}
export interface TrueFalseResponse {
  kind: 'truefalse';
  value: boolean;
}
export interface OrderResponse {
  kind: 'order';
  /** Fact ids in the order the student put them, earliest first. */
  order: string[];
}
export interface MatchResponse {
  kind: 'match';
  /** For each left item (same order), the index in `right` chosen for it, or null if none. */
  chosen: (number | null)[];
}

/** What the student answered. `null` where a response is expected means no answer (time ran out). */
export type Response = ChoiceResponse | TypedResponse | TrueFalseResponse | OrderResponse | MatchResponse;

export interface GradeResult {
  /** The whole question right. */
  correct: boolean;
  /** A typed answer that was almost right (counts as wrong, shown as a near miss). */
  near?: boolean;
  /** The right answer, readable, for the review of mistakes. */
  expected: string;
  /** Per tested fact: right or not (order and match test four facts, each graded on its own). */
  byFact: { factId: string; correct: boolean }[];
}

/** Facts by id, or a list of facts. */
export type FactLookup = ReadonlyMap<string, Fact> | readonly Fact[];

/** A quiz configuration or response that cannot be used; the message says what and why. */
export class QuizError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuizError';
  }
}
