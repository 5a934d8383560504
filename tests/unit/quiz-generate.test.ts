import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import type { Category, Fact } from '../../src/deck/types';
import { answerKey } from '../../src/deck/validate';
import { dateSortKey } from '../../src/deck/dates';
import { loadDeckFiles } from '../../src/deck/load';
import { readDeckDir } from '../../vite/decks-plugin';
import { generateQuiz } from '../../src/engine/quiz/generate';
import { matchAnswer } from '../../src/engine/quiz/match';
import { QUIZ_KINDS, QuizError, type Question, type QuizConfig, type QuizKind } from '../../src/engine/quiz/types';

// ---- fixtures -------------------------------------------------------------------------------

function fact(id: string, category: Category, answer: string, extra: Partial<Fact> = {}): Fact {
  return {
    id,
    category,
    prompt: `Question about ${id}?`,
    answer,
    accept: [],
    distractors: [`${answer} A`, `${answer} B`, `${answer} C`],
    explanation: 'Fixture fact used by the quiz tests.',
    cue: `Cue for ${id}`,
    statement: `The answer for ${id} is {answer}.`,
    sources: [{ source: 'fixture', evidence: 'three words here' }],
    tags: [],
    related: [],
    ...extra,
  };
}

const dated = (id: string, date: string, extra: Partial<Fact> = {}) =>
  fact(id, 'date', date, { date, distractors: ['1066', '1492', '1815', '1914'], cue: `Event ${id}`, ...extra });

/** Dates chosen so that several pairs could be the same time at their precisions. */
const DATED: Fact[] = [
  dated('date-durand', '1893'),
  dated('date-partition', '1947'),
  dated('date-ttp-founded', '2007-12'),
  dated('date-2021', '2021'),
  dated('date-2021-08', '2021-08'),
  dated('date-kabul-falls', '2021-08-15'),
  dated('date-2025', '2025'),
  dated('date-2025-10', '2025-10'),
  dated('date-doha-ceasefire', '2025-10-19'),
  dated('date-istanbul-talks', '2025-10-25', { circa: true }),
  dated('date-open-war', '2026-02-27'),
  dated('date-2026-02', '2026-02'),
];

const OTHERS: Fact[] = [
  fact('actor-asif', 'actor', 'Khawaja Asif', { distractors: ['Ishaq Dar', 'Shehbaz Sharif', 'Asim Munir'] }),
  fact('actor-muttaqi', 'actor', 'Amir Khan Muttaqi', { distractors: ['Sirajuddin Haqqani', 'Hibatullah Akhundzada', 'Zabihullah Mujahid'] }),
  fact('actor-munir', 'actor', 'Asim Munir', { distractors: ['Qamar Javed Bajwa', 'Khawaja Asif', 'Imran Khan'] }),
  fact('actor-khan', 'actor', 'Imran Khan', { distractors: ['Nawaz Sharif', 'Asif Ali Zardari', 'Shehbaz Sharif'] }),
  // Same answer as actor-khan (another prompt): the two can never share a match question.
  fact('actor-khan-again', 'actor', 'imran khan', { cue: 'Prime minister in August 2021', distractors: ['Nawaz Sharif', 'Asif Ali Zardari', 'Shehbaz Sharif'] }),
  fact('actor-noor-wali', 'actor', 'Noor Wali Mehsud', { accept: ['Mufti Noor Wali'], distractors: ['Hakimullah Mehsud', 'Baitullah Mehsud', 'Fazlullah'] }),
  // A distractor equal to an accepted form (an unvalidated deck): it must never be shown.
  fact('org-ttp', 'organization', 'Tehrik-i-Taliban Pakistan', { accept: ['TTP'], distractors: ['ttp', 'ISKP', 'Lashkar-e-Taiba', 'Jaish-e-Mohammed'] }),
  fact('med-ceasefire', 'mediator', 'Qatar and Turkey', { distractors: ['Qatar and Saudi Arabia', 'China and Russia', 'Iran and Turkey'] }),
  fact('med-doha', 'mediator', 'Qatar', { distractors: ['Turkey', 'Saudi Arabia', 'China'] }),
  fact('place-torkham', 'place', 'Torkham', { distractors: ['Chaman', 'Ghulam Khan', 'Angoor Adda'] }),
  fact('place-chaman', 'place', 'Chaman', { distractors: ['Torkham', 'Ghulam Khan', 'Angoor Adda'] }),
  // Only two usable distractors: no multiple choice, true/false still possible.
  fact('num-repatriated', 'number', '1.5 million', { distractors: ['1 million', '1,500,000', '2 million'], accept: ['1,500,000'] }),
  fact('num-border', 'number', '1,600 miles', { distractors: ['1,200 miles', '2,000 miles', '800 miles'] }),
];

const FACTS = [...DATED, ...OTHERS];
const byId = new Map(FACTS.map((f) => [f.id, f]));

// ---- invariants, checked independently of the generator's own helpers -------------------------

const right = (f: Fact) => new Set([f.answer, ...f.accept].map(answerKey));

/** The last day of a date's period as an ISO key (month ends as day 31: only used for comparison). */
function periodEnd(iso: string): string {
  return iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-31` : iso;
}
/** A date's period as ISO keys, widened one step for approximate dates. */
function period(f: Fact): [string, string] {
  const iso = f.date!;
  if (!f.circa) return [dateSortKey(iso), periodEnd(iso)];
  if (iso.length === 10) return [dateSortKey(iso.slice(0, 7)), periodEnd(iso.slice(0, 7))];
  if (iso.length === 4) return [`${Number(iso) - 1}-01-01`, `${Number(iso) + 1}-12-31`];
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const shift = (k: number) => {
    const d = new Date(Date.UTC(y, m - 1 + k, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return [`${shift(-1)}-01`, periodEnd(shift(1))];
}

/** Problems with one question; empty when it has exactly one right answer and says it truly. */
function problems(q: Question, facts: ReadonlyMap<string, Fact>): string[] {
  const out: string[] = [];
  const need = (ok: boolean, what: string) => ok || out.push(`${q.id} (${q.kind}): ${what}`);
  const fs = q.factIds.map((id) => facts.get(id));
  if (fs.some((f) => !f)) return [`${q.id}: unknown fact`];
  const f0 = fs[0]!;
  switch (q.kind) {
    case 'choice': {
      const keys = q.options.map(answerKey);
      need(q.options.length === 4, 'four options');
      need(new Set(keys).size === keys.length, 'options all different');
      const rightOnes = keys.map((k, i) => (right(f0).has(k) ? i : -1)).filter((i) => i >= 0);
      need(rightOnes.length === 1 && rightOnes[0] === q.correctIndex, 'exactly one right option, at correctIndex');
      need(q.options.every((o) => o === f0.answer || f0.distractors.includes(o)), 'options from the fact');
      break;
    }
    case 'typed':
      need([f0.answer, ...f0.accept].every((a) => matchAnswer(a, f0).verdict === 'right'), 'answer and accepted forms match');
      break;
    case 'truefalse':
      need(q.statement === f0.statement.replace('{answer}', q.shown), 'statement filled with the shown value');
      need(q.isTrue === right(f0).has(answerKey(q.shown)), 'isTrue says whether the shown value is right');
      need(q.isTrue ? q.shown === f0.answer : f0.distractors.includes(q.shown), 'shown value is the answer or a distractor');
      need(q.correctAnswer === f0.answer, 'correct answer shown');
      break;
    case 'order': {
      need(fs.length === 4 && new Set(q.factIds).size === 4, 'four different facts');
      need([...q.correctOrder].sort().join() === [...q.factIds].sort().join(), 'correctOrder is a permutation');
      need([...q.items.map((i) => i.factId)].sort().join() === [...q.factIds].sort().join(), 'items are the facts');
      const ordered = q.correctOrder.map((id) => facts.get(id)!);
      for (let i = 1; i < ordered.length; i++) {
        const [, endPrev] = period(ordered[i - 1]!);
        const [start] = period(ordered[i]!);
        need(endPrev < start, `${ordered[i - 1]!.date} ends before ${ordered[i]!.date} begins`);
      }
      need(new Set(fs.map((f) => answerKey(f!.cue))).size === 4, 'cues differ');
      break;
    }
    case 'match': {
      need(fs.length === 4, 'four facts');
      need(new Set(fs.map((f) => f!.category)).size === 1, 'one category');
      need(new Set(fs.map((f) => answerKey(f!.cue))).size === 4, 'cues differ');
      need([...q.right].sort().join('|') === q.pairs.map((p) => p.answer).sort().join('|'), 'right side is the answers');
      q.pairs.forEach((p, i) => {
        const f = facts.get(p.factId)!;
        need(q.left[i]?.factId === p.factId && p.cue === f.cue && p.answer === f.answer, 'pair is the fact');
        need(q.right.filter((r) => right(f).has(answerKey(r))).length === 1, `exactly one right partner for ${p.cue}`);
      });
      break;
    }
  }
  return out;
}

function quizProblems(questions: Question[], facts: ReadonlyMap<string, Fact>): string[] {
  const out = questions.flatMap((q) => problems(q, facts));
  const used = questions.flatMap((q) => q.factIds);
  if (new Set(used).size !== used.length) out.push('a fact is used twice');
  if (new Set(questions.map((q) => q.id)).size !== questions.length) out.push('question ids repeat');
  return out;
}

const ALL: QuizConfig = { seed: 's', count: 'all', formats: QUIZ_KINDS };

// ---- tests -----------------------------------------------------------------------------------

describe('generateQuiz', () => {
  it('is deterministic per seed, whatever the order of the facts', () => {
    const a = generateQuiz(FACTS, { ...ALL, seed: 'alpha' });
    expect(generateQuiz(FACTS, { ...ALL, seed: 'alpha' })).toEqual(a);
    expect(generateQuiz([...FACTS].reverse(), { ...ALL, seed: 'alpha' })).toEqual(a);
  });

  it('differs between seeds', () => {
    const quizzes = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => JSON.stringify(generateQuiz(FACTS, { ...ALL, seed })));
    expect(new Set(quizzes).size).toBe(quizzes.length);
  });

  it('keeps every invariant over many seeds and every format', () => {
    for (let s = 0; s < 60; s++) {
      const quiz = generateQuiz(FACTS, { ...ALL, seed: `seed-${s}` });
      expect(quizProblems(quiz, byId)).toEqual([]);
    }
  });

  it("with count 'all' tests every fact exactly once", () => {
    for (const formats of [QUIZ_KINDS, ['order'], ['match'], ['choice'], ['truefalse', 'typed']] as QuizKind[][]) {
      const quiz = generateQuiz(FACTS, { seed: 'all', count: 'all', formats });
      expect(quiz.flatMap((q) => q.factIds).sort()).toEqual(FACTS.map((f) => f.id).sort());
    }
  });

  it('with a number gives at most that many questions', () => {
    expect(generateQuiz(FACTS, { ...ALL, count: 5 })).toHaveLength(5);
    expect(generateQuiz(FACTS, { ...ALL, count: 0 })).toEqual([]);
    expect(generateQuiz(FACTS.slice(0, 3), { ...ALL, count: 10, formats: ['choice'] })).toHaveLength(3);
  });

  it('uses only the chosen facts', () => {
    const ids = ['actor-asif', 'place-torkham', 'date-durand'];
    const quiz = generateQuiz(FACTS, { ...ALL, factIds: ids });
    expect(quiz.flatMap((q) => q.factIds).sort()).toEqual([...ids].sort());
  });

  it('deals the allowed formats in turn', () => {
    const quiz = generateQuiz(FACTS, { seed: 'mix', count: 6, formats: ['choice', 'typed', 'truefalse'] });
    const kinds = quiz.map((q) => q.kind);
    expect(new Set(kinds)).toEqual(new Set(['choice', 'typed', 'truefalse']));
    expect(kinds.slice(3)).toEqual(kinds.slice(0, 3));
  });

  it('builds order questions only from dates whose order is unambiguous at their precision', () => {
    const orders = Array.from({ length: 40 }, (_, s) => generateQuiz(DATED, { seed: `o${s}`, count: 'all', formats: ['order'] }))
      .flat()
      .filter((q) => q.kind === 'order');
    expect(orders.length).toBeGreaterThan(40);
    for (const q of orders) {
      const dates = q.factIds.map((id) => byId.get(id)!.date!);
      // "2025" and "2025-10" could be the same time; so could "2021-08" and "2021-08-15".
      expect(dates.includes('2025') && dates.includes('2025-10'), dates.join()).toBe(false);
      expect(dates.includes('2021-08') && dates.includes('2021-08-15'), dates.join()).toBe(false);
      expect(dates.includes('2025-10-19') && dates.includes('2025-10-25'), 'circa widens to its month').toBe(false);
      expect(problems(q, byId)).toEqual([]);
    }
  });

  it('falls back to choice when no four facts can be ordered', () => {
    const ambiguous = [dated('y', '2025'), dated('m', '2025-10'), dated('d', '2025-10-19'), dated('o', '2024')];
    const quiz = generateQuiz(ambiguous, { seed: 'x', count: 'all', formats: ['order'] });
    expect(quiz.map((q) => q.kind)).toEqual(['choice', 'choice', 'choice', 'choice']);
  });

  it('never puts two facts with the same answer in one match question', () => {
    for (let s = 0; s < 40; s++) {
      for (const q of generateQuiz(FACTS, { seed: `m${s}`, count: 'all', formats: ['match'] })) {
        if (q.kind !== 'match') continue;
        expect(q.factIds.includes('actor-khan') && q.factIds.includes('actor-khan-again')).toBe(false);
        expect(problems(q, byId)).toEqual([]);
      }
    }
  });

  it('never shows a distractor that is an accepted form', () => {
    for (let s = 0; s < 60; s++) {
      const [q] = generateQuiz(FACTS, { seed: `t${s}`, count: 1, formats: ['choice', 'truefalse'], factIds: ['org-ttp'] });
      if (q?.kind === 'choice') expect(q.options.map(answerKey)).not.toContain('ttp');
      if (q?.kind === 'truefalse') expect(answerKey(q.shown) === 'ttp').toBe(false);
    }
  });

  it('makes true/false statements true about half the time', () => {
    const tf = Array.from({ length: 30 }, (_, s) => generateQuiz(FACTS, { seed: `tf${s}`, count: 'all', formats: ['truefalse'] }))
      .flat()
      .filter((q) => q.kind === 'truefalse');
    const share = tf.filter((q) => q.kind === 'truefalse' && q.isTrue).length / tf.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('falls back from choice to typed for a fact with too few usable distractors', () => {
    const quiz = generateQuiz(FACTS, { seed: 'x', count: 'all', formats: ['choice'], factIds: ['num-repatriated'] });
    expect(quiz.map((q) => q.kind)).toEqual(['typed']);
    const tf = generateQuiz(FACTS, { seed: 'x', count: 'all', formats: ['truefalse'], factIds: ['num-repatriated'] });
    expect(tf.map((q) => q.kind)).toEqual(['truefalse']);
  });

  it('refuses a bad configuration with a QuizError', () => {
    expect(() => generateQuiz(FACTS, { ...ALL, formats: [] })).toThrow(QuizError);
    expect(() => generateQuiz(FACTS, { ...ALL, count: -1 })).toThrow(QuizError);
    expect(() => generateQuiz(FACTS, { ...ALL, count: 1.5 })).toThrow(QuizError);
    expect(() => generateQuiz(FACTS, { ...ALL, formats: ['essay' as QuizKind] })).toThrow(/essay/);
  });

  it('gives one right answer per question for any subset, order, seed, formats and count (property)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(FACTS),
        fc.string(),
        fc.subarray([...QUIZ_KINDS], { minLength: 1 }),
        fc.oneof(fc.constant('all' as const), fc.nat(30)),
        (facts, seed, formats, count) => {
          const quiz = generateQuiz(facts, { seed, count, formats });
          expect(quizProblems(quiz, byId)).toEqual([]);
          if (count !== 'all') expect(quiz.length).toBeLessThanOrEqual(count);
          expect(generateQuiz([...facts].reverse(), { seed, count, formats })).toEqual(quiz);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the invariants on arbitrary facts with clashing answers, cues and dates (property)', () => {
    const word = fc.constantFrom('Kabul', 'kabul', 'Doha', 'Qatar', 'Turkey', 'Türkiye', 'TTP', 'Chaman', 'Torkham', 'Khost');
    const isoDate = fc.oneof(
      fc.integer({ min: 2019, max: 2026 }).map(String),
      fc.tuple(fc.integer({ min: 2019, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc
        .tuple(fc.integer({ min: 2019, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    );
    const arbFact = fc.record({
      category: fc.constantFrom<Category>('actor', 'place', 'date'),
      answer: word,
      accept: fc.array(word, { maxLength: 2 }),
      distractors: fc.array(word, { minLength: 1, maxLength: 6 }),
      cue: fc.constantFrom('one', 'two', 'three', 'four', 'five', 'six', 'Six'),
      date: fc.option(isoDate, { nil: undefined }),
      circa: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbFact, { minLength: 1, maxLength: 25 }), fc.string(), (raw, seed) => {
        const facts = raw.map((r, i) => fact(`f-${i}`, r.category, r.answer, { ...r, date: r.date }));
        const map = new Map(facts.map((f) => [f.id, f]));
        const quiz = generateQuiz(facts, { seed, count: 'all', formats: QUIZ_KINDS });
        expect(quizProblems(quiz, map)).toEqual([]);
        expect(quiz.flatMap((q) => q.factIds).sort()).toEqual(facts.map((f) => f.id).sort());
      }),
      { numRuns: 300 },
    );
  });
});

// ---- the shipped decks ----------------------------------------------------------------------

/** The shipped facts, or null when the decks do not validate (tests/unit/decks.test.ts reports that). */
function shippedFacts(): Fact[] | null {
  try {
    return loadDeckFiles(readDeckDir(resolve(__dirname, '../../decks'))).decks.flatMap((d) => d.facts);
  } catch {
    return null;
  }
}

describe('generateQuiz over the shipped decks', () => {
  const facts = shippedFacts() ?? [];
  const map = new Map(facts.map((f) => [f.id, f]));

  it.skipIf(facts.length === 0)(`keeps every invariant for the ${facts.length} shipped facts over several seeds and format mixes`, () => {
    const mixes: QuizKind[][] = [[...QUIZ_KINDS], ['choice'], ['truefalse'], ['typed'], ['order'], ['match'], ['order', 'match']];
    for (const seed of ['one', 'two', 'three', 'four', 'five', 'six']) {
      for (const formats of mixes) {
        const quiz = generateQuiz(facts, { seed, count: 'all', formats });
        expect(quizProblems(quiz, map), `${seed} ${formats.join()}`).toEqual([]);
        expect(quiz.flatMap((q) => q.factIds).sort()).toEqual(facts.map((f) => f.id).sort());
        expect(generateQuiz([...facts].reverse(), { seed, count: 'all', formats })).toEqual(quiz);
      }
    }
  });

  it.skipIf(facts.length < 12)('builds order and match questions from them when asked', () => {
    const quiz = generateQuiz(facts, { seed: 'groups', count: 'all', formats: ['order', 'match'] });
    const kinds = new Set(quiz.map((q) => q.kind));
    expect(kinds.has('order') || kinds.has('match')).toBe(true);
  });
});
