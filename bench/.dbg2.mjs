import { runnerImport } from 'vite';
const { module: m } = await runnerImport('/work/main/bench/sim/models.ts', { root: '/work/main', logLevel: 'error' });
const { module: s } = await runnerImport('/work/main/bench/sim/schedulers.ts', { root: '/work/main', logLevel: 'error' });
const { module: p } = await runnerImport('/work/main/bench/sim/prng.ts', { root: '/work/main', logLevel: 'error' });
const st = m.createStudent('fsrs6', 1, { paramSigma: 0 });
const mem = st.createMemory(50);
const sch = s.createScheduler({ kind: process.argv[2] ?? 'sm2' }, 50);
let sumR = 0, n = 0, pass = 0; const byIvl = {};
for (let c = 0; c < 50; c++) {
  const rng = new p.Rng(c + 1);
  let day = 0; let g = mem.introduce(c, day, rng); let ivl = sch.introduce(c, day, g);
  const seq = [`${g}:${ivl}`];
  while (day + ivl < 3650) {
    day += ivl;
    const R = mem.recall(c, day);
    g = mem.review(c, day, rng);
    sumR += R; n++; if (g > 1) pass++;
    ivl = sch.review(c, day, g);
    if (seq.length < 12) seq.push(`${R.toFixed(2)}/${g}:${ivl}`);
  }
  if (c < 6) console.log(seq.join(' '));
}
console.log('mean R at review', sumR / n, 'pass', pass / n, n);
