import { runnerImport } from 'vite';
const { module: sim } = await runnerImport('/work/main/bench/sim/index.ts', { root: '/work/main', logLevel: 'error' });
const sigma = Number(process.argv[2] ?? 0);
const res = await sim.runSimulation({ students: 1, models: ['fsrs6'], paramSigma: sigma, matchAgainst: ['sm2'], baselines: ['sm2'] });
console.log(sim.formatReport(res));
