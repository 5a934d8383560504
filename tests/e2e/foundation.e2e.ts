/**
 * The foundation in a real browser: the service worker controls the first visit; three graded
 * cards survive a reload; offline, a reload and a deep link still open the app with its
 * progress; Chromium finds the app installable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP, controlled, launch, saved, serve, watchErrors, type Browser, type StaticServer } from './harness';

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
