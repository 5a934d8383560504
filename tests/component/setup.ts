/** A fresh Pinia, a fresh in-memory repository, a fixed clock and a memory router per test. */
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { MemoryRepository } from '../../src/storage/memory';
import { provideRepository } from '../../src/stores/repository';
import { setClock } from '../../src/stores/clock';
import { useContentStore } from '../../src/stores/content';
import { useSettingsStore } from '../../src/stores/settings';
import { useCollectionStore } from '../../src/stores/collection';
import { makeRouter } from '../../src/router';
import { CONTENT } from './fixtures';

export const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

export async function freshApp(): Promise<{ pinia: Pinia; repo: MemoryRepository; router: ReturnType<typeof makeRouter>; clock: { t: number } }> {
  const clock = { t: T0 };
  setClock(() => clock.t);
  const repo = new MemoryRepository();
  provideRepository(repo);
  const pinia = createPinia();
  setActivePinia(pinia);
  await useSettingsStore().load();
  useContentStore().set(CONTENT);
  await useCollectionStore().load();
  const router = makeRouter(createMemoryHistory());
  return { pinia, repo, router, clock };
}
