/**
 * Synthetic collections for the scale benchmark: N facts in the app's deck format, and for each
 * fact a review history of `reviewsPerCard` answers in the app's log format, with the card states
 * the app itself would derive from that log (the app's own Scheduler, so `replay(events)` equals
 * the states; the unit test checks it).
 *
 * Seeded and reproducible: the same options (seed, size, and the study day `now` falls in) give
 * the same collection, byte for byte. The review times are relative to `now`, since the app reads
 * the real clock; FSRS's fuzz is seeded by the review time, so a different day gives a different
 * (equally valid) collection.
 *
 * What a collection looks like (the realistic shape of a long-time student's data):
 * - every card has `reviewsPerCard` reviews (grades mostly Good, some Again, Hard and Easy), each
 *   answered when it fell due, a little late;
 * - `due`: about 4% of cards (at least 300, so 200 answers can be measured at every size) are
 *   review cards due today, up to 5 days overdue;
 * - `relearn`: a few cards were failed yesterday evening and are in relearning, due now;
 * - `yesterday`: up to 150 cards were reviewed yesterday (the start-up reads the last day's events);
 * - `later`: every other card is a review card due after today; 1% of them are suspended.
 * No review happened today, so the day's limits (200 reviews) are whole.
 */
import { Scheduler } from '../../src/engine/scheduler.ts';
import { dayStart } from '../../src/engine/day.ts';
import { eventId, type CardState, type Grade, type LogEvent, type ReviewEvent } from '../../src/engine/types.ts';
import { CATEGORIES, type Deck, type Fact, type Source } from '../../src/deck/types.ts';
import { answerKey } from '../../src/deck/validate.ts';
import { mulberry32 } from '../../src/engine/random.ts';
import { hash32 } from '../sim/prng.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The longest history: first answer to the due date after the last one. */
const MAX_SPAN = 4 * 365 * DAY;

export interface GenerateOptions {
  nCards: number;
  /** Reviews in each card's history (default 10). */
  reviewsPerCard?: number;
  seed?: number;
  /** The benchmark's "now", ms (the real clock: the app reads it). */
  now: number;
  /** Date#getTimezoneOffset() of the browser that will open the collection. */
  tzOffsetMin?: number;
  /** The app's setting (default 4). */
  dayStartHour?: number;
  /** Facts per deck (default 1,000). */
  deckSize?: number;
  /** Share of cards due today (default 0.04), but at least `minDue`. */
  dueFraction?: number;
  minDue?: number;
}

export type CardKind = 'due' | 'relearn' | 'yesterday' | 'later';

export interface Collection {
  options: Required<GenerateOptions>;
  content: { sources: Source[]; decks: Deck[] };
  /** All events, in id (time) order. */
  events: LogEvent[];
  /** One state per card, in deck order. */
  states: CardState[];
  summary: {
    cards: number;
    events: number;
    /** Review cards due before the end of today (what the daily queue draws from). */
    dueToday: number;
    /** Learning or relearning cards due now. */
    learningDue: number;
    suspended: number;
    /** Events since the start of yesterday's study day (what start-up reads). */
    recentEvents: number;
    byPhase: Record<number, number>;
  };
}

export const DEFAULT_SEED = 20261121;

// ---- seeded randomness: the simulator's hash32 for seeds, the app's mulberry32 for streams ----

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();

// ---- content ---------------------------------------------------------------------------------

const SYLLABLES = ['ka', 'ra', 'mi', 'dan', 'sha', 'lo', 'pe', 'ti', 'gul', 'zar', 'an', 'bek', 'ham', 'no', 'qa', 'sul', 'wa', 'ya', 'ri', 'tor', 'ba', 'kh', 'del', 'ist'];
const COMMON = ['the', 'of', 'in', 'and', 'to', 'a', 'which', 'after', 'border', 'talks', 'ceasefire', 'province', 'government', 'attack', 'minister', 'group', 'year', 'said', 'when', 'was'];

function word(r: () => number): string {
  let w = '';
  const n = 2 + Math.floor(r() * 2);
  for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
  return w;
}

function words(r: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(r() < 0.45 ? pick(r, COMMON) : word(r));
  return out.join(' ');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (r: () => number, count: number) => `${cap(words(r, count))}.`;

export const SYNTHETIC_SOURCES: Source[] = [1, 2, 3, 4, 5].map((i) => ({
  id: `synthetic-source-${i}`,
  label: `Synthetic source ${i}, 2025`,
  title: `Synthetic article number ${i}`,
  author: `Author ${i}`,
  outlet: 'Benchmark Outlet',
  written: '2025-06',
  summary: 'A made-up article that synthetic benchmark cards cite.',
}));

export const cardIdOf = (i: number) => `syn-${String(i).padStart(6, '0')}`;

/** Wrong answers of these lengths in words, none equal to the answer or to each other (as the deck check compares them). */
function distinctFrom(answer: string, lengths: number[], make: (words: number) => string): string[] {
  const seen = new Set([answerKey(answer)]);
  return lengths.map((n) => {
    let d = make(n);
    while (seen.has(answerKey(d))) d = make(n);
    seen.add(answerKey(d));
    return d;
  });
}

/**
 * One synthetic fact, about as long as the real ones (about 1 kB of JSON each: a long prompt, a
 * two-sentence explanation, four distractors, evidence, tags and links).
 */
export function syntheticFact(i: number, seed: number, nCards: number): Fact {
  const r = mulberry32(hash32(seed, 0xfac7, i));
  const answer = cap(words(r, 2));
  const fact: Fact = {
    id: cardIdOf(i),
    category: CATEGORIES[i % CATEGORIES.length]!,
    prompt: `Card ${i}: ${cap(words(r, 22))}?`,
    answer,
    accept: r() < 0.3 ? [answer.toLowerCase()] : [],
    distractors: distinctFrom(answer, [2, 2, 3, 2], (n) => cap(words(r, n))),
    explanation: `${sentence(r, 24)} ${sentence(r, 20)}`,
    cue: cap(words(r, 6)),
    statement: `${cap(words(r, 6))} {answer} ${words(r, 3)}.`,
    sources: [{ source: SYNTHETIC_SOURCES[i % SYNTHETIC_SOURCES.length]!.id, evidence: words(r, 8) }],
    tags: [word(r), word(r), word(r), String(2021 + (i % 6))],
    related: [cardIdOf((i + 1 + Math.floor(r() * 50)) % nCards), cardIdOf((i + 7 + Math.floor(r() * 50)) % nCards)],
  };
  if (r() < 0.4 || fact.category === 'date') fact.date = `${2021 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}`;
  return fact;
}

export function syntheticContent(nCards: number, seed = DEFAULT_SEED, deckSize = 1000): { sources: Source[]; decks: Deck[] } {
  const decks: Deck[] = [];
  for (let start = 0, d = 0; start < nCards; start += deckSize, d++) {
    const facts: Fact[] = [];
    for (let i = start; i < Math.min(nCards, start + deckSize); i++) facts.push(syntheticFact(i, seed, nCards));
    decks.push({ id: `synthetic-${d + 1}`, title: `Synthetic deck ${d + 1}`, description: `Benchmark cards ${start + 1} to ${start + facts.length}.`, facts });
  }
  return { sources: SYNTHETIC_SOURCES, decks };
}

// ---- histories -------------------------------------------------------------------------------

/**
 * An event-id suffix like the app's (base-36 random digits, from the seeded stream), ending with
 * the card's index so that two cards can never share an id.
 */
function suffix(r: () => number, card: number): string {
  return Math.floor(r() * 4294967296).toString(36) + card.toString(36);
}

/** Grades for the reviews before the last: mostly Good, as a student who knows most cards. */
function drawGrade(r: () => number): Grade {
  const u = r();
  return u < 0.08 ? 1 : u < 0.15 ? 2 : u < 0.9 ? 3 : 4;
}

interface Plan {
  grades: Grade[];
  /** Lateness after each due date, as a fraction of the interval. */
  late: number[];
  durations: number[];
  suffixes: string[];
}

interface Step {
  at: number;
  grade: Grade;
  from: CardState['phase'];
  id: string;
  durationMs: number;
  state: CardState;
}

/** The first `count` reviews of a card whose first answer is at `base`, each answered when due (a little late). */
function history(s: Scheduler, cardId: string, plan: Plan, base: number, count: number): Step[] {
  const out: Step[] = [];
  let state: CardState | null = null;
  let t = base;
  for (let k = 0; k < count; k++) {
    const grade = plan.grades[k]!;
    const id = eventId(t, plan.suffixes[k]!);
    const next: CardState = s.apply(cardId, state, grade, t, id);
    out.push({ at: t, grade, from: state?.phase ?? 0, id, durationMs: plan.durations[k]!, state: next });
    state = next;
    const interval = Math.max(MIN, next.due - t);
    t = Math.round(next.due + plan.late[k]! * interval);
  }
  return out;
}

/** A collection to generate a slice of cards at a time (so a large one can be written while it is made). */
export interface CollectionPlan {
  options: Required<GenerateOptions>;
  kinds: readonly CardKind[];
  content(): { sources: Source[]; decks: Deck[] };
  /** The events (in no particular order) and states of cards `from` to `to` - 1. */
  slice(from: number, to: number): { events: LogEvent[]; states: CardState[] };
  /** Counts of a slice, to add up into a collection's summary. */
  summarize(part: { events: readonly LogEvent[]; states: readonly CardState[] }): Collection['summary'];
}

/**
 * Plan a collection. Each card's history depends only on the seed, the card's index and its kind,
 * so slices can be made in any order. Cost: about 30 scheduler calls per card (two passes of the
 * history to place it in time, then a short search for a last review time that makes the card
 * due when its kind says).
 */
export function planCollection(opts: GenerateOptions): CollectionPlan {
  const o: Required<GenerateOptions> = {
    reviewsPerCard: 10,
    seed: DEFAULT_SEED,
    tzOffsetMin: new Date(opts.now).getTimezoneOffset(),
    dayStartHour: 4,
    deckSize: 1000,
    dueFraction: 0.04,
    minDue: 300,
    ...opts,
  };
  const { nCards: n, now, seed } = o;
  const R = o.reviewsPerCard;
  if (!(n > 0) || !(R >= 2)) throw new Error('nCards must be positive and reviewsPerCard at least 2');
  const s = new Scheduler();
  const today = dayStart(now, o.dayStartHour, o.tzOffsetMin);
  const endOfDay = today + DAY;
  const yesterday = today - DAY;

  // Which cards are of which kind: a seeded shuffle, then the first ones of each kind.
  const order = Array.from({ length: n }, (_, i) => i);
  const rs = mulberry32(hash32(seed, 0x5eed));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rs() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const nDue = Math.min(n, Math.max(o.minDue, Math.round(o.dueFraction * n)));
  const nRelearn = Math.min(n - nDue, Math.min(20, Math.max(2, Math.round(n / 1000))));
  const nYesterday = Math.min(n - nDue - nRelearn, Math.min(150, Math.round(n * 0.02)));
  const kinds: CardKind[] = new Array(n);
  order.forEach((card, rank) => {
    kinds[card] = rank < nDue ? 'due' : rank < nDue + nRelearn ? 'relearn' : rank < nDue + nRelearn + nYesterday ? 'yesterday' : 'later';
  });

  const card = (i: number, events: LogEvent[], states: CardState[]) => {
    const cardId = cardIdOf(i);
    const kind = kinds[i]!;
    const r = mulberry32(hash32(seed, 0xca4d, i));
    const drawPlan = (): Plan => {
      const plan: Plan = { grades: [], late: [], durations: [], suffixes: [] };
      for (let k = 0; k < R; k++) {
        plan.grades.push(drawGrade(r));
        plan.late.push(r() < 0.5 ? 0.02 * r() : 0.25 * r());
        plan.durations.push(Math.round(2500 + 9000 * r() * r()));
        plan.suffixes.push(suffix(r, i));
      }
      // The last answer: Again for a card failed yesterday, else not Again (it ends as a review card).
      plan.grades[R - 1] = kind === 'relearn' ? 1 : r() < 0.85 ? 3 : r() < 0.5 ? 2 : 4;
      return plan;
    };
    const suspended = kind === 'later' && r() < 0.01;

    // Pass 1: the history's shape (when the last answer comes, and the interval it gives).
    // FSRS's intervals grow fast: ten good answers in a row reach decades, and a collection is
    // a few years old. Draw grades again until the history (first answer to the due date after
    // the last) fits in MAX_SPAN (and, for a card due after today, its last interval is a few
    // days at least); after 8 draws, the answer that led to the longest interval becomes Again.
    const probeBase = now - MAX_SPAN;
    const fits = (h: Step[]) =>
      h[R - 1]!.state.due - probeBase <= MAX_SPAN && (kind !== 'later' || h[R - 1]!.state.due - h[R - 1]!.at >= 4 * DAY);
    let plan = drawPlan();
    let probe = history(s, cardId, plan, probeBase, R);
    for (let k = 0; k < 8 && !fits(probe); k++) {
      plan = drawPlan();
      probe = history(s, cardId, plan, probeBase, R);
    }
    for (let k = 0; k < R && probe[R - 1]!.state.due - probeBase > MAX_SPAN; k++) {
      let j = -1;
      let longest = -1;
      for (let q = 2; q < R - 1; q++) {
        const gap = probe[q + 1]!.at - probe[q]!.at;
        if (plan.grades[q] !== 1 && gap > longest) [j, longest] = [q, gap];
      }
      if (j < 0) break;
      plan.grades[j] = 1;
      probe = history(s, cardId, plan, probeBase, R);
    }
    const lastProbe = probe[R - 1]!;
    const span = lastProbe.at - probeBase;
    const lastInterval = Math.max(MIN, lastProbe.state.due - lastProbe.at);

    // Where the last answer should be, and where the card should then be due.
    let lastAt: number;
    let lo: number; // acceptable due window
    let hi: number;
    let target: number;
    let freeTime: boolean; // may the last answer's time move to hit the window?
    switch (kind) {
      case 'due':
        target = now - between(r, 0, 5) * DAY;
        lo = now - 7 * DAY;
        hi = endOfDay - HOUR;
        lastAt = target - lastInterval;
        freeTime = true;
        break;
      case 'later':
        // Due some time after today, anywhere in its interval (cards with short intervals may
        // not fit after yesterday's answers: they end up due today, as they would for a student).
        target = endOfDay + between(r, 0.02, 1) * Math.max(DAY, lastInterval - 2 * DAY);
        lastAt = target - lastInterval;
        lo = endOfDay;
        hi = Infinity;
        freeTime = true;
        break;
      default: // relearn, yesterday: answered yesterday evening
        lastAt = yesterday + between(r, 12, 19.5) * HOUR;
        target = lo = -Infinity;
        hi = Infinity;
        freeTime = false;
    }
    const latest = kind === 'due' || kind === 'later' ? Math.min(now - HOUR, yesterday - HOUR) : lastAt;

    // Pass 2: the history up to the last answer, placed so that the last answer falls near lastAt.
    // (Fuzz makes pass 2 differ a little from pass 1: if the history now runs past the latest
    // allowed answer, start it earlier.)
    let base = Math.round(lastAt - span);
    let steps = history(s, cardId, plan, base, R - 1);
    const gapAfter = (st: Step) => (st.state.phase === 2 ? DAY : 10 * MIN);
    const wanted = Math.min(latest, lastAt);
    for (let k = 0; k < 8 && steps[R - 2]!.at + gapAfter(steps[R - 2]!) > wanted; k++) {
      base -= Math.round(steps[R - 2]!.at + gapAfter(steps[R - 2]!) - wanted + (1 + k) * (between(r, 0, 0.03) * span + DAY));
      steps = history(s, cardId, plan, base, R - 1);
    }
    const prev = steps[R - 2]!;
    const earliest = prev.at + gapAfter(prev);
    if (earliest > latest) throw new Error(`could not place the history of ${cardId}`);
    const answerAt = (t: number): Step => {
      const id = eventId(t, plan.suffixes[R - 1]!);
      let grade = plan.grades[R - 1]!;
      let state = s.apply(cardId, prev.state, grade, t, id);
      if (kind !== 'relearn' && state.phase !== 2) {
        // Still in a learning step: the student pressed Easy, which always graduates the card.
        grade = 4;
        state = s.apply(cardId, prev.state, grade, t, id);
      }
      return { at: t, grade, from: prev.state.phase, id, durationMs: plan.durations[R - 1]!, state };
    };
    let t = Math.round(Math.min(latest, Math.max(earliest, lastAt)));
    let last = answerAt(t);
    if (freeTime) {
      // FSRS's fuzz moves the due date a little for every answer time: search for a time that lands in the window.
      for (let k = 0; k < 40 && !(last.state.due >= lo && last.state.due < hi); k++) {
        const miss = target - last.state.due;
        t = Math.round(Math.min(latest, Math.max(earliest, t + miss * between(r, 0.6, 1.1) + (r() - 0.5) * 2 * DAY)));
        last = answerAt(t);
      }
    }
    steps.push(last);

    for (const st of steps) {
      const e: ReviewEvent = { kind: 'review', id: st.id, cardId, grade: st.grade, mode: 'study', at: st.at, durationMs: st.durationMs, from: st.from };
      events.push(e);
    }
    let state = last.state;
    if (suspended) {
      const at = last.at + 30_000;
      const id = eventId(at, suffix(r, i));
      events.push({ kind: 'suspend', id, cardId, at });
      state = { ...state, suspended: true, lastEventId: id };
    }
    states.push(state);
  };

  const summarize = (part: { events: readonly LogEvent[]; states: readonly CardState[] }): Collection['summary'] => {
    const byPhase: Record<number, number> = { 0: 0, 1: 0, 2: 0, 3: 0 };
    let dueToday = 0;
    let learningDue = 0;
    let suspendedCount = 0;
    for (const st of part.states) {
      byPhase[st.phase] = (byPhase[st.phase] ?? 0) + 1;
      if (st.suspended) {
        suspendedCount++;
        continue;
      }
      if (st.phase === 2 && st.due < endOfDay) dueToday++;
      if ((st.phase === 1 || st.phase === 3) && st.due <= now) learningDue++;
    }
    const recentFrom = eventId(yesterday, '');
    let recentEvents = 0;
    for (const e of part.events) if (e.id >= recentFrom) recentEvents++;
    return { cards: part.states.length, events: part.events.length, dueToday, learningDue, suspended: suspendedCount, recentEvents, byPhase };
  };

  return {
    options: o,
    kinds,
    content: () => syntheticContent(n, seed, o.deckSize),
    slice(from, to) {
      const events: LogEvent[] = [];
      const states: CardState[] = [];
      for (let i = Math.max(0, from); i < Math.min(n, to); i++) card(i, events, states);
      return { events, states };
    },
    summarize,
  };
}

/** Add up slice summaries. */
export function addSummaries(a: Collection['summary'], b: Collection['summary']): Collection['summary'] {
  const byPhase: Record<number, number> = {};
  for (const k of [0, 1, 2, 3]) byPhase[k] = (a.byPhase[k] ?? 0) + (b.byPhase[k] ?? 0);
  return {
    cards: a.cards + b.cards,
    events: a.events + b.events,
    dueToday: a.dueToday + b.dueToday,
    learningDue: a.learningDue + b.learningDue,
    suspended: a.suspended + b.suspended,
    recentEvents: a.recentEvents + b.recentEvents,
    byPhase,
  };
}

/** Generate a whole collection at once (events in id order). */
export function generateCollection(opts: GenerateOptions): Collection {
  const plan = planCollection(opts);
  const { events, states } = plan.slice(0, plan.options.nCards);
  events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { options: plan.options, content: plan.content(), events, states, summary: plan.summarize({ events, states }) };
}
