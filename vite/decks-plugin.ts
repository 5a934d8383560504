/**
 * Loads decks/*.json at build time, validates every file (the build fails with file, path and
 * field named) and serves them to the app as the virtual module `virtual:decks`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadDeckFiles } from '../src/deck/load.ts';

const VIRTUAL = 'virtual:decks';
const RESOLVED = '\0' + VIRTUAL;

export function readDeckDir(dir: string): { file: string; json: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      try {
        return { file: `decks/${f}`, json: JSON.parse(text) as unknown };
      } catch (e) {
        throw new Error(`decks/${f}: (root): not valid JSON: ${(e as Error).message}`);
      }
    });
}

export function decksPlugin(root = process.cwd()): Plugin {
  const dir = resolve(root, 'decks');
  return {
    name: 'durand-decks',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      for (const f of readdirSync(dir)) this.addWatchFile(join(dir, f));
      const content = loadDeckFiles(readDeckDir(dir));
      return `export default ${JSON.stringify(content)};`;
    },
  };
}
