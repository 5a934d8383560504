/**
 * Backup files: every review event, card state, quiz result and setting, with the schema version,
 * the app version, the time it was made, and a SHA-256 checksum of the data. Reading one back
 * validates everything and returns either the data or errors that name the file, the path and
 * the field; nothing is changed until the caller replaces the stored data in one step.
 */
import { ValidationError, ValidationErrors } from '../deck/errors';
import type { CardState, LogEvent } from '../engine/types';
import { cardStateProblem, logEventProblem } from './guards';
import { SCHEMA_VERSION } from './repository';

export const BACKUP_FORMAT = 'durand-backup';

export interface BackupData {
  events: LogEvent[];
  cards: CardState[];
  /** Settings, quiz history, sessions: the key-value store, minus the schema version. */
  kv: Record<string, unknown>;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  /** SHA-256 (hex) of `canonical(data)`. */
  checksum: string;
  data: BackupData;
}

/** The largest backup we read (a 50,000-card collection with 500,000 events is about 100 MB). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** Keys that must never be copied from a file into an object. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** The key-value entries a backup may carry, and a check for each. */
const KV_KEYS: Record<string, (v: unknown) => string | null> = {
  settings: (v) => (isObj(v) ? null : 'must be an object'),
  'quiz:history': (v) => (Array.isArray(v) ? null : 'must be a list'),
  'quiz:current': (v) => (v === null || isObj(v) ? null : 'must be an object or null'),
  'quiz:setup': (v) => (v === null || isObj(v) ? null : 'must be an object or null'),
  'missed:session': (v) => (v === null || isObj(v) ? null : 'must be an object or null'),
  persisted: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  lastBackup: (v) => (typeof v === 'number' ? null : 'must be a number'),
  userDecks: (v) => (Array.isArray(v) ? null : 'must be a list'),
  welcomed: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  integrityCheckedAt: (v) => (typeof v === 'number' ? null : 'must be a number'),
};

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** JSON with object keys sorted, so the checksum does not depend on key order. */
export function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (isObj(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function makeBackup(data: BackupData, appVersion: string, now: number): Promise<Backup> {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    appVersion,
    createdAt: new Date(now).toISOString(),
    checksum: await sha256(canonical(data)),
    data,
  };
}

/** Any key anywhere in `x` that could pollute a prototype, as a path; or null. */
function forbiddenKey(x: unknown, path: string, depth = 0): string | null {
  if (depth > 64) return `${path} (nested too deeply)`;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const p = forbiddenKey(x[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
  } else if (isObj(x)) {
    for (const k of Object.keys(x)) {
      if (FORBIDDEN.has(k)) return `${path}.${k}`;
      const p = forbiddenKey(x[k], `${path}.${k}`, depth + 1);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Read and validate a backup file's text. Throws ValidationErrors (file, path, field) for a file
 * that is not JSON, truncated, of another format or version, tampered with (bad checksum), or
 * holding a record of the wrong shape.
 */
export async function readBackup(text: string, file: string): Promise<Backup> {
  const fail = (path: string, problem: string): never => {
    throw new ValidationErrors([new ValidationError(file, path, problem)]);
  };
  if (text.length > MAX_BACKUP_BYTES) fail('', `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail('', `not valid JSON (the file may be truncated or damaged): ${(e as Error).message}`);
  }
  if (!isObj(json)) return fail('', 'not a Durand backup (expected an object)');
  const bad = forbiddenKey(json, '');
  if (bad) fail(bad.replace(/^\./, ''), 'a key that is not allowed');
  if (json.format !== BACKUP_FORMAT) fail('format', `not a Durand backup (format is ${JSON.stringify(json.format)})`);
  if (typeof json.schemaVersion !== 'number' || !Number.isInteger(json.schemaVersion)) fail('schemaVersion', 'missing or not a whole number');
  if ((json.schemaVersion as number) > SCHEMA_VERSION) fail('schemaVersion', `made by a newer version of Durand (schema ${String(json.schemaVersion)}; this app reads up to ${SCHEMA_VERSION})`);
  if ((json.schemaVersion as number) < 1) fail('schemaVersion', 'unknown schema version');
  if (typeof json.appVersion !== 'string') fail('appVersion', 'missing');
  if (typeof json.createdAt !== 'string' || Number.isNaN(Date.parse(json.createdAt))) fail('createdAt', 'missing or not a date');
  if (typeof json.checksum !== 'string' || !/^[0-9a-f]{64}$/.test(json.checksum)) fail('checksum', 'missing or not a SHA-256 checksum');
  const data = json.data;
  if (!isObj(data)) return fail('data', 'missing');
  if (!Array.isArray(data.events)) fail('data.events', 'must be a list');
  if (!Array.isArray(data.cards)) fail('data.cards', 'must be a list');
  if (!isObj(data.kv)) fail('data.kv', 'must be an object');
  if ((await sha256(canonical(data))) !== json.checksum) fail('checksum', 'does not match the data: the file was changed or damaged');

  const errors: ValidationError[] = [];
  const ids = new Set<string>();
  (data.events as unknown[]).forEach((e, i) => {
    const why = logEventProblem(e);
    if (why) errors.push(new ValidationError(file, `data.events[${i}]`, why));
    else if (ids.has((e as LogEvent).id)) errors.push(new ValidationError(file, `data.events[${i}].id`, 'duplicate event id'));
    else ids.add((e as LogEvent).id);
  });
  const cardIds = new Set<string>();
  (data.cards as unknown[]).forEach((c, i) => {
    const why = cardStateProblem(c);
    if (why) errors.push(new ValidationError(file, `data.cards[${i}]`, why));
    else if (cardIds.has((c as CardState).cardId)) errors.push(new ValidationError(file, `data.cards[${i}].cardId`, 'duplicate card'));
    else cardIds.add((c as CardState).cardId);
  });
  for (const [k, v] of Object.entries(data.kv as Record<string, unknown>)) {
    const check = KV_KEYS[k];
    const why = check ? check(v) : 'unknown entry';
    if (why) errors.push(new ValidationError(file, `data.kv.${k}`, why));
  }
  if (errors.length) throw new ValidationErrors(errors.slice(0, 20));
  return json as unknown as Backup;
}

/** What an import would change, for the preview shown before anything is replaced. */
export interface ImportPreview {
  createdAt: string;
  appVersion: string;
  events: { now: number; backup: number };
  cards: { now: number; backup: number };
  quizzes: { now: number; backup: number };
  settingsChange: boolean;
}

export function previewImport(current: BackupData, b: Backup): ImportPreview {
  const quizzes = (d: BackupData) => (Array.isArray(d.kv['quiz:history']) ? (d.kv['quiz:history'] as unknown[]).length : 0);
  return {
    createdAt: b.createdAt,
    appVersion: b.appVersion,
    events: { now: current.events.length, backup: b.data.events.length },
    cards: { now: current.cards.length, backup: b.data.cards.length },
    quizzes: { now: quizzes(current), backup: quizzes(b.data) },
    settingsChange: canonical(current.kv.settings ?? null) !== canonical(b.data.kv.settings ?? null),
  };
}
