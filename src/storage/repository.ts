/**
 * What the app needs from storage. The IndexedDB implementation is the real one; the in-memory
 * one serves component tests. Stores talk to this interface only.
 */
import type { CardState, LogEvent } from '../engine/types';
import type { BackupData } from './backup';

export const SCHEMA_VERSION = 2;

/** A stored record that could not be read; it is skipped and reported, never a blank screen. */
export interface StorageProblem {
  store: 'cards' | 'events' | 'kv';
  key: string;
  reason: string;
}

/** The card changed elsewhere (another tab) since we read it: reload it and try again. */
export class StaleStateError extends Error {
  constructor(readonly cardId: string) {
    super(`card ${cardId} changed since it was read`);
    this.name = 'StaleStateError';
  }
}

/** A write that did not happen (quota, closed database...). Nothing of it was stored. */
export class WriteError extends Error {
  constructor(message: string, readonly quota = false, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WriteError';
  }
}

export interface Repository {
  /** Every cached card state; unreadable records are skipped and listed in `problems`. */
  loadStates(): Promise<{ states: CardState[]; problems: StorageProblem[] }>;
  /**
   * Append `event` and store `state` (its card's new state) in one atomic, durable write,
   * provided the stored state's lastEventId is still `expectedLastEventId` ('' for a card never
   * stored); else it throws StaleStateError and writes nothing. Writing the same event again
   * is a no-op, so a retry never duplicates it.
   */
  commit(event: LogEvent, state: CardState, expectedLastEventId: string): Promise<void>;
  /** Log events with `from <= at < to`, in time order; unreadable ones are skipped. */
  events(range?: { from?: number; to?: number }): Promise<{ events: LogEvent[]; problems: StorageProblem[] }>;
  /** One card's events, in time order. */
  cardEvents(cardId: string): Promise<LogEvent[]>;
  /** Several cards' events, read in one short transaction (for checks that walk the log in chunks). */
  cardEventsMany(cardIds: readonly string[]): Promise<Map<string, LogEvent[]>>;
  /** Every card id that has at least one event, sorted. */
  loggedCardIds(): Promise<string[]>;
  /** Replace the given card states in one write (after a rebuild or repair). */
  putStates(states: CardState[]): Promise<void>;
  getValue<T>(key: string): Promise<T | undefined>;
  setValue(key: string, value: unknown): Promise<void>;
  /** The schema version stored with the data. */
  schemaVersion(): Promise<number>;
  /** Everything stored (for a backup), read in one transaction. */
  exportAll(): Promise<BackupData>;
  /** Replace everything stored with `data`, in one atomic transaction (an import, or a reset). */
  replaceAll(data: BackupData): Promise<void>;
}
