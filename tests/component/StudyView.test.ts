import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import StudyView from '../../src/views/StudyView.vue';
import { useCollectionStore } from '../../src/stores/collection';
import { freshApp } from './setup';

let app: Awaited<ReturnType<typeof freshApp>>;
let w: VueWrapper;

beforeEach(async () => {
  app = await freshApp();
  await app.router.push('/study');
  w = mount(StudyView, { global: { plugins: [app.pinia, app.router] }, attachTo: document.body });
  await flushPromises();
});

afterEach(() => w.unmount());

const key = async (k: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
  await flushPromises();
};

describe('StudyView', () => {
  it('shows the question, and the answer with explanation, source and "sources differ" only after reveal', async () => {
    expect(w.get('[data-testid=prompt]').text()).toBe('Question a?');
    expect(w.find('[data-testid=answer]').exists()).toBe(false);
    await w.get('[data-testid=reveal]').trigger('click');
    expect(w.get('[data-testid=answer]').text()).toBe('Answer a');
    expect(w.text()).toContain('Why a matters');
    expect(w.text()).toContain('Sources differ');
    expect(w.text()).toContain('Kaura, Middle East Institute, December 2022');
  });

  it('labels the four grade buttons with the intervals they would schedule', async () => {
    await w.get('[data-testid=reveal]').trigger('click');
    const labels = [1, 2, 3, 4].map((g) => w.get(`[data-testid=grade-${g}]`).text());
    expect(labels[0]).toBe('Again1m');
    expect(labels[1]).toBe('Hard6m');
    expect(labels[2]).toBe('Good10m');
    expect(labels[3]).toMatch(/^Easy\d+d$/);
  });

  it('grades with the mouse: the answer is stored and the next card is shown', async () => {
    await w.get('[data-testid=reveal]').trigger('click');
    await w.get('[data-testid=grade-3]').trigger('click');
    await useCollectionStore().flush();
    await flushPromises();
    expect(app.repo.log.size).toBe(1);
    expect([...app.repo.log.values()][0]).toMatchObject({ kind: 'review', cardId: 'a', grade: 3, mode: 'study' });
    expect(w.get('[data-testid=prompt]').text()).toBe('Question b?');
  });

  it('works with the keyboard: space reveals, 1 to 4 grade, u undoes', async () => {
    await key(' ');
    expect(w.find('[data-testid=answer]').exists()).toBe(true);
    await key('4');
    await useCollectionStore().flush();
    expect(w.get('[data-testid=prompt]').text()).toBe('Question b?');
    await key('Enter');
    await key('1');
    await useCollectionStore().flush();
    // Card b failed (Again, due in 1 minute): c is next.
    expect(w.get('[data-testid=prompt]').text()).toBe('Question c?');
    await key('u');
    await useCollectionStore().flush();
    await flushPromises();
    // Back to b, answer side up, and b is new again.
    expect(w.get('[data-testid=prompt]').text()).toBe('Question b?');
    expect(w.find('[data-testid=answer]').exists()).toBe(true);
    expect(useCollectionStore().state('b')?.phase).toBe(0);
    expect([...app.repo.log.values()].map((e) => (e as { kind: string }).kind)).toEqual(['review', 'review', 'undo']);
  });

  it('ignores grade keys before the answer is shown', async () => {
    await key('3');
    await useCollectionStore().flush();
    expect(app.repo.log.size).toBe(0);
  });

  it('says when the next card is due once all are done', async () => {
    for (let i = 0; i < 3; i++) {
      await key(' ');
      await key('4');
    }
    await useCollectionStore().flush();
    await flushPromises();
    expect(w.find('[data-testid=all-done]').exists()).toBe(true);
    expect(w.get('[data-testid=all-done]').text()).toMatch(/Next card due on \w+/);
  });

  it('never says saved while a write is failing, and saves once it works', async () => {
    app.repo.failWrites = 'quota';
    await key(' ');
    await key('3');
    await new Promise((r) => setTimeout(r, 20));
    const c = useCollectionStore();
    expect(c.saveStatus).toBe('error');
    expect(c.saveError).toContain('out of storage space');
    expect(app.repo.log.size).toBe(0);
    app.repo.failWrites = null;
    await c.flush();
    expect(c.saveStatus).toBe('saved');
    expect(app.repo.log.size).toBe(1);
  }, 10_000);
});
