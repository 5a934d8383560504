/**
 * Missed cards (study lapses, wrong quiz answers) and a session over them that repeats each card
 * until it is answered right. The session is saved after every answer, so it survives a reload.
 * Answers feed the scheduler like quiz answers: a miss is a lapse; a right answer on a due card
 * is a review (Good).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { afterAnswer, missedCards, type Missed } from '../engine/missed';
import { generateQuiz, type ChoiceQuestion } from '../engine/quiz';
import type { LogEvent } from '../engine/types';
import { useRepository } from './repository';
import { plain } from './plain';
import { useCollectionStore } from './collection';
import { useContentStore } from './content';
import { now } from './clock';

export type MissedWindow = 7 | 30 | 'all';
export type MissedMode = 'cards' | 'quiz';

export interface MissedSession {
  mode: MissedMode;
  queue: string[];
  total: number;
  /** Answers given, right or wrong. */
  answers: number;
  /** Counter for question seeds, so a card asked twice gets its options shuffled anew. */
  round: number;
}

const KEY = 'missed:session';

export const useMissedStore = defineStore('missed', () => {
  const windowDays = ref<MissedWindow>(7);
  const log = ref<LogEvent[]>([]);
  const session = ref<MissedSession | null>(null);
  const loaded = ref(false);
  const collection = useCollectionStore();
  const content = useContentStore();

  async function load() {
    const s = await useRepository().getValue<MissedSession>(KEY);
    session.value = s && Array.isArray(s.queue) ? s : null;
    await refresh();
    loaded.value = true;
  }

  async function refresh() {
    await collection.flush();
    log.value = (await useRepository().events()).events;
  }

  const list = computed<Missed[]>(() => {
    const since = windowDays.value === 'all' ? 0 : now() - windowDays.value * 86_400_000;
    return missedCards(log.value, since).filter((m) => content.cards.has(m.cardId));
  });

  const save = () => useRepository().setValue(KEY, session.value ? plain(session.value) : null);

  async function startSession(ids: string[], mode: MissedMode) {
    const queue = ids.filter((id) => content.cards.has(id));
    session.value = queue.length ? { mode, queue, total: queue.length, answers: 0, round: 0 } : null;
    await save();
  }

  const currentId = computed(() => session.value?.queue[0] ?? null);

  /** A multiple-choice question for the current card (quiz mode), reproducible per round. */
  const question = computed<ChoiceQuestion | null>(() => {
    const id = currentId.value;
    const s = session.value;
    if (!id || !s || s.mode !== 'quiz') return null;
    const f = content.fact(id);
    if (!f) return null;
    const [q] = generateQuiz([f], { seed: `missed-${s.round}`, count: 1, formats: ['choice'] });
    return q?.kind === 'choice' ? q : null;
  });

  async function answer(right: boolean, durationMs: number) {
    const s = session.value;
    const id = currentId.value;
    if (!s || !id) return;
    const st = collection.state(id);
    if (!right) void collection.answer(id, 1, 'missed', durationMs, false);
    else if (st && st.phase !== 0 && !st.suspended && st.due <= now()) void collection.answer(id, 3, 'missed', durationMs, true);
    s.queue = afterAnswer(s.queue, right);
    s.answers++;
    s.round++;
    await save();
  }

  async function end() {
    session.value = null;
    await save();
  }

  return { windowDays, session, loaded, list, currentId, question, load, refresh, startSession, answer, end };
});
