/**
 * Quiz generation: pure and deterministic. The same facts (in any order) and the same seed always
 * give a deep-equal quiz; every question has exactly one right answer.
 */
import type { Fact } from '../../deck/types.ts';
import { type Rng, createRng, shuffle } from '../random.ts';
import { buildMatch, buildOrder, createSetFinders } from './groups.ts';
import { buildChoice, buildTrueFalse, buildTyped, canTyped } from './single.ts';
import { QUIZ_KINDS, QuizError, type Question, type QuizConfig, type QuizKind } from './types.ts';

/** One-fact formats to fall back on, most preferred first. */
const FALLBACKS: readonly QuizKind[] = ['choice', 'truefalse', 'typed'];

function checkConfig(config: QuizConfig): QuizKind[] {
  const { count, formats } = config;
  if (count !== 'all' && (!Number.isInteger(count) || count < 0)) {
    throw new QuizError(`quiz count must be a whole number of at least 0 or 'all', got ${String(count)}`);
  }
  const unknown = formats.filter((k) => !(QUIZ_KINDS as readonly string[]).includes(k));
  if (unknown.length) throw new QuizError(`unknown quiz formats: ${unknown.join(', ')}`);
  if (formats.length === 0) throw new QuizError('a quiz needs at least one format');
  return [...new Set(formats)];
}

/** The facts to draw from: restricted to `factIds` if given, one per id, sorted by id so input order does not matter. */
function selectFacts(facts: readonly Fact[], factIds: readonly string[] | undefined): Fact[] {
  const wanted = factIds ? new Set(factIds) : null;
  const byId = new Map<string, Fact>();
  for (const f of facts) if ((!wanted || wanted.has(f.id)) && !byId.has(f.id)) byId.set(f.id, f);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** State of one quiz's generation besides the facts left. */
interface Builder {
  rng: Rng;
  finders: ReturnType<typeof createSetFinders>;
  /** Four-fact formats found impossible: the pool only shrinks, so they stay impossible for this quiz. */
  exhausted: Set<QuizKind>;
}

function tryKind(kind: QuizKind, remaining: readonly Fact[], { rng, finders, exhausted }: Builder, id: string): Question | null {
  const head = remaining[0];
  if (!head || exhausted.has(kind)) return null;
  switch (kind) {
    case 'choice':
      return buildChoice(head, rng, id);
    case 'typed':
      return canTyped(head) ? buildTyped(head, id) : null;
    case 'truefalse':
      return buildTrueFalse(head, rng, id);
    case 'order': {
      const set = finders.order(remaining);
      if (!set) exhausted.add(kind);
      return set && buildOrder(set, rng, id);
    }
    case 'match': {
      const set = finders.match(remaining);
      if (!set) exhausted.add(kind);
      return set && buildMatch(set, rng, id);
    }
  }
}

/**
 * Build the wanted format; if it cannot be built from the facts left, fall back to the allowed
 * one-fact formats (choice, then true/false, then typed), then to choice, then to typed, each for
 * the first fact left; as a last resort a typed question even for a long answer (always possible).
 */
function buildQuestion(wanted: QuizKind, allowed: readonly QuizKind[], remaining: readonly Fact[], builder: Builder, id: string): Question {
  const order = [wanted, ...FALLBACKS.filter((k) => allowed.includes(k)), 'choice', 'typed'] as const;
  for (const kind of order) {
    const q = tryKind(kind, remaining, builder, id);
    if (q) return q;
  }
  const head = remaining[0];
  if (head) return buildTyped(head, id);
  throw new QuizError('no facts left to build a question from');
}

/**
 * Generate a quiz.
 *
 * - Facts are shuffled by the seed; each is used at most once. `count: 'all'` tests every fact
 *   once (order and match questions test four at a time); a number is the number of questions,
 *   fewer if the facts run out.
 * - Formats are dealt round-robin from a seeded shuffle of `config.formats`; a format that cannot be
 *   built for the facts left falls back as `buildQuestion` says.
 * - Question ids are `q1`, `q2`, ... in quiz order.
 *
 * @throws QuizError on a count that is not a whole number >= 0 or 'all', or on no or unknown formats
 */
export function generateQuiz(facts: readonly Fact[], config: QuizConfig): Question[] {
  const formats = checkConfig(config);
  const rng = createRng('quiz', config.seed);
  let remaining = shuffle(selectFacts(facts, config.factIds), rng);
  const cycle = shuffle(formats, rng);
  const limit = config.count === 'all' ? Infinity : config.count;
  const questions: Question[] = [];
  const builder: Builder = { rng, finders: createSetFinders(), exhausted: new Set() };
  while (remaining.length > 0 && questions.length < limit) {
    const wanted = cycle[questions.length % cycle.length]!;
    const q = buildQuestion(wanted, formats, remaining, builder, `q${questions.length + 1}`);
    questions.push(q);
    const used = new Set(q.factIds);
    remaining = remaining.filter((f) => !used.has(f.id));
  }
  return questions;
}
