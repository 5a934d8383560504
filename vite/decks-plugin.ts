/**
 * Loads decks/*.json at build time, validates every file (the build fails with file, path and
 * field named) and writes the result as `content.json` (the index: every card without its text)
 * and `cards/<n>-<hash>.json` (the text, in chunks; see src/deck/content.ts). The app fetches
 * them and the service worker precaches them all. As data rather than JavaScript they add nothing
 * to the first load's script and parse fast. The dev server serves the same files from memory.
 *
 * DURAND_DECKS names another deck folder (the scale benchmark builds its synthetic decks so).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadDeckFiles } from '../src/deck/load.ts';
import { splitContent } from '../src/deck/content.ts';

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

/** The files to serve: content.json and the chunks, by path. */
export function contentFiles(dir: string): Map<string, string> {
  const { index, chunks } = splitContent(loadDeckFiles(readDeckDir(dir)), (i, facts) => {
    const hash = createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 10);
    return `cards/${i}-${hash}.json`;
  });
  const files = new Map<string, string>([['content.json', JSON.stringify(index)]]);
  for (const c of chunks) files.set(c.file, JSON.stringify(c.facts));
  return files;
}

export function decksPlugin(root = process.cwd()): Plugin {
  const dir = resolve(root, process.env.DURAND_DECKS ?? 'decks');
  const build = () => contentFiles(dir);
  let built: Map<string, string> | null = null;
  return {
    name: 'durand-decks',
    buildStart() {
      // Fail early, before anything is bundled. (Under vitest, decks.test.ts reports bad decks
      // as a failing test instead of stopping every other test.)
      if (!process.env.VITEST) built = build();
    },
    generateBundle() {
      for (const [fileName, source] of built ?? build()) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (path !== 'content.json' && !path.startsWith('cards/')) return next();
        try {
          const body = build().get(path);
          if (body === undefined) return next();
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        } catch (e) {
          res.statusCode = 500;
          res.end(String((e as Error).message));
        }
      });
    },
  };
}
