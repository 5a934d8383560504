#!/usr/bin/env node
/**
 * Screenshots of the main views at 390×844, in the light and the dark theme, into
 * docs/screenshots/<view>-<theme>.png. Builds nothing: run `npm run build` first.
 *
 *   npm run build && npm run screenshots
 *
 * Serves dist/ on 127.0.0.1 (with the SPA fallback), drives the system Chromium (CHROME_PATH,
 * or /usr/bin/chromium) through a fresh profile per theme: the welcome, a study session, a quick
 * quiz (a wrong answer first, so the feedback shows the right one), then the other views.
 * Reduced motion is on, so no screenshot catches an animation half way.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'docs/screenshots');
const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean).find((p) => existsSync(p));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('No dist/index.html: run `npm run build` first.');
  process.exit(1);
}
if (!CHROME) {
  console.error('No Chromium found: set CHROME_PATH or run scripts/install-chromium.sh.');
  process.exit(1);
}

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(readFileSync(file));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

/** A value from the app's key-value store in IndexedDB (the quiz session holds the right answers). */
const kv = (page, key) =>
  page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('durand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('kv').objectStore('kv').get(k);
          req.onsuccess = () => (resolve(req.result), open.result.close());
          req.onerror = () => reject(req.error);
        };
      }),
    key,
  );

async function heading(page, name) {
  await page.locator('main h1', { hasText: name }).first().waitFor({ timeout: 15_000 });
}

async function answer(page, q, right, answers) {
  switch (q.kind) {
    case 'choice':
      return page.getByTestId(`option-${right ? q.correctIndex : (q.correctIndex + 1) % q.options.length}`).click();
    case 'truefalse':
      return page.getByTestId(q.isTrue === right ? 'tf-true' : 'tf-false').click();
    case 'typed':
      await page.getByTestId('typed-input').fill(right ? answers.get(q.factId) : 'Kabul');
      return page.getByTestId('typed-submit').click();
    case 'order':
      return page.getByTestId('order-submit').click();
    case 'match':
      for (let i = 0; i < q.pairs.length; i++) await page.getByTestId(`match-${i}`).selectOption({ label: q.pairs[i].answer });
      return page.getByTestId('match-submit').click();
  }
}

async function shootTheme(server, theme, answers) {
  const profile = mkdtempSync(join(tmpdir(), 'durand-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    colorScheme: theme,
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const shots = [];
  const shot = async (view) => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const path = join(OUT, `${view}-${theme}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    shots.push(path);
  };
  const visit = async (path, name) => {
    await page.goto(server + path);
    await heading(page, name);
  };

  try {
    await visit('/', 'Today');
    await page.getByTestId('welcome').waitFor();
    await shot('today-welcome');

    await page.getByTestId('welcome-start').click();
    await page.getByTestId('prompt').waitFor();
    await shot('study-question');
    await page.getByTestId('reveal').click();
    await page.getByTestId('answer').waitFor();
    await shot('study-answer');
    for (const g of [3, 1, 3, 4, 3, 1, 3, 2]) {
      if (await page.getByTestId('reveal').isVisible()) await page.getByTestId('reveal').click();
      await page.getByTestId(`grade-${g}`).click();
      await page.getByTestId('reveal').waitFor();
    }
    await page.getByTestId('saved').waitFor();

    await visit('/', 'Today');
    await page.getByTestId('done-count').filter({ hasText: /[1-9]/ }).waitFor();
    await shot('today');

    await visit('/quiz', 'Quiz');
    await shot('quiz-setup');
    await page.getByTestId('quick-quiz').click();
    await page.getByTestId('question').waitFor();
    const { questions } = await kv(page, 'quiz:current');
    for (let i = 0; i < questions.length; i++) {
      await heading(page, `Question ${i + 1} of`);
      const q = questions[i];
      if (i === 0) {
        await page.getByTestId('timer').waitFor();
        await shot('quiz-question');
      }
      // The first answer is wrong, so its feedback shows the right one; then two in three right.
      await answer(page, q, i > 0 && i % 3 !== 0, answers);
      await page.getByTestId('feedback').waitFor();
      if (i === 0) await shot('quiz-feedback');
      await page.getByTestId('next').click();
    }
    await heading(page, 'Quiz results');
    await shot('quiz-results');

    await visit('/missed', 'Missed cards');
    await page.getByTestId('missed-list').waitFor();
    await shot('missed');
    await visit('/timeline', 'Timeline');
    await shot('timeline');
    await visit('/sources', 'Sources');
    await shot('sources');
    await visit('/stats', 'Statistics');
    await page.getByTestId('streak-current').waitFor();
    await shot('stats');
    await visit('/settings', 'Settings');
    await shot('settings');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return shots;
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}`;
try {
  mkdirSync(OUT, { recursive: true });
  // The decks as built: an index, and the cards' text in chunks.
  const index = JSON.parse(readFileSync(join(DIST, 'content.json'), 'utf8'));
  const answers = new Map(index.chunks.flatMap((c) => JSON.parse(readFileSync(join(DIST, c), 'utf8')).map((f) => [f.id, f.answer])));
  for (const theme of ['light', 'dark']) {
    const shots = await shootTheme(url, theme, answers);
    for (const s of shots) console.log(s.slice(ROOT.length + 1));
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  server.close();
}
