/** Backup files: export, wipe, import gives back the same data; bad and hostile files change nothing. */
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/storage/repository';
import { createPinia, setActivePinia } from 'pinia';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { IdbRepository } from '../../src/storage/idb';
import { provideRepository } from '../../src/stores/repository';
import { setClock } from '../../src/stores/clock';
import { useSettingsStore } from '../../src/stores/settings';
import { useCollectionStore } from '../../src/stores/collection';
import { useBackupStore } from '../../src/stores/backup';
import { canonical, makeBackup, readBackup, sha256 } from '../../src/storage/backup';

const T0 = Date.UTC(2026, 3, 1, 10);
let repo: IdbRepository;
let clock: number;

beforeEach(async () => {
  clock = T0;
  setClock(() => clock);
  repo = new IdbRepository('backup', new IDBFactory());
  provideRepository(repo);
  setActivePinia(createPinia());
  await useSettingsStore().load();
  await useCollectionStore().load();
  const c = useCollectionStore();
  for (const [i, id] of ['a', 'b', 'c', 'a', 'b'].entries()) {
    clock += 3_600_000;
    await c.answer(id, ((i % 4) + 1) as 1 | 2 | 3 | 4, i % 2 ? 'quiz' : 'study', 2000 + i, i % 2 ? i !== 3 : undefined);
  }
  await useSettingsStore().save({ dayStartHour: 5 });
  await repo.setValue('quiz:history', [{ id: 'q1', score: 3, total: 4 }]);
});

describe('backup', () => {
  it('export, wipe, import gives back exactly the same data', async () => {
    const before = await repo.exportAll();
    const b = useBackupStore();
    const { text, name } = await b.exportBackup();
    expect(name).toMatch(/^durand-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: 'durand-backup', schemaVersion: SCHEMA_VERSION, appVersion: expect.any(String), checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await b.resetAll();
    expect((await repo.exportAll()).events).toEqual([]);
    expect(await b.prepareImport(text, name)).toBe(true);
    expect(b.pending!.preview.events).toEqual({ now: 0, backup: 5 });
    expect(b.pending!.rebuilt).toBe(0);
    await b.confirmImport();
    const after = await repo.exportAll();
    expect(after.events).toEqual(before.events);
    expect(after.cards.sort((x, y) => x.cardId.localeCompare(y.cardId))).toEqual(before.cards.sort((x, y) => x.cardId.localeCompare(y.cardId)));
    const { lastBackup, ...kvAfter } = after.kv;
    expect(kvAfter).toEqual(before.kv);
    expect(lastBackup).toBe(clock);
  });

  async function refuses(text: string, pattern: RegExp) {
    const before = await repo.exportAll();
    const b = useBackupStore();
    expect(await b.prepareImport(text, 'bad.json')).toBe(false);
    expect(b.error).toMatch(pattern);
    expect(b.error).toContain('bad.json');
    expect(b.pending).toBeNull();
    await b.confirmImport(); // nothing pending: nothing happens
    expect(await repo.exportAll()).toEqual(before);
  }

  it('refuses a truncated file', async () => {
    const { text } = await useBackupStore().exportBackup();
    await refuses(text.slice(0, text.length - 40), /not valid JSON/);
  });

  it('refuses a tampered file (checksum)', async () => {
    const { text } = await useBackupStore().exportBackup();
    const j = JSON.parse(text);
    j.data.events[0].grade = j.data.events[0].grade === 4 ? 3 : 4;
    await refuses(JSON.stringify(j), /checksum: does not match/);
  });

  it('refuses a newer schema version and another format', async () => {
    const { text } = await useBackupStore().exportBackup();
    await refuses(JSON.stringify({ ...JSON.parse(text), schemaVersion: 99 }), /schemaVersion: made by a newer version/);
    await refuses(JSON.stringify({ ...JSON.parse(text), format: 'anki' }), /format: not a Durand backup/);
  });

  it('names the path and field of a bad record, even with a valid checksum', async () => {
    const data = await repo.exportAll();
    (data.events[2] as unknown as Record<string, unknown>).grade = 7;
    const b = await makeBackup(data, 'x', T0);
    await refuses(JSON.stringify(b), /bad\.json: data\.events\[2\]: grade invalid/);
  });

  it('refuses __proto__ keys and never pollutes a prototype', async () => {
    const data = await repo.exportAll();
    const text = JSON.stringify(await makeBackup(data, 'x', T0)).replace('"kv":{', '"kv":{"__proto__":{"polluted":true},');
    await refuses(text, /data\.kv\.__proto__: a key that is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rebuilds card states from the log when the file\'s cached states disagree with it', async () => {
    const data = await repo.exportAll();
    data.cards[0] = { ...data.cards[0]!, stability: 999 };
    const text = JSON.stringify(await makeBackup(data, 'x', T0));
    const b = useBackupStore();
    expect(await b.prepareImport(text, 'f.json')).toBe(true);
    expect(b.pending!.rebuilt).toBe(1);
    expect(b.pending!.backup.data.cards.find((c) => c.cardId === data.cards[0]!.cardId)!.stability).not.toBe(999);
  });

  it('survives 1,000 generated hostile inputs: never a crash, never a change, never a polluted prototype', async () => {
    const before = await repo.exportAll();
    const valid = JSON.parse((await useBackupStore().exportBackup()).text);
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ ...valid, data: v })),
      fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'grade', 'id'), value: fc.jsonValue({ maxDepth: 2 }) }).map(({ key, value }) =>
        JSON.stringify(valid).replace('"events":[{', `"events":[{${JSON.stringify(key)}:${JSON.stringify(value)},`),
      ),
      fc.integer({ min: 0, max: 2000 }).map((n) => JSON.stringify(valid).slice(0, n)),
      fc.string({ minLength: 10_000, maxLength: 20_000 }).map((s) => JSON.stringify({ ...valid, appVersion: s })),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const b = useBackupStore();
        const ok = await b.prepareImport(text, 'fuzz.json');
        if (!ok) {
          refused++;
          expect(b.error).toContain('fuzz.json');
        } else {
          // Only the genuine data gets through (a changed appVersion, or a duplicate JSON key that
          // JSON.parse resolves to the original value, leave the checksummed data as it was).
          expect(canonical(b.pending!.backup.data)).toBe(canonical(valid.data));
        }
        b.cancelImport();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('grade');
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBeGreaterThan(500);
    const { lastBackup: _l, ...kvNow } = (await repo.exportAll()).kv;
    const { lastBackup: _b, ...kvBefore } = before.kv;
    expect(kvNow).toEqual(kvBefore);
    expect((await repo.exportAll()).events).toEqual(before.events);
  }, 60_000);

  it('uses a checksum that does not depend on key order', async () => {
    expect(await sha256(canonical({ b: 1, a: [{ y: 2, x: 1 }] }))).toBe(await sha256(canonical({ a: [{ x: 1, y: 2 }], b: 1 })));
    await expect(readBackup('[]', 'f.json')).rejects.toThrow('f.json: (root): not a Durand backup');
  });
});
