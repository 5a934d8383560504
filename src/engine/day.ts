/**
 * Study days. A study day starts at `dayStartHour` local time (default 4 am, as in Anki), so a
 * late-night session still counts for the day it belongs to. The local offset is passed in.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Start of the study day containing `now`, in ms. `tzOffsetMin` is Date#getTimezoneOffset(). */
export function dayStart(now: number, dayStartHour: number, tzOffsetMin: number): number {
  const local = now - tzOffsetMin * 60_000 - dayStartHour * HOUR;
  const startLocal = Math.floor(local / DAY) * DAY;
  return startLocal + tzOffsetMin * 60_000 + dayStartHour * HOUR;
}

/** "2026-11-21": the study day containing `now`, as a local calendar date. */
export function dayKey(now: number, dayStartHour: number, tzOffsetMin: number): string {
  const local = new Date(dayStart(now, dayStartHour, tzOffsetMin) - tzOffsetMin * 60_000 + dayStartHour * HOUR);
  return local.toISOString().slice(0, 10);
}

export { DAY, HOUR };
