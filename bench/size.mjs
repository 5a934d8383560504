#!/usr/bin/env node
/**
 * Size benchmark (part 1 of the benchmark issue), on a built app (dist/):
 * - first load: every JavaScript and CSS file the page itself requests on a first visit in
 *   Chromium (fresh profile, until the app is ready and the network is idle), gzipped with zlib;
 *   the service worker's own scripts (sw.js, workbox) are reported apart: the page does not wait
 *   for them;
 * - the largest lazy chunk: the largest JavaScript file in dist/assets not loaded on first visit;
 * - the whole precache: every entry of the precache manifest in dist/sw.js, raw and gzipped.
 * "kB" is 1,000 bytes, as Vite prints them; gzip at level 9, as Vite's report.
 *
 *   node bench/size.mjs [--dist dist]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

export const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;

/** The precache manifest of a Workbox service worker: [{ url, revision }]. */
export function parsePrecache(swText) {
  const out = [];
  const re = /\{\s*"?url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?\s*:\s*(?:"([^"]*)"|null)\s*\}/g;
  for (let m; (m = re.exec(swText)); ) out.push({ url: m[1], revision: m[2] ?? null });
  return out;
}

const isJs = (p) => /\.m?js$/.test(p);
const isCss = (p) => p.endsWith('.css');

/**
 * Figures from lists of files (pure: the unit test runs it on a fixture).
 * @param {{ firstVisit: string[], files: Map<string, Buffer> | Record<string, Buffer>, precache: string[], swScripts?: string[] }} input
 *   firstVisit: paths (relative to dist, no leading slash) of the JS and CSS the page requested;
 *   files: the contents of every file in dist by relative path; precache: the manifest's urls
 */
export function summarizeSize({ firstVisit, files, precache, swScripts = [] }) {
  const get = (p) => {
    const b = files instanceof Map ? files.get(p) : files[p];
    if (!b) throw new Error(`${p}: not in the build`);
    return b;
  };
  const entry = (p) => {
    const b = get(p);
    return { path: p, bytes: b.length, gzip: gzipBytes(b) };
  };
  const first = [...new Set(firstVisit)].filter((p) => isJs(p) || isCss(p)).sort().map(entry);
  const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
  const allPaths = files instanceof Map ? [...files.keys()] : Object.keys(files);
  const loaded = new Set(first.map((f) => f.path));
  const lazy = allPaths
    .filter((p) => p.startsWith('assets/') && isJs(p) && !loaded.has(p))
    .map(entry)
    .sort((a, b) => b.gzip - a.gzip);
  const pre = [...new Set(precache)].map(entry);
  const sw = swScripts.filter((p) => allPaths.includes(p)).map(entry);
  // Route views are their own chunks, named after the view (Vite names a chunk after its module).
  const viewsOnFirstVisit = first.filter((f) => /(^|\/)[A-Z]\w*View-[\w-]+\.js$/.test(f.path)).map((f) => f.path);
  return {
    firstLoad: {
      jsGzip: sum(first.filter((f) => isJs(f.path)), 'gzip'),
      cssGzip: sum(first.filter((f) => isCss(f.path)), 'gzip'),
      gzip: sum(first, 'gzip'),
      bytes: sum(first, 'bytes'),
      files: first,
    },
    largestLazy: lazy[0] ?? null,
    lazyChunks: lazy.length,
    lazyViews: lazy.filter((f) => /View-/.test(f.path)).map((f) => f.path),
    viewsOnFirstVisit,
    precache: { entries: pre.length, bytes: sum(pre, 'bytes'), gzip: sum(pre, 'gzip'), largest: [...pre].sort((a, b) => b.bytes - a.bytes).slice(0, 3) },
    serviceWorker: { gzip: sum(sw, 'gzip'), files: sw },
  };
}

function readDist(dist) {
  const files = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(p.slice(dist.length + 1).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dist);
  return files;
}

/** Build must exist. Opens the app once in Chromium to see what the first visit loads. */
export async function measureSize({ dist = resolve(root, 'dist'), log = () => {} } = {}) {
  dist = resolve(dist);
  if (!existsSync(join(dist, 'sw.js'))) throw new Error(`${dist}: no build (run npm run build)`);
  const { firstPage, launchContext, rmProfile, serve, tempProfile } = await import('./scale/browser.mjs');
  const files = readDist(dist);
  const swText = files.get('sw.js').toString('utf8');
  const precache = parsePrecache(swText).map((e) => e.url.replace(/^\//, ''));
  const swScripts = ['sw.js', ...[...swText.matchAll(/["'](\.\/)?(workbox-[\w-]+)["']/g)].map((m) => `${m[2]}.js`)];

  const server = await serve(dist);
  const profile = tempProfile();
  const firstVisit = [];
  try {
    const context = await launchContext(profile);
    const page = await firstPage(context);
    page.on('response', (res) => {
      const req = res.request();
      if (req.serviceWorker?.()) return; // the service worker's own fetches (precache)
      if (!['script', 'stylesheet'].includes(req.resourceType())) return;
      const url = new URL(res.url());
      if (url.origin !== server.url) return;
      firstVisit.push(url.pathname.replace(/^\//, ''));
    });
    await page.goto(server.url + '/', { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Today' }).waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await context.close();
  } finally {
    await server.close();
    rmProfile(profile);
  }
  const res = summarizeSize({ firstVisit: firstVisit.filter((p) => files.has(p)), files, precache, swScripts });
  log(`  first load ${(res.firstLoad.gzip / 1000).toFixed(1)} kB gzip in ${res.firstLoad.files.length} files; largest lazy chunk ${res.largestLazy?.path} ${((res.largestLazy?.gzip ?? 0) / 1000).toFixed(1)} kB; precache ${res.precache.entries} entries ${(res.precache.bytes / 1000).toFixed(1)} kB`);
  return res;
}

async function main() {
  const { values } = parseArgs({ options: { dist: { type: 'string' } } });
  const res = await measureSize({ dist: values.dist ? resolve(values.dist) : undefined, log: (l) => console.error(l) });
  console.log(JSON.stringify(res, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
