/**
 * A study session: the day's queue, the card in front of the student, reveal, grade, undo.
 * The queue follows every answer (a card failed now comes back when it falls due): a DayQueue
 * is made once per day and choice of decks, and moves only the card that changed.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { queueOrder } from '../engine/queue';
import { DayQueue } from '../engine/day-queue';
import { dayStart } from '../engine/day';
import type { Outcome } from '../engine/scheduler';
import type { Grade } from '../engine/types';
import { useCollectionStore } from './collection';
import { useContentStore } from './content';
import { useSettingsStore } from './settings';
import { now, tzOffset } from './clock';
import { selectCards } from '../deck/select';
import { idle } from './idle';

export const useStudyStore = defineStore('study', () => {
  const collection = useCollectionStore();
  const content = useContentStore();
  const settings = useSettingsStore();

  /** Changes every time the clock should be read again (after an answer, or a timer tick). */
  const tick = ref(0);
  const revealed = ref(false);
  const shownAt = ref(0);
  /** Cards answered in this session, newest last, for undo. */
  const history = ref<string[]>([]);
  /** After an undo, the card taken back stays in front until it is graded again. */
  const pinned = ref<string | null>(null);

  /** Card ids of the chosen decks, categories and articles, in deck order. */
  const cardIds = computed(() => selectCards(content.decks, settings.settings.study).map((c) => c.id));

  /** Not reactive itself: `changed` says when it moved. */
  let day: DayQueue | null = null;
  const changed = ref(0);
  collection.onChange((id) => {
    if (id === null) day = null; // everything replaced: made again when next asked
    else day?.update(id, collection.states.get(id));
    changed.value++;
  });

  const queue = computed(() => {
    void tick.value;
    void changed.value;
    const t = now();
    const end = dayStart(t, settings.settings.dayStartHour, tzOffset(t)) + 86_400_000;
    if (!day || day.endOfDay !== end || day.cardIds !== cardIds.value) day = new DayQueue(cardIds.value, collection.states, end);
    return day.queue(t, settings.settings.limits, collection.doneToday);
  });

  const order = computed(() => queueOrder(queue.value));
  const currentId = computed(() => pinned.value ?? order.value[0] ?? null);
  const current = computed(() => (currentId.value ? content.fact(currentId.value) : null));
  /**
   * The card's text arrives with its chunk (`current` is null until then). The next few cards'
   * chunks are fetched ahead, once the answers are saved and the page is idle, so that parsing
   * them never holds up an answer.
   */
  const AHEAD = 8;
  let prefetching = false;
  watch(
    order,
    () => {
      if (prefetching) return; // the one under way reads the order when it runs
      prefetching = true;
      void collection
        .flush()
        .then(() => idle(500))
        .then(() => {
          prefetching = false;
          return content.need(order.value.slice(0, AHEAD));
        });
    },
    { immediate: true },
  );
  const counts = computed(() => ({ learning: queue.value.learning.length, review: queue.value.review.length, new: queue.value.new.length }));

  /** What each grade would schedule for the current card. */
  const outcomes = computed<Record<Grade, Outcome> | null>(() => {
    void tick.value;
    const id = currentId.value;
    if (!id) return null;
    return collection.scheduler().preview(id, collection.state(id), now(), 'preview');
  });

  function show() {
    revealed.value = false;
    shownAt.value = now();
  }

  function reveal() {
    revealed.value = true;
  }

  /** Grade the current card; resolves when the answer is durably stored. */
  function grade(g: Grade): Promise<void> | null {
    const id = currentId.value;
    if (!id || !revealed.value) return null;
    const saved = collection.answer(id, g, 'study', now() - shownAt.value);
    history.value.push(id);
    pinned.value = null;
    tick.value++;
    show();
    content.trim(); // the cards just shown and the next ones are the most recently used: they stay
    return saved;
  }

  async function undo(): Promise<boolean> {
    const id = history.value[history.value.length - 1];
    if (!id) return false;
    const ok = await collection.undo(id);
    history.value.pop();
    if (ok) pinned.value = id;
    tick.value++;
    show();
    if (ok) revealed.value = true; // back to the answer side, ready to grade again
    return ok;
  }

  function refresh() {
    tick.value++;
  }

  return { tick, revealed, history, cardIds, queue, order, currentId, current, counts, outcomes, show, reveal, grade, undo, refresh };
});
