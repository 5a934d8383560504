/**
 * The foundation in a real browser: the service worker controls the first visit; three graded
 * cards survive a reload; offline, a reload and a deep link still open the app with its
 * progress; Chromium finds the app installable. A tab left open across an update, whose old
 * files are gone, says so and offers a reload instead of failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, SKIP, controlled, launch, saved, serve, watchErrors, type Browser, type StaticServer } from './harness';

describe.skipIf(SKIP)('foundation (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is controlled by the service worker on the first visit', async () => {
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(await controlled(page)).toBe(true);
  });

  it('keeps three graded cards across a reload', async () => {
    await page.getByTestId('welcome-start').click();
    for (let i = 0; i < 3; i++) {
      const prompt = await page.getByTestId('prompt').textContent();
      await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      await page.keyboard.press('3');
      // The next card is shown (or the same card, if it came straight back as learning).
      await page.getByTestId('reveal').waitFor();
      expect(prompt).toBeTruthy();
    }
    await saved(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Study' }).waitFor();
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByTestId('done-count').textContent()).toBe('3');
  });

  it('works offline: reload, deep links, and the progress is there', async () => {
    await browser.context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('done-count').textContent()).toBe('3');
    await page.goto(server.url + '/sources/kaura-mei-2022');
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    await expect(page.getByTestId('source-kaura-mei-2022').isVisible()).resolves.toBe(true);
    await page.goto(server.url + '/study');
    await page.getByRole('heading', { name: 'Study' }).waitFor();
    await page.getByTestId('prompt').waitFor();
    await browser.context.setOffline(false);
  });

  it('is installable (Chromium reports no installability errors)', async () => {
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
  });

  it('logged no console error', () => {
    expect(errors).toEqual([]);
  });
});

describe.skipIf(SKIP)('after an update removed this tab’s files (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const gone = resolve(__dirname, '../../.tmp/dist-gone');

  beforeAll(async () => {
    server = await serve();
    browser = await launch();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(gone, { recursive: true, force: true });
  });

  /**
   * What a tab opened before an update finds once the new version has taken over: the files it
   * has not loaded yet are neither in the service worker's cache (cleaned up), nor in the HTTP
   * cache (evicted), nor on the server (which answers an unknown path with index.html, as static
   * hosts do).
   */
  async function remove(match: RegExp) {
    rmSync(gone, { recursive: true, force: true });
    cpSync(DIST, gone, { recursive: true });
    const removed = readdirSync(gone, { recursive: true, encoding: 'utf8' }).filter((f) => match.test(f));
    for (const f of removed) rmSync(join(gone, f));
    server.setRoot(gone);
    const deleted = await page.evaluate(async (source) => {
      const re = new RegExp(source);
      let n = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) if (re.test(new URL(req.url).pathname) && (await cache.delete(req))) n++;
      }
      return n;
    }, match.source);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    return { removed: removed.length, deleted };
  }

  const stale = () => page.getByText('Durand was updated in another tab');

  it('a view whose code is gone: says so and offers a reload, which opens that view', async () => {
    await page.goto(server.url + '/more');
    await page.getByRole('heading', { name: 'More' }).waitFor();
    await controlled(page);
    const r = await remove(/StatsView-[\w-]+\.(js|css)$/);
    expect(r.removed).toBe(2);
    expect(r.deleted).toBe(2);
    await page.getByRole('link', { name: 'Statistics' }).click();
    await stale().waitFor();
    expect(await page.getByRole('heading', { name: 'More' }).isVisible()).toBe(true);
    server.setRoot(DIST); // the new version, which has its own copy
    await page.getByTestId('stale-reload').click();
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();
    expect(await stale().count()).toBe(0);
  });

  it('cards whose text is gone: says so instead of failing', async () => {
    await page.goto(server.url + '/more');
    await page.getByRole('heading', { name: 'More' }).waitFor();
    const r = await remove(/^\/?cards\//);
    expect(r.removed).toBeGreaterThan(0);
    expect(r.deleted).toBe(r.removed);
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await stale().waitFor();
    server.setRoot(DIST);
  });
});
