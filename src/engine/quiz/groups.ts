/**
 * Builders for the four-fact formats. A set is searched among the facts not yet used, trying each
 * fact in (seeded) turn as the first member and adding the next compatible ones greedily.
 *
 * - order: four dated facts whose periods never overlap (see timeline.ts) and whose cues differ.
 * - match: four facts of one category whose answers and accepted forms are all different answers
 *   (by answerKey) and whose cues differ, so each cue has exactly one right partner.
 */
import type { Fact } from '../../deck/types.ts';
import { answerKey } from '../../deck/validate.ts';
import { type Rng, shuffle } from '../random.ts';
import { rightKeys } from './answers.ts';
import { byDate, clearlyOrdered, dateSpan, type DaySpan } from './timeline.ts';
import type { MatchQuestion, OrderQuestion } from './types.ts';

export const GROUP_SIZE = 4;

/**
 * The first set of GROUP_SIZE facts from `pool` (in pool order) such that `fits(member, chosen)`
 * holds for each member against those chosen before it, or null.
 */
function findSet<T>(pool: readonly Fact[], prepare: (f: Fact) => T | null, fits: (x: T, chosen: readonly T[]) => boolean, factOf: (x: T) => Fact): Fact[] | null {
  const ready: T[] = [];
  for (const f of pool) {
    const x = prepare(f);
    if (x !== null) ready.push(x);
  }
  for (let a = 0; a < ready.length; a++) {
    const chosen: T[] = [ready[a]!];
    for (let i = 0; i < ready.length && chosen.length < GROUP_SIZE; i++) {
      if (i === a) continue;
      const x = ready[i]!;
      if (fits(x, chosen)) chosen.push(x);
    }
    if (chosen.length === GROUP_SIZE) return chosen.map(factOf);
  }
  return null;
}

/** Memoize a per-fact computation for the life of one finder (facts do not change while a quiz is built). */
function perFact<T>(compute: (f: Fact) => T): (f: Fact) => T {
  const cache = new WeakMap<Fact, T>();
  return (f) => {
    if (cache.has(f)) return cache.get(f) as T;
    const v = compute(f);
    cache.set(f, v);
    return v;
  };
}

interface Dated {
  fact: Fact;
  span: DaySpan;
  cue: string;
}

/** What an order question needs of a fact, or null when it has no valid date or no cue. */
/** Only date cards take part in timeline questions: their cues name events; other cards' cues are labels. */
function toDated(fact: Fact): Dated | null {
  if (fact.category !== 'date') return null;
  const span = dateSpan(fact);
  const cue = answerKey(fact.cue);
  return span && cue ? { fact, span, cue } : null;
}

/** Four facts that can only be put in one chronological order, or null. */
export function findOrderSet(pool: readonly Fact[], prepare: (f: Fact) => Dated | null = toDated): Fact[] | null {
  return findSet<Dated>(
    pool,
    prepare,
    (x, chosen) => chosen.every((c) => c.cue !== x.cue && clearlyOrdered(c.span, x.span)),
    (x) => x.fact,
  );
}

interface Matchable {
  fact: Fact;
  /** Keys of the answer and accepted forms (a handful: a list is faster than a Set here). */
  right: string[];
  cue: string;
}

/** What a match question needs of a fact, or null when it has no cue or no answer. */
function toMatchable(fact: Fact): Matchable | null {
  const cue = answerKey(fact.cue);
  return cue && answerKey(fact.answer) ? { fact, right: [...rightKeys(fact)], cue } : null;
}

/** Four facts of one category that pair up with their answers in exactly one way, or null. */
export function findMatchSet(pool: readonly Fact[], prepare: (f: Fact) => Matchable | null = toMatchable): Fact[] | null {
  return findSet<Matchable>(
    pool,
    prepare,
    (x, chosen) =>
      chosen.every((c) => c.fact.category === x.fact.category && c.cue !== x.cue && !x.right.some((k) => c.right.includes(k))),
    (x) => x.fact,
  );
}

/**
 * Set finders for one quiz: each fact is prepared (date span, answer keys) once, however many
 * times the finders search the shrinking pool.
 */
export function createSetFinders(): { order: (pool: readonly Fact[]) => Fact[] | null; match: (pool: readonly Fact[]) => Fact[] | null } {
  const dated = perFact(toDated);
  const matchable = perFact(toMatchable);
  return { order: (pool) => findOrderSet(pool, dated), match: (pool) => findMatchSet(pool, matchable) };
}

export function buildOrder(facts: readonly Fact[], rng: Rng, id: string): OrderQuestion {
  const items = shuffle(facts, rng).map((f) => ({ factId: f.id, cue: f.cue, date: f.date ?? '' }));
  return {
    id,
    kind: 'order',
    factIds: facts.map((f) => f.id),
    prompt: 'Put these events in order, earliest first.',
    items,
    correctOrder: [...facts].sort(byDate).map((f) => f.id),
  };
}

export function buildMatch(facts: readonly Fact[], rng: Rng, id: string): MatchQuestion {
  const pairs = facts.map((f) => ({ factId: f.id, cue: f.cue, answer: f.answer }));
  return {
    id,
    kind: 'match',
    factIds: facts.map((f) => f.id),
    prompt: 'Match each item with its answer.',
    left: pairs.map(({ factId, cue }) => ({ factId, cue })),
    right: shuffle(pairs.map((p) => p.answer), rng),
    pairs,
  };
}
