import type { Deck, Source } from './types.ts';
import { validateCollection, validateDeck, validateSources } from './validate.ts';

export interface Content {
  sources: Source[];
  decks: Deck[];
}

/**
 * Validate raw deck files (`decks/sources.json` plus one file per deck) into the app's content.
 * Throws ValidationErrors naming file, path and field; nothing is returned on any error.
 */
export function loadDeckFiles(files: { file: string; json: unknown }[]): Content {
  const sourcesFile = files.find((f) => f.file.endsWith('sources.json'));
  if (!sourcesFile) throw new Error('decks/sources.json: (root): missing file');
  const sources = validateSources(sourcesFile.json, sourcesFile.file);
  const ids = new Set(sources.map((s) => s.id));
  const decks = files
    .filter((f) => f !== sourcesFile)
    .map(({ file, json }) => ({ file, deck: validateDeck(json, file, ids) }));
  validateCollection(decks);
  return { sources, decks: decks.map((d) => d.deck) };
}
