/**
 * The IndexedDB repository. One database, four object stores:
 *   events: the append-only review log, keyed by event id (ids sort in time order), indexed by cardId
 *   cards:  the cached card states, keyed by card id
 *   chain:  for each event, the link from the card's event before it (see migrations.ts)
 *   kv:     settings, quiz history, sessions, the schema version
 * A review is one readwrite transaction over events, cards and chain, opened with strict
 * durability, adding or putting one key in each and reading none: its cost does not grow with
 * the collection.
 * Requests are turned into promises by idb-keyval's promisifyRequest; the kv store is used
 * through idb-keyval's get/set with a custom UseStore.
 */
import { get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { eventId } from '../engine/types';
import type { CardState, LogEvent } from '../engine/types';
import { cardStateProblem, logEventProblem } from './guards';
import { SCHEMA_VERSION, StaleStateError, WriteError, type Repository, type StorageProblem } from './repository';
import { chainKey, runMigrations } from './migrations';
import type { BackupData } from './backup';

const STRICT: IDBTransactionOptions = { durability: 'strict' };

/**
 * Resolves when the transaction commits. Listeners, not `oncomplete`: idb-keyval's
 * promisifyRequest sets `oncomplete` itself, and a second assignment would replace ours.
 */
function committed(t: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    t.addEventListener('complete', () => resolve());
    t.addEventListener('abort', () => reject(t.error ?? new DOMException('Transaction aborted', 'AbortError')));
    // A failed request's error (t.error is set only when the abort follows).
    t.addEventListener('error', (ev) => reject((ev.target as IDBRequest | null)?.error ?? t.error));
  });
}

function writeError(e: unknown): WriteError {
  const name = (e as { name?: string })?.name ?? '';
  const quota = name === 'QuotaExceededError' || /quota/i.test(String((e as Error)?.message ?? ''));
  return new WriteError(quota ? 'The device is out of storage space for Durand.' : `Saving failed (${name || 'unknown error'}).`, quota, { cause: e });
}

export class IdbRepository implements Repository {
  private db: Promise<IDBDatabase> | null = null;
  /** The open connection, once open: lets a write start its transaction in the same task. */
  private dbReady: IDBDatabase | null = null;
  private readonly kvStore: UseStore;

  constructor(
    private readonly name = 'durand',
    private readonly factory: IDBFactory = indexedDB,
  ) {
    this.kvStore = (mode, callback) => this.tx(['kv'], mode, (t) => callback(t.objectStore('kv')));
  }

  private open(): Promise<IDBDatabase> {
    if (this.db) return this.db;
    const req = this.factory.open(this.name, SCHEMA_VERSION);
    req.onupgradeneeded = (ev) => runMigrations(req.result, req.transaction!, ev.oldVersion);
    const p = promisifyRequest(req).then((db) => {
      // Another tab upgrading, or the browser closing the connection: forget it; the next call reopens.
      db.onversionchange = () => {
        db.close();
        this.forget();
      };
      db.onclose = () => this.forget();
      this.dbReady = db;
      return db;
    });
    p.catch(() => this.forget());
    return (this.db = p);
  }

  private forget() {
    this.db = null;
    this.dbReady = null;
  }

  /**
   * Run `body` in a transaction and resolve when the transaction has committed (not merely when
   * the request succeeded). A connection found closed is reopened and the whole body run again.
   */
  private async tx<T>(
    stores: string[],
    mode: IDBTransactionMode,
    body: (t: IDBTransaction) => T | PromiseLike<T>,
    attempt = 0,
  ): Promise<T> {
    // With the connection open, the transaction starts now, in the caller's task (no await).
    const db = this.dbReady ?? (await this.open());
    let t: IDBTransaction;
    try {
      t = db.transaction(stores, mode, mode === 'readwrite' ? STRICT : undefined);
    } catch (e) {
      if (attempt < 2 && e instanceof DOMException && e.name === 'InvalidStateError') {
        this.forget();
        return this.tx(stores, mode, body, attempt + 1);
      }
      throw e;
    }
    const done = committed(t);
    done.catch(() => {}); // awaited below; an abort inside `body` surfaces as body's own error
    const result = await body(t);
    await done;
    return result;
  }

  async loadStates() {
    return this.tx(['cards'], 'readonly', async (t) => {
      const values = await promisifyRequest(t.objectStore('cards').getAll());
      const states: CardState[] = [];
      const problems: StorageProblem[] = [];
      for (const v of values) {
        const why = cardStateProblem(v);
        if (why) problems.push({ store: 'cards', key: String((v as { cardId?: unknown })?.cardId ?? '?'), reason: why });
        else states.push(v as CardState);
      }
      return { states, problems };
    });
  }

  /**
   * One answer: the event, the card's new state, and the link from the card's previous event,
   * in one strict transaction that reads nothing. It is committed as soon as it is issued, so
   * it does not wait for this page's main thread (busy showing the next card) on the way.
   * The checks are done by the keys: the event's id must be new (else an earlier attempt, whose
   * success we did not hear of, stored it), and so must the link (else another tab wrote an
   * event after the same one: ours is stale).
   */
  async commit(event: LogEvent, state: CardState, expectedLastEventId: string, retried = false): Promise<void> {
    const link = chainKey(state.cardId, expectedLastEventId);
    try {
      await this.tx(['events', 'cards', 'chain'], 'readwrite', (t) => {
        t.objectStore('chain').add(event.id, link);
        t.objectStore('events').add(event, event.id);
        t.objectStore('cards').put(state, state.cardId);
        t.commit();
      });
      return;
    } catch (e) {
      if ((e as { name?: string })?.name !== 'ConstraintError') throw writeError(e);
    }
    // A key was there already: which one, and why? (Rare: a retry, or two tabs on one card.)
    const { stored, next, nextStored } = await this.tx(['events', 'chain'], 'readonly', async (t) => {
      const events = t.objectStore('events');
      const [stored, next] = await Promise.all([promisifyRequest(events.getKey(event.id)), promisifyRequest(t.objectStore('chain').get(link))]);
      const nextStored = typeof next === 'string' ? await promisifyRequest(events.getKey(next)) : undefined;
      return { stored, next, nextStored };
    });
    if (stored !== undefined) return; // written by an earlier attempt: keep what is stored
    if (typeof next === 'string' && nextStored === undefined && !retried) {
      // The link names an event that is not in the log (it cannot be followed): drop it, try again.
      await this.tx(['chain'], 'readwrite', (t) => void t.objectStore('chain').delete(link));
      return this.commit(event, state, expectedLastEventId, true);
    }
    throw new StaleStateError(state.cardId);
  }

  async events(range: { from?: number; to?: number } = {}) {
    const lower = range.from === undefined ? undefined : eventId(range.from, '');
    const upper = range.to === undefined ? undefined : eventId(range.to, '');
    const keyRange =
      lower !== undefined && upper !== undefined
        ? IDBKeyRange.bound(lower, upper, false, true)
        : lower !== undefined
          ? IDBKeyRange.lowerBound(lower)
          : upper !== undefined
            ? IDBKeyRange.upperBound(upper, true)
            : undefined;
    return this.tx(['events'], 'readonly', async (t) => {
      const values = await promisifyRequest(t.objectStore('events').getAll(keyRange));
      const events: LogEvent[] = [];
      const problems: StorageProblem[] = [];
      for (const v of values) {
        const why = logEventProblem(v);
        if (why) problems.push({ store: 'events', key: String((v as { id?: unknown })?.id ?? '?'), reason: why });
        else events.push(v as LogEvent);
      }
      return { events, problems };
    });
  }

  async cardEvents(cardId: string): Promise<LogEvent[]> {
    return this.tx(['events'], 'readonly', async (t) => {
      const values = await promisifyRequest(t.objectStore('events').index('cardId').getAll(cardId));
      return (values as unknown[])
        .filter((v) => !logEventProblem(v))
        .map((v) => v as LogEvent)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    });
  }

  async cardEventsMany(cardIds: readonly string[]): Promise<Map<string, LogEvent[]>> {
    return this.tx(['events'], 'readonly', async (t) => {
      const index = t.objectStore('events').index('cardId');
      const lists = await Promise.all(cardIds.map((id) => promisifyRequest(index.getAll(id))));
      const out = new Map<string, LogEvent[]>();
      cardIds.forEach((id, i) => out.set(id, (lists[i] as unknown[]).filter((v) => !logEventProblem(v)).map((v) => v as LogEvent)));
      return out;
    });
  }

  async loggedCardIds(): Promise<string[]> {
    return this.tx(['events'], 'readonly', (t) => {
      const ids: string[] = [];
      const req = t.objectStore('events').index('cardId').openKeyCursor(null, 'nextunique');
      return new Promise<string[]>((resolve, reject) => {
        req.onsuccess = () => {
          const c = req.result;
          if (!c) return resolve(ids);
          ids.push(String(c.key));
          c.continue();
        };
        req.onerror = () => reject(req.error);
      });
    });
  }

  async putStates(states: CardState[]): Promise<void> {
    await this.tx(['cards'], 'readwrite', (t) => {
      const cards = t.objectStore('cards');
      for (const s of states) cards.put(s, s.cardId);
    });
  }

  getValue<T>(key: string): Promise<T | undefined> {
    return get<T>(key, this.kvStore);
  }

  setValue(key: string, value: unknown): Promise<void> {
    return set(key, value, this.kvStore);
  }

  async schemaVersion(): Promise<number> {
    return (await this.getValue<number>('schemaVersion')) ?? 0;
  }

  async exportAll(): Promise<BackupData> {
    return this.tx(['events', 'cards', 'kv'], 'readonly', async (t) => {
      const [events, cards, keys, values] = await Promise.all([
        promisifyRequest(t.objectStore('events').getAll()),
        promisifyRequest(t.objectStore('cards').getAll()),
        promisifyRequest(t.objectStore('kv').getAllKeys()),
        promisifyRequest(t.objectStore('kv').getAll()),
      ]);
      const kv: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        if (k !== 'schemaVersion') kv[String(k)] = values[i];
      });
      return { events: events as LogEvent[], cards: cards as CardState[], kv };
    });
  }

  async replaceAll(data: BackupData): Promise<void> {
    try {
      await this.tx(['events', 'cards', 'kv', 'chain'], 'readwrite', (t) => {
        const events = t.objectStore('events');
        const cards = t.objectStore('cards');
        const kv = t.objectStore('kv');
        events.clear();
        cards.clear();
        kv.clear();
        // The links start again from the imported states (a conflict is between two writes after one event).
        t.objectStore('chain').clear();
        for (const e of data.events) events.put(e, e.id);
        for (const c of data.cards) cards.put(c, c.cardId);
        for (const [k, v] of Object.entries(data.kv)) kv.put(v, k);
        kv.put(SCHEMA_VERSION, 'schemaVersion');
      });
    } catch (e) {
      throw new WriteError(`Replacing the stored data failed (${(e as Error)?.name ?? 'error'}); nothing was changed.`, (e as Error)?.name === 'QuotaExceededError', { cause: e });
    }
  }

  /** Close the connection (tests, and before a database is deleted). */
  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.forget();
  }
}
