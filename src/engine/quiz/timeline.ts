/**
 * When two dated facts can be put in an order nobody could dispute. A date is a period at its
 * precision ("2025" is the whole year, "2025-10" the whole month), so "2025" and "2025-10" could be
 * the same time and are never asked together. Approximate dates (`circa`) are widened first: a day
 * to its month, a month to the month either side, a year to the year either side.
 */
import type { Fact } from '../../deck/types.ts';
import { datePrecision, dateSortKey } from '../../deck/dates.ts';

/** A closed range of days (days since the epoch). */
export interface DaySpan {
  first: number;
  last: number;
}

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

/** The days a fact's date could mean, or null when it has no valid date. */
export function dateSpan(fact: Pick<Fact, 'date' | 'circa'>): DaySpan | null {
  const iso = fact.date;
  if (!iso) return null;
  const precision = datePrecision(iso);
  if (!precision) return null;
  const [y, m = 1, d = 1] = iso.split('-').map(Number) as [number, number?, number?];
  const circa = fact.circa === true;
  if (precision === 'year') {
    const pad = circa ? 1 : 0;
    return { first: day(y - pad, 1, 1), last: day(y + 1 + pad, 1, 1) - 1 };
  }
  if (precision === 'month') {
    const pad = circa ? 1 : 0;
    return { first: day(y, m - pad, 1), last: day(y, m + 1 + pad, 1) - 1 };
  }
  if (circa) return { first: day(y, m, 1), last: day(y, m + 1, 1) - 1 };
  const t = day(y, m, d);
  return { first: t, last: t };
}

/** True when the two spans cannot be the same time: one ends before the other begins. */
export function clearlyOrdered(a: DaySpan, b: DaySpan): boolean {
  return a.last < b.first || b.last < a.first;
}

/** Compare two dated facts by `dateSortKey` (the first day of each period). */
export function byDate(a: Pick<Fact, 'date'>, b: Pick<Fact, 'date'>): number {
  const ka = dateSortKey(a.date ?? '');
  const kb = dateSortKey(b.date ?? '');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
