/**
 * Reading a typed number: "1.5 million", "1,500,000", "1500000", "1.5m", "about 1.5 million",
 * "40%", "1,600 miles", "$2 billion", "three", "twenty-five".
 *
 * Qualifiers (about, around, approximately, roughly, nearly, almost, more than, over, at least,
 * up to, under, less than, an estimated, "~", "+") are dropped: the figure is what is asked, and
 * the articles qualify their figures in different ways. What follows the figure and its scale
 * word is its unit ("km", "people"), compared separately.
 */

export interface TypedNumber {
  /** The whole value: 1.5 million is 1500000. */
  value: number;
  /** The figure before the scale word: 1.5 in "1.5 million". */
  mantissa: number;
  /** The scale word's value: 1e6 in "1.5 million", 1 when there is none. */
  scale: number;
  /** The unit in canonical form ("km", "percent", "people"), or "" when none was given. */
  unit: string;
}

const QUALIFIER =
  /^(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|just under|just over|more than|over|at least|up to|under|less than|fewer than|close to|an estimated|estimated|circa|ca\.|c\.|~|≈|>|<)\s*/;
const CURRENCY = /^(?:us\s?\$|\$|usd|pkr|rs\.?|£|€)\s*/;
const FIGURE = /^(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.(\d+))?(?!\d)/;
const SCALE = /^\s*(thousand|million|billion|trillion|lakh|crore|hundred|mn|bn|k|m|b)s?(?![a-z])/;
const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, lakh: 1e5, million: 1e6, mn: 1e6, m: 1e6, crore: 1e7,
  billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12,
};

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORD_FIGURE = new RegExp(`^(?:(${TENS.slice(2).join('|')})(?:[- ](${ONES.slice(1, 10).join('|')}))?|(${ONES.join('|')})|(an?)(?=\\s+(?:hundred|thousand|million|billion|lakh|crore)))(?![a-z])`);

/** Unit words in canonical form; other words lose a plural "s". */
const UNITS: Record<string, string> = {
  km: 'km', kms: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km',
  mi: 'mi', mile: 'mi', miles: 'mi',
  percent: 'percent', pc: 'percent', pct: 'percent',
  person: 'people', persons: 'people', people: 'people', individual: 'people', individuals: 'people',
  usd: 'usd', dollar: 'usd', dollars: 'usd',
  rs: 'pkr', rupee: 'pkr', rupees: 'pkr', pkr: 'pkr',
  yr: 'year', yrs: 'year', years: 'year',
};

function canonicalUnit(rest: string): string {
  return rest
    .replace(/%/g, ' percent ')
    .replace(/\bper cent\b/g, 'percent')
    .replace(/\b(?:or more|or so|plus)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => UNITS[w] ?? (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
    .join(' ');
}

function readFigure(s: string): { figure: number; rest: string } | null {
  const m = FIGURE.exec(s);
  if (m) {
    const whole = m[1]!.replace(/[,\u00a0\u202f ]/g, '');
    return { figure: Number(m[2] ? `${whole}.${m[2]}` : whole), rest: s.slice(m[0].length) };
  }
  const w = WORD_FIGURE.exec(s);
  if (!w) return null;
  const figure = w[1] ? TENS.indexOf(w[1]) * 10 + (w[2] ? ONES.indexOf(w[2]) : 0) : w[3] ? ONES.indexOf(w[3]) : 1;
  return { figure, rest: s.slice(w[0].length) };
}

/** The number a student typed, or null if the text does not start (after qualifiers) with a figure. */
export function parseNumberAnswer(input: string): TypedNumber | null {
  let s = input.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(QUALIFIER, '');
  }
  let currency = '';
  const c = CURRENCY.exec(s);
  if (c) {
    currency = c[0].includes('rs') || c[0].includes('pkr') ? 'pkr' : c[0].includes('£') ? 'gbp' : c[0].includes('€') ? 'eur' : 'usd';
    s = s.slice(c[0].length);
  }
  const fig = readFigure(s);
  if (!fig) return null;
  let rest = fig.rest.replace(/^\s*\+/, '');
  let scale = 1;
  const sc = SCALE.exec(rest);
  if (sc) {
    scale = SCALES[sc[1]!]!;
    rest = rest.slice(sc[0].length);
  }
  rest = rest.replace(/^\s*\+/, '');
  if (/\d/.test(rest)) return null;
  const unit = [currency, canonicalUnit(rest)].filter(Boolean).join(' ');
  return { value: fig.figure * scale, mantissa: fig.figure, scale, unit };
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * A typed number against the right one. Equal values are right when the units agree or either
 * side gives none; equal values with another unit are near. The right figure with the wrong scale
 * ("1.5 billion", or plain "1.5", for "1.5 million") is near. Any other value is wrong: no typo
 * is forgiven in a number.
 */
export function compareNumbers(given: TypedNumber, right: TypedNumber): 'right' | 'near' | 'wrong' {
  if (same(given.value, right.value)) return !given.unit || !right.unit || given.unit === right.unit ? 'right' : 'near';
  if (same(given.mantissa, right.mantissa) && given.scale !== right.scale) return 'near';
  return 'wrong';
}
