/** Reading the app's IndexedDB from a test, to know what was stored (and what the right answers are). */
import type { Page } from 'playwright-core';

/** A value from the app's key-value store (settings, quiz session, ...). */
export function kv<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(
    (k) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('durand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('kv').objectStore('kv').get(k);
          req.onsuccess = () => {
            resolve(req.result as T | undefined);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    key,
  );
}

/** Every record of an object store ('events' or 'cards'). */
export function all<T>(page: Page, store: 'events' | 'cards'): Promise<T[]> {
  return page.evaluate(
    (s) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('durand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(s).objectStore(s).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
