/**
 * Seeded randomness for the engine. The engine never calls Math.random: a caller passes a seed
 * (a quiz seed, a card id and review count), so every shuffle can be replayed exactly.
 *
 * The generator is mulberry32 (32-bit state, fast, good enough for shuffling quiz options);
 * seeds are made from any parts by cyrb53, a well-mixed string hash.
 */

/** A source of uniform numbers in [0, 1). Stateful: each call advances it. */
export type Rng = () => number;

/** cyrb53 (public domain, bryc): a 53-bit string hash with good avalanche behaviour. */
function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 32-bit seed from any parts: `seedFrom('quiz', seed)`, `seedFrom(cardId, reps)`.
 * Parts are length-prefixed and typed, so `('ab', 'c')`, `('a', 'bc')` and `('1')` vs `(1)` differ.
 */
export function seedFrom(...parts: (string | number)[]): number {
  const encoded = parts.map((p) => {
    const s = typeof p === 'number' ? `n${String(p)}` : `s${p}`;
    return `${s.length}:${s}`;
  });
  return cyrb53(encoded.join('')) >>> 0;
}

/** mulberry32: a tiny 32-bit generator. Same seed, same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded from any parts: `createRng('quiz', 'abc')`. */
export function createRng(...parts: (string | number)[]): Rng {
  return mulberry32(seedFrom(...parts));
}

/** A whole number in [0, n). `n` must be a positive integer. */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`randomInt: n must be a positive integer, got ${n}`);
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** A shuffled copy (Fisher–Yates); the input is not changed. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/** One item chosen uniformly. Throws on an empty list. */
export function pick<T>(items: readonly T[], rng: Rng): T {
  if (items.length === 0) throw new RangeError('pick: no items to pick from');
  return items[randomInt(rng, items.length)]!;
}

/** Up to `k` distinct items (by position), in random order. */
export function sample<T>(items: readonly T[], k: number, rng: Rng): T[] {
  return shuffle(items, rng).slice(0, Math.max(0, k));
}
