import type { DatePrecision } from './types.ts';

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Precision of an ISO date string ("2021", "2025-10", "2026-02-27"), or null if it is not a real date. */
export function datePrecision(iso: string): DatePrecision | null {
  const m = DATE_RE.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo === undefined) return 'year';
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return 'month';
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last ? 'day' : null;
}

/** Sort key for a date of any precision: the first day of the period. */
export function dateSortKey(iso: string): string {
  return iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "27 February 2026", "October 2025", "1893". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
