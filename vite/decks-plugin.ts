/**
 * Loads decks/*.json at build time, validates every file (the build fails with file, path and
 * field named) and writes the result as one `content.json`, which the app fetches and the
 * service worker precaches. As data rather than JavaScript it adds nothing to the first load's
 * script and parses fast. The dev server serves the same file from memory.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadDeckFiles } from '../src/deck/load.ts';

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
  const build = () => JSON.stringify(loadDeckFiles(readDeckDir(dir)));
  return {
    name: 'durand-decks',
    buildStart() {
      // Fail early, before anything is bundled. (Under vitest, decks.test.ts reports bad decks
      // as a failing test instead of stopping every other test.)
      if (!process.env.VITEST) build();
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'content.json', source: build() });
    },
    configureServer(server) {
      server.middlewares.use('/content.json', (_req, res) => {
        try {
          res.setHeader('Content-Type', 'application/json');
          res.end(build());
        } catch (e) {
          res.statusCode = 500;
          res.end(String((e as Error).message));
        }
      });
    },
  };
}
