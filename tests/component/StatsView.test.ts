import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import StatsView from '../../src/views/StatsView.vue';
import { useCollectionStore } from '../../src/stores/collection';
import { freshApp, T0 } from './setup';

const DAY = 86_400_000;
const MIN = 60_000;

let app: Awaited<ReturnType<typeof freshApp>>;
let w: VueWrapper | null = null;

beforeEach(async () => {
  app = await freshApp();
});
afterEach(() => w?.unmount());

async function open() {
  await app.router.push('/');
  w = mount(StatsView, { global: { plugins: [app.pinia, app.router] }, attachTo: document.body });
  await flushPromises();
  return w;
}

/**
 * Three study days (T0 - 3 days, T0 - 1 day, T0), each at noon UTC, so the study days are the
 * same in any time zone:
 * - day -3: a Easy and b Easy (both straight to review), c Good (learning);
 * - day -1: a Good (a review: recalled), b Again (a review: missed, b relearns);
 * - today: c Good (from learning: not a review), a right quiz answer on a (recalled),
 *   a Again on a that is then undone (does not count).
 */
async function history() {
  const c = useCollectionStore();
  const at = async (t: number, fn: () => unknown) => {
    app.clock.t = t;
    await fn();
  };
  await at(T0 - 3 * DAY, () => c.answer('a', 4, 'study', 3000));
  await at(T0 - 3 * DAY + MIN, () => c.answer('b', 4, 'study', 3000));
  await at(T0 - 3 * DAY + 2 * MIN, () => c.answer('c', 3, 'study', 3000));
  await at(T0 - DAY, () => c.answer('a', 3, 'study', 3000));
  await at(T0 - DAY + MIN, () => c.answer('b', 1, 'study', 3000));
  await at(T0, () => c.answer('c', 3, 'study', 3000));
  await at(T0 + MIN, () => c.answer('a', 3, 'quiz', 3000, true));
  await at(T0 + 2 * MIN, () => c.answer('a', 1, 'study', 3000));
  await at(T0 + 3 * MIN, () => c.undo('a'));
  app.clock.t = T0 + 5 * MIN;
}

describe('StatsView', () => {
  it('shows an empty state before the first review', async () => {
    const v = await open();
    expect(v.get('[data-testid=stats-empty]').text()).toContain('No reviews yet');
    expect(v.find('[data-testid=streak-current]').exists()).toBe(false);
  });

  it('shows the streak: three study days with a gap give a streak of 2', async () => {
    await history();
    const v = await open();
    expect(v.get('[data-testid=streak-current]').text()).toBe('2');
    expect(v.get('[data-testid=streak-longest]').text()).toBe('2 days');
    expect(v.text()).toContain('days in a row');
    expect(v.text()).not.toContain('to keep it going'); // studied today
  });

  it('shows true retention against the target; the undone Again does not count', async () => {
    await history();
    const v = await open();
    expect(v.get('[data-testid=retention-target]').text()).toBe('90%');
    for (const id of ['7', '30']) {
      const row = v.get(`[data-testid=retention-${id}]`);
      expect(row.get('[data-testid=retention-value]').text()).toBe('67%'); // 2 of 3
      expect(row.text()).toContain('2 of 3 reviews recalled, below target');
    }
  });

  it('describes the forecast in words: a visible summary and a table of the 30 days', async () => {
    await history();
    const v = await open();
    const col = useCollectionStore();
    // b relearns (due in minutes): today. a and c are in review, due on later days.
    expect(col.state('b')?.phase).toBe(3);
    const dueSoon = ['a', 'c'].filter((id) => col.state(id)!.due < T0 + 30 * DAY).length;
    expect(v.get('[data-testid=forecast-summary]').text()).toMatch(new RegExp(`^${1 + dueSoon} cards? due in the next 30 days, 1 of them today`));
    const rows = v.findAll('[data-testid=forecast-table] tbody tr');
    expect(rows).toHaveLength(30);
    expect(rows[0]!.text()).toBe('Today1');
    expect(rows[1]!.get('th').text()).toBe('Tomorrow');
    const sum = rows.reduce((n, r) => n + Number(r.get('td').text()), 0);
    expect(sum).toBe(1 + dueSoon);
  });

  it('summarises the calendar of reviews and shows mastery by category and by article', async () => {
    await history();
    const v = await open();
    expect(v.get('[data-testid=heatmap-summary]').text()).toMatch(/^7 reviews on 3 of the last 365 days; most in one day: 3, on /);
    expect(v.get('[role=region]').attributes('tabindex')).toBe('0');
    expect(v.findAll('rect.cell')).toHaveLength(365 + 5); // the year, and the legend's five swatches
    const cat = v.get('[data-testid=mastery-category]');
    expect(cat.text()).toContain('Dates');
    expect(cat.text()).toMatch(/\d of 3 mastered, \d learning, 0 new; recall now \d+%/);
    const src = v.get('[data-testid=mastery-source]');
    expect(src.text()).toContain('Kaura, Middle East Institute, December 2022');
  });
});
