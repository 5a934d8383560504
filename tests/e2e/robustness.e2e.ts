/**
 * Robustness in a real browser (issue 6): faults are injected while the student works, and no
 * answer that the app acknowledged ("Saved on this device") may be lost.
 *
 * 1. Crash: the renderer is crashed (CDP Page.crash) right after an answer is acknowledged, and
 *    once more in the middle of a write; reopened, every acknowledged answer is in the log, Today
 *    counts it, and every card's stored state agrees with the log (the write is atomic).
 * 2. Kill: the browser process is killed with SIGKILL, three times, each in the middle of a write
 *    during a study session with a persistent profile; relaunched on the same profile, every
 *    acknowledged answer is there and the states agree with the log.
 * 3. Full storage: the origin's quota is set to its current usage (CDP
 *    Storage.overrideQuotaForOrigin; Chromium's IndexedDB trusts its cached free space for up to
 *    about 30 s, so a probe database is written until the limit bites). An answer then fails
 *    cleanly (the status bar says so with role=alert; "Saved" is not shown for it) and is kept; in a
 *    second tab the old data still reads (a reload shows the earlier Done count) and a backup is
 *    exported that the app's own reader accepts; the tab holding the unsaved answer can export
 *    too. Once the quota is lifted, the app's retry saves the kept answer.
 * 4. Two tabs: 200 answers alternating between two tabs on /study, each acknowledged before the
 *    next: 200 distinct events are stored, every card's state agrees with the log, and each tab's
 *    Today (reached in the app, without a reload) counts the other's answers.
 *    4b. Both tabs grade the card in front at the same moment, ten times (the same card each
 *    time: a real write conflict): both answers are stored, the later one rebased on the earlier
 *    (the card's repetitions count both), and both tabs count all of them.
 * 5. Update: a new build (./build-next.ts) is served in the middle of a quiz and the service
 *    worker is asked to check: the banner appears, nothing reloads (a window marker and the
 *    question number stay), the quiz goes on to its results, the quiz and the answers it fed to the
 *    scheduler are stored; "Update now" then brings in the new version.
 * 6. Cleared site data (CDP Storage.clearDataForOrigin, all types): the app starts clean (Done 0)
 *    and offers to restore a backup.
 * 7. Every request of every page and service worker above stayed on the app's origin (or was
 *    data:/blob:); no Content-Security-Policy violation (an init script listens for
 *    `securitypolicyviolation` in every page); no console error and no uncaught exception. No
 *    error is filtered: the app catches the storage error itself, and a crash or a kill logs none.
 *
 * "Acknowledged" is exact: an init script counts every time the "Saved on this device" pill is
 * put into the page (a MutationObserver), so an answer is acknowledged when that count rises
 * after it. "Every card's state agrees with the log": its lastEventId is the id of its latest
 * event, its repetitions equal its reviews, and only its first review starts from "new".
 * afterAll prints `ROBUSTNESS: faults=N lost=M acknowledged=K (by kind; seconds)` for the README
 * ("faults tried, answers lost": lost must be 0).
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { DIST, SKIP, controlled, launch, serve, type Browser, type StaticServer } from './harness';
import { all, kv } from './idb';
import { buildNext } from './build-next';
import type { CardState, LogEvent, ReviewEvent } from '../../src/engine/types';
import type { QuizRecord, QuizSession } from '../../src/stores/quiz';
import { answerQuestion, answersOf, fetchContent } from './quiz-play';
import { readBackup, type Backup } from '../../src/storage/backup';

declare global {
  interface Window {
    /** How many times the "Saved on this device" pill was put into the page (init script). */
    __savedShown: number;
    __durandCsp?: (text: string) => void;
    __marker?: number;
  }
}

/** What every page and service worker did, over the whole file (checked by the last test). */
const requests: { url: string; test: string }[] = [];
const consoleErrors: { text: string; test: string }[] = [];
const cspViolations: { text: string; test: string }[] = [];
let currentTest = '';
/** The README's figures: faults injected (by kind), acknowledged answers, and those lost (must be 0). */
const faultsByKind: Record<string, number> = {};
const fault = (kind: string, n = 1) => (faultsByKind[kind] = (faultsByKind[kind] ?? 0) + n);
let lost = 0;
let acknowledged = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll a Node-side condition. */
async function poll<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 30_000, everyMs = 100): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Poll a condition in the page, with a number argument. */
async function pagePoll(page: Page, fn: (arg: number) => boolean | Promise<boolean>, arg: number, what: string, timeoutMs = 30_000): Promise<boolean> {
  // A navigation in between (a reload) destroys the context of one evaluation: poll again.
  const once = () => page.evaluate(fn, arg).catch((e: Error) => (/context was destroyed|navigation/i.test(e.message) ? undefined : Promise.reject(e)));
  return poll(once, what, timeoutMs, 25);
}

/** Records requests, console errors, uncaught exceptions and CSP violations; counts "Saved" pills. */
async function instrument(context: BrowserContext): Promise<void> {
  context.on('request', (r) => requests.push({ url: r.url(), test: currentTest }));
  context.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push({ text: `console: ${m.text()} (${m.location().url})`, test: currentTest });
  });
  context.on('weberror', (e) => consoleErrors.push({ text: `uncaught: ${e.error().message}`, test: currentTest }));
  await context.exposeBinding('__durandCsp', (_source, text: string) => cspViolations.push({ text, test: currentTest }));
  await context.addInitScript(() => {
    window.__savedShown = 0;
    const count = (n: Node) => {
      if (!(n instanceof Element)) return;
      if (n.matches('[data-testid="saved"]')) window.__savedShown++;
      window.__savedShown += n.querySelectorAll('[data-testid="saved"]').length;
    };
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(count))).observe(document, { childList: true, subtree: true });
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__durandCsp?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

const opened: Browser[] = [];
const profiles: string[] = [];

/** A browser with the instrumentation (a fresh profile, or `profile` reopened). */
async function open(profile?: string): Promise<Browser> {
  const b = await launch(profile ? { profile } : {});
  await instrument(b.context);
  opened.push(b);
  return b;
}

/** Close a browser without hanging on one that was killed. */
async function shut(b: Browser): Promise<void> {
  await Promise.race([b.close().catch(() => {}), sleep(10_000)]);
}

async function firstPage(b: Browser): Promise<Page> {
  return b.context.pages()[0] ?? (await b.context.newPage());
}

const savedShown = (page: Page) => page.evaluate(() => window.__savedShown);

/** Reveal the card in front (Space) and grade it (a key 1 to 4). Resolves once it is on screen. */
async function reveal(page: Page): Promise<string> {
  await page.getByTestId('reveal').waitFor({ timeout: 30_000 });
  const prompt = (await page.getByTestId('prompt').textContent()) ?? '';
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor({ timeout: 30_000 });
  return prompt;
}

/** Answer the card in front and wait until the app acknowledges it ("Saved on this device" put up again). */
async function answer(page: Page, grade: 1 | 2 | 3 | 4): Promise<void> {
  await reveal(page);
  const before = await savedShown(page);
  await page.keyboard.press(String(grade));
  await pagePoll(page, (n) => window.__savedShown > n, before, 'the answer to be acknowledged');
  await page.getByTestId('saved').waitFor({ timeout: 30_000 });
  acknowledged++;
}

/** The log and the card states, checked against each other. Returns the events. */
async function checkLogAndStates(page: Page): Promise<LogEvent[]> {
  const events = await all<LogEvent>(page, 'events');
  const cards = await all<CardState>(page, 'cards');
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  const byCard = new Map<string, LogEvent[]>();
  for (const e of events) byCard.set(e.cardId, [...(byCard.get(e.cardId) ?? []), e]);
  const states = new Map(cards.map((c) => [c.cardId, c]));
  for (const [cardId, list] of byCard) {
    const s = states.get(cardId);
    expect(s, `state of ${cardId}`).toBeTruthy();
    const last = list.map((e) => e.id).sort().at(-1);
    expect(s!.lastEventId, `${cardId}: the state is the result of its last event`).toBe(last);
    // Only reviews in these tests (no undo, suspend or reset): every review is one repetition, and
    // a card is new (phase 0) before its first review only.
    if (list.every((e) => e.kind === 'review')) {
      expect(s!.reps, `${cardId}: repetitions`).toBe(list.length);
      const from = [...list].sort((x, y) => (x.id < y.id ? -1 : 1)).map((e) => (e as ReviewEvent).from);
      expect(from.slice(1).filter((f) => f === 0), `${cardId}: phases before each review ${JSON.stringify(from)}`).toEqual([]);
    }
  }
  for (const c of cards) if (c.lastEventId) expect(byCard.has(c.cardId), `${c.cardId} has events`).toBe(true);
  return events;
}

/** Count acknowledged answers that are missing now, and fail if there are any. */
function expectKept(ackedIds: Iterable<string>, events: LogEvent[]): void {
  const have = new Set(events.map((e) => e.id));
  const missing = [...ackedIds].filter((id) => !have.has(id));
  lost += missing.length;
  expect(missing, 'acknowledged answers missing after the fault').toEqual([]);
}

/** Go to a view in the app (the bottom navigation: no reload). */
async function nav(page: Page, name: 'Today' | 'Study' | 'Quiz' | 'More'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30_000 });
}

/** The Done count on Today. */
async function doneCount(page: Page): Promise<string | null> {
  return page.getByTestId('done-count').textContent();
}

async function openToday(page: Page, url: string): Promise<void> {
  await page.goto(url + '/');
  await page.getByRole('heading', { name: 'Today' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('done-count').waitFor();
}

/** The pids of the Chromium processes using `profile` (from /proc: no procps needed). */
function chromiumPids(profile: string): { pid: number; ppid: number }[] {
  const out: { pid: number; ppid: number }[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const args = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (!args.includes(`--user-data-dir=${profile}`)) continue;
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(d), ppid });
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** SIGKILL the browser process of `profile` (not a clean shutdown); wait until all of it is gone. */
async function killBrowser(profile: string): Promise<void> {
  const procs = chromiumPids(profile);
  const pids = new Set(procs.map((p) => p.pid));
  const main = procs.filter((p) => !pids.has(p.ppid));
  expect(main.length, `one browser process for ${profile}: ${JSON.stringify(procs)}`).toBe(1);
  process.kill(main[0]!.pid, 'SIGKILL');
  // Its children (renderers, GPU, storage and network services) end when they lose their parent;
  // any that linger are killed too, so that the profile is free for the relaunch.
  try {
    await poll(() => chromiumPids(profile).length === 0, 'the killed browser’s processes to end', 10_000);
  } catch {
    for (const p of chromiumPids(profile)) process.kill(p.pid, 'SIGKILL');
    await poll(() => chromiumPids(profile).length === 0, 'the killed browser’s processes to end', 10_000);
  }
}

describe.skipIf(SKIP)('robustness under faults (Chromium)', () => {
  let server: StaticServer;
  let origin: string;
  let nextDir: string;
  const started = Date.now();

  beforeAll(async () => {
    server = await serve();
    origin = server.url;
    nextDir = buildNext();
  });
  afterAll(async () => {
    for (const b of opened) await shut(b);
    await server?.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
    const faults = Object.values(faultsByKind).reduce((a, b) => a + b, 0);
    const kinds = Object.entries(faultsByKind).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`ROBUSTNESS: faults=${faults} lost=${lost} acknowledged=${acknowledged} (${kinds}; ${Math.round((Date.now() - started) / 1000)} s)`);
  });

  it('1. a renderer crash right after "Saved", and one in the middle of a write, lose no acknowledged answer', async () => {
    currentTest = 'crash';
    const b = await open();
    let page = await firstPage(b);
    await openToday(page, origin);
    await controlled(page);
    await page.goto(origin + '/study');
    for (let i = 0; i < 3; i++) await answer(page, 3);
    const acked = (await all<LogEvent>(page, 'events')).map((e) => e.id);
    expect(acked).toHaveLength(3);

    async function crash(p: Page) {
      const cdp = await b.context.newCDPSession(p);
      const crashed = p.waitForEvent('crash', { timeout: 30_000 });
      void cdp.send('Page.crash').catch(() => {}); // never answered: the page is gone
      await crashed;
      fault('renderer crash');
    }

    // Crash right after the third answer was acknowledged.
    await crash(page);
    page = await b.context.newPage();
    await openToday(page, origin);
    await expect.poll(() => doneCount(page), { timeout: 30_000 }).toBe('3');
    expectKept(acked, await checkLogAndStates(page));
    await page.goto(origin + '/study');

    // Crash in the middle of a write: the grade is given and the renderer dies at once. The
    // answer may or may not be stored, but never half of it (event and state together).
    await answer(page, 3);
    const acked2 = (await all<LogEvent>(page, 'events')).map((e) => e.id);
    await reveal(page);
    await page.keyboard.press('2');
    await crash(page);
    page = await b.context.newPage();
    await openToday(page, origin);
    const events = await checkLogAndStates(page);
    expectKept(acked2, events);
    expect(events.length).toBeGreaterThanOrEqual(4);
    await expect.poll(() => doneCount(page), { timeout: 30_000 }).toBe(String(events.length));
    await shut(b);
  }, 120_000);

  it('2. SIGKILL of the browser in the middle of a session, three times: every acknowledged answer is there after a relaunch', async () => {
    currentTest = 'sigkill';
    const profile = mkdtempSync(join(tmpdir(), 'durand-kill-'));
    profiles.push(profile);
    const ackedIds = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const b = await open(profile);
      const page = await firstPage(b);
      await openToday(page, origin);
      await controlled(page);
      // After a kill, everything acknowledged before it is there, and the states agree with the log.
      const before = await checkLogAndStates(page);
      expectKept(ackedIds, before);
      await expect.poll(() => doneCount(page), { timeout: 30_000 }).toBe(String(before.length));

      await page.goto(origin + '/study');
      for (let i = 0; i < 4; i++) await answer(page, i % 2 ? 1 : 3);
      for (const e of await all<LogEvent>(page, 'events')) ackedIds.add(e.id);
      // One more answer is given, and the browser is killed while it is being written.
      await reveal(page);
      await page.keyboard.press('1');
      await killBrowser(b.profile);
      fault('browser SIGKILL');
      await shut(b);
    }
    const b = await open(profile);
    const page = await firstPage(b);
    await openToday(page, origin);
    const after = await checkLogAndStates(page);
    expectKept(ackedIds, after);
    expect(after.length).toBeGreaterThanOrEqual(12);
    await expect.poll(() => doneCount(page), { timeout: 30_000 }).toBe(String(after.length));
    await shut(b);
  }, 240_000);

  it('3. with no storage left an answer fails cleanly and is kept; old data reads; export works; the retry saves it once space is back', async () => {
    currentTest = 'quota';
    const b = await open();
    const a = await firstPage(b);
    await openToday(a, origin);
    await controlled(a);
    await a.goto(origin + '/study');
    for (let i = 0; i < 3; i++) await answer(a, 3);
    const earlier = await all<LogEvent>(a, 'events');
    expect(earlier).toHaveLength(3);

    // No byte left: the quota is set to what the origin uses now. Chromium's IndexedDB caches the
    // space it may use for up to about 30 s, so a probe database (not the app's) is written until
    // the limit bites.
    const cdp: CDPSession = await b.context.newCDPSession(a);
    const { usage } = await a.evaluate(() => navigator.storage.estimate());
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage! });
    fault('storage full');
    let shownBefore = Infinity;
    try {
      await pagePoll(
        a,
        () =>
          new Promise<boolean>((resolve) => {
            const req = indexedDB.open('quota-probe');
            req.onupgradeneeded = () => req.result.createObjectStore('p');
            req.onsuccess = () => {
              const t = req.result.transaction('p', 'readwrite');
              t.objectStore('p').put('x'.repeat(64), Date.now());
              t.oncomplete = () => (req.result.close(), resolve(false));
              t.onabort = () => (req.result.close(), resolve(t.error?.name === 'QuotaExceededError'));
            };
            req.onerror = () => resolve(false);
          }),
        0,
        'the quota to be enforced',
        90_000,
      );

      // The answer fails cleanly: an alert in the status bar, no "Saved", nothing half-written.
      shownBefore = await savedShown(a);
      const prompt = await reveal(a);
      await a.keyboard.press('3');
      const alert = a.locator('.status [role="alert"]');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toMatch(/out of storage space/i);
      expect(await alert.textContent()).toMatch(/kept on this screen/i);
      expect(await a.getByTestId('saved').count()).toBe(0);
      expect(await all<LogEvent>(a, 'events')).toHaveLength(3);
      expect(prompt).toBeTruthy();

      // A second tab (the first keeps the unsaved answer): the old data reads, before and after a
      // reload, and a backup can be exported with the earlier answers in it.
      const second = await b.context.newPage();
      await openToday(second, origin);
      await expect.poll(() => doneCount(second), { timeout: 30_000 }).toBe('3');
      await second.reload();
      await second.getByTestId('done-count').waitFor();
      await expect.poll(() => doneCount(second), { timeout: 30_000 }).toBe('3');

      async function exportFrom(p: Page): Promise<Backup> {
        await p.goto(origin + '/settings');
        await p.getByTestId('export').waitFor();
        const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.getByTestId('export').click()]);
        // The app's own reader: valid JSON, the right format and version, the checksum matches.
        const backup = await readBackup(readFileSync(await download.path(), 'utf8'), download.suggestedFilename());
        expect(backup.data.events.map((e) => e.id).sort()).toEqual(earlier.map((e) => e.id).sort());
        return backup;
      }
      await exportFrom(second);

      // The tab holding the unsaved answer can export as well (in-app navigation: a reload would
      // drop the answer it keeps).
      await nav(a, 'More');
      await a.getByRole('link', { name: 'Settings and backup' }).click();
      await a.getByTestId('export').waitFor();
      const [download] = await Promise.all([a.waitForEvent('download', { timeout: 30_000 }), a.getByTestId('export').click()]);
      const backup: Backup = await readBackup(readFileSync(await download.path(), 'utf8'), download.suggestedFilename());
      for (const e of earlier) expect(backup.data.events.some((x) => x.id === e.id)).toBe(true);

      expect(await savedShown(a), '"Saved" was never shown while the answer could not be stored').toBe(shownBefore);
      expect(await all<LogEvent>(a, 'events')).toHaveLength(3);
    } finally {
      // Space again: the app's retry (it tries again after 1, 3, 10 and then every 30 s) saves it.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    await pagePoll(a, (n) => window.__savedShown > n, shownBefore, '"Saved" after the retry', 75_000);
    acknowledged++;
    expect(await a.locator('.status [role="alert"]').count()).toBe(0);
    const events = await checkLogAndStates(a);
    expectKept(earlier.map((e) => e.id), events);
    expect(events).toHaveLength(4);
    await a.evaluate(() => new Promise((r) => (indexedDB.deleteDatabase('quota-probe').onsuccess = r)));
    await shut(b);
  }, 240_000);

  it('4. two tabs, 200 alternating answers: 200 events, states agree with the log, each tab follows the other', async () => {
    currentTest = 'two-tabs';
    const b = await open();
    const tabA = await firstPage(b);
    await openToday(tabA, origin);
    await controlled(tabA);
    const tabB = await b.context.newPage();
    await tabA.goto(origin + '/study');
    await tabB.goto(origin + '/study');
    let switched = 0;
    for (let i = 0; i < 200; i++) {
      const page = i % 2 ? tabB : tabA;
      await page.bringToFront();
      const shown = await reveal(page);
      const before = await savedShown(page);
      // Again and Hard keep every card in learning, so the queue never runs dry (learn-ahead).
      if ((await page.getByTestId('prompt').textContent()) !== shown) switched++;
      await page.keyboard.press(i % 3 ? '1' : '2');
      await pagePoll(page, (n) => window.__savedShown > n, before, `answer ${i + 1} to be acknowledged`);
      acknowledged++;
      if (i === 99) {
        // Half-way: both tabs' Today (reached in the app, without a reload) count 100.
        for (const p of [tabA, tabB]) {
          await nav(p, 'Today');
          await expect.poll(() => doneCount(p), { timeout: 30_000 }).toBe('100');
          await nav(p, 'Study');
          await p.getByTestId('reveal').waitFor();
        }
      }
    }
    fault('two tabs, 200 alternating answers');
    for (const p of [tabA, tabB]) {
      await nav(p, 'Today');
      await expect.poll(() => doneCount(p), { timeout: 30_000 }).toBe('200');
    }
    const events = await checkLogAndStates(tabA);
    expect(events).toHaveLength(200);
    expect(events.every((e) => e.kind === 'review')).toBe(true);
    // Both tabs count the same new cards left for today (none: the daily 20 were all introduced).
    expect(await tabB.getByTestId('new-count').textContent()).toBe(await tabA.getByTestId('new-count').textContent());
    if (switched) console.log(`two tabs: ${switched} time(s) the revealed card changed under the student when the other tab's answer arrived`);
    await shut(b);
  }, 480_000);

  it('4b. two tabs grading at the same moment: both answers are kept, the later one rebased on the earlier', async () => {
    currentTest = 'two-tabs-race';
    const b = await open();
    const tabA = await firstPage(b);
    await openToday(tabA, origin);
    await controlled(tabA);
    const tabB = await b.context.newPage();
    await tabA.goto(origin + '/study');
    await tabB.goto(origin + '/study');
    const rounds = 10;
    let sameCard = 0;
    for (let r = 0; r < rounds; r++) {
      const [pa, pb] = [await reveal(tabA), await reveal(tabB)];
      if (pa === pb) sameCard++;
      const before = [await savedShown(tabA), await savedShown(tabB)];
      await Promise.all([tabA.keyboard.press('1'), tabB.keyboard.press('2')]);
      await pagePoll(tabA, (n) => window.__savedShown > n, before[0]!, `round ${r + 1}: tab A acknowledged`);
      await pagePoll(tabB, (n) => window.__savedShown > n, before[1]!, `round ${r + 1}: tab B acknowledged`);
      acknowledged += 2;
    }
    fault('same card answered in two tabs at once', sameCard);
    // Both tabs started on the same card, so at least the first round was a real conflict.
    expect(sameCard).toBeGreaterThan(0);
    const events = await checkLogAndStates(tabA);
    expect(events).toHaveLength(2 * rounds);
    for (const p of [tabA, tabB]) {
      await nav(p, 'Today');
      await expect.poll(() => doneCount(p), { timeout: 30_000 }).toBe(String(2 * rounds));
    }
    await shut(b);
  }, 180_000);

  it('5. a new version served in the middle of a quiz: the banner shows, nothing reloads, the quiz goes on and is kept', async () => {
    currentTest = 'update';
    const b = await open();
    const page = await firstPage(b);
    const answers = answersOf(await fetchContent(origin));
    await openToday(page, origin);
    await controlled(page);

    await page.goto(origin + '/quiz');
    await page.getByRole('heading', { name: 'Quiz' }).waitFor();
    await page.getByText('Choose your own quiz').click();
    await page.getByLabel('No limit').check();
    await page.getByTestId('start-quiz').click();
    await page.getByTestId('question').waitFor();
    const s0 = (await kv<QuizSession>(page, 'quiz:current'))!;
    const n = s0.questions.length;
    expect(n).toBe(10);
    const single = s0.questions.map((q, i) => (['choice', 'truefalse', 'typed'].includes(q.kind) ? i : -1)).filter((i) => i >= 0);
    const wrong = new Set(single.slice(-2));
    expect(wrong.size).toBe(2);

    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    const play = async (i: number) => {
      await expect.poll(heading, { timeout: 30_000 }).toBe(`Question ${i + 1} of ${n}`);
      await answerQuestion(page, s0.questions[i]!, wrong.has(i) ? 'wrong' : 'right', answers);
      await page.getByTestId('feedback').waitFor();
      await page.getByTestId('next').click();
    };

    const half = 4;
    for (let i = 0; i < half; i++) await play(i);
    await expect.poll(heading, { timeout: 30_000 }).toBe(`Question ${half + 1} of ${n}`);

    // The new version goes up, and the app checks for it.
    await page.evaluate(() => (window.__marker = 1));
    const oldScript = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    server.setRoot(nextDir);
    onTestFinished(() => server.setRoot(DIST));
    fault('new version mid-quiz');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await page.getByText('A new version of Durand is ready').waitFor({ timeout: 60_000 });
    await pagePoll(page, () => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting), 0, 'the new worker to wait');
    // Nothing reloaded: same document, same question, still the old worker in control.
    expect(await page.evaluate(() => window.__marker)).toBe(1);
    expect(await heading()).toBe(`Question ${half + 1} of ${n}`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(oldScript);
    expect((await kv<QuizSession>(page, 'quiz:current'))!.answers).toHaveLength(half);

    for (let i = half; i < n; i++) await play(i);
    await page.getByRole('heading', { name: 'Quiz results' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('score').textContent()).toBe(`${n - wrong.size} / ${n} right`);
    expect(await page.evaluate(() => window.__marker)).toBe(1);
    const history = (await kv<QuizRecord[]>(page, 'quiz:history'))!;
    const rec = history.find((r) => r.id === s0.id)!;
    expect(rec).toBeTruthy();
    expect(rec.answers).toHaveLength(n);
    expect(rec.score).toBe(n - wrong.size);
    // The wrong answers were fed to the scheduler: one Again each, stored.
    await pagePoll(page, () => document.querySelector('[data-testid="saved"]') !== null, 0, '"Saved"');
    const missedFacts = [...wrong].flatMap((i) => s0.questions[i]!.factIds);
    const quizEvents = (await checkLogAndStates(page)).filter((e) => e.kind === 'review' && e.mode === 'quiz');
    expect(quizEvents.map((e) => e.cardId).sort()).toEqual(missedFacts.sort());

    // "Update now" brings in the new version (and reloads, now that the student asks).
    await page.getByTestId('update-now').click();
    await pagePoll(page, () => window.__marker === undefined && !!navigator.serviceWorker.controller, 0, 'the reload into the new version', 30_000);
    await page.getByRole('heading').first().waitFor();
    expect(await page.evaluate(() => fetch('/theme-init.js').then((r) => r.text()))).toMatch(/Durand next/);
    const kept = (await kv<QuizRecord[]>(page, 'quiz:history'))!;
    expect(kept.some((r) => r.id === s0.id)).toBe(true);
    await shut(b);
  }, 180_000);

  it('6. after the site data is cleared the app starts clean and offers to restore a backup', async () => {
    currentTest = 'clear-data';
    const b = await open();
    const page = await firstPage(b);
    await openToday(page, origin);
    await controlled(page);
    await page.getByTestId('welcome-start').click();
    await page.getByRole('heading', { name: 'Study' }).waitFor();
    for (let i = 0; i < 2; i++) await answer(page, 3);
    await openToday(page, origin);
    await expect.poll(() => doneCount(page), { timeout: 30_000 }).toBe('2');
    expect(await page.getByTestId('welcome').count()).toBe(0);

    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    fault('site data cleared');
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => doneCount(page), { timeout: 30_000 }).toBe('0');
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('welcome-restore').waitFor();
    expect(await all<LogEvent>(page, 'events')).toEqual([]);
    await page.getByTestId('welcome-restore').click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByTestId('import-file').count()).toBe(1);
    // And it is an offline app again: a new service worker takes control.
    await controlled(page);
    await shut(b);
  }, 120_000);

  it('7. every request stayed on the app’s origin; no CSP violation; no console error', () => {
    expect(requests.length).toBeGreaterThan(50);
    const off = requests.filter((r) => !(r.url.startsWith(origin + '/') || r.url.startsWith('data:') || r.url.startsWith('blob:' + origin + '/')));
    expect(off).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
