import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readDeckDir } from '../../vite/decks-plugin';
import { loadDeckFiles } from '../../src/deck/load';
import { answerKey } from '../../src/deck/validate';
import { datePrecision } from '../../src/deck/dates';

const files = readDeckDir(resolve(__dirname, '../../decks'));

describe('the shipped decks', () => {
  it('all parse and validate together', () => {
    expect(() => loadDeckFiles(files)).not.toThrow();
  });

  const content = loadDeckFiles(files);
  const facts = content.decks.flatMap((d) => d.facts);

  it('have ids unique across decks', () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
  });

  it('never list a distractor equal to the answer or an accepted form', () => {
    for (const f of facts) {
      const right = new Set([f.answer, ...f.accept].map(answerKey));
      for (const d of f.distractors) expect(right.has(answerKey(d)), `${f.id}: ${d}`).toBe(false);
    }
  });

  it('give every date with a valid precision', () => {
    for (const f of facts.filter((x) => x.date)) expect(datePrecision(f.date!), f.id).not.toBeNull();
  });

  it('cite only known sources', () => {
    const known = new Set(content.sources.map((s) => s.id));
    for (const f of facts) for (const s of f.sources) expect(known.has(s.source), `${f.id}: ${s.source}`).toBe(true);
  });
});
