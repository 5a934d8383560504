#!/usr/bin/env node
// Prints the decks' counts by category, by article and by deck (npm run deck:stats).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'decks';
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'sources.json' && !f.endsWith('.schema.json')).sort();
const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')).sources;
const byCategory = {};
const bySource = Object.fromEntries(sources.map((s) => [s.id, 0]));
const byDeck = {};
let total = 0;
let differ = 0;
let dated = 0;
for (const f of files) {
  const deck = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  byDeck[deck.id] = deck.facts.length;
  for (const fact of deck.facts) {
    total++;
    byCategory[fact.category] = (byCategory[fact.category] ?? 0) + 1;
    for (const s of new Set(fact.sources.map((x) => x.source))) bySource[s] = (bySource[s] ?? 0) + 1;
    if (fact.disagreement) differ++;
    if (fact.date) dated++;
  }
}
const table = (title, obj) => {
  console.log(`\n${title}`);
  const w = Math.max(...Object.keys(obj).map((k) => k.length));
  for (const [k, v] of Object.entries(obj).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(w)}  ${String(v).padStart(4)}`);
};
console.log(`${total} facts in ${files.length} decks; ${dated} dated; ${differ} marked "sources differ"`);
table('By category', byCategory);
table('By article (facts citing it)', bySource);
table('By deck', byDeck);
