/**
 * Runtime validation of deck and source files. Structure is checked by a valibot schema;
 * the rules that span fields (a distractor equal to the answer, a date that does not exist,
 * an unknown source id, a duplicate id) are checked here after it. Every problem names the
 * file, the JSON path and the field.
 */
import * as v from 'valibot';
import { CATEGORIES, type Deck, type Fact, type Source } from './types.ts';
import { datePrecision } from './dates.ts';
import { ValidationError, ValidationErrors, formatPath } from './errors.ts';

const text = (min: number, max: number) => v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(max));
const ID = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'), v.maxLength(80));

const SourceRefSchema = v.strictObject({
  source: ID,
  evidence: v.pipe(
    text(3, 200),
    v.check((s) => {
      const n = s.split(/\s+/).filter(Boolean).length;
      return n >= 3 && n <= 12;
    }, 'evidence must be 3 to 12 words'),
  ),
});

const FactSchema = v.strictObject({
  id: ID,
  category: v.picklist(CATEGORIES),
  prompt: text(10, 300),
  answer: text(1, 120),
  accept: v.array(text(1, 120)),
  distractors: v.pipe(v.array(text(1, 120)), v.minLength(3, 'needs at least 3 distractors')),
  explanation: text(20, 600),
  cue: text(2, 90),
  statement: v.pipe(text(10, 300), v.includes('{answer}', 'must contain {answer}')),
  date: v.optional(v.pipe(v.string(), v.check((s) => datePrecision(s) !== null, 'must be YYYY, YYYY-MM or YYYY-MM-DD and a real date'))),
  circa: v.optional(v.boolean()),
  sources: v.pipe(v.array(SourceRefSchema), v.minLength(1, 'needs at least one source')),
  tags: v.array(text(1, 40)),
  related: v.array(ID),
  disagreement: v.optional(text(20, 600)),
});

const DeckSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: ID,
  title: text(1, 60),
  description: text(1, 300),
  facts: v.pipe(v.array(FactSchema), v.minLength(1, 'a deck needs at least one fact')),
});

const SourceSchema = v.strictObject({
  id: ID,
  label: text(1, 80),
  title: v.nullable(text(1, 200)),
  author: v.nullable(text(1, 200)),
  outlet: v.nullable(text(1, 200)),
  written: v.pipe(v.string(), v.check((s) => datePrecision(s) !== null, 'must be an ISO date')),
  summary: text(1, 400),
});
const SourcesFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
});

/** Comparison form for answers: case, accents, punctuation and spacing ignored. */
export function answerKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function structural<T>(schema: v.GenericSchema<unknown, T>, input: unknown, file: string): T {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const errors = result.issues.map((issue) => {
    const keys = (issue.path ?? []).map((p) => p.key as string | number);
    return new ValidationError(file, formatPath(keys), issue.message);
  });
  throw new ValidationErrors(errors);
}

export function validateSources(input: unknown, file = 'sources.json'): Source[] {
  const { sources } = structural(SourcesFileSchema, input, file);
  const seen = new Set<string>();
  const errors: ValidationError[] = [];
  sources.forEach((s, i) => {
    if (seen.has(s.id)) errors.push(new ValidationError(file, `sources[${i}].id`, `duplicate source id "${s.id}"`));
    seen.add(s.id);
  });
  if (errors.length) throw new ValidationErrors(errors);
  return sources;
}

/** Validate one deck file; `sourceIds` are the known source ids. */
export function validateDeck(input: unknown, file: string, sourceIds: ReadonlySet<string>): Deck {
  const raw = structural(DeckSchema, input, file);
  const deck: Deck = { id: raw.id, title: raw.title, description: raw.description, facts: raw.facts as Fact[] };
  const errors: ValidationError[] = [];
  const at = (i: number, field: string, problem: string) => errors.push(new ValidationError(file, `facts[${i}].${field}`, problem));
  const ids = new Set<string>();
  deck.facts.forEach((f, i) => {
    if (ids.has(f.id)) at(i, 'id', `duplicate id "${f.id}"`);
    ids.add(f.id);
    const right = new Set([f.answer, ...f.accept].map(answerKey));
    const wrong = new Set<string>();
    f.distractors.forEach((d, j) => {
      const k = answerKey(d);
      if (right.has(k)) at(i, `distractors[${j}]`, `"${d}" is the answer or an accepted form`);
      if (wrong.has(k)) at(i, `distractors[${j}]`, `"${d}" is listed twice`);
      wrong.add(k);
    });
    f.sources.forEach((s, j) => {
      if (!sourceIds.has(s.source)) at(i, `sources[${j}].source`, `unknown source id "${s.source}"`);
    });
    if (f.category === 'date' && !f.date) at(i, 'date', 'a date fact needs a date');
    if (f.related.includes(f.id)) at(i, 'related', 'a fact cannot be related to itself');
  });
  if (errors.length) throw new ValidationErrors(errors);
  return deck;
}

/** Checks across all decks: ids unique everywhere, related ids exist. */
export function validateCollection(decks: { file: string; deck: Deck }[]): void {
  const where = new Map<string, string>();
  const errors: ValidationError[] = [];
  for (const { file, deck } of decks) {
    deck.facts.forEach((f, i) => {
      const other = where.get(f.id);
      if (other) errors.push(new ValidationError(file, `facts[${i}].id`, `id "${f.id}" is also used in ${other}`));
      else where.set(f.id, file);
    });
  }
  for (const { file, deck } of decks) {
    deck.facts.forEach((f, i) => {
      f.related.forEach((r, j) => {
        if (!where.has(r)) errors.push(new ValidationError(file, `facts[${i}].related[${j}]`, `unknown fact id "${r}"`));
      });
    });
  }
  if (errors.length) throw new ValidationErrors(errors);
}
