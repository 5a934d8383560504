/**
 * The quiz clock, driven by timestamps, not by counting ticks: the time left is always
 * `deadline - now`, so a throttled background tab cannot slow it and a reload cannot reset it.
 *
 * Resuming: within RELOAD_GRACE_MS of the last moment the quiz was seen (a reload, a quick switch
 * of apps) the deadline stands. After a longer absence (the app was killed, the phone slept),
 * the question resumes with the time that was left when the quiz was last seen, so an interrupted
 * quiz is not lost to the clock.
 */
export type Timing = { mode: 'none' } | { mode: 'question'; seconds: number } | { mode: 'quiz'; seconds: number };

export const RELOAD_GRACE_MS = 30_000;

export interface ClockState {
  /** When time runs out, ms since the epoch; null when untimed. */
  deadline: number | null;
  /** The last moment the quiz was seen running. */
  lastSeen: number;
}

/** The deadline for a question shown at `now` (per-question timing) or for the quiz started at `now`. */
export function startClock(timing: Timing, now: number): ClockState {
  return { deadline: timing.mode === 'none' ? null : now + timing.seconds * 1000, lastSeen: now };
}

/** Time left, ms (Infinity when untimed), never negative. */
export function timeLeft(c: ClockState, now: number): number {
  return c.deadline === null ? Infinity : Math.max(0, c.deadline - now);
}

/** The clock after coming back at `now` from an absence that began at `c.lastSeen`. */
export function resumeClock(c: ClockState, now: number): ClockState {
  if (c.deadline === null) return { deadline: null, lastSeen: now };
  const away = now - c.lastSeen;
  if (away <= RELOAD_GRACE_MS) return { deadline: c.deadline, lastSeen: now };
  const left = Math.max(0, c.deadline - c.lastSeen);
  return { deadline: now + left, lastSeen: now };
}

/** Mark the quiz as seen at `now` (on every answer and whenever the page is hidden). */
export function seen(c: ClockState, now: number): ClockState {
  return { ...c, lastSeen: now };
}
