/** A changed deck (a fact added, a fact's text edited, a fact removed) keeps every card's progress. */
import { describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { freshApp } from './setup';
import { CONTENT, fact } from './fixtures';
import { useCollectionStore } from '../../src/stores/collection';
import { useContentStore } from '../../src/stores/content';
import { useSettingsStore } from '../../src/stores/settings';
import { useStudyStore } from '../../src/stores/study';
import type { Content } from '../../src/deck/load';

async function reopen(content: Content) {
  setActivePinia(createPinia());
  await useSettingsStore().load();
  useContentStore().set(content);
  await useCollectionStore().load();
  return { collection: useCollectionStore(), study: useStudyStore() };
}

describe('changing a deck', () => {
  it('keeps the progress of every existing card; a removed card keeps its history and gets it back if it returns', async () => {
    const app = await freshApp();
    const c = useCollectionStore();
    for (const id of ['a', 'b', 'c']) await c.answer(id, 3, 'study', 1000);
    const before = new Map(['a', 'b', 'c'].map((id) => [id, c.state(id)]));
    app.clock.t += 3_600_000;

    const edited = structuredClone(CONTENT);
    const deck = edited.decks[0]!;
    deck.facts = [
      { ...deck.facts[0]!, prompt: 'A reworded question?', explanation: 'A rewritten explanation, longer now.' },
      deck.facts[2]!,
      fact('d'),
    ];
    let s = await reopen(edited);
    expect(s.collection.state('a')).toEqual(before.get('a'));
    expect(s.collection.state('c')).toEqual(before.get('c'));
    expect(s.collection.state('d')).toBeNull();
    expect(s.study.cardIds).toEqual(['a', 'c', 'd']);
    expect(s.study.order).toContain('d');
    expect(s.study.order).not.toContain('b');
    // The removed card's history and state are still stored.
    expect((await app.repo.cardEvents('b')).length).toBe(1);
    expect(s.collection.state('b')).toEqual(before.get('b'));

    s = await reopen(structuredClone(CONTENT));
    expect(s.collection.state('b')).toEqual(before.get('b'));
  });
});
