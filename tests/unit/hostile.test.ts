/**
 * Hostile input: deck files and tab-separated decks, fuzzed with fast-check (1,000 inputs each):
 * never a crash other than a ValidationError naming the file, never a polluted prototype.
 * And no `v-html` anywhere in the app.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateDeck } from '../../src/deck/validate';
import { parseTsv } from '../../src/deck/tsv';
import { ValidationErrors } from '../../src/deck/errors';

const IDS = new Set(['kaura-mei-2022']);
const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'facts', 'answer', 'distractors', 'sources', 'x');
const hostileValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ minLength: 5000, maxLength: 20000 }), fc.constant(null));
const deckLike = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(key, hostileValue, { maxKeys: 6 }),
  fc.record({ id: fc.string(), title: fc.string(), description: fc.string(), facts: fc.array(fc.dictionary(key, hostileValue, { maxKeys: 8 }), { maxLength: 4 }) }),
);

describe('hostile deck files', () => {
  it('are refused with the file named, and never pollute a prototype (1,000 inputs)', () => {
    fc.assert(
      fc.property(deckLike, (json) => {
        const input = JSON.parse(JSON.stringify(json ?? null).replace(/"x"/g, '"__proto__"'));
        try {
          validateDeck(input, 'decks/fuzz.json', IDS);
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationErrors);
          for (const err of (e as ValidationErrors).errors) expect(err.message.startsWith('decks/fuzz.json: ')).toBe(true);
        }
        expect(({} as Record<string, unknown>).answer).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'facts')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

describe('hostile tab-separated decks', () => {
  it('are parsed or refused with file and line named, never a crash (1,000 inputs)', () => {
    const tsv = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.array(fc.tuple(fc.string(), fc.string(), fc.string()), { maxLength: 20 }).map((rows) => rows.map((r) => r.join('\t')).join('\n')),
      fc.string({ minLength: 2000, maxLength: 5000 }).map((s) => `${s}\tback`),
    );
    fc.assert(
      fc.property(tsv, (text) => {
        try {
          const d = parseTsv(text, 'fuzz.tsv', 'Fuzz');
          for (const c of d.cards) {
            expect(c.front.length).toBeGreaterThan(0);
            expect(c.back.length).toBeGreaterThan(0);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationErrors);
          for (const err of (e as ValidationErrors).errors) expect(err.message.startsWith('fuzz.tsv: ')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

describe('the app source', () => {
  it('uses no v-html and no innerHTML', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(vue|ts)$/.test(n)) files.push(p);
      }
    };
    walk(resolve(__dirname, '../../src'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text.includes('v-html'), f).toBe(false);
      expect(/\.innerHTML\s*=/.test(text), f).toBe(false);
    }
  });
});
