import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, mulberry32, pick, randomInt, sample, seedFrom, shuffle } from '../../src/engine/random';

const draw = (rng: () => number, n: number) => Array.from({ length: n }, rng);

describe('seeded randomness', () => {
  it('replays the same sequence for the same seed', () => {
    expect(draw(createRng('quiz', 'abc'), 20)).toEqual(draw(createRng('quiz', 'abc'), 20));
    expect(draw(mulberry32(42), 5)).toEqual(draw(mulberry32(42), 5));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(createRng('quiz', 'abc'), 5)).not.toEqual(draw(createRng('quiz', 'abd'), 5));
  });

  it('draws numbers in [0, 1)', () => {
    fc.assert(fc.property(fc.integer(), (seed) => draw(mulberry32(seed), 50).every((x) => x >= 0 && x < 1)));
  });

  it('makes seeds from parts without ambiguity', () => {
    expect(seedFrom('ab', 'c')).not.toBe(seedFrom('a', 'bc'));
    expect(seedFrom('1')).not.toBe(seedFrom(1));
    expect(seedFrom('card-1', 3)).toBe(seedFrom('card-1', 3));
    expect(Number.isInteger(seedFrom('x')) && seedFrom('x') >= 0 && seedFrom('x') < 2 ** 32).toBe(true);
  });

  it('shuffles into a permutation without changing the input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const copy = items.slice();
        const out = shuffle(items, createRng(seed));
        expect(items).toEqual(copy);
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('shuffles uniformly enough: each of the 6 orders of 3 items about 1/6 of the time', () => {
    const rng = createRng('uniform');
    const counts = new Map<string, number>();
    const runs = 12_000;
    for (let i = 0; i < runs; i++) {
      const key = shuffle(['a', 'b', 'c'], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - runs / 6)).toBeLessThan(250);
  });

  it('picks, samples and draws whole numbers within range', () => {
    const rng = createRng('pick');
    for (let i = 0; i < 100; i++) {
      expect(['x', 'y', 'z']).toContain(pick(['x', 'y', 'z'], rng));
      const r = randomInt(rng, 7);
      expect(r >= 0 && r < 7 && Number.isInteger(r)).toBe(true);
    }
    const s = sample([1, 2, 3, 4, 5], 3, rng);
    expect(s).toHaveLength(3);
    expect(new Set(s).size).toBe(3);
    expect(sample([1, 2], 5, rng)).toHaveLength(2);
  });

  it('refuses to pick from nothing', () => {
    expect(() => pick([], createRng('x'))).toThrow(RangeError);
    expect(() => randomInt(createRng('x'), 0)).toThrow(RangeError);
  });
});
