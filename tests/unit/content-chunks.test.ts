/**
 * The decks as shipped: an index always in memory, card text in chunks fetched when a card is
 * asked for and dropped when not used lately (stores/content.ts, deck/content.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effect } from 'vue';
import { splitContent } from '../../src/deck/content';
import { useContentStore } from '../../src/stores/content';
import { useAppStore } from '../../src/stores/app';
import { provideRepository } from '../../src/stores/repository';
import { MemoryRepository } from '../../src/storage/memory';
import type { Content } from '../../src/deck/load';
import { CONTENT, fact } from '../component/fixtures';

const TWO_DECKS: Content = {
  sources: CONTENT.sources,
  decks: [
    { id: 'one', title: 'One', description: '', facts: ['a', 'b', 'c', 'd', 'e'].map((id) => fact(id, { date: id === 'a' ? '2021-08' : undefined })) },
    { id: 'two', title: 'Two', description: '', facts: [fact('f', { sources: [{ source: 'x', evidence: 'one two three' }, { source: 'x', evidence: 'four five six' }] })] },
  ],
};

describe('splitContent', () => {
  it('makes chunks of at most the given size that never span two decks, and an index without text', () => {
    const { index, chunks } = splitContent(TWO_DECKS, (i) => `cards/${i}.json`, 2);
    expect(chunks.map((c) => c.facts.map((f) => f.id))).toEqual([['a', 'b'], ['c', 'd'], ['e'], ['f']]);
    expect(index.chunks).toEqual(['cards/0.json', 'cards/1.json', 'cards/2.json', 'cards/3.json']);
    expect(index.decks[0]!.cards[0]).toEqual({ id: 'a', deck: 'one', category: 'date', sources: ['kaura-mei-2022'], date: '2021-08', chunk: 0 });
    expect(index.decks[1]!.cards[0]).toEqual({ id: 'f', deck: 'two', category: 'date', sources: ['x'], chunk: 3 });
    expect(JSON.stringify(index)).not.toContain('Question');
  });
});

describe('content store, loading card text in chunks', () => {
  let files: Map<string, unknown>;
  let fetched: string[];
  beforeEach(() => {
    provideRepository(new MemoryRepository());
    setActivePinia(createPinia());
    const { index, chunks } = splitContent(TWO_DECKS, (i) => `cards/${i}.json`, 2);
    files = new Map<string, unknown>([['content.json', index], ...chunks.map((c) => [c.file, c.facts] as [string, unknown])]);
    fetched = [];
    vi.stubGlobal('fetch', async (url: string) => {
      const path = url.replace(/^\//, '');
      fetched.push(path);
      const body = files.get(path);
      if (body === undefined) return new Response('gone', { status: 404 });
      if (typeof body === 'string') return new Response(body, { headers: { 'content-type': 'text/html' } });
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('knows every card from the index alone, and fetches a card’s chunk only when it is asked for', async () => {
    const content = useContentStore();
    await content.load();
    expect(fetched).toEqual(['content.json']);
    expect([...content.cards.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(content.fact('c')).toBeNull();
    expect(content.fact('d')).toBeNull(); // same chunk: one fetch
    await settle();
    expect(fetched).toEqual(['content.json', 'cards/1.json']);
    expect(content.fact('c')?.prompt).toBe('Question c?');
  });

  it('runs a reactive reader again when the chunk arrives', async () => {
    const content = useContentStore();
    await content.load();
    const seen: (string | null)[] = [];
    effect(() => void seen.push(content.fact('e')?.answer ?? null));
    await settle();
    expect(seen).toEqual([null, 'Answer e']);
  });

  it('need() waits for the cards, in the order asked, leaving out unknown ids', async () => {
    const content = useContentStore();
    await content.load();
    const list = await content.need(['f', 'nope', 'a']);
    expect(list.map((f) => f.id)).toEqual(['f', 'a']);
    expect(fetched.sort()).toEqual(['cards/0.json', 'cards/3.json', 'content.json']);
  });

  it('trim() drops the chunks used least recently, beyond the number of cards kept', async () => {
    const content = useContentStore();
    await content.load();
    await content.need(['a']);
    await content.need(['c']);
    await content.need(['e']);
    content.fact('a'); // used again: now the most recent
    content.trim(3); // keeps chunk 0 (2 cards) and chunk 2 (1 card)
    fetched = [];
    expect(content.fact('a')).not.toBeNull();
    expect(content.fact('e')).not.toBeNull();
    expect(content.fact('c')).toBeNull(); // dropped: fetched again
    await settle();
    expect(fetched).toEqual(['cards/1.json']);
    expect(content.fact('c')).not.toBeNull();
  });

  it('keeps everything while loadAll() holds it, until release()', async () => {
    const content = useContentStore();
    await content.load();
    await content.loadAll();
    content.trim(1);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].every((id) => content.fact(id))).toBe(true);
    content.release();
    content.trim(1);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].filter((id) => content.fact(id))).toEqual(['f']); // the last used
  });

  it('says the app was updated when a chunk is gone (a newer version replaced it)', async () => {
    const content = useContentStore();
    await content.load();
    files.delete('cards/2.json');
    expect(await content.need(['e'])).toEqual([]);
    expect(useAppStore().stale).toBe(true);
  });

  it('says so too when the host answers the missing chunk with its index.html', async () => {
    const content = useContentStore();
    await content.load();
    files.set('cards/2.json', '<!doctype html><title>Durand</title>');
    expect(await content.need(['e'])).toEqual([]);
    expect(useAppStore().stale).toBe(true);
    expect(content.error).toBeNull();
  });
});
