/**
 * What every browser benchmark needs: the system Chromium with the flags this machine needs, and
 * a small static server for a built app on 127.0.0.1 (SPA fallback, immutable assets, optional
 * gzip as a real host would give, routes that replace a file, and an "offline" switch that drops
 * every connection, so an offline start cannot quietly reach the network).
 */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .filter(Boolean)
  .find((p) => existsSync(p));

/** Flags for this machine: headless, no sandbox (root), and no background traffic to Google. */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg']);

/**
 * Serve `root` on 127.0.0.1.
 * @param {string} root
 * @param {{ port?: number, gzip?: boolean, routes?: Record<string, { type?: string, body: string | Buffer | (() => string | Buffer) }> }} [opts]
 *   routes: exact paths answered with the given body instead of a file (e.g. a synthetic content.json)
 */
export async function serve(root, opts = {}) {
  const dir = resolve(root);
  const requests = [];
  const sockets = new Set();
  let offline = false;
  const gzCache = new Map();
  const server = createServer((req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let body;
    let ext;
    const route = opts.routes?.[path];
    if (route) {
      body = typeof route.body === 'function' ? route.body() : route.body;
      ext = extname(path);
      res.setHeader('Content-Type', route.type ?? TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', 'no-cache');
    } else {
      let file = join(dir, path);
      if (!(file === dir || file.startsWith(dir + sep)) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
      ext = extname(file);
      body = readFileSync(file);
      res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    if (opts.gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = route ? null : path;
      let gz = key ? gzCache.get(key) : undefined;
      if (!gz) {
        gz = gzipSync(body);
        if (key) gzCache.set(key, gz);
      }
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      body = gz;
    }
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    /** Drop every open connection and refuse new ones (or serve again). */
    setOffline(on) {
      offline = on;
      if (on) for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A fresh temporary profile folder; remove it with `rmProfile`. */
export function tempProfile(prefix = 'durand-bench-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function rmProfile(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** A persistent Chromium context (service workers need one that survives a relaunch). */
export async function launchContext(profile, extra = {}) {
  if (!CHROME) throw new Error('No Chromium found (set CHROME_PATH or apt-get install chromium).');
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    args: CHROME_FLAGS,
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'allow',
    ...extra,
  });
}

export function chromiumVersion() {
  if (!CHROME) return null;
  try {
    return execFileSync(CHROME, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The first page of a context (a persistent context opens with one). */
export async function firstPage(context) {
  return context.pages()[0] ?? (await context.newPage());
}

/** Poll `fn` in the page until it returns something truthy (page.waitForFunction does not await promises). */
export async function until(page, fn, arg, { timeoutMs = 60_000, intervalMs = 50 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

