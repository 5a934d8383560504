/** A record that cannot be read is skipped, reported and rebuilt; the integrity check repairs states that disagree with the log. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { IDBFactory } from 'fake-indexeddb';
import { IdbRepository } from '../../src/storage/idb';
import { provideRepository } from '../../src/stores/repository';
import { setClock } from '../../src/stores/clock';
import { useSettingsStore } from '../../src/stores/settings';
import { useCollectionStore } from '../../src/stores/collection';
import type { CardState } from '../../src/engine/types';

let repo: IdbRepository;
let t = Date.UTC(2026, 4, 1, 9);

async function open() {
  setActivePinia(createPinia());
  await useSettingsStore().load();
  const c = useCollectionStore();
  await c.load();
  return c;
}

beforeEach(async () => {
  setClock(() => t);
  repo = new IdbRepository('integrity', new IDBFactory());
  provideRepository(repo);
  const c = await open();
  for (const id of ['a', 'b', 'c', 'd']) {
    t += 60_000;
    await c.answer(id, 3, 'study', 1000);
  }
});

describe('integrity', () => {
  it('skips and reports an unreadable state at start-up, and rebuilds it from the log', async () => {
    const good = (await repo.loadStates()).states.find((s) => s.cardId === 'b')!;
    await repo.putStates([{ cardId: 'b', phase: 'garbage' } as unknown as CardState]);
    const c = await open();
    expect(c.problems).toEqual([expect.objectContaining({ store: 'cards', key: 'b' })]);
    expect(c.state('b')).toEqual(good);
    expect((await repo.loadStates()).problems).toEqual([]);
  });

  it('finds and repairs cached states that disagree with the log, in chunks', async () => {
    const states = (await repo.loadStates()).states;
    const truth = new Map(states.map((s) => [s.cardId, s]));
    await repo.putStates([{ ...truth.get('a')!, due: 0 }, { ...truth.get('d')!, stability: 123 }]);
    const c = await open();
    const fixed = await c.checkIntegrity(2);
    expect(fixed.sort()).toEqual(['a', 'd']);
    expect(c.state('a')).toEqual(truth.get('a'));
    expect(new Map((await repo.loadStates()).states.map((s) => [s.cardId, s]))).toEqual(truth);
    expect(await c.checkIntegrity(2)).toEqual([]);
  });
});
