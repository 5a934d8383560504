/**
 * Smoke run of the benchmark code that needs no browser (`npm run bench` itself is not a test):
 * the synthetic collections are deterministic and valid in the app's own formats, the size
 * figures add up on a fixture build, and the results table says what was met and missed.
 * The scheduling simulator has its own smoke test (sim.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { generateCollection, planCollection, syntheticContent } from '../../bench/scale/generate';
import { cardStateProblem, logEventProblem } from '../../src/storage/guards';
import { replay } from '../../src/engine/replay';
import { Scheduler } from '../../src/engine/scheduler';
import { dayStart } from '../../src/engine/day';
import { eventId } from '../../src/engine/types';
import { loadDeckFiles } from '../../src/deck/load';

// The benchmark's own modules are plain ES modules (Node runs them without a build step).
type Json = Record<string, any>; // untyped JavaScript modules
const load = async (path: string): Promise<Json> => (await import(/* @vite-ignore */ path)) as Json;
const sizeModule = () => load('../../bench/size.mjs');
const runModule = () => load('../../bench/run.mjs');
const statsModule = () => load('../../bench/scale/stats.mjs');

const NOW = Date.UTC(2026, 10, 21, 15, 30); // a fixed clock: the generator takes `now`, never reads it
const OPTS = { nCards: 100, now: NOW, seed: 7, tzOffsetMin: 0, minDue: 20 };

describe('synthetic collections (100 cards)', () => {
  const a = generateCollection(OPTS);

  it('are the same for the same seed, and differ for another', () => {
    const b = generateCollection(OPTS);
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    expect(JSON.stringify(b.states)).toBe(JSON.stringify(a.states));
    expect(JSON.stringify(b.content)).toBe(JSON.stringify(a.content));
    const c = generateCollection({ ...OPTS, seed: 8 });
    expect(JSON.stringify(c.events)).not.toBe(JSON.stringify(a.events));
  });

  it('can be made a slice at a time, in any order, with the same result', () => {
    const plan = planCollection(OPTS);
    const late = plan.slice(60, 100);
    const early = plan.slice(0, 60);
    expect([...early.states, ...late.states]).toEqual(a.states);
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    expect([...early.events, ...late.events].sort(byId)).toEqual(a.events);
    expect(plan.summarize({ events: a.events, states: a.states })).toEqual(a.summary);
  });

  it('store records the app can read: valid states and events, unique ids in time order, none in the future', () => {
    expect(a.states).toHaveLength(100);
    for (const s of a.states) expect(cardStateProblem(s)).toBeNull();
    for (const e of a.events) expect(logEventProblem(e)).toBeNull();
    const ids = a.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const e of a.events) {
      expect(e.id.startsWith(eventId(e.at, ''))).toBe(true);
      expect(e.at).toBeLessThanOrEqual(NOW);
      expect(e.at).toBeGreaterThan(NOW - 5 * 365 * 86_400_000);
    }
    const reviews = a.events.filter((e) => e.kind === 'review');
    expect(reviews).toHaveLength(100 * 10);
  });

  it("have the states the app's own replay of the log gives", () => {
    const replayed = replay(a.events, new Scheduler());
    expect(replayed.size).toBe(100);
    for (const s of a.states) expect(replayed.get(s.cardId)).toEqual(s);
  });

  it('look like a real collection: cards due today, a few relearning, none answered today', () => {
    const today = dayStart(NOW, 4, 0);
    expect(a.summary.dueToday).toBeGreaterThanOrEqual(20);
    expect(a.summary.learningDue).toBeGreaterThanOrEqual(1);
    expect(a.summary.byPhase[2]).toBeGreaterThan(90);
    expect(a.events.every((e) => e.at < today)).toBe(true);
  });

  it("come with decks that pass the app's deck validation, about as large as real facts", () => {
    const content = syntheticContent(100, 7, 40);
    expect(content.decks.map((d) => d.facts.length)).toEqual([40, 40, 20]);
    const files = [{ file: 'decks/sources.json', json: { sources: content.sources } }, ...content.decks.map((d) => ({ file: `decks/${d.id}.json`, json: d }))];
    expect(() => loadDeckFiles(files)).not.toThrow();
    const perFact = JSON.stringify(content).length / 100;
    expect(perFact).toBeGreaterThan(700);
    expect(perFact).toBeLessThan(1400);
    expect(a.content.decks.flatMap((d) => d.facts.map((f) => f.id))).toEqual(a.states.map((s) => s.cardId));
  });
});

describe('size figures', () => {
  const js = (n: number, seed: string) => Buffer.from(`export const x${seed} = [${Array.from({ length: n }, (_, i) => `"${seed}${i * 7919}"`).join(',')}];\n`);
  const files = new Map<string, Buffer>([
    ['index.html', Buffer.from('<!doctype html><script type="module" src="/assets/index-a1.js"></script>')],
    ['theme-init.js', Buffer.from('document.documentElement.dataset.theme = "light";')],
    ['assets/index-a1.js', js(2000, 'main')],
    ['assets/index-a1.css', Buffer.from('body { margin: 0; color: #222; }\n'.repeat(50))],
    ['assets/QuizView-q1.js', js(300, 'quiz')],
    ['assets/StatsView-s1.js', js(900, 'stats')],
    ['content.json', Buffer.from(JSON.stringify({ sources: [], decks: [] }))],
    ['workbox-abc.js', js(100, 'wb')],
  ]);
  const sw = `define(["./workbox-abc"],function(s){s.precacheAndRoute([{url:"theme-init.js",revision:"aa"},{url:"index.html",revision:"bb"},{url:"content.json",revision:"cc"},{url:"assets/index-a1.js",revision:null},{url:"assets/index-a1.css",revision:null},{url:"assets/QuizView-q1.js",revision:null},{url:"assets/StatsView-s1.js",revision:null}],{})});`;
  files.set('sw.js', Buffer.from(sw));
  const gz = (p: string) => gzipSync(files.get(p)!, { level: 9 }).length;

  it('reads the precache manifest of a Workbox service worker', async () => {
    const { parsePrecache } = await sizeModule();
    expect(parsePrecache(sw).map((e: { url: string }) => e.url)).toEqual([
      'theme-init.js',
      'index.html',
      'content.json',
      'assets/index-a1.js',
      'assets/index-a1.css',
      'assets/QuizView-q1.js',
      'assets/StatsView-s1.js',
    ]);
  });

  it('adds up the first load, finds the largest lazy chunk and sums the precache', async () => {
    const { summarizeSize, parsePrecache } = await sizeModule();
    const res = summarizeSize({
      firstVisit: ['theme-init.js', 'assets/index-a1.js', 'assets/index-a1.css', 'assets/index-a1.js', 'index.html'],
      files,
      precache: parsePrecache(sw).map((e: { url: string }) => e.url),
      swScripts: ['sw.js', 'workbox-abc.js'],
    });
    expect(res.firstLoad.files.map((f: { path: string }) => f.path)).toEqual(['assets/index-a1.css', 'assets/index-a1.js', 'theme-init.js']);
    expect(res.firstLoad.gzip).toBe(gz('theme-init.js') + gz('assets/index-a1.js') + gz('assets/index-a1.css'));
    expect(res.firstLoad.cssGzip).toBe(gz('assets/index-a1.css'));
    expect(res.largestLazy.path).toBe('assets/StatsView-s1.js');
    expect(res.largestLazy.gzip).toBe(gz('assets/StatsView-s1.js'));
    expect(res.lazyViews).toEqual(['assets/StatsView-s1.js', 'assets/QuizView-q1.js']);
    expect(res.viewsOnFirstVisit).toEqual([]);
    expect(res.precache.entries).toBe(7);
    expect(res.precache.bytes).toBe([...files.keys()].filter((p) => !['sw.js', 'workbox-abc.js'].includes(p)).reduce((a, p) => a + files.get(p)!.length, 0));
    expect(res.serviceWorker.gzip).toBe(gz('sw.js') + gz('workbox-abc.js'));
  });

  it('notices a lazy view loaded on the first visit', async () => {
    const { summarizeSize } = await sizeModule();
    const res = summarizeSize({ firstVisit: ['assets/index-a1.js', 'assets/QuizView-q1.js'], files, precache: [] });
    expect(res.viewsOnFirstVisit).toEqual(['assets/QuizView-q1.js']);
    expect(res.largestLazy.path).toBe('assets/StatsView-s1.js');
  });
});

describe('statistics', () => {
  it('median and percentiles', async () => {
    const { median, percentile } = await statsModule();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    const xs = Array.from({ length: 101 }, (_, i) => i);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile([10, 20], 50)).toBe(15);
  });
});

describe('results table', () => {
  const results = {
    date: '2026-11-21T20:00:00.000Z',
    durationMs: 431_000,
    machine: { cpu: 'Test CPU', cores: 2, ramGB: 24, os: 'Debian GNU/Linux 12 (bookworm)', node: 'v20.20.2', chromium: 'Chromium 156.0' },
    size: {
      firstLoad: { gzip: 77_074, jsGzip: 74_527, cssGzip: 2_547, files: [{}, {}] },
      viewsOnFirstVisit: [],
      lazyViews: ['assets/QuizView-q1.js'],
      largestLazy: { path: 'assets/StatsView-s1.js', gzip: 5_600 },
      precache: { entries: 56, bytes: 590_300, gzip: 200_000 },
      serviceWorker: { gzip: 6_000 },
    },
    lighthouse: { lighthouseVersion: '12.8.2', runs: 3, performance: 97, accessibility: 100, bestPractices: 100, lcpMs: 2100.4, tbtMs: 40, cls: 0.0012 },
    scale: {
      config: { coldRuns: 5, answerRuns: 3, answers: 200 },
      sizes: [
        { cards: 10000, coldStartMs: 900, heapMB: 20.1, cold: [{}, {}, {}, {}, {}], answer: { medianMs: 9, p95Ms: 12.3, nextCardP95Ms: 5, durableP95Ms: 12, answersPerRun: 200, runs: [{}, {}, {}] } },
        { cards: 50000, coldStartMs: 3100, heapMB: 71, cold: [{}, {}, {}, {}, {}], answer: { medianMs: 20, p95Ms: 40, nextCardP95Ms: 30, durableP95Ms: 18, answersPerRun: 200, runs: [{}, {}, {}] } },
      ],
    },
    simulation: { config: { students: 7 }, targets: [{ id: 'fsrs6-vs-sm2', description: 'FSRS vs SM-2', value: 0.25, threshold: 0.2, met: true }] },
  };

  it('puts every figure next to its target and says met or missed', async () => {
    const { figures, formatTable } = await runModule();
    const figs = figures(results);
    const by = (id: string) => figs.find((f: { id: string }) => f.id === id);
    expect(by('first-load')).toMatchObject({ value: 77.1, pass: true });
    expect(by('performance')).toMatchObject({ value: 97, pass: false });
    expect(by('accessibility').pass).toBe(true);
    expect(by('cls').value).toBe(0.001);
    expect(by('answer-p95-10000')).toMatchObject({ value: 12.3, pass: true });
    expect(by('answer-p95-50000')).toMatchObject({ value: 40, pass: false });
    expect(by('cold-50000').pass).toBe(false);
    expect(by('heap-10000').pass).toBeNull();
    expect(by('heap-50000').pass).toBe(false);
    expect(by('fsrs6-vs-sm2')).toMatchObject({ value: 25, pass: true });
    const table = formatTable(figs);
    expect(table).toMatch(/First load: JS \+ CSS \(gzip\)\s+77\.1 kB\s+≤ 90 kB\s+met/);
    expect(table).toMatch(/Lighthouse performance \(mobile\)\s+97\s+≥ 98\s+MISSED/);
    expect(table.split('\n').length).toBe(figs.length + 2);
  });

  it('writes a markdown table that says when and on what machine', async () => {
    const { markdownTable } = await runModule();
    const mdTable: string = markdownTable(results);
    expect(mdTable).toContain('Measured on 2026-11-21');
    expect(mdTable).toContain('Test CPU (2 cores), 24 GB RAM');
    expect(mdTable).toContain('over 3 runs of 200 answers');
    expect(mdTable).toContain('took 7 min 11 s');
    expect(mdTable).toContain('| Scale | 50,000 cards: answer to next card, saved (p95) | 40 ms | ≤ 33 ms | **missed** |');
  });

  it('parses the options: a subset, quick, no build', async () => {
    const { parseOptions } = await runModule();
    const sub = parseOptions(['--only', 'size,scale', '--quick']);
    expect(sub.parts).toEqual(['size', 'scale']);
    expect(sub.out).toMatch(/bench\/\.runs\/results-partial\.json$/);
    const full = parseOptions(['--no-build']);
    expect(full.parts).toEqual(['size', 'lighthouse', 'scale', 'sim']);
    expect(full.out).toMatch(/bench\/results\.json$/);
    expect(full.table).toMatch(/bench\/README-table\.md$/);
    expect(() => parseOptions(['--only', 'nope'])).toThrow(/unknown part/);
  });
});
