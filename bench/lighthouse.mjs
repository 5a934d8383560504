#!/usr/bin/env node
/**
 * Lighthouse benchmark (part 2 of the benchmark issue): Lighthouse 12 (programmatic, its default
 * mobile preset: a Moto G Power sized screen, simulated slow 4G and a 4x slower CPU) against the
 * built app served on 127.0.0.1 with gzip, as a host would serve it. Each run starts a fresh
 * Chromium (chrome-launcher, with this machine's flags); scores and metrics are medians of `runs`.
 *
 *   node bench/lighthouse.mjs [--runs 3] [--dist dist] [--path /]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROME, CHROME_FLAGS, serve } from './scale/browser.mjs';
import { median } from './scale/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** The figures of one Lighthouse result (scores 0..100, metrics in ms; CLS unitless). */
export function lighthouseFigures(lhr) {
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const num = (id) => lhr.audits[id]?.numericValue ?? null;
  const failing = (cat) =>
    (lhr.categories[cat]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && lhr.audits[r.id]?.score < 1)
      .map((r) => `${r.id} (${lhr.audits[r.id].score})`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    fcpMs: num('first-contentful-paint'),
    failing: { performance: failing('performance'), accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
    warnings: lhr.runWarnings ?? [],
  };
}

export async function runLighthouse({ dist = resolve(root, 'dist'), runs = 3, path = '/', log = () => {} } = {}) {
  if (!CHROME) throw new Error('No Chromium found (set CHROME_PATH or apt-get install chromium).');
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const server = await serve(resolve(dist), { gzip: true });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
      try {
        const res = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        if (!res?.lhr) throw new Error('Lighthouse returned no result');
        if (res.lhr.runtimeError) throw new Error(`Lighthouse: ${res.lhr.runtimeError.code} ${res.lhr.runtimeError.message}`);
        const f = lighthouseFigures(res.lhr);
        results.push(f);
        log(`  lighthouse run ${i + 1}/${runs}: performance ${f.performance}, accessibility ${f.accessibility}, best practices ${f.bestPractices}, LCP ${Math.round(f.lcpMs)} ms, TBT ${Math.round(f.tbtMs)} ms, CLS ${f.cls?.toFixed(3)}`);
      } finally {
        await chrome.kill();
      }
    }
  } finally {
    await server.close();
  }
  const med = (k) => median(results.map((r) => r[k]));
  return {
    lighthouseVersion: (await import('lighthouse/package.json', { with: { type: 'json' } }).catch(() => ({ default: {} }))).default.version ?? null,
    preset: 'mobile (default config)',
    url: path,
    runs: results.length,
    performance: med('performance'),
    accessibility: med('accessibility'),
    bestPractices: med('bestPractices'),
    lcpMs: med('lcpMs'),
    tbtMs: med('tbtMs'),
    cls: med('cls'),
    fcpMs: med('fcpMs'),
    perRun: results,
  };
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, dist: { type: 'string' }, path: { type: 'string' } } });
  const res = await runLighthouse({
    runs: values.runs ? Number(values.runs) : 3,
    dist: values.dist ? resolve(values.dist) : undefined,
    path: values.path ?? '/',
    log: (l) => console.error(l),
  });
  console.log(JSON.stringify(res, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
