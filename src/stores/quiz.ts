/**
 * Timed quizzes. The session is saved after every answer (and when the page is hidden), so a
 * reload or a killed app resumes at the same question with the time that was left. Answers feed
 * the scheduler: a wrong answer is a lapse (Again) of its card; a right answer on a due card
 * counts as a review, rated by `quizGrade`.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { generateQuiz, gradeResponse, quizGrade, type GradeResult, type Question, type QuizKind, type Response } from '../engine/quiz';
import { RELOAD_GRACE_MS, resumeClock, seen, startClock, timeLeft, type ClockState, type Timing } from '../engine/quiz/clock';
import { selectCards, type FactFilter } from '../deck/select';
import { createRng, sample } from '../engine/random';
import { useContentStore } from './content';
import { useCollectionStore } from './collection';
import { useRepository } from './repository';
import { plain } from './plain';
import { now, randomSuffix } from './clock';

export interface QuizSetup {
  filter: FactFilter;
  count: number | 'all';
  timing: Timing;
  formats: QuizKind[];
}

/** Cards a quiz is drawn from, at most. */
export const POOL = 2000;

export const QUICK_QUIZ: QuizSetup = {
  filter: { decks: [], categories: [], sources: [] },
  count: 10,
  timing: { mode: 'question', seconds: 20 },
  formats: ['choice', 'typed', 'truefalse', 'order', 'match'],
};

export interface QuizAnswer {
  response: Response | null;
  result: GradeResult;
  elapsedMs: number;
  timedOut: boolean;
}

export interface QuizSession {
  id: string;
  setup: QuizSetup;
  seed: string;
  startedAt: number;
  questions: Question[];
  answers: QuizAnswer[];
  /** The clock of the current question (per-question timing) or of the whole quiz. */
  clock: ClockState;
  /** When the current question was first shown. */
  shownAt: number;
  /** The last answer's feedback is on screen; the next question has not been shown yet. */
  feedback: boolean;
}

export interface QuizRecord {
  id: string;
  startedAt: number;
  finishedAt: number;
  setup: QuizSetup;
  questions: Question[];
  answers: QuizAnswer[];
  score: number;
  total: number;
}

const CURRENT = 'quiz:current';
const HISTORY = 'quiz:history';
const HISTORY_MAX = 200;

export const useQuizStore = defineStore('quiz', () => {
  const session = ref<QuizSession | null>(null);
  const history = ref<QuizRecord[]>([]);
  const loaded = ref(false);
  const lastSetup = ref<QuizSetup>(plain(QUICK_QUIZ));

  const content = useContentStore();
  const collection = useCollectionStore();
  const repo = () => useRepository();

  const index = computed(() => session.value?.answers.length ?? 0);
  const question = computed(() => session.value?.questions[index.value] ?? null);
  const finished = computed(() => !!session.value && index.value >= session.value.questions.length);
  const perQuestionLimitMs = computed(() => (session.value?.setup.timing.mode === 'question' ? session.value.setup.timing.seconds * 1000 : null));

  async function load() {
    if (loaded.value) return;
    const [cur, hist, setup] = await Promise.all([
      repo().getValue<QuizSession>(CURRENT),
      repo().getValue<QuizRecord[]>(HISTORY),
      repo().getValue<QuizSetup>('quiz:setup'),
    ]);
    history.value = Array.isArray(hist) ? hist : [];
    if (setup) lastSetup.value = setup;
    if (cur && Array.isArray(cur.questions) && Array.isArray(cur.answers)) {
      const t = now();
      const clock = resumeClock(cur.clock, t);
      // Whatever the clock was moved by (a long absence), the question's start moves too.
      const away = t - cur.clock.lastSeen;
      const shift = cur.clock.deadline !== null ? clock.deadline! - cur.clock.deadline : away > RELOAD_GRACE_MS ? away : 0;
      session.value = { ...cur, clock, shownAt: cur.shownAt + shift };
    }
    loaded.value = true;
  }

  const save = () => (session.value ? repo().setValue(CURRENT, plain(session.value)) : repo().setValue(CURRENT, null));

  /** Start a quiz; returns false when no fact matches the setup. */
  async function start(setup: QuizSetup, seed = randomSuffix()): Promise<boolean> {
    // A quiz is drawn from at most POOL cards (picked by the seed), so a very large collection
    // does not load every card's text to ask ten questions.
    let ids = selectCards(content.decks, setup.filter).map((c) => c.id);
    if (ids.length > POOL) ids = sample(ids, POOL, createRng(seed, 'pool'));
    const facts = await content.need(ids);
    const questions = generateQuiz(facts, { seed, count: setup.count, formats: setup.formats });
    if (!questions.length) return false;
    const t = now();
    session.value = { id: `${t.toString(36)}-${seed}`, setup, seed, startedAt: t, questions, answers: [], clock: startClock(setup.timing, t), shownAt: t, feedback: false };
    lastSetup.value = setup;
    await Promise.all([save(), repo().setValue('quiz:setup', plain(setup))]);
    return true;
  }

  function remainingMs(at = now()): number {
    return session.value ? timeLeft(session.value.clock, at) : Infinity;
  }

  /** Answer the current question (`null`: time ran out). Saved before it resolves. */
  async function answer(response: Response | null) {
    const s = session.value;
    const q = question.value;
    if (!s || !q || s.feedback) return;
    const t = now();
    const timedOut = response === null || remainingMs(t) <= 0;
    const facts = new Map((await content.need(q.factIds)).map((f) => [f.id, f]));
    if (s.feedback || session.value !== s) return; // answered meanwhile (a double tap)
    const result = gradeResponse(q, timedOut ? null : response, facts);
    const elapsedMs = t - s.shownAt;
    s.answers.push({ response: timedOut ? null : response, result, elapsedMs, timedOut });
    feedScheduler(q, result, elapsedMs);
    s.clock = seen(s.clock, t);
    s.feedback = true;
    if (s.answers.length >= s.questions.length) await finish();
    else await save();
  }

  /** Leave the feedback and show the next question (its clock starts now). */
  async function next() {
    const s = session.value;
    if (!s || !s.feedback || finished.value) return;
    const t = now();
    s.feedback = false;
    s.shownAt = t;
    s.clock = s.setup.timing.mode === 'question' ? startClock(s.setup.timing, t) : seen(s.clock, t);
    await save();
  }

  /** When the whole-quiz clock runs out, every question left counts as timed out. */
  async function expireAll() {
    while (session.value && !finished.value) {
      await next();
      await answer(null);
    }
  }

  function feedScheduler(q: Question, result: GradeResult, elapsedMs: number) {
    for (const f of result.byFact) {
      const st = collection.state(f.factId);
      const grade = quizGrade({ kind: q.kind, correct: f.correct, near: result.near ?? false, elapsedMs, limitMs: perQuestionLimitMs.value });
      const due = !!st && st.phase !== 0 && !st.suspended && st.due <= now();
      if (!f.correct) void collection.answer(f.factId, 1, 'quiz', elapsedMs, false);
      else if (due) void collection.answer(f.factId, grade, 'quiz', elapsedMs, true);
    }
  }

  async function finish() {
    const s = session.value!;
    const rec: QuizRecord = {
      id: s.id,
      startedAt: s.startedAt,
      finishedAt: now(),
      setup: s.setup,
      questions: s.questions,
      answers: s.answers,
      score: s.answers.filter((a) => a.result.correct).length,
      total: s.questions.length,
    };
    history.value = [...history.value, rec].slice(-HISTORY_MAX);
    await repo().setValue(HISTORY, plain(history.value));
    await repo().setValue(CURRENT, null);
  }

  /** Leave the finished quiz (its record stays in the history). */
  function close() {
    session.value = null;
  }

  async function abandon() {
    session.value = null;
    await save();
  }

  /** Record that the quiz was seen now (called when the page is hidden). */
  async function checkpoint() {
    if (!session.value || finished.value) return;
    session.value.clock = seen(session.value.clock, now());
    await save();
  }

  return { session, history, loaded, lastSetup, index, question, finished, perQuestionLimitMs, load, start, remainingMs, answer, next, expireAll, close, abandon, checkpoint };
});
