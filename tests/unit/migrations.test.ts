/**
 * Migrations against every stored schema version (so far: none, i.e. a new device, and 1), an
 * interrupted migration run again, and a closed connection reopened without a duplicate event.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { IdbRepository } from '../../src/storage/idb';
import { MIGRATIONS, runMigrations } from '../../src/storage/migrations';
import { SCHEMA_VERSION } from '../../src/storage/repository';
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

  it('leave a version-1 database and its data as they are (fixture: a stored review)', async () => {
    const factory = new IDBFactory();
    const repo = new IdbRepository('v1', factory);
    const e = review(1);
    await repo.commit(e, advance(null, e, new Scheduler()), '');
    await repo.close();
    const again = new IdbRepository('v1', factory);
    expect((await again.events()).events).toEqual([e]);
    expect(await again.schemaVersion()).toBe(1);
  });

  it('an interrupted migration is rolled back whole; run again, it gives the same result', async () => {
    const clean = await open(new IDBFactory(), 1, (db, tx, old) => runMigrations(db, tx, old));
    const expected = shape(clean);
    clean.close();

    const factory = new IDBFactory();
    // Halfway: the first store is created, then the migration fails (a crash, a closed tab).
    await expect(
      open(factory, 1, (db) => {
        db.createObjectStore('events');
        throw new Error('interrupted');
      }),
    ).rejects.toBeTruthy();
    const db = await open(factory, 1, (d, tx, old) => {
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
});
