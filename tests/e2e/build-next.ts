/**
 * A second, different version of the built app, for update tests: a copy of dist/ in
 * .tmp/dist-next in which one precached file (theme-init.js) gains a comment, and the service
 * worker's precache manifest carries that file's new revision (the MD5 of its bytes, as Workbox
 * computes it). So the new sw.js differs byte for byte from the old one (the browser sees an
 * update) and is a consistent build: installing it precaches the changed file under its new
 * revision and everything else unchanged. No rebuild is needed (about 30 s saved), and nothing in
 * vite.config.ts changes.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DIST } from './harness';

export const NEXT_DIST = resolve(__dirname, '../../.tmp/dist-next');

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

/** Build the next version from `from` (dist/ by default) into `to`; returns `to`. */
export function buildNext(from = DIST, to = NEXT_DIST, label = `next ${Date.now()}`): string {
  if (!existsSync(join(from, 'sw.js'))) throw new Error(`${from} holds no build (sw.js missing): run npm run build first`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });

  const themeFile = join(to, 'theme-init.js');
  const oldTheme = readFileSync(themeFile);
  const newTheme = Buffer.concat([oldTheme, Buffer.from(`\n/* Durand ${label} */\n`)]);
  writeFileSync(themeFile, newTheme);

  const swFile = join(to, 'sw.js');
  const sw = readFileSync(swFile, 'utf8');
  const entry = /(url:\s*"theme-init\.js"\s*,\s*revision:\s*")([0-9a-f]+)(")|(revision:\s*")([0-9a-f]+)("\s*,\s*url:\s*"theme-init\.js")/;
  const m = entry.exec(sw);
  if (!m) throw new Error('theme-init.js not found in the precache manifest of sw.js');
  const oldRev = m[2] ?? m[5];
  if (oldRev !== md5(oldTheme)) throw new Error(`unexpected precache revision for theme-init.js (${oldRev}, its MD5 is ${md5(oldTheme)})`);
  const nextSw = sw.replace(entry, (_all, a, _r, c, d, _r2, f) => (a !== undefined ? `${a}${md5(newTheme)}${c}` : `${d}${md5(newTheme)}${f}`));
  if (nextSw === sw) throw new Error('sw.js was not changed');
  writeFileSync(swFile, nextSw);
  return to;
}
