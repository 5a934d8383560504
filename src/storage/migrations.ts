/**
 * Schema migrations, run inside IndexedDB's versionchange transaction (so a migration
 * interrupted halfway is rolled back whole and simply runs again at the next open).
 * Each step takes the database from version n-1 to n. Add a step; never edit an old one.
 */
export const MIGRATIONS: Record<number, (db: IDBDatabase, tx: IDBTransaction) => void> = {
  1: (db, tx) => {
    const events = db.createObjectStore('events');
    events.createIndex('cardId', 'cardId', { unique: false });
    db.createObjectStore('cards');
    db.createObjectStore('kv');
    tx.objectStore('kv').put(1, 'schemaVersion');
  },
  // Each card's log as a chain: key `chainKey(cardId, previous event id)`, value the event that
  // followed it. A second event after the same one is refused by the key alone, so a write can
  // check it is not stale without reading anything first (see IdbRepository.commit).
  2: (db) => {
    db.createObjectStore('chain');
  },
};

/** The chain store's key for the event that follows `prev` ('' for a card's first event). */
export const chainKey = (cardId: string, prev: string) => `${cardId}\u0000${prev}`;

export function runMigrations(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void {
  const target = Math.max(...Object.keys(MIGRATIONS).map(Number));
  for (let v = oldVersion + 1; v <= target; v++) {
    MIGRATIONS[v]!(db, tx);
    tx.objectStore('kv').put(v, 'schemaVersion');
  }
}
