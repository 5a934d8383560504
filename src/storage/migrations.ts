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
};

export function runMigrations(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void {
  const target = Math.max(...Object.keys(MIGRATIONS).map(Number));
  for (let v = oldVersion + 1; v <= target; v++) {
    MIGRATIONS[v]!(db, tx);
    tx.objectStore('kv').put(v, 'schemaVersion');
  }
}
