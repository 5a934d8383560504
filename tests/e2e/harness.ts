/**
 * What every browser test needs: the system Chromium, a static server for dist/ on 127.0.0.1
 * (with the SPA fallback a real host would give), and a fresh profile per browser.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .filter((p): p is string => !!p)
  .find((p) => existsSync(p));

/** In CI a missing browser is a failure; elsewhere the browser tests say so and are skipped. */
export const SKIP = !CHROME;
if (SKIP) {
  const msg = 'No Chromium found (set CHROME_PATH or apt-get install chromium): browser tests skipped.';
  if (process.env.CI === 'true') throw new Error(`${msg} In CI this is a failure.`);
  console.warn(msg);
}

export const DIST = resolve(__dirname, '../../dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  /** Serve another build from now on (an app update). */
  setRoot(dir: string): void;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function serve(root = DIST): Promise<StaticServer> {
  let dir = root;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let file = join(dir, path);
    const found = file.startsWith(dir) && existsSync(file) && !statSync(file).isDirectory();
    if (!found) file = join(dir, 'index.html');
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    // Hashed assets are immutable; the fallback index.html, served for any unknown path, is not.
    res.setHeader('Cache-Control', found && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRoot: (d) => (dir = d),
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const LAUNCH_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  profile: string;
  close(): Promise<void>;
}

/** A browser with a fresh persistent profile (pass `profile` to reopen one). */
export async function launch(opts: { profile?: string; viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'durand-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME!,
    args: LAUNCH_ARGS,
    viewport: opts.viewport ?? { width: 390, height: 844 },
    colorScheme: opts.colorScheme ?? 'light',
    serviceWorkers: 'allow',
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, page errors and CSP violations of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Poll `fn` in the page until it returns truthy (page.waitForFunction does not await promises). */
export async function until<T>(page: Page, fn: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await page.evaluate(fn);
    if (v) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait until the service worker controls the page. */
export function controlled(page: Page): Promise<boolean> {
  return until(page, () => !!navigator.serviceWorker?.controller);
}

/** Wait until every answer given so far is stored ("Saved on this device"). */
export async function saved(page: Page): Promise<void> {
  await page.getByTestId('saved').waitFor({ state: 'visible' });
}
