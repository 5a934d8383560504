/**
 * Migrations against every stored schema version (none, i.e. a new device; 1; 2), an
 * interrupted migration run again, and a closed connection reopened without a duplicate event.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { IdbRepository } from '../../src/storage/idb';
import { MIGRATIONS, chainKey, runMigrations } from '../../src/storage/migrations';
import { SCHEMA_VERSION, StaleStateError } from '../../src/storage/repository';
import { advance } from '../../src/engine/replay';
import { Scheduler } from '../../src/engine/scheduler';
import { eventId, type LogEvent } from '../../src/engine/types';

const T = Date.UTC(2026, 5, 1);
const review = (n: number): Extract<LogEvent, { kind: 'review' }> => ({ kind: 'review', id: eventId(T + n, `e${n}`), cardId: 'c', grade: 3, at: T + n, mode: 'study', durationMs: 1, from: 0 });

function shape(db: IDBDatabase) {
  return [...db.objectStoreNames].sort().map((n) => {
    const s = db.transaction(n).objectStore(n);
    return { n, indexes: [...s.indexNames].sort(), keyPath: s.keyPath };
  });
}

function open(factory: IDBFactory, version: number, upgrade: (db: IDBDatabase, tx: IDBTransaction, old: number) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open('m', version);
    req.onupgradeneeded = (e) => {
      try {
        upgrade(req.result, req.transaction!, e.oldVersion);
      } catch (err) {
        req.transaction!.abort();
        throw err;
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('migrations', () => {
  it('take a new device to the current schema, with its version stored', async () => {
    const repo = new IdbRepository('fresh', new IDBFactory());
    expect(await repo.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([...Array(SCHEMA_VERSION)].map((_, i) => i + 1));
  });

  it('take a version-1 database to version 2, keeping its data (fixture: a review stored by version 1)', async () => {
    const factory = new IDBFactory();
    const e = review(1);
    const s = advance(null, e, new Scheduler());
    // Version 1 as it was: migration 1 only, and a review written into its stores.
    const v1 = await open(factory, 1, (db, tx) => MIGRATIONS[1]!(db, tx));
    await new Promise<void>((resolve, reject) => {
      const t = v1.transaction(['events', 'cards'], 'readwrite');
      t.objectStore('events').put(e, e.id);
      t.objectStore('cards').put(s, s.cardId);
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
    });
    v1.close();
    const repo = new IdbRepository('m', factory);
    expect(await repo.schemaVersion()).toBe(2);
    expect((await repo.events()).events).toEqual([e]);
    expect((await repo.loadStates()).states).toEqual([s]);
    // The next answer to that card is written, and one made stale by it is refused.
    const e2 = { ...review(2), from: s.phase } as Exclude<LogEvent, { kind: 'undo' }>;
    await repo.commit(e2, advance(s, e2, new Scheduler()), s.lastEventId);
    const e3 = { ...review(3), from: s.phase } as Exclude<LogEvent, { kind: 'undo' }>;
    await expect(repo.commit(e3, advance(s, e3, new Scheduler()), s.lastEventId)).rejects.toBeInstanceOf(StaleStateError);
    expect((await repo.events()).events.map((x) => x.id)).toEqual([e.id, e2.id]);
  });

  it('leave a version-2 database and its data as they are', async () => {
    const factory = new IDBFactory();
    const repo = new IdbRepository('v2', factory);
    const e = review(1);
    await repo.commit(e, advance(null, e, new Scheduler()), '');
    await repo.close();
    const again = new IdbRepository('v2', factory);
    expect((await again.events()).events).toEqual([e]);
    expect(await again.schemaVersion()).toBe(2);
  });

  it('an interrupted migration is rolled back whole; run again, it gives the same result', async () => {
    const clean = await open(new IDBFactory(), SCHEMA_VERSION, (db, tx, old) => runMigrations(db, tx, old));
    const expected = shape(clean);
    clean.close();

    const factory = new IDBFactory();
    // Halfway: the first store is created, then the migration fails (a crash, a closed tab).
    await expect(
      open(factory, SCHEMA_VERSION, (db) => {
        db.createObjectStore('events');
        throw new Error('interrupted');
      }),
    ).rejects.toBeTruthy();
    const db = await open(factory, SCHEMA_VERSION, (d, tx, old) => {
      expect(old).toBe(0); // nothing of the failed run was kept
      runMigrations(d, tx, old);
    });
    expect(shape(db)).toEqual(expected);
    db.close();
  });
});

describe('a closed connection', () => {
  it('is reopened and the write retried, with no duplicate event', async () => {
    const repo = new IdbRepository('closed', new IDBFactory());
    const e1 = review(1);
    const s1 = advance(null, e1, new Scheduler());
    await repo.commit(e1, s1, '');
    // The connection is closed under us (as a browser may do), while the repository still holds it.
    const db = await (repo as unknown as { db: Promise<IDBDatabase> }).db;
    db.close();
    const e2 = { ...review(2), from: s1.phase } as LogEvent;
    const s2 = advance(s1, e2 as Exclude<LogEvent, { kind: 'undo' }>, new Scheduler());
    await repo.commit(e2, s2, s1.lastEventId);
    await repo.commit(e2, s2, s1.lastEventId); // a retry of the same write
    expect((await repo.events()).events.map((x) => x.id)).toEqual([e1.id, e2.id]);
  });

  it('a link left by a write that is not in the log does not block the card', async () => {
    const factory = new IDBFactory();
    const repo = new IdbRepository('orphan', factory);
    await repo.loadStates();
    const e1 = review(1);
    const s1 = advance(null, e1, new Scheduler());
    // A link from the card's start to an event that was never stored.
    const db = await (repo as unknown as { db: Promise<IDBDatabase> }).db;
    await new Promise<void>((resolve) => {
      const t = db.transaction('chain', 'readwrite');
      t.objectStore('chain').put('0000000000-missing', chainKey('c', ''));
      t.oncomplete = () => resolve();
    });
    await repo.commit(e1, s1, '');
    expect((await repo.events()).events).toEqual([e1]);
  });
});
