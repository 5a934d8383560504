#!/usr/bin/env node
/**
 * Scheduling-quality benchmark (part 4 of the benchmark issue): simulated students over a
 * year, ts-fsrs vs SM-2 vs Leitner. Loads the TypeScript modules in bench/sim/ with vite's
 * module runner, prints a table and writes bench/sim-results.json.
 *
 *   node bench/sim-run.mjs                 full run (1,000 cards, 365 days, 5 students/model)
 *   node bench/sim-run.mjs --students 3 --cards 500 --days 180 --out /tmp/x.json
 *   node bench/sim-run.mjs --sigma 0 --grade-rule fixed    sensitivity checks (see bench/sim/)
 *
 * Programmatic use: `runSimulation(opts)` from bench/sim/index.ts returns the same object.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const { values } = parseArgs({
  options: {
    students: { type: 'string' },
    cards: { type: 'string' },
    days: { type: 'string' },
    'new-per-day': { type: 'string' },
    seed: { type: 'string' },
    sigma: { type: 'string' },
    'grade-rule': { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const num = (v) => (v === undefined ? undefined : Number(v));
const opts = {
  students: num(values.students),
  nCards: num(values.cards),
  days: num(values.days),
  newPerDay: num(values['new-per-day']),
  seed: num(values.seed),
  paramSigma: num(values.sigma),
  gradeRule: values['grade-rule'],
  onProgress: values.quiet ? undefined : (line) => process.stderr.write(`  ${line}\n`),
};
for (const k of Object.keys(opts)) if (opts[k] === undefined) delete opts[k];

/** Loads bench/sim/index.ts through vite (no project config, no plugins). */
export async function loadSim() {
  const { module } = await runnerImport(resolve(here, 'sim/index.ts'), { root, logLevel: 'error' });
  return module;
}

async function main() {
  const t0 = performance.now();
  const sim = await loadSim();
  const results = await sim.runSimulation(opts);
  const out = resolve(root, values.out ?? 'bench/sim-results.json');
  await writeFile(out, JSON.stringify(results, null, 2) + '\n');
  console.log(sim.formatReport(results));
  console.log(`Wall time including module loading: ${((performance.now() - t0) / 1000).toFixed(1)} s; results written to ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
