import { describe, expect, it } from 'vitest';
import { validateDeck, validateSources, validateCollection } from '../../src/deck/validate';
import { loadDeckFiles } from '../../src/deck/load';
import { ValidationErrors } from '../../src/deck/errors';
import { datePrecision, formatDate } from '../../src/deck/dates';

const IDS = new Set(['kaura-mei-2022']);
const good = () => ({
  id: 'd',
  title: 'Deck',
  description: 'A deck.',
  facts: [
    {
      id: 'date-x',
      category: 'date',
      prompt: 'When did this happen?',
      answer: '1893',
      accept: [] as string[],
      distractors: ['1947', '1919', '1901'],
      explanation: 'Because it matters a great deal.',
      cue: 'Something happens',
      statement: 'It happened in {answer}.',
      date: '1893',
      sources: [{ source: 'kaura-mei-2022', evidence: 'three words here' }],
      tags: ['x'],
      related: [] as string[],
    },
  ],
});

function problems(input: unknown): string[] {
  try {
    validateDeck(input, 'decks/t.json', IDS);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationErrors);
    return (e as ValidationErrors).errors.map((x) => x.message);
  }
}

describe('deck validation', () => {
  it('accepts a good deck', () => {
    expect(problems(good())).toEqual([]);
  });

  it('names file, path and field for a missing field', () => {
    const d = good() as Record<string, unknown> & { facts: Record<string, unknown>[] };
    delete d.facts[0]!.answer;
    expect(problems(d)).toEqual([expect.stringMatching(/^decks\/t\.json: facts\[0\]\.answer: /)]);
  });

  it('names the field for a wrong type, an unknown field and an unknown category', () => {
    const d = good();
    (d.facts[0] as Record<string, unknown>).tags = 'x';
    (d.facts[0] as Record<string, unknown>).colour = 'red';
    (d.facts[0] as Record<string, unknown>).category = 'weather';
    const p = problems(d).join('\n');
    expect(p).toContain('decks/t.json: facts[0].tags:');
    expect(p).toContain('decks/t.json: facts[0].colour:');
    expect(p).toContain('decks/t.json: facts[0].category:');
  });

  it('refuses a distractor that is the answer or an accepted form (case and accents ignored)', () => {
    const d = good();
    d.facts[0]!.accept = ['Eighteen ninety-three'];
    d.facts[0]!.distractors = ['1947', 'eighteen NINETY three', '1901'];
    expect(problems(d)).toEqual(['decks/t.json: facts[0].distractors[1]: "eighteen NINETY three" is the answer or an accepted form']);
  });

  it('refuses fewer than three distractors, a date that does not exist, an unknown source, evidence of the wrong length', () => {
    const d = good();
    d.facts[0]!.distractors = ['1947', '1919'];
    d.facts[0]!.date = '2025-02-30';
    d.facts[0]!.sources = [{ source: 'nobody-2020', evidence: 'two words' }];
    const p = problems(d).join('\n');
    expect(p).toContain('facts[0].distractors: needs at least 3 distractors');
    expect(p).toContain('facts[0].date:');
    expect(p).toContain('facts[0].sources[0].evidence: evidence must be 3 to 12 words');
    const d2 = good();
    d2.facts[0]!.sources = [{ source: 'nobody-2020', evidence: 'three words here' }];
    expect(problems(d2)).toEqual(['decks/t.json: facts[0].sources[0].source: unknown source id "nobody-2020"']);
  });

  it('refuses a statement without {answer} and a duplicate id', () => {
    const d = good();
    d.facts[0]!.statement = 'No placeholder here at all.';
    expect(problems(d)).toEqual(['decks/t.json: facts[0].statement: must contain {answer}']);
    const d2 = good();
    d2.facts.push({ ...good().facts[0]! });
    expect(problems(d2)).toEqual(['decks/t.json: facts[1].id: duplicate id "date-x"']);
  });

  it('checks ids across decks and related links', () => {
    const a = validateDeck(good(), 'decks/a.json', IDS);
    const b = validateDeck({ ...good(), id: 'b' }, 'decks/b.json', IDS);
    expect(() => validateCollection([{ file: 'decks/a.json', deck: a }, { file: 'decks/b.json', deck: b }])).toThrow('decks/b.json: facts[0].id: id "date-x" is also used in decks/a.json');
    const c = good();
    c.facts[0]!.related = ['nowhere'];
    const cd = validateDeck(c, 'decks/c.json', IDS);
    expect(() => validateCollection([{ file: 'decks/c.json', deck: cd }])).toThrow('decks/c.json: facts[0].related[0]: unknown fact id "nowhere"');
  });

  it('loads nothing when any file is bad', () => {
    const sources = { sources: [{ id: 'kaura-mei-2022', label: 'K', title: null, author: null, outlet: null, written: '2022-12', summary: 's' }] };
    const bad = good();
    bad.facts[0]!.answer = '';
    expect(() => loadDeckFiles([{ file: 'decks/sources.json', json: sources }, { file: 'decks/a.json', json: good() }, { file: 'decks/b.json', json: bad }])).toThrow(/decks\/b\.json: facts\[0\]\.answer/);
    expect(() => validateSources({ sources: [{ id: 'x' }] }, 'decks/sources.json')).toThrow(/decks\/sources\.json: sources\[0\]\.label/);
  });
});

describe('dates', () => {
  it('knows precision and real dates', () => {
    expect(datePrecision('1893')).toBe('year');
    expect(datePrecision('2025-10')).toBe('month');
    expect(datePrecision('2026-02-27')).toBe('day');
    expect(datePrecision('2024-02-29')).toBe('day');
    expect(datePrecision('2025-02-29')).toBeNull();
    expect(datePrecision('2025-13')).toBeNull();
    expect(datePrecision('25-10-2025')).toBeNull();
  });
  it('formats for people', () => {
    expect(formatDate('2026-02-27')).toBe('27 February 2026');
    expect(formatDate('2025-10')).toBe('October 2025');
    expect(formatDate('1893')).toBe('1893');
  });
});
