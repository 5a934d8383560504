import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchAnswer, type MatchableFact, type Verdict } from '../../src/engine/quiz/match';
import { parseDateAnswer } from '../../src/engine/quiz/answer-date';
import { parseNumberAnswer } from '../../src/engine/quiz/answer-number';
import { editDistance, normalizeAnswer, typoTolerance } from '../../src/engine/quiz/answer-text';

const fact = (answer: string, category: MatchableFact['category'], extra: Partial<MatchableFact> = {}): MatchableFact => ({
  answer,
  accept: [],
  category,
  ...extra,
});

const durand = fact('1893', 'date', { date: '1893' });
const ceasefire = fact('19 October 2025', 'date', { date: '2025-10-19' });
const month = fact('October 2025', 'date', { date: '2025-10' });
const openWar = fact('27 February 2026', 'date', { date: '2026-02-27' });
const mediators = fact('Qatar and Turkey', 'mediator', { accept: ['Qatar and Türkiye'] });
const three = fact('Qatar, Saudi Arabia and Turkey', 'mediator');
const repatriated = fact('1.5 million', 'number');
const deported = fact('1 million', 'number', { accept: ['one million'] });
const border = fact('1,600 miles', 'number');
const share = fact('40%', 'number');
const ttp = fact('Tehrik-i-Taliban Pakistan', 'organization', {
  accept: ['TTP', 'Pakistani Taliban'],
  distractors: ['Tehrik-e-Nafaz-e-Shariat-e-Mohammadi', 'ISKP', 'Lashkar-e-Taiba'],
});
const iraq = fact('Iraq', 'place');
const kabul = fact('Kabul', 'place', { distractors: ['Kandahar', 'Jalalabad', 'Herat'] });
const paktika = fact('Paktika', 'place', { distractors: ['Paktia', 'Khost', 'Kunar'] });
const line = fact('The Durand Line', 'place');
const asif = fact('Khawaja Asif', 'actor');
const istanbul = fact('Istanbul', 'place', { distractors: ['Ankara', 'Doha', 'Riyadh'] });
const turkey = fact('Turkey', 'mediator', { accept: ['Türkiye'] });
const numberedYear = fact('1893', 'number');

const cases: [input: string, f: MatchableFact, verdict: Verdict, why: string][] = [
  // years and dates: never a typo in a year
  ['1893', durand, 'right', 'exact year'],
  ['in 1893', durand, 'right', 'leading preposition'],
  ['1894', durand, 'wrong', 'one digit off is a different year'],
  ['1983', durand, 'wrong', 'swapped digits are a different year'],
  ['1893', numberedYear, 'right', 'a year-like number'],
  ['1894', numberedYear, 'wrong', 'numbers take no typos'],
  ['19 October 2025', ceasefire, 'right', 'day month year'],
  ['October 19, 2025', ceasefire, 'right', 'month day, year'],
  ['19 Oct 2025', ceasefire, 'right', 'abbreviated month'],
  ['19th October 2025', ceasefire, 'right', 'ordinal'],
  ['19/10/2025', ceasefire, 'right', 'day-first numbers'],
  ['2025-10-19', ceasefire, 'right', 'ISO'],
  ['10/19/2025', ceasefire, 'wrong', 'month-first is not read'],
  ['20 October 2025', ceasefire, 'wrong', 'another day'],
  ['19 October 2024', ceasefire, 'wrong', 'another year'],
  ['October 2025', ceasefire, 'near', 'right month, day missing'],
  ['October 2025', month, 'right', 'month precision'],
  ['Oct 2025', month, 'right', 'abbreviated month'],
  ['oct. 2025', month, 'right', 'abbreviation with a dot'],
  ['2025-10', month, 'right', 'ISO month'],
  ['10/2025', month, 'right', 'numeric month'],
  ['November 2025', month, 'wrong', 'another month'],
  ['2025', month, 'near', 'right year, month missing'],
  ['19 October 2025', month, 'right', 'a day inside the asked month'],
  ['27/02/2026', openWar, 'right', 'day-first with leading zero'],
  ['02/27/2026', openWar, 'wrong', 'month-first is not a date here'],
  ['Feb 27 2026', openWar, 'right', 'month day year without comma'],
  ['2026-02-27', openWar, 'right', 'ISO day'],
  // lists in any order
  ['Qatar and Turkey', mediators, 'right', 'as written'],
  ['Turkey and Qatar', mediators, 'right', 'either order'],
  ['Qatar & Turkey', mediators, 'right', 'ampersand'],
  ['qatar, turkey', mediators, 'right', 'comma'],
  ['Turkiye and Qatar', mediators, 'right', 'accepted form, other order, no accent'],
  ['Qatar and Turky', mediators, 'right', 'a typo in one part'],
  ['Qatar', mediators, 'wrong', 'one of two'],
  ['Turkey', mediators, 'wrong', 'the other one of two'],
  ['Qatar and Saudi Arabia', mediators, 'wrong', 'one part wrong'],
  ['Qatar, Turkey and Saudi Arabia', mediators, 'wrong', 'one too many'],
  ['Saudi Arabia, Turkey and Qatar', three, 'right', 'three parts, any order'],
  ['Saudi Arabia and Qatar', three, 'wrong', 'two of three'],
  // numbers: equal value, qualifiers ignored, unit and scale checked
  ['1.5 million', repatriated, 'right', 'as written'],
  ['1,500,000', repatriated, 'right', 'grouped digits'],
  ['1500000', repatriated, 'right', 'plain digits'],
  ['about 1.5 million', repatriated, 'right', 'qualifier ignored'],
  ['more than 1.5 million', repatriated, 'right', 'qualifier ignored'],
  ['approximately 1.5m', repatriated, 'right', 'short scale'],
  ['1 million', repatriated, 'wrong', 'another statistic'],
  ['15 million', repatriated, 'wrong', 'a missing point is another number'],
  ['1.6 million', repatriated, 'wrong', 'no typos in numbers'],
  ['1.5 billion', repatriated, 'near', 'right figure, wrong scale'],
  ['1.5', repatriated, 'near', 'right figure, no scale'],
  ['one million', deported, 'right', 'accepted words'],
  ['a million', deported, 'right', 'a = one'],
  ['1,000,000', deported, 'right', 'digits for words'],
  ['1.5 million', deported, 'wrong', 'the other source\u2019s figure'],
  ['1600 miles', border, 'right', 'no grouping'],
  ['around 1,600 mi', border, 'right', 'unit abbreviation and qualifier'],
  ['1,600', border, 'right', 'unit left out'],
  ['1,600 km', border, 'near', 'right number, wrong unit'],
  ['1,700 miles', border, 'wrong', 'another number'],
  ['40 percent', share, 'right', 'percent in words'],
  ['41%', share, 'wrong', 'off by one'],
  // text: case, accents, punctuation, articles, typos by length
  ['TTP', ttp, 'right', 'accepted abbreviation'],
  ['ttp', ttp, 'right', 'case'],
  ['Tehrik-e-Taliban Pakistan', ttp, 'right', 'one typo in a long answer'],
  ['Tehreek-e-Taliban Pakistan', ttp, 'near', 'three edits: one beyond the tolerance of 2'],
  ['the Pakistani Taliban', ttp, 'right', 'leading article'],
  ['ISKP', ttp, 'wrong', 'a distractor'],
  ['Iran', iraq, 'near', 'short words take no typos; one edit off is near, still wrong'],
  ['Iraq.', iraq, 'right', 'punctuation'],
  ['Syria', iraq, 'wrong', 'another word'],
  ['kabol', kabul, 'right', 'one typo in five letters'],
  ['Kabool', kabul, 'near', 'two typos in five letters'],
  ['Kandahar', kabul, 'wrong', 'a distractor'],
  ['Paktka', paktika, 'right', 'one letter missing'],
  ['Paktia', paktika, 'wrong', 'within typo reach but a distractor: never accepted'],
  ['Durand Line', line, 'right', 'article left out'],
  ['the durand line', line, 'right', 'case'],
  ['Durand', line, 'wrong', 'part of the answer'],
  ['Khwaja Asif', asif, 'right', 'common spelling variant (one edit)'],
  ['Kawaja Asaf', asif, 'right', 'two typos in a long name'],
  ['Asif', asif, 'wrong', 'surname alone'],
  ['Istnbul', istanbul, 'right', 'one letter missing'],
  ['Instanbul', istanbul, 'right', 'one letter extra'],
  ['Ankara', istanbul, 'wrong', 'a distractor'],
  ['Türkiye', turkey, 'right', 'accepted form with accent'],
  ['TURKIYE', turkey, 'right', 'accepted form, no accent, upper case'],
  ['Turkmenistan', turkey, 'wrong', 'a different country'],
  ['', kabul, 'wrong', 'empty'],
  ['  ?! ', kabul, 'wrong', 'only punctuation'],
];

describe('matchAnswer', () => {
  it('has a table of at least 45 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases)('%s for "%s" is %s', (input, f, verdict, why) => {
    expect(matchAnswer(input, f).verdict, `${input} / ${f.answer}: ${why}`).toBe(verdict);
  });

  it('accepts the answer and every accepted form, in any case, with or without a leading article', () => {
    const words = fc.array(fc.constantFrom('qatar', 'doha', 'khyber', 'pass', 'line', 'border', 'kunar', 'waziristan', 'al', 'jazeera'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(words, fc.boolean(), fc.boolean(), (ws, upper, article) => {
        const answer = ws.join(' ');
        const typed = `${article ? 'The ' : ''}${upper ? answer.toUpperCase() : answer}`;
        return matchAnswer(typed, fact(answer, 'place')).verdict === 'right';
      }),
    );
  });

  it('never accepts another whole number, however close', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (a, b) => {
        fc.pre(a !== b);
        return matchAnswer(String(a), fact(String(b), 'number')).verdict !== 'right' && matchAnswer(String(a), fact(String(b), 'date')).verdict !== 'right';
      }),
    );
  });

  it('never accepts another year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1000, max: 2999 }), (a, b) => {
        fc.pre(a !== b);
        return matchAnswer(String(a), fact(String(b), 'date', { date: String(b) })).verdict === 'wrong';
      }),
    );
  });

  it('falls back on the fact date when a date fact words its answer otherwise', () => {
    const f = fact('the day of the Doha ceasefire', 'date', { date: '2025-10-19' });
    expect(matchAnswer('19 October 2025', f).verdict).toBe('right');
    expect(matchAnswer('18 October 2025', f).verdict).toBe('wrong');
  });
});

describe('typed answer parts', () => {
  it('normalizes case, accents, punctuation, "&" and a leading article', () => {
    expect(normalizeAnswer('  The Türkiye–Qatar  talks! ')).toBe('turkiye qatar talks');
    expect(normalizeAnswer('Qatar & Turkey')).toBe('qatar and turkey');
    expect(normalizeAnswer("Pakistan's army")).toBe('pakistans army');
    expect(normalizeAnswer('A')).toBe('a');
  });

  it('allows typos in proportion to length', () => {
    expect([1, 4, 5, 8, 9, 30].map(typoTolerance)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('kabul', 'kbaul')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(2);
  });

  it('reads dates day first and rejects impossible ones', () => {
    expect(parseDateAnswer('03/04/2025')).toEqual({ iso: '2025-04-03', precision: 'day' });
    expect(parseDateAnswer('2025/04/03')).toEqual({ iso: '2025-04-03', precision: 'day' });
    expect(parseDateAnswer('the 27th of February, 2026')).toEqual({ iso: '2026-02-27', precision: 'day' });
    expect(parseDateAnswer('30 February 2026')).toBeNull();
    expect(parseDateAnswer('Sept 2025')).toEqual({ iso: '2025-09', precision: 'month' });
    expect(parseDateAnswer('1.5 million')).toBeNull();
  });

  it('reads numbers with scale, unit, qualifiers and words', () => {
    expect(parseNumberAnswer('about 1.5 million')).toEqual({ value: 1_500_000, mantissa: 1.5, scale: 1e6, unit: '' });
    expect(parseNumberAnswer('1,600 miles')).toMatchObject({ value: 1600, unit: 'mi' });
    expect(parseNumberAnswer('$2 billion')).toMatchObject({ value: 2e9, unit: 'usd' });
    expect(parseNumberAnswer('twenty-five')).toMatchObject({ value: 25 });
    expect(parseNumberAnswer('1 500 000 people')).toMatchObject({ value: 1_500_000, unit: 'people' });
    expect(parseNumberAnswer('40%')).toMatchObject({ value: 40, unit: 'percent' });
    expect(parseNumberAnswer('Qatar')).toBeNull();
    expect(parseNumberAnswer('2021 to 2025')).toBeNull();
  });
});
