#!/usr/bin/env node
/**
 * `npm run bench`: the whole benchmark of issue 7, on this machine.
 *
 *   1. build        npm run build (or, with --dist DIR, the same build written to DIR)
 *   2. size         first-load JavaScript and CSS (gzip), largest lazy chunk, whole precache
 *   3. lighthouse   mobile preset, median of 3 runs
 *   4. scale        synthetic collections of 1,000, 10,000 and 50,000 cards in Chromium
 *   5. simulation   scheduling quality (bench/sim), FSRS against SM-2 and Leitner
 *
 * Writes bench/results.json (every figure with its target, the machine, the date) and
 * bench/README-table.md (the table for the README), and prints the table.
 *
 *   npm run bench                              everything (about 8 minutes on 2 cores)
 *   npm run bench -- --only size,scale         a subset (of build, size, lighthouse, scale, sim)
 *   npm run bench -- --quick                   a smoke run: one Lighthouse run, 1,000 cards and
 *                                              20 answers, a small simulation
 *   npm run bench -- --sizes 10000             the scale part with other collection sizes
 *   npm run bench -- --no-build                measure the build already in dist/
 *   npm run bench -- --dist .tmp/dist          build into (and measure) another folder
 *   npm run bench -- --out r.json --table t.md write the results elsewhere
 *
 * Only a full run writes bench/results.json and bench/README-table.md; a subset, other sizes or a
 * smoke run write bench/.runs/results-partial.json and README-table-partial.md (unless told).
 * Targets that are missed are reported (and listed at the end), not fatal: the exit code is 1 only
 * when a part could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import * as statsLib from './scale/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

export const PARTS = ['build', 'size', 'lighthouse', 'scale', 'sim'];
/** A one-minute load average above this at the start means other work was running. */
const BUSY = 0.7;

// ---- targets and figures ---------------------------------------------------------------------

/**
 * One row of the table. `target` is null for a figure reported without a target.
 * @typedef {{ part: string, id: string, label: string, value: number | string | null, unit: string,
 *   target: null | { op: '<=' | '>=' | '=', value: number | string }, pass: boolean | null, note?: string }} Figure
 */

export function check(value, target) {
  if (!target) return null;
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  switch (target.op) {
    case '<=':
      return value <= target.value;
    case '>=':
      return value >= target.value;
    default:
      return value === target.value;
  }
}

const fig = (part, id, label, value, unit, target = null, note) => ({ part, id, label, value, unit, target, pass: check(value, target), ...(note ? { note } : {}) });
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const kB = (bytes) => (bytes == null ? null : Math.round(bytes / 100) / 10);
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const r0 = (x) => (x == null ? null : Math.round(x));

export const TARGETS = Object.freeze({
  firstLoadKB: { op: '<=', value: 90 },
  viewsOnFirstVisit: { op: '=', value: 0 },
  performance: { op: '>=', value: 98 },
  accessibility: { op: '=', value: 100 },
  bestPractices: { op: '=', value: 100 },
  answerP95: { 10000: { op: '<=', value: 16 }, 50000: { op: '<=', value: 33 } },
  coldStart: { 10000: { op: '<=', value: 1000 }, 50000: { op: '<=', value: 2500 } },
  heap: { 50000: { op: '<=', value: 60 } },
});

/** Every figure of a results object, in table order. */
export function figures(results) {
  const out = [];
  const s = results.size;
  if (s && !s.error) {
    out.push(fig('size', 'first-load', 'First load: JS + CSS (gzip)', kB(s.firstLoad.gzip), 'kB', TARGETS.firstLoadKB, `${s.firstLoad.files.length} files; JS ${kB(s.firstLoad.jsGzip)} kB, CSS ${kB(s.firstLoad.cssGzip)} kB`));
    out.push(fig('size', 'views-first-visit', 'Lazy views loaded on first visit', s.viewsOnFirstVisit.length, '', TARGETS.viewsOnFirstVisit, `${s.lazyViews.length} views lazy`));
    out.push(fig('size', 'largest-lazy', 'Largest lazy chunk (gzip)', kB(s.largestLazy?.gzip ?? null), 'kB', null, s.largestLazy?.path.replace(/^assets\//, '')));
    out.push(fig('size', 'precache', 'Whole precache (raw)', kB(s.precache.bytes), 'kB', null, `${s.precache.entries} entries`));
    out.push(fig('size', 'precache-gzip', 'Whole precache (gzip)', kB(s.precache.gzip), 'kB'));
    out.push(fig('size', 'sw', 'Service worker scripts (gzip)', kB(s.serviceWorker.gzip), 'kB', null, 'not on the page\'s critical path'));
  }
  const l = results.lighthouse;
  if (l && !l.error) {
    const n = l.runs === 1 ? 'one run' : `median of ${l.runs} runs`;
    out.push(fig('lighthouse', 'performance', 'Lighthouse performance (mobile)', l.performance, '', TARGETS.performance, n));
    out.push(fig('lighthouse', 'accessibility', 'Lighthouse accessibility', l.accessibility, '', TARGETS.accessibility, n));
    out.push(fig('lighthouse', 'best-practices', 'Lighthouse best practices', l.bestPractices, '', TARGETS.bestPractices, n));
    out.push(fig('lighthouse', 'lcp', 'Largest Contentful Paint', r0(l.lcpMs), 'ms', null, 'simulated slow 4G, 4x CPU'));
    out.push(fig('lighthouse', 'tbt', 'Total Blocking Time', r0(l.tbtMs), 'ms'));
    out.push(fig('lighthouse', 'cls', 'Cumulative Layout Shift', l.cls == null ? null : Math.round(l.cls * 1000) / 1000, ''));
  }
  const sc = results.scale;
  if (sc && !sc.error) {
    for (const z of sc.sizes) {
      const n = z.cards.toLocaleString('en-US');
      if (z.error) {
        out.push(fig('scale', `error-${z.cards}`, `${n} cards`, null, '', { op: '=', value: 'ran' }, z.error));
        continue;
      }
      out.push(fig('scale', `cold-${z.cards}`, `${n} cards: cold start offline to first card`, r0(z.coldStartMs), 'ms', TARGETS.coldStart[z.cards] ?? null, z.cold.length === 1 ? 'one start' : `median of ${z.cold.length} starts`));
      out.push(fig('scale', `answer-median-${z.cards}`, `${n} cards: answer to next card, saved (median)`, r1(z.answer.medianMs), 'ms', null));
      out.push(fig('scale', `answer-p95-${z.cards}`, `${n} cards: answer to next card, saved (p95)`, r1(z.answer.p95Ms), 'ms', TARGETS.answerP95[z.cards] ?? null, `${plural(z.answer.runs.length, 'run')} of ${z.answer.answersPerRun}; next card shown p95 ${r1(z.answer.nextCardP95Ms)} ms, write durable p95 ${r1(z.answer.durableP95Ms)} ms`));
      if (z.duringCheck) {
        const c = z.duringCheck;
        out.push(fig('scale', `answer-p95-check-${z.cards}`, `${n} cards: same, during the daily integrity check (p95)`, c.error ? null : r1(c.p95), 'ms', null, c.error ? `failed: ${c.error}` : `${c.answers} answers after the day's first launch; median ${r1(c.median)} ms, slowest ${r0(c.max)} ms`));
      }
      out.push(fig('scale', `heap-${z.cards}`, `${n} cards: JS heap after load`, r1(z.heapMB), 'MB', TARGETS.heap[z.cards] ?? null, 'after GC'));
    }
    const floors = sc.sizes.filter((z) => z.writeFloor).map((z) => z.writeFloor);
    if (floors.length) {
      const { median } = statsLib;
      out.push(fig('scale', 'write-floor', 'IndexedDB strict write of 1 small record (p95)', r1(median(floors.map((f) => f.p95Ms))), 'ms', null, `median ${r1(median(floors.map((f) => f.medianMs)))} ms: this machine's floor for a durable write`));
    }
  }
  const sim = results.simulation;
  if (sim && !sim.error) {
    for (const t of sim.targets) {
      out.push({ part: 'sim', id: t.id, label: t.description, value: t.value === null ? null : r1(t.value * 100), unit: '%', target: { op: '>=', value: r1(t.threshold * 100) }, pass: t.met, note: `median of ${sim.config.students} students` });
    }
  }
  for (const part of ['build', 'size', 'lighthouse', 'scale', 'simulation']) {
    if (results[part]?.error) out.push({ part, id: `${part}-error`, label: `${part} failed`, value: null, unit: '', target: { op: '=', value: 'ran' }, pass: false, note: results[part].error });
  }
  return out;
}

// ---- formatting ------------------------------------------------------------------------------

export function formatValue(f) {
  if (f.value === null || f.value === undefined) return 'n/a';
  const v = typeof f.value === 'number' ? f.value.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(f.value);
  return f.unit ? `${v} ${f.unit}` : v;
}

export function formatTarget(f) {
  if (!f.target) return '';
  const sym = { '<=': '≤', '>=': '≥', '=': '=' }[f.target.op];
  const v = typeof f.target.value === 'number' ? f.target.value.toLocaleString('en-US') : f.target.value;
  return `${sym} ${v}${f.unit && typeof f.target.value === 'number' ? ` ${f.unit}` : ''}`;
}

export const formatPass = (f) => (f.pass === null ? '' : f.pass ? 'met' : 'MISSED');

/** A plain-text table for the terminal. */
export function formatTable(figs) {
  const rows = [['Figure', 'Value', 'Target', 'Result', 'Note'], ...figs.map((f) => [f.label, formatValue(f), formatTarget(f), formatPass(f), f.note ?? ''])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const md = (s) => String(s).replace(/\|/g, '\\|');

/** The markdown table for the README, with when and where it was measured. */
export function markdownTable(results, figs = figures(results)) {
  const m = results.machine ?? {};
  const date = (results.date ?? '').slice(0, 10);
  const head = [
    `Measured on ${date} with \`npm run bench\`${results.quick ? ' -- --quick (a smoke run: figures not comparable)' : ''}, which took ${formatDuration(results.durationMs)}, on ${m.cpu ?? '?'} (${m.cores ?? '?'} cores), ${m.ramGB ?? '?'} GB RAM, ${m.os ?? '?'}; Node ${m.node ?? '?'}, ${m.chromium ?? 'Chromium ?'}, Lighthouse ${results.lighthouse?.lighthouseVersion ?? '?'}.`,
    `Figures are medians: Lighthouse over ${plural(results.lighthouse?.runs ?? 0, 'run')}; cold starts over ${plural(results.scale?.config?.coldRuns ?? 0, 'start')}; answer latencies over ${plural(results.scale?.config?.answerRuns ?? 0, 'run')} of ${results.scale?.config?.answers ?? '?'} answers (median and 95th percentile of each run); the simulation over ${results.simulation?.config?.students ?? '?'} simulated students per memory model. Answer latency is timed in the page from the keydown to both the next card laid out and "Saved on this device" shown (every write committed with strict durability).`,
    ...((m.loadAverageAtStart?.[0] ?? 0) > BUSY
      ? [`The machine was not idle when the run started (load average ${m.loadAverageAtStart[0]} on ${m.cores} cores): timings on a quiet machine are lower.`]
      : []),
    '',
    '| Part | Figure | Value | Target | Result | Note |',
    '| --- | --- | ---: | --- | --- | --- |',
  ];
  const partName = { size: 'Size', lighthouse: 'Lighthouse', scale: 'Scale', sim: 'Scheduling', build: 'Build', simulation: 'Scheduling' };
  const rows = figs.map((f) => `| ${partName[f.part] ?? f.part} | ${md(f.label)} | ${md(formatValue(f))} | ${md(formatTarget(f))} | ${formatPass(f) === 'MISSED' ? '**missed**' : formatPass(f)} | ${md(f.note ?? '')} |`);
  return [...head, ...rows, ''].join('\n');
}

export function formatDuration(ms) {
  if (ms == null) return '?';
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

// ---- the machine -----------------------------------------------------------------------------

export async function machine() {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const rel = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?/m);
    if (rel) osName = rel[1];
  } catch {
    // not Linux
  }
  const { chromiumVersion } = await import('./scale/browser.mjs');
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus.length,
    ramGB: Math.round(os.totalmem() / 2 ** 30),
    os: osName,
    arch: os.arch(),
    node: process.version,
    chromium: chromiumVersion()?.replace(/\s+built on .*$/, '') ?? null,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

// ---- parts -----------------------------------------------------------------------------------

function build(dist, log) {
  const run = (cmd, args) => {
    log(`  $ ${cmd} ${args.join(' ')}`);
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${(r.stdout ?? '').slice(-3000)}${(r.stderr ?? '').slice(-3000)}`);
  };
  if (resolve(dist) === resolve(root, 'dist')) run('npm', ['run', 'build']);
  else {
    run('npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.json']);
    run('npx', ['vite', 'build', '--outDir', relative(root, dist) || '.', '--emptyOutDir']);
  }
}

async function simulation(quick, log) {
  const { runnerImport } = await import('vite');
  const { module: sim } = await runnerImport(resolve(here, 'sim/index.ts'), { root, logLevel: 'error' });
  const opts = quick ? { students: 2, nCards: 100, days: 30 } : {};
  const res = await sim.runSimulation({ ...opts, onProgress: (l) => log(`  ${l}`) });
  // The per-student runs are long; results.json keeps the summaries and the targets.
  return { ...res, models: res.models.map(({ runs, perStudentMatched, ...m }) => m) };
}

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      skip: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string' },
      out: { type: 'string' },
      table: { type: 'string' },
      sizes: { type: 'string' },
    },
  });
  let parts = values.only ? values.only.split(',').map((s) => s.trim()) : [...PARTS];
  for (const p of parts) if (!PARTS.includes(p)) throw new Error(`--only: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
  if (values.skip) parts = parts.filter((p) => !values.skip.split(',').includes(p));
  if (values['no-build']) parts = parts.filter((p) => p !== 'build');
  const partial = values.quick || PARTS.some((p) => p !== 'build' && !parts.includes(p)) || !!values.sizes;
  return {
    partial,
    parts,
    quick: values.quick,
    dist: resolve(root, values.dist ?? 'dist'),
    // Only a full run writes the files the README shows; a subset or a smoke run writes to bench/.runs/.
    out: resolve(root, values.out ?? (partial ? 'bench/.runs/results-partial.json' : 'bench/results.json')),
    table: resolve(root, values.table ?? (partial ? 'bench/.runs/README-table-partial.md' : 'bench/README-table.md')),
    sizes: values.sizes ? values.sizes.split(',').map(Number) : null,
  };
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const log = (l) => process.stderr.write(`${l}\n`);
  const t0 = performance.now();
  const results = { benchmark: 'durand', version: 1, date: new Date().toISOString(), quick: opts.quick, parts: opts.parts, machine: await machine(), timings: {} };
  log(`Benchmark on ${results.machine.cpu} (${results.machine.cores} cores), Node ${results.machine.node}, ${results.machine.chromium}; parts: ${opts.parts.join(', ')}${opts.quick ? ' (quick)' : ''}`);
  const part = async (name, key, fn) => {
    if (!opts.parts.includes(name)) return;
    log(`\n[${name}]`);
    const t = performance.now();
    try {
      const value = await fn();
      if (key) results[key] = value;
    } catch (e) {
      log(`  ${name} failed: ${e.stack ?? e}`);
      results[key ?? name] = { error: String(e.message ?? e).slice(0, 2000) };
    }
    results.timings[name] = Math.round(performance.now() - t);
    log(`  (${formatDuration(results.timings[name])})`);
  };

  await part('build', null, () => build(opts.dist, log));
  if (results.build?.error) opts.parts = opts.parts.filter((p) => p === 'sim');
  await part('size', 'size', async () => (await import('./size.mjs')).measureSize({ dist: opts.dist, log }));
  await part('lighthouse', 'lighthouse', async () => (await import('./lighthouse.mjs')).runLighthouse({ dist: opts.dist, runs: opts.quick ? 1 : 3, log }));
  await part('scale', 'scale', async () => {
    const { runScale } = await import('./scale.mjs');
    const quick = { sizes: [1000], answers: 20, coldRuns: 2, answerRuns: 1 };
    return runScale({ log, ...(opts.quick ? quick : {}), ...(opts.sizes ? { sizes: opts.sizes } : {}) });
  });
  await part('sim', 'simulation', () => simulation(opts.quick, log));

  results.durationMs = Math.round(performance.now() - t0);
  const figs = figures(results);
  results.figures = figs;
  results.missed = figs.filter((f) => f.pass === false).map((f) => f.id);
  results.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  mkdirSync(dirname(opts.out), { recursive: true });
  mkdirSync(dirname(opts.table), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(results, (k, v) => (k === 'samples' ? undefined : v), 2) + '\n');
  writeFileSync(opts.table, markdownTable(results, figs));
  console.log(`\n${formatTable(figs)}\n`);
  console.log(`Total ${formatDuration(results.durationMs)} (${Object.entries(results.timings).map(([k, v]) => `${k} ${formatDuration(v)}`).join(', ')}).`);
  console.log(results.missed.length ? `Targets missed: ${results.missed.join(', ')}.` : 'Every target met.');
  console.log(`Wrote ${relative(root, opts.out)} and ${relative(root, opts.table)}.`);
  const busy = results.machine.loadAverageAtStart[0];
  if (busy > BUSY) console.log(`Note: the machine was busy with other work when the run started (load average ${busy} on ${results.machine.cores} cores): timings are inflated.`);
  const failedParts = ['build', 'size', 'lighthouse', 'scale', 'simulation'].filter((k) => results[k]?.error);
  process.exitCode = failedParts.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
