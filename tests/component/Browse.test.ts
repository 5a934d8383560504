import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import BrowseView from '../../src/views/BrowseView.vue';
import CardView from '../../src/views/CardView.vue';
import { useCollectionStore } from '../../src/stores/collection';
import { useStudyStore } from '../../src/stores/study';
import { freshApp } from './setup';

let w: VueWrapper | null = null;
afterEach(() => w?.unmount());

describe('browse and card page', () => {
  it('searches prompts and answers, and filters by state', async () => {
    const app = await freshApp();
    await useCollectionStore().answer('b', 1, 'study', 1000);
    await app.router.push('/browse');
    w = mount(BrowseView, { global: { plugins: [app.pinia, app.router] } });
    await flushPromises();
    expect(w.get('[data-testid=browse-count]').text()).toBe('3 cards');
    await w.get('[data-testid=search]').setValue('answer c');
    await flushPromises(); // the first search loads every card's text
    expect(w.get('[data-testid=browse-count]').text()).toBe('1 cards');
    expect(w.text()).toContain('Question c?');
    await w.get('[data-testid=search]').setValue('');
    await w.get('[data-testid=state-filter]').setValue('learning');
    expect(w.get('[data-testid=browse-count]').text()).toBe('1 cards');
    expect(w.text()).toContain('Question b?');
    await w.get('[data-testid=state-filter]').setValue('missed');
    expect(w.text()).toContain('Question b?');
  });

  it('shows schedule and history, and suspend takes the card out of study', async () => {
    const app = await freshApp();
    await useCollectionStore().answer('a', 3, 'study', 4000);
    app.clock.t += 60_000;
    await app.router.push('/card/a');
    w = mount(CardView, { global: { plugins: [app.pinia, app.router] } });
    await flushPromises();
    expect(w.get('[data-testid=card-state]').text()).toBe('Learning');
    expect(w.get('[data-testid=card-history]').text()).toContain('Good');
    expect(w.text()).toContain('Chance of recall now');
    await w.get('[data-testid=suspend]').trigger('click');
    await useCollectionStore().flush();
    await flushPromises();
    expect(w.get('[data-testid=card-state]').text()).toBe('Suspended');
    expect(useStudyStore().cardIds).toContain('a');
    expect(useStudyStore().order).not.toContain('a');
    await w.get('[data-testid=unsuspend]').trigger('click');
    await flushPromises();
    expect(w.get('[data-testid=card-state]').text()).toBe('Learning');
  });
});
