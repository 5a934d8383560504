#!/usr/bin/env node
/**
 * Scale benchmark (part 3 of the benchmark issue): the built app in a real Chromium, with synthetic
 * collections (bench/scale/generate.ts) of N cards with 10 reviews each, stored through the app's
 * own IndexedDB format and served as the app's content.json.
 *
 * For each size:
 *  1. plan the collection (seeded); build the app with the synthetic decks in place of decks/
 *     (DURAND_DECKS), exactly as real decks ship: an index and chunks of card text, all precached;
 *  2. first visit online: the service worker installs and precaches; the app creates its database;
 *     the collection is written into it, one transaction per slice of 2,500 cards (the server makes
 *     the next slice while the page writes this one); the student is a returning one (welcomed,
 *     today's integrity check done); then we wait for the database files to stop changing;
 *  3. cold start offline, `coldRuns` times: close Chromium, start it again on the same profile with
 *     the network off (the context offline and the server dropping every connection), open /study,
 *     and time from navigation start to the first card's prompt in the page (a MutationObserver
 *     added before any page script; the time includes a forced style and layout); then the
 *     JavaScript heap after a garbage collection (CDP Runtime.getHeapUsage);
 *  4. answers: Space, then `3` (Good), `answers` times per run, `answerRuns` runs (the database is
 *     put back to the generated collection between runs). Each answer is timed in the page from the
 *     keydown (a capture listener on window, which runs before the app's own listener) to both the
 *     next card shown (reveal button back, answer gone, layout done) and the write durable ("Saved
 *     on this device" shown again, which the app shows only once every write has committed with
 *     strict durability). No hook in the app: only the DOM is watched;
 *  5. this machine's floor: 60 strict one-record writes into the app's database;
 *  6. (10,000 cards and more) `checkAnswers` answers right after a launch that runs the day's
 *     integrity check, which happens on the first launch of each day.
 *
 *   node bench/scale.mjs [--sizes 1000,10000] [--answers 200] [--cold-runs 3] [--answer-runs 3]
 *                        [--check-answers 50] [--no-minify] [--out file.json] [--diagnose]
 *
 * --diagnose adds, after the measured runs, an instrumented cold start and 20 instrumented answers
 * and prints their timelines (IndexedDB requests and transactions, fetch, JSON parse, long tasks)
 * and the functions with the most self time: to see why a target is missed. For readable function
 * names, add --no-minify (the app is built without minifying).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROME, firstPage, launchContext, rmProfile, serve, tempProfile, until } from './scale/browser.mjs';
import { median, percentile, round } from './scale/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

export const SCALE_DEFAULTS = Object.freeze({
  sizes: [1000, 10000, 50000],
  answers: 200,
  coldRuns: 3,
  answerRuns: 3,
  /** Answers timed while the daily integrity check runs (sizes of 10,000 cards and more; 0: not measured). */
  checkAnswers: 50,
  seed: 20261121,
});

/** Loads bench/scale/generate.ts through vite's module runner (no project config). */
export async function loadGenerator() {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(resolve(here, 'scale/generate.ts'), { root, logLevel: 'error' });
  return module;
}

/**
 * Build the app with these decks instead of decks/ (the build validates them like real ones).
 * Returns the folder built into, under .tmp/.
 */
export async function buildWithDecks(content, nCards, { minify = true } = {}) {
  const decksDir = resolve(root, `.tmp/bench-decks-${nCards}`);
  const outDir = resolve(root, `.tmp/bench-dist-${nCards}`);
  rmSync(decksDir, { recursive: true, force: true });
  mkdirSync(decksDir, { recursive: true });
  writeFileSync(join(decksDir, 'sources.json'), JSON.stringify({ sources: content.sources }));
  for (const d of content.decks) writeFileSync(join(decksDir, `${d.id}.json`), JSON.stringify(d));
  const { build } = await import('vite');
  const before = process.env.DURAND_DECKS;
  process.env.DURAND_DECKS = decksDir;
  try {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, minify } });
  } finally {
    if (before === undefined) delete process.env.DURAND_DECKS;
    else process.env.DURAND_DECKS = before;
    rmSync(decksDir, { recursive: true, force: true });
  }
  return outDir;
}

/** Cards per slice: one transaction of about 25,000 events when seeding. */
const SLICE = 2500;

// ---- code that runs in the page (serialized: no closures) ------------------------------------

/** Added before any page script: marks when the first prompt appears, and times answers. */
export function instrument() {
  const B = (window.__bench = { promptAt: null, t0: null, cardAt: null, savedAt: null, sawUnsaved: false, armed: false, key: null });
  const check = () => {
    if (B.promptAt === null && document.querySelector('[data-testid="prompt"]')) {
      void document.body.offsetHeight; // style and layout, so "shown" is more than "in the DOM"
      B.promptAt = performance.now();
    }
    if (B.t0 !== null) {
      const now = performance.now();
      if (B.cardAt === null && document.querySelector('[data-testid="reveal"]') && !document.querySelector('[data-testid="answer"]')) {
        void document.body.offsetHeight;
        B.cardAt = performance.now();
      }
      const saved = document.querySelector('[data-testid="saved"]');
      if (!saved) B.sawUnsaved = true;
      else if (B.sawUnsaved && B.savedAt === null) B.savedAt = now;
      if (B.cardAt !== null && B.savedAt !== null && B.resolve) {
        B.resolve([B.cardAt - B.t0, B.savedAt - B.t0]);
        B.resolve = null;
      }
    }
  };
  /** Wait for the answer side, then time the next press of `key` (resolves B.done). */
  B.arm = (key) =>
    new Promise((ready) => {
      const go = () => {
        if (!document.querySelector('[data-testid="answer"]')) return requestAnimationFrame(go);
        B.t0 = null;
        B.key = key;
        B.armed = true;
        B.done = new Promise((r) => (B.resolve = r));
        ready(true);
      };
      go();
    });
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  addEventListener(
    'keydown',
    (ev) => {
      if (B.armed && ev.key === B.key) {
        B.armed = false;
        B.cardAt = null;
        B.savedAt = null;
        B.sawUnsaved = false;
        B.t0 = performance.now();
      }
    },
    true,
  );
}

/**
 * Write the collection into the app's database: one transaction per slice (its events and card
 * states), fetched from the bench server; the next slice is fetched (and generated by the server)
 * while this one is written. Then the given key-value entries.
 */
export async function seedInPage({ slices, kv = {} }) {
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('durand');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const stores = Array.from(db.objectStoreNames);
  if (!stores.includes('events') || !stores.includes('cards')) throw new Error(`the app's database has no events/cards stores (${stores})`);
  const get = (url) => fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))));
  let next = slices.length ? get(slices[0]) : null;
  for (let i = 0; i < slices.length; i++) {
    const { events, states } = await next;
    next = i + 1 < slices.length ? get(slices[i + 1]) : null;
    await new Promise((res, rej) => {
      const t = db.transaction(['events', 'cards'], 'readwrite', { durability: 'relaxed' });
      const ev = t.objectStore('events');
      const cards = t.objectStore('cards');
      for (const e of events) ev.put(e, e.id);
      for (const s of states) cards.put(s, s.cardId);
      t.oncomplete = () => res();
      t.onerror = () => rej(t.error);
      t.onabort = () => rej(t.error);
    });
  }
  await new Promise((res, rej) => {
    const t = db.transaction(['kv'], 'readwrite');
    for (const [k, v] of Object.entries(kv)) t.objectStore('kv').put(v, k);
    t.oncomplete = () => res();
    t.onerror = () => rej(t.error);
  });
  const count = (store) =>
    new Promise((res, rej) => {
      const r = db.transaction([store]).objectStore(store).count();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
  const out = { events: await count('events'), cards: await count('cards') };
  db.close();
  return out;
}

/**
 * Diagnosis only (--diagnose; never during the measured runs, since it wraps browser APIs): records
 * when each IndexedDB request, transaction, fetch and JSON parse starts and how long it takes, and
 * long tasks, in window.__trace as [what, start ms, duration ms].
 */
export function tracer() {
  const T = (window.__trace = []);
  const rec = (what, t0) => T.push([what, Math.round(t0), Math.round(performance.now() - t0)]);
  const wrap = (proto, name, label) => {
    const orig = proto[name];
    proto[name] = function (...a) {
      const t0 = performance.now();
      const req = orig.apply(this, a);
      req.addEventListener('success', () => rec(label(this, a), t0));
      return req;
    };
  };
  wrap(IDBFactory.prototype, 'open', (_, a) => `open ${a[0]}`);
  wrap(IDBObjectStore.prototype, 'getAll', (st, a) => `getAll ${st.name}${a[0] ? ' (range)' : ''}`);
  wrap(IDBObjectStore.prototype, 'getAllKeys', (st) => `getAllKeys ${st.name}`);
  wrap(IDBIndex.prototype, 'getAll', (ix) => `index ${ix.name} getAll`);
  wrap(IDBIndex.prototype, 'openKeyCursor', (ix) => `index ${ix.name} key cursor (first step)`);
  wrap(IDBObjectStore.prototype, 'get', (st, a) => `get ${st.name}${st.name === 'kv' ? ` ${a[0]}` : ''}`);
  wrap(IDBObjectStore.prototype, 'put', (st) => `put ${st.name}`);
  const tx = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, o) {
    const t0 = performance.now();
    const t = tx.call(this, stores, mode, o);
    t.addEventListener('complete', () => rec(`transaction ${[].concat(stores).join('+')} ${mode ?? 'readonly'}${o?.durability ? ` ${o.durability}` : ''}`, t0));
    return t;
  };
  const json = Response.prototype.json;
  Response.prototype.json = async function () {
    const t0 = performance.now();
    const r = await json.call(this);
    rec(`parse ${new URL(this.url).pathname}`, t0);
    return r;
  };
  const f = window.fetch;
  window.fetch = async function (...a) {
    const t0 = performance.now();
    const r = await f.apply(this, a);
    rec(`fetch ${String(a[0]).replace(location.origin, '')} (headers)`, t0);
    return r;
  };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) T.push(['long task', Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Remove events from `fromKey` on (the answers of a run), and their links in the chain store,
 * and return the card ids they touched.
 */
export async function takeBackInPage(fromKey) {
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('durand');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const ids = await new Promise((res, rej) => {
    const stores = Array.from(db.objectStoreNames).includes('chain') ? ['events', 'kv', 'chain'] : ['events', 'kv'];
    const t = db.transaction(stores, 'readwrite');
    const found = new Set();
    const req = t.objectStore('events').openCursor(IDBKeyRange.lowerBound(fromKey));
    req.onsuccess = () => {
      const c = req.result;
      if (!c) return;
      found.add(c.value.cardId);
      c.delete();
      c.continue();
    };
    if (stores.includes('chain')) {
      // A link's value is the id of the event it leads to.
      const links = t.objectStore('chain').openCursor();
      links.onsuccess = () => {
        const c = links.result;
        if (!c) return;
        if (c.value >= fromKey) c.delete();
        c.continue();
      };
    }
    t.objectStore('kv').delete('persisted');
    t.oncomplete = () => res([...found]);
    t.onerror = () => rej(t.error);
  });
  db.close();
  return ids;
}

export async function putStatesInPage(states) {
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('durand');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  await new Promise((res, rej) => {
    const t = db.transaction(['cards'], 'readwrite');
    for (const s of states) t.objectStore('cards').put(s, s.cardId);
    t.oncomplete = () => res();
    t.onerror = () => rej(t.error);
  });
  db.close();
}

/** Put (or, with `undefined`, delete) values of the app's key-value store. */
export async function kvInPage(values) {
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('durand');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  await new Promise((res, rej) => {
    const t = db.transaction(['kv'], 'readwrite');
    for (const [k, v] of Object.entries(values)) v === null ? t.objectStore('kv').delete(k) : t.objectStore('kv').put(v, k);
    t.oncomplete = () => res();
    t.onerror = () => rej(t.error);
  });
  db.close();
}

/**
 * This machine's floor for a durable write: `n` transactions, each putting one small record into
 * the app's database (kv store, a key of our own) with strict durability, one after another.
 */
export async function writeFloorInPage(n) {
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('durand');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise((res, rej) => {
      const t = db.transaction(['kv'], 'readwrite', { durability: 'strict' });
      t.objectStore('kv').put({ i, at: Date.now(), pad: 'x'.repeat(100) }, '__bench_write_floor');
      t.oncomplete = () => res();
      t.onerror = () => rej(t.error);
    });
    times.push(performance.now() - t0);
  }
  await new Promise((res) => {
    const t = db.transaction(['kv'], 'readwrite');
    t.objectStore('kv').delete('__bench_write_floor');
    t.oncomplete = () => res();
  });
  db.close();
  return times;
}

async function countEventsFrom(page, fromKey) {
  return page.evaluate(
    (k) =>
      new Promise((res, rej) => {
        const r = indexedDB.open('durand');
        r.onerror = () => rej(r.error);
        r.onsuccess = () => {
          const db = r.result;
          const c = db.transaction(['events']).objectStore('events').count(IDBKeyRange.lowerBound(k));
          c.onsuccess = () => {
            res(c.result);
            db.close();
          };
          c.onerror = () => rej(c.error);
        };
      }),
    fromKey,
  );
}

// ---- one size ---------------------------------------------------------------------------------

const eventKey = (at) => `${Math.max(0, Math.floor(at)).toString(36).padStart(10, '0')}-`;

export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  const before = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { usedBeforeGc: before.usedSize, used: after.usedSize, total: after.totalSize };
}

/** Open /study on a fresh start of Chromium, offline; returns the page (still open) and timings. */
export async function coldStart(profile, server, { trace = false } = {}) {
  const context = await launchContext(profile, { offline: true });
  const page = await firstPage(context);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(instrument);
  if (trace) await page.addInitScript(tracer);
  await page.goto(server.url + '/study', { waitUntil: 'commit' });
  const promptAt = await until(page, () => window.__bench?.promptAt, undefined, { timeoutMs: 60_000, intervalMs: 25 });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const content = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/content.json'));
    return {
      responseEnd: nav?.responseEnd ?? null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      contentStart: content?.startTime ?? null,
      contentEnd: content?.responseEnd ?? null,
      controlled: !!navigator.serviceWorker?.controller,
      online: navigator.onLine,
    };
  });
  await page.waitForTimeout(500); // let start-up's last tasks finish before the heap is read
  const heap = await heapAfterGc(page);
  return { context, page, errors, promptAt, timing, heap };
}

export async function answerRun(page, n, log) {
  const runStart = await page.evaluate(() => Date.now());
  const total = [];
  const card = [];
  const saved = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(' ');
    await page.evaluate(() => window.__bench.arm('3'));
    await page.keyboard.press('3');
    const [c, s] = await page.evaluate(() =>
      Promise.race([window.__bench.done, new Promise((_, no) => setTimeout(() => no(new Error('no next card, or no "saved", within 60 s of the answer')), 60_000))]),
    );
    card.push(c);
    saved.push(s);
    total.push(Math.max(c, s));
    if (log && (i + 1) % 50 === 0) log(`    ${i + 1}/${n} answers, median so far ${round(median(total), 1)} ms`);
  }
  const stored = await countEventsFrom(page, eventKey(runStart));
  return { runStart, total, card, saved, stored };
}

/**
 * An instrumented cold start and 20 answers (see `tracer`), printed as timelines: what start-up
 * waits for, and when each answer's write starts and ends relative to its keydown. With a CPU
 * profile of the answers: the functions with the most self time.
 */
async function diagnose(profile, server, nCards, log) {
  const open = await coldStart(profile, server, { trace: true });
  const page = open.page;
  const startup = await page.evaluate(() => window.__trace.splice(0));
  log(`  ${nCards} cards, diagnosis: start-up (prompt shown at ${Math.round(open.promptAt)} ms; DOMContentLoaded ${Math.round(open.timing.domContentLoaded)} ms)`);
  for (const [what, at, ms] of startup) log(`    @${String(at).padStart(5)} ms  ${String(ms).padStart(5)} ms  ${what}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const runStart = await page.evaluate(() => Date.now());
  const answers = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(' ');
    await page.evaluate(() => {
      window.__trace.length = 0;
      return window.__bench.arm('3');
    });
    await page.keyboard.press('3');
    const [card, saved] = await page.evaluate(() => window.__bench.done);
    const t0 = await page.evaluate(() => window.__bench.t0);
    const trace = (await page.evaluate(() => window.__trace.splice(0))).map(([what, at, ms]) => [what, Math.round(at - t0), ms]);
    answers.push({ card: round(card, 1), saved: round(saved, 1), trace });
  }
  const { profile: prof } = await cdp.send('Profiler.stop');
  await cdp.detach();
  log(`  ${nCards} cards, diagnosis: 20 answers (times from the keydown)`);
  for (const a of answers) log(`    next card ${String(a.card).padStart(6)} ms, saved ${String(a.saved).padStart(6)} ms: ${a.trace.map(([w, at, ms]) => `${w} @${at} +${ms}`).join('; ')}`);
  const self = new Map();
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  prof.samples.forEach((id, i) => {
    const n = nodes.get(id);
    const k = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    self.set(k, (self.get(k) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((x, y) => y[1] - x[1]).slice(0, 15).map(([k, ms]) => [k, round(ms, 1)]);
  log(`  ${nCards} cards, diagnosis: self time over the 20 answers (--no-minify for names)`);
  for (const [k, ms] of top) log(`    ${String(ms).padStart(7)} ms  ${k}`);
  return { open, fromKey: eventKey(runStart), diagnosis: { startup, answers, selfTime: top } };
}

/** Wait until the profile's IndexedDB files stop changing (LevelDB compacts after a big write). */
async function settle(profile, { quietMs = 3000, maxMs = 120_000 } = {}) {
  const dir = join(profile, 'Default', 'IndexedDB');
  const signature = () => {
    const parts = [];
    const walk = (d) => {
      if (!existsSync(d)) return;
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else parts.push(`${name}:${st.size}:${st.mtimeMs}`);
      }
    };
    walk(dir);
    return parts.sort().join('|');
  };
  const t0 = Date.now();
  let last = signature();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs && Date.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = signature();
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
  }
  return Date.now() - t0;
}

function summarizeRun(run) {
  return {
    fromKey: eventKey(run.runStart),
    median: median(run.total),
    p95: percentile(run.total, 95),
    max: Math.max(...run.total),
    cardMedian: median(run.card),
    cardP95: percentile(run.card, 95),
    savedMedian: median(run.saved),
    savedP95: percentile(run.saved, 95),
    samples: run.total.map((x) => round(x, 2)),
  };
}

const rounded = ({ fromKey, ...r }) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v, 2) : v]));

/**
 * Measure one collection size.
 * @returns figures (medians over runs) and the raw runs
 */
export async function measureSize(gen, nCards, opts) {
  const { answers, coldRuns, answerRuns, checkAnswers = 0, seed, log = () => {} } = opts;
  // The collection is made a slice at a time while the page writes the previous slice.
  const plan = gen.planCollection({ nCards, now: Date.now(), seed });
  const content = plan.content();
  const contentBytes = Buffer.byteLength(JSON.stringify(content));
  const tb = performance.now();
  const dist = await buildWithDecks(content, nCards, { minify: opts.minify });
  const buildMs = Math.round(performance.now() - tb);
  const indexBytes = statSync(join(dist, 'content.json')).size;
  const routes = {};
  const sliceUrls = [];
  const byId = new Map();
  let summary = null;
  let genMs = 0;
  for (let k = 0; k * SLICE < nCards; k++) {
    const url = `/__bench/slice-${k}.json`;
    routes[url] = {
      type: 'application/json',
      body: () => {
        const t = performance.now();
        const part = plan.slice(k * SLICE, (k + 1) * SLICE);
        for (const st of part.states) byId.set(st.cardId, st);
        summary = summary ? gen.addSummaries(summary, plan.summarize(part)) : plan.summarize(part);
        genMs += performance.now() - t;
        return JSON.stringify(part);
      },
    };
    sliceUrls.push(url);
  }
  const server = await serve(dist, { routes });
  const profile = tempProfile();
  const result = { cards: nCards };
  let open = null;
  /** Put the database back as generated: remove the answers from `fromKey` on, restore the states they changed. */
  const restore = async (page, fromKey) => {
    const touched = await page.evaluate(takeBackInPage, fromKey);
    await page.evaluate(putStatesInPage, touched.map((id) => byId.get(id)).filter(Boolean));
  };
  try {
    // First visit online: service worker installed, database created, collection written. The
    // student is a returning one: welcomed, and today's integrity check done (see checkAnswers).
    const t1 = performance.now();
    const context = await launchContext(profile);
    const page = await firstPage(context);
    await page.goto(server.url + '/');
    await page.locator('main h1').first().waitFor({ timeout: 60_000 });
    await until(page, () => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeoutMs: 120_000 });
    const counts = await page.evaluate(seedInPage, { slices: sliceUrls, kv: { welcomed: true, integrityCheckedAt: Date.now() } });
    result.collection = { ...summary, contentBytes, indexBytes, buildMs, generateMs: Math.round(genMs) };
    if (counts.events !== summary.events || counts.cards !== summary.cards) {
      throw new Error(`seeding stored ${counts.events} events and ${counts.cards} cards, expected ${summary.events} and ${summary.cards}`);
    }
    result.seedMs = Math.round(performance.now() - t1);
    result.settleMs = await settle(profile);
    await context.close();
    log(`  ${nCards} cards: ${summary.events} events (${summary.dueToday} cards due today, ${summary.learningDue} relearning) generated and written in ${(result.seedMs / 1000).toFixed(1)} s (generating ${(genMs / 1000).toFixed(1)} s of it); storage settled in ${(result.settleMs / 1000).toFixed(1)} s`);

    server.setOffline(true);
    const cold = [];
    for (let i = 0; i < coldRuns; i++) {
      const run = await coldStart(profile, server);
      cold.push({ promptAt: run.promptAt, heap: run.heap, timing: run.timing, errors: run.errors });
      if (!run.timing.controlled) throw new Error('the offline start was not served by the service worker');
      if (i < coldRuns - 1) await run.context.close();
      else open = run;
    }
    result.cold = cold.map((c) => ({ ...c, promptAt: round(c.promptAt, 1) }));
    result.coldStartMs = round(median(cold.map((c) => c.promptAt)), 0);
    result.heapMB = round(median(cold.map((c) => c.heap.used)) / 1e6, 1);
    log(`  ${nCards} cards: cold start offline ${result.coldStartMs} ms (median of ${coldRuns}: ${cold.map((c) => Math.round(c.promptAt)).join(', ')}), heap ${result.heapMB} MB`);

    const runs = [];
    for (let r = 0; r < answerRuns; r++) {
      if (r > 0) {
        await restore(open.page, runs[r - 1].fromKey);
        await open.page.reload();
        await open.page.getByTestId('prompt').waitFor({ timeout: 60_000 });
      }
      const run = await answerRun(open.page, answers, null);
      if (run.stored !== answers) throw new Error(`${run.stored} answers stored, expected ${answers}`);
      runs.push(summarizeRun(run));
      const x = runs[r];
      log(`  ${nCards} cards: answer run ${r + 1}/${answerRuns}: median ${round(x.median, 1)} ms, p95 ${round(x.p95, 1)} ms (next card p95 ${round(x.cardP95, 1)}, saved p95 ${round(x.savedP95, 1)})`);
    }
    result.answer = {
      answersPerRun: answers,
      runs: runs.map(rounded),
      medianMs: round(median(runs.map((r) => r.median)), 1),
      p95Ms: round(median(runs.map((r) => r.p95)), 1),
      nextCardMedianMs: round(median(runs.map((r) => r.cardMedian)), 1),
      nextCardP95Ms: round(median(runs.map((r) => r.cardP95)), 1),
      durableMedianMs: round(median(runs.map((r) => r.savedMedian)), 1),
      durableP95Ms: round(median(runs.map((r) => r.savedP95)), 1),
    };
    const floor = await open.page.evaluate(writeFloorInPage, 60);
    result.writeFloor = { medianMs: round(median(floor), 2), p95Ms: round(percentile(floor, 95), 2) };
    log(`  ${nCards} cards: strict write of one record: median ${result.writeFloor.medianMs} ms, p95 ${result.writeFloor.p95Ms} ms`);

    let lastFromKey = runs[runs.length - 1].fromKey;
    if (opts.diagnose) {
      await restore(open.page, lastFromKey);
      await open.context.close();
      open = null;
      const d = await diagnose(profile, server, nCards, log);
      open = d.open;
      result.diagnosis = d.diagnosis;
      lastFromKey = d.fromKey;
    }

    if (checkAnswers > 0) {
      // The first launch of a day runs the integrity check when the page is idle: answers given
      // meanwhile share IndexedDB (and the main thread) with it.
      try {
        await restore(open.page, lastFromKey);
        await open.page.evaluate(kvInPage, { integrityCheckedAt: null });
        await open.context.close();
        open = await coldStart(profile, server);
        const run = await answerRun(open.page, checkAnswers, null);
        const x = summarizeRun(run);
        const checkedAt = await open.page.evaluate(
          () =>
            new Promise((res) => {
              const r = indexedDB.open('durand');
              r.onsuccess = () => {
                const g = r.result.transaction('kv').objectStore('kv').get('integrityCheckedAt');
                g.onsuccess = () => res(g.result ?? null);
              };
            }),
        );
        result.duringCheck = { ...rounded(x), answers: checkAnswers, coldStartMs: round(open.promptAt, 0), checkFinishedDuringRun: checkedAt !== null };
        log(`  ${nCards} cards: ${checkAnswers} answers during the daily integrity check: median ${round(x.median, 1)} ms, p95 ${round(x.p95, 1)} ms, max ${round(x.max, 0)} ms (check ${checkedAt !== null ? 'finished' : 'still running'} at the end)`);
      } catch (e) {
        result.duringCheck = { error: String(e.message ?? e).slice(0, 500) };
        log(`  ${nCards} cards: answers during the integrity check failed: ${e.message ?? e}`);
      }
    }
    result.errors = [...new Set(cold.flatMap((c) => c.errors))];
  } finally {
    await open?.context.close().catch(() => {});
    await server.close();
    rmProfile(profile);
    rmSync(dist, { recursive: true, force: true });
  }
  return result;
}

export async function runScale(options = {}) {
  const opts = { ...SCALE_DEFAULTS, ...options };
  if (!CHROME) throw new Error('No Chromium found (set CHROME_PATH or apt-get install chromium).');
  const gen = await loadGenerator();
  const sizes = [];
  for (const n of opts.sizes) {
    try {
      sizes.push(await measureSize(gen, n, { ...opts, checkAnswers: n >= 10000 ? opts.checkAnswers : 0 }));
    } catch (e) {
      opts.log?.(`  ${n} cards failed: ${e.stack ?? e}`);
      sizes.push({ cards: n, error: String(e.message ?? e).slice(0, 1000) });
    }
  }
  return {
    config: { sizes: opts.sizes, answers: opts.answers, coldRuns: opts.coldRuns, answerRuns: opts.answerRuns, checkAnswers: opts.checkAnswers, seed: opts.seed, reviewsPerCard: 10 },
    sizes,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      answers: { type: 'string' },
      'cold-runs': { type: 'string' },
      'answer-runs': { type: 'string' },
      'check-answers': { type: 'string' },
      diagnose: { type: 'boolean', default: false },
      'no-minify': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const opts = { log: (l) => console.error(l) };
  if (values.sizes) opts.sizes = values.sizes.split(',').map(Number);
  if (values.answers) opts.answers = Number(values.answers);
  if (values['cold-runs']) opts.coldRuns = Number(values['cold-runs']);
  if (values['answer-runs']) opts.answerRuns = Number(values['answer-runs']);
  if (values['check-answers']) opts.checkAnswers = Number(values['check-answers']);
  if (values.diagnose) opts.diagnose = true;
  if (values['no-minify']) opts.minify = false;
  const res = await runScale(opts);
  const json = JSON.stringify(res, (k, v) => (k === 'samples' ? undefined : v), 2);
  if (values.out) (await import('node:fs')).writeFileSync(values.out, json + '\n');
  else console.log(json);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
