/** The quiz clock with fake timers: a time-out marks the question wrong and moves on to its feedback. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import QuizTimer from '../../src/components/quiz/QuizTimer.vue';
import QuizPlayView from '../../src/views/QuizPlayView.vue';
import { setClock } from '../../src/stores/clock';
import { useQuizStore } from '../../src/stores/quiz';
import { freshApp, T0 } from './setup';

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('QuizTimer', () => {
  it('counts down from the deadline, announces 10 and 5 seconds left, and expires once', async () => {
    setClock(() => Date.now());
    const w = mount(QuizTimer, { props: { deadline: T0 + 12_000, totalMs: 12_000 } });
    expect(w.text()).toContain('12s');
    await vi.advanceTimersByTimeAsync(2_100);
    expect(w.text()).toContain('10s');
    expect(w.text()).toContain('10 seconds left');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(w.text()).toContain('5 seconds left');
    expect(w.emitted('expire')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(w.text()).toContain('0s');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(w.emitted('expire')).toHaveLength(1);
    w.unmount();
  });

  it('is driven by time, not by ticks: a long gap between ticks (a throttled tab) still expires on time', async () => {
    let t = T0;
    setClock(() => t);
    const w = mount(QuizTimer, { props: { deadline: T0 + 20_000, totalMs: 20_000 } });
    t += 25_000; // the tab was throttled: only one tick arrives, long after the deadline
    await vi.advanceTimersByTimeAsync(250);
    expect(w.emitted('expire')).toHaveLength(1);
    w.unmount();
  });
});

describe('a timed question left unanswered', () => {
  it('is marked wrong ("Time ran out"), its card becomes a miss, and the quiz moves on', async () => {
    const app = await freshApp();
    setClock(() => Date.now());
    const quiz = useQuizStore();
    await quiz.load();
    await app.router.push('/quiz/play');
    expect(await quiz.start({ filter: { decks: [], categories: [], sources: [] }, count: 2, timing: { mode: 'question', seconds: 10 }, formats: ['choice'] }, 'seed')).toBe(true);
    const w = mount(QuizPlayView, { global: { plugins: [app.pinia, app.router] } });
    await flushPromises();
    expect(w.text()).toContain('Question 1 of 2');
    await vi.advanceTimersByTimeAsync(10_500);
    await flushPromises();
    expect(w.get('[data-testid=feedback]').text()).toContain('Time ran out');
    expect(quiz.session!.answers[0]).toMatchObject({ timedOut: true, response: null });
    expect(quiz.session!.answers[0]!.result.correct).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    const events = [...app.repo.log.values()] as { cardId: string; grade: number; correct?: boolean }[];
    expect(events).toEqual([expect.objectContaining({ cardId: quiz.session!.questions[0]!.factIds[0], grade: 1, correct: false })]);
    await w.get('[data-testid=next]').trigger('click');
    await flushPromises();
    expect(w.text()).toContain('Question 2 of 2');
    w.unmount();
  });
});
