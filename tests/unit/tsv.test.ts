import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { decksToTsv, parseTsv, userDeckToDeck } from '../../src/deck/tsv';
import { ValidationErrors } from '../../src/deck/errors';
import { readDeckDir } from '../../vite/decks-plugin';
import { loadDeckFiles } from '../../src/deck/load';

describe('tab-separated decks', () => {
  it('exports every fact as front, back and tags, one line each, for Anki and Quizlet', () => {
    const content = loadDeckFiles(readDeckDir(resolve(__dirname, '../../decks')));
    const tsv = decksToTsv(content.decks);
    const lines = tsv.trim().split('\n').filter((l) => !l.startsWith('#'));
    expect(lines).toHaveLength(content.decks.reduce((n, d) => n + d.facts.length, 0));
    for (const l of lines) expect(l.split('\t')).toHaveLength(3);
    // And it reads back as a deck of the same size.
    expect(parseTsv(tsv, 'export.tsv', 'Round trip').cards).toHaveLength(lines.length);
  });

  it('imports front, back and optional tags, skipping comments and blank lines; ids are stable', () => {
    const d = parseTsv('#separator:tab\nKabul\tCapital of Afghanistan\tgeo city\n\nTorkham\tA crossing\n', 'mine.tsv', 'My places');
    expect(d.id).toBe('user-my-places');
    expect(d.cards.map((c) => [c.front, c.back, c.tags])).toEqual([
      ['Kabul', 'Capital of Afghanistan', ['geo', 'city']],
      ['Torkham', 'A crossing', []],
    ]);
    expect(parseTsv('Kabul\tOther back', 'x.tsv', 'My places').cards[0]!.id).toBe(d.cards[0]!.id);
    const deck = userDeckToDeck(d);
    expect(deck.facts[0]).toMatchObject({ prompt: 'Kabul', answer: 'Capital of Afghanistan' });
  });

  it('names the file, the line and the field of every problem, and returns nothing', () => {
    try {
      parseTsv('ok\tfine\nno tab here\n\tempty front\na\tb\tc\td\nok\tagain', 'bad.tsv', 'x');
      expect.unreachable();
    } catch (e) {
      const m = (e as ValidationErrors).errors.map((x) => x.message);
      expect(m).toEqual([
        'bad.tsv: line 2.back: is empty (is the separator a tab?)',
        'bad.tsv: line 3.front: is empty',
        'bad.tsv: line 4.columns: has 4 columns; expected front, back and optional tags',
        'bad.tsv: line 5.front: repeats an earlier card',
      ]);
    }
    expect(() => parseTsv('\n#only a comment\n', 'empty.tsv', 'x')).toThrow('empty.tsv: (root): has no cards');
  });

  it('shows imported HTML as text: nothing is interpreted', () => {
    const d = parseTsv('<img src=x onerror=alert(1)>\t<script>alert(1)</script>', 'h.tsv', 'x');
    expect(d.cards[0]!.front).toBe('<img src=x onerror=alert(1)>');
    expect(userDeckToDeck(d).facts[0]!.answer).toBe('<script>alert(1)</script>');
  });
});
