/** Two tabs on one database (two stores, one repository), and export while a write is failing. */
import { describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { MemoryRepository } from '../../src/storage/memory';
import { provideRepository } from '../../src/stores/repository';
import { setClock } from '../../src/stores/clock';
import { useSettingsStore } from '../../src/stores/settings';
import { useCollectionStore } from '../../src/stores/collection';
import { useBackupStore } from '../../src/stores/backup';
import { replay } from '../../src/engine/replay';
import type { ReviewEvent } from '../../src/engine/types';

let t = Date.UTC(2026, 6, 1, 10);
setClock(() => t);

async function tab() {
  const pinia = createPinia();
  setActivePinia(pinia);
  await useSettingsStore().load();
  await useCollectionStore().load();
  return { pinia, c: useCollectionStore() };
}

describe('two tabs answering the same card', () => {
  it('keep both answers; the second is rebased, stamped after the first, from the fresh phase', async () => {
    const repo = new MemoryRepository();
    provideRepository(repo);
    const a = await tab();
    const b = await tab();
    setActivePinia(a.pinia);
    await a.c.answer('x', 3, 'study', 1000);
    t += 1;
    setActivePinia(b.pinia);
    await b.c.answer('x', 1, 'study', 1000); // b still believes x is new
    const events = (await repo.events()).events as ReviewEvent[];
    expect(events.map((e) => e.grade)).toEqual([3, 1]);
    expect(events.map((e) => e.from)).toEqual([0, 1]);
    const cached = new Map((await repo.loadStates()).states.map((s) => [s.cardId, s]));
    expect(replay(events, a.c.scheduler())).toEqual(cached);
    expect(b.c.state('x')).toEqual(cached.get('x'));
  });
});

describe('export while a write is failing', () => {
  it('does not wait for the failing write, and exports what is stored', async () => {
    const repo = new MemoryRepository();
    provideRepository(repo);
    const { c } = await tab();
    await c.answer('a', 3, 'study', 1000);
    repo.failWrites = 'quota';
    void c.answer('b', 3, 'study', 1000);
    const { text } = await useBackupStore().exportBackup();
    const events = JSON.parse(text).data.events as ReviewEvent[];
    expect(events.map((e) => e.cardId)).toEqual(['a']);
    expect(c.saveStatus).toBe('error');
    repo.failWrites = null;
    await c.flush();
    expect(c.saveStatus).toBe('saved');
  }, 10_000);
});
