import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Fact } from '../../src/deck/types';
import { generateQuiz } from '../../src/engine/quiz/generate';
import { gradeResponse } from '../../src/engine/quiz/grade';
import { QUIZ_KINDS, QuizError, type Question, type Response } from '../../src/engine/quiz/types';

const base = {
  prompt: 'Which is it, in this fixture?',
  explanation: 'Fixture fact used by the grading tests.',
  sources: [{ source: 'fixture', evidence: 'three words here' }],
  tags: [],
  related: [],
};
const facts: Fact[] = [
  { ...base, id: 'med-ceasefire', category: 'mediator', answer: 'Qatar and Turkey', accept: ['Qatar and Türkiye'], distractors: ['China and Russia', 'Iran and Iraq', 'Saudi Arabia and Qatar'], cue: 'October 2025 ceasefire', statement: 'The ceasefire was mediated by {answer}.' },
  { ...base, id: 'med-istanbul', category: 'mediator', answer: 'Turkey', accept: ['Türkiye'], distractors: ['Qatar', 'China', 'Iran'], cue: 'Istanbul round host', statement: 'The Istanbul round was hosted by {answer}.' },
  { ...base, id: 'med-china', category: 'mediator', answer: 'China', accept: [], distractors: ['Qatar', 'Turkey', 'Iran'], cue: 'Attempted to mediate in 2026', statement: '{answer} attempted to mediate in 2026.' },
  { ...base, id: 'med-saudi', category: 'mediator', answer: 'Saudi Arabia', accept: ['KSA'], distractors: ['Qatar', 'Turkey', 'China'], cue: 'Trusted by both sides (with Qatar)', statement: '{answer} is trusted by both sides.' },
  { ...base, id: 'date-durand', category: 'date', answer: '1893', accept: [], distractors: ['1947', '1919', '1901'], cue: 'The Durand Line is established', statement: 'The Durand Line was established in {answer}.', date: '1893' },
  { ...base, id: 'date-partition', category: 'date', answer: '1947', accept: [], distractors: ['1893', '1919', '1971'], cue: 'Pakistan becomes independent', statement: 'Pakistan became independent in {answer}.', date: '1947' },
  { ...base, id: 'date-kabul', category: 'date', answer: '15 August 2021', accept: [], distractors: ['31 August 2021', '11 September 2001', '29 February 2020'], cue: 'The Taliban take Kabul', statement: 'The Taliban took Kabul on {answer}.', date: '2021-08-15' },
  { ...base, id: 'date-doha', category: 'date', answer: '19 October 2025', accept: [], distractors: ['19 October 2024', '9 October 2025', '27 February 2026'], cue: 'Doha ceasefire', statement: 'The Doha ceasefire was agreed on {answer}.', date: '2025-10-19' },
];
const byId = new Map(facts.map((f) => [f.id, f]));

const oneOf = <K extends Question['kind']>(kind: K, factIds?: string[]) => {
  const q = generateQuiz(facts, { seed: kind, count: 1, formats: [kind], ...(factIds ? { factIds } : {}) })[0];
  if (q?.kind !== kind) throw new Error(`no ${kind} question`);
  return q as Extract<Question, { kind: K }>;
};

/** The response a student who knows everything gives. */
function truth(q: Question): Response {
  switch (q.kind) {
    case 'choice':
      return { kind: 'choice', index: q.correctIndex };
    case 'typed':
      return { kind: 'typed', text: byId.get(q.factId)!.answer };
    case 'truefalse':
      return { kind: 'truefalse', value: q.isTrue };
    case 'order':
      return { kind: 'order', order: [...q.correctOrder] };
    case 'match':
      return { kind: 'match', chosen: q.pairs.map((p) => q.right.indexOf(p.answer)) };
  }
}

/** A response that is surely wrong for at least one fact. */
function mistake(q: Question): Response {
  switch (q.kind) {
    case 'choice':
      return { kind: 'choice', index: (q.correctIndex + 1) % q.options.length };
    case 'typed':
      return { kind: 'typed', text: byId.get(q.factId)!.distractors[0]! };
    case 'truefalse':
      return { kind: 'truefalse', value: !q.isTrue };
    case 'order':
      return { kind: 'order', order: [...q.correctOrder].reverse() };
    case 'match': {
      const chosen = q.pairs.map((p) => q.right.indexOf(p.answer));
      return { kind: 'match', chosen: [chosen[1]!, chosen[0]!, ...chosen.slice(2)] };
    }
  }
}

describe('gradeResponse', () => {
  it('grades multiple choice by the index', () => {
    const q = oneOf('choice', ['med-china']);
    expect(gradeResponse(q, { kind: 'choice', index: q.correctIndex }, facts)).toEqual({ correct: true, expected: 'China', byFact: [{ factId: 'med-china', correct: true }] });
    expect(gradeResponse(q, { kind: 'choice', index: (q.correctIndex + 1) % 4 }, facts).correct).toBe(false);
  });

  it('grades a typed answer with the matcher, near misses counting as wrong', () => {
    const q = oneOf('typed', ['med-ceasefire']);
    expect(gradeResponse(q, { kind: 'typed', text: 'turkey & qatar' }, facts)).toMatchObject({ correct: true, near: false, expected: 'Qatar and Turkey' });
    expect(gradeResponse(q, { kind: 'typed', text: 'Qatar' }, facts)).toMatchObject({ correct: false, near: false });
    const d = oneOf('typed', ['date-doha']);
    expect(gradeResponse(d, { kind: 'typed', text: '19/10/2025' }, byId).correct).toBe(true);
    expect(gradeResponse(d, { kind: 'typed', text: 'October 2025' }, byId)).toMatchObject({ correct: false, near: true, expected: '19 October 2025' });
  });

  it('grades true/false against whether the statement is true, and names the answer when it is false', () => {
    for (let s = 0; s < 20; s++) {
      const [q] = generateQuiz(facts, { seed: `tf${s}`, count: 1, formats: ['truefalse'] });
      if (q?.kind !== 'truefalse') throw new Error('expected true/false');
      expect(gradeResponse(q, { kind: 'truefalse', value: q.isTrue }, facts).correct).toBe(true);
      expect(gradeResponse(q, { kind: 'truefalse', value: !q.isTrue }, facts).correct).toBe(false);
      expect(gradeResponse(q, null, facts).expected).toBe(q.isTrue ? 'True' : `False: the answer is ${q.correctAnswer}`);
    }
  });

  it('grades each fact of an order question by its place', () => {
    const q = oneOf('order');
    expect(q.correctOrder).toEqual(['date-durand', 'date-partition', 'date-kabul', 'date-doha']);
    expect(gradeResponse(q, { kind: 'order', order: q.correctOrder }, facts).correct).toBe(true);
    const swapped = gradeResponse(q, { kind: 'order', order: ['date-partition', 'date-durand', 'date-kabul', 'date-doha'] }, facts);
    expect(swapped.correct).toBe(false);
    expect(swapped.byFact.map((b) => b.correct)).toEqual([false, false, true, true]);
    expect(swapped.expected).toBe(
      'The Durand Line is established (1893) → Pakistan becomes independent (1947) → The Taliban take Kabul (15 August 2021) → Doha ceasefire (19 October 2025)',
    );
    expect(gradeResponse(q, { kind: 'order', order: ['date-durand', 'date-partition', 'date-kabul'] }, facts).correct).toBe(false);
  });

  it('grades each fact of a match question by its partner', () => {
    const q = oneOf('match');
    const chosen = q.pairs.map((p) => q.right.indexOf(p.answer));
    expect(gradeResponse(q, { kind: 'match', chosen }, facts).correct).toBe(true);
    const partial = gradeResponse(q, { kind: 'match', chosen: [chosen[1]!, chosen[0]!, chosen[2]!, null] }, facts);
    expect(partial.correct).toBe(false);
    expect(partial.byFact.map((b) => b.correct)).toEqual([false, false, true, false]);
    expect(partial.expected).toContain(`${q.pairs[0]!.cue}: ${q.pairs[0]!.answer}`);
  });

  it('counts no answer (time ran out) as wrong for every fact', () => {
    const q = oneOf('match');
    const r = gradeResponse(q, null, facts);
    expect(r.correct).toBe(false);
    expect(r.byFact.every((b) => !b.correct)).toBe(true);
  });

  it('refuses a response of another kind, and a typed question without its fact', () => {
    const q = oneOf('choice', ['med-china']);
    expect(() => gradeResponse(q, { kind: 'truefalse', value: true }, facts)).toThrow(QuizError);
    const t = oneOf('typed', ['med-china']);
    expect(() => gradeResponse(t, { kind: 'typed', text: 'China' }, [])).toThrow(/med-china/);
  });

  it('grades the full-knowledge response right and a mistaken one wrong, for any generated question (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(facts, { minLength: 1 }), fc.string(), fc.subarray([...QUIZ_KINDS], { minLength: 1 }), (subset, seed, formats) => {
        for (const q of generateQuiz(subset, { seed, count: 'all', formats })) {
          const good = gradeResponse(q, truth(q), facts);
          expect(good.correct, q.id).toBe(true);
          expect(good.byFact.every((b) => b.correct)).toBe(true);
          expect(gradeResponse(q, mistake(q), facts).correct, q.id).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
