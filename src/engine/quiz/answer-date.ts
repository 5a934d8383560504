/**
 * Reading a typed date. Recognised forms (case, punctuation and ordinals ignored; a leading "in",
 * "on", "by", "around", "about", "circa", "c." and any "of" dropped):
 *
 * - year: "1893"
 * - month: "October 2025", "Oct 2025", "Oct. 2025", "2025-10", "10/2025"
 * - day: "27 February 2026", "27th Feb 2026", "February 27, 2026", "2026-02-27", "27/02/2026"
 *
 * All-number dates are read DAY FIRST ("03/04/2025" is 3 April), as in Pakistan, Afghanistan and
 * most of the world; a year-first form ("2025/04/03") is read year, month, day.
 */
import { datePrecision } from '../../deck/dates.ts';
import type { DatePrecision } from '../../deck/types.ts';

export interface TypedDate {
  /** ISO at its precision: "2025", "2025-10", "2025-10-19". */
  iso: string;
  precision: DatePrecision;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const LEADING = new Set(['in', 'on', 'by', 'around', 'about', 'circa', 'c', 'ca', 'the']);

const isYear = (t: string) => /^\d{4}$/.test(t);
const isSmall = (t: string) => /^\d{1,2}$/.test(t);
const pad = (n: string | number) => String(n).padStart(2, '0');

function build(y: string, m?: string | number, d?: string | number): TypedDate | null {
  const iso = m === undefined ? y : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  const precision = datePrecision(iso);
  return precision ? { iso, precision } : null;
}

/** The date a student typed, or null if it is not one of the recognised forms. */
export function parseDateAnswer(input: string): TypedDate | null {
  const tokens = input
    .normalize('NFKD')
    .toLowerCase()
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((t) => t && t !== 'of');
  while (tokens.length && LEADING.has(tokens[0]!)) tokens.shift();
  const month = (t: string | undefined) => (t === undefined ? undefined : MONTHS[t]);
  const [a, b, c] = tokens;
  if (tokens.length === 1 && a && isYear(a)) return build(a);
  if (tokens.length === 2 && a && b) {
    if (isYear(a) && isSmall(b)) return build(a, b);
    if (isSmall(a) && isYear(b)) return build(b, a);
    if (month(a) && isYear(b)) return build(b, month(a));
    if (isYear(a) && month(b)) return build(a, month(b));
  }
  if (tokens.length === 3 && a && b && c) {
    if (isYear(a) && isSmall(b) && isSmall(c)) return build(a, b, c);
    if (isSmall(a) && isSmall(b) && isYear(c)) return build(c, b, a);
    if (isSmall(a) && month(b) && isYear(c)) return build(c, month(b), a);
    if (month(a) && isSmall(b) && isYear(c)) return build(c, month(a), b);
  }
  return null;
}

/**
 * A typed date against the right one: the same date is right; a date inside the right period is
 * also right (a year was asked and a day in that year given: the asked part is right, the rest
 * is not asked); the right period given too coarsely ("February 2026" for 27 February 2026) is
 * near; anything else is wrong.
 */
export function compareDates(given: TypedDate, right: TypedDate): 'right' | 'near' | 'wrong' {
  if (given.iso === right.iso || given.iso.startsWith(`${right.iso}-`)) return 'right';
  if (right.iso.startsWith(`${given.iso}-`)) return 'near';
  return 'wrong';
}
