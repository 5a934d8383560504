/**
 * Backup in a real browser: an export downloads a file; importing it into a fresh profile
 * restores the progress. A damaged file is refused and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKIP, launch, saved, serve, watchErrors, type StaticServer } from './harness';
import { all } from './idb';
import type { LogEvent } from '../../src/engine/types';

describe.skipIf(SKIP)('backup (Chromium)', () => {
  let server: StaticServer;
  const dir = mkdtempSync(join(tmpdir(), 'durand-backup-'));
  let file = '';
  let events: LogEvent[] = [];
  const errors: string[][] = [];

  beforeAll(async () => {
    server = await serve();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('exports a backup file after some study', async () => {
    const b = await launch();
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    errors.push(watchErrors(page));
    await page.goto(server.url + '/study');
    for (let i = 0; i < 4; i++) {
      await page.getByTestId('reveal').click();
      await page.getByTestId(`grade-${i % 2 ? 3 : 1}`).click();
    }
    await saved(page);
    events = await all<LogEvent>(page, 'events');
    expect(events).toHaveLength(4);
    await page.goto(server.url + '/settings');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^durand-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup.format).toBe('durand-backup');
    expect(backup.data.events).toEqual(events);
    await b.close();
  });

  it('refuses a damaged file in a fresh profile and changes nothing', async () => {
    const b = await launch();
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(server.url + '/settings');
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, readFileSync(file, 'utf8').replace('"grade":1', '"grade":4'));
    await page.getByTestId('import-file').setInputFiles(damaged);
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('damaged.json: checksum');
    expect(await all(page, 'events')).toEqual([]);
    await b.close();
  });

  it('restores the progress into a fresh profile', async () => {
    const b = await launch();
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    errors.push(watchErrors(page));
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByTestId('done-count').textContent()).toBe('0');
    await page.getByTestId('welcome-restore').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview').textContent()).toContain('Reviews: 0 now → 4');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('confirm-import').click()]);
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByTestId('done-count').textContent()).toBe('4');
    expect(await all<LogEvent>(page, 'events')).toEqual(events);
    await b.close();
  });

  it('logged no console error', () => {
    expect(errors.flat()).toEqual([]);
  });
});
