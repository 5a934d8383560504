import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { IdbRepository } from '../../src/storage/idb';

describe('IndexedDB key-value store', () => {
  it('sets and gets values, also several at once', async () => {
    const repo = new IdbRepository('kv', new IDBFactory());
    await Promise.all([repo.setValue('a', { x: 1 }), repo.setValue('b', [1, 2])]);
    expect(await repo.getValue('a')).toEqual({ x: 1 });
    expect(await repo.getValue('b')).toEqual([1, 2]);
    await repo.setValue('a', null);
    expect(await repo.getValue('a')).toBeNull();
  });
});
