/**
 * Seeded pseudo-random numbers for the scheduling simulator.
 *
 * Everything random in the simulator (student parameters, card difficulties, recall draws,
 * grade noise) comes from {@link Rng} instances whose seeds are derived with {@link hash32}
 * from the run's base seed, so a run is a pure function of its options: the same seed gives
 * the same numbers on every machine (only 32-bit integer arithmetic and Math.log / Math.sqrt /
 * Math.cos, which are deterministic in V8 for the same inputs).
 */

/**
 * Mixes any number of 32-bit integers into one 32-bit seed (murmur3-style finaliser applied
 * after each input). Used to give every student and every card its own independent stream.
 */
export function hash32(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast 32-bit generator; plenty for Monte Carlo of this size. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal (Box–Muller; consumes two uniforms). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Index drawn from a discrete distribution given by (not necessarily normalised) weights. */
  categorical(weights: readonly number[]): number {
    return pickCategorical(weights, this.next());
  }
}

/** Index i such that u falls in the i-th slice of the cumulative (normalised) weights. */
export function pickCategorical(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += (weights[i] ?? 0) / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
