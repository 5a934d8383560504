/**
 * Card states and the review log. Every change is an event: the store computes the card's new
 * state, shows it at once, and writes event and state in one atomic write. Writes run one at a
 * time, in order; a failed write is kept in memory, reported, and retried. `saveStatus` says
 * "saved" only once every write has resolved.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, triggerRef, watch } from 'vue';
import { Scheduler } from '../engine/scheduler';
import { advance, effectiveReviews, replay, replayCard, undoableReview } from '../engine/replay';
import { dayStart } from '../engine/day';
import { eventId, type CardState, type Grade, type LogEvent, type ReviewMode } from '../engine/types';
import { StaleStateError, type StorageProblem } from '../storage/repository';
import { useRepository } from './repository';
import { IdbRepository } from '../storage/idb';
import { useSettingsStore } from './settings';
import { now, randomSuffix, tzOffset } from './clock';
import { idle } from './idle';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/** What one tab tells the others (BroadcastChannel 'durand'). */
export type TabMessage = { type: 'commit'; event: LogEvent; state: CardState } | { type: 'replaced' };

/** Delays before retrying a failed write, ms (the last one repeats). */
const RETRY_MS = [1000, 3000, 10000, 30000];

export const useCollectionStore = defineStore('collection', () => {
  const states = shallowRef(new Map<string, CardState>());
  /** Events since the start of the study day the app was opened on (for today's counts). */
  const recent = ref<LogEvent[]>([]);
  const loaded = ref(false);
  const problems = ref<StorageProblem[]>([]);
  const saveStatus = ref<SaveStatus>('idle');
  const saveError = ref<string | null>(null);
  /** Number of writes not yet resolved. */
  const pendingCount = ref(0);
  const persisted = ref<boolean | null>(null);

  const settings = useSettingsStore();

  /**
   * Told of every change to the states: a card id when one card changed, null when all of them
   * were replaced. Lets the study queue follow one card at a time instead of looking at all.
   */
  const listeners = new Set<(cardId: string | null) => void>();
  function onChange(fn: (cardId: string | null) => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  }
  /** Set one card's state, and tell the views and listeners. */
  function setState(s: CardState) {
    states.value.set(s.cardId, s);
    triggerRef(states);
    for (const fn of listeners) fn(s.cardId);
  }
  /** Replace every state at once. */
  function replaceStates(map: Map<string, CardState>) {
    states.value = map;
    for (const fn of listeners) fn(null);
  }

  // Other tabs of the app: each stored answer is announced, so every tab's view follows.
  // (Correctness does not depend on it: every write checks the stored state first.)
  const channel = useRepository() instanceof IdbRepository && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('durand') : null;
  channel?.addEventListener('message', (m: MessageEvent<TabMessage>) => {
    const msg = m.data;
    if (msg.type === 'replaced') {
      void load();
      return;
    }
    // The answer counts in this tab's "done today" whatever happens to the state below.
    if (!recent.value.some((x) => x.id === msg.event.id)) recent.value.push(msg.event);
    const cur = states.value.get(msg.state.cardId);
    if (pendingCards.has(msg.state.cardId) || (cur && cur.lastEventId >= msg.state.lastEventId)) return;
    setState(msg.state);
  });

  /** Tell other tabs that everything was replaced (an import or a reset). */
  function announceReplaced() {
    channel?.postMessage({ type: 'replaced' } satisfies TabMessage);
  }
  let sched: { key: string; s: Scheduler } | null = null;
  function scheduler(): Scheduler {
    const key = JSON.stringify(settings.settings.scheduler);
    if (sched?.key !== key) sched = { key, s: new Scheduler(settings.settings.scheduler) };
    return sched.s;
  }

  const dayStartAt = () => dayStart(now(), settings.settings.dayStartHour, tzOffset());

  /** Load states; records that cannot be read are reported and rebuilt from the log. */
  async function load() {
    const repo = useRepository();
    const { states: list, problems: bad } = await repo.loadStates();
    const map = new Map(list.map((s) => [s.cardId, s]));
    if (bad.length) {
      const repaired = await Promise.all(bad.map(async (p) => replayCard(p.key, await repo.cardEvents(p.key), scheduler())));
      for (const s of repaired) map.set(s.cardId, s);
      await repo.putStates(repaired);
    }
    problems.value = bad;
    replaceStates(map);
    const since = dayStartAt() - 86_400_000; // a little before today, so a day change while open is fine
    recent.value = (await repo.events({ from: since })).events;
    persisted.value = (await repo.getValue<boolean>('persisted')) ?? null;
    loaded.value = true;
  }

  /**
   * Compare every cached state with a replay of its card's log; repair and report differences.
   * Walks the log a chunk of cards at a time, in short read transactions, so answers written
   * meanwhile are not held up and memory does not grow with the log.
   */
  async function checkIntegrity(chunk = 50): Promise<string[]> {
    await flush();
    const repo = useRepository();
    const ids = await repo.loggedCardIds();
    const repaired: string[] = [];
    for (let i = 0; i < ids.length; i += chunk) {
      const part = ids.slice(i, i + chunk);
      const byCard = await repo.cardEventsMany(part);
      const wrong: CardState[] = [];
      for (const id of part) {
        if (pendingCards.has(id)) continue; // being written now; checked next time
        const s = replayCard(id, byCard.get(id) ?? [], scheduler());
        const cached = states.value.get(id);
        if (!cached || JSON.stringify(cached) !== JSON.stringify(s)) wrong.push(s);
      }
      if (wrong.length) {
        await repo.putStates(wrong);
        for (const s of wrong) setState(s);
        repaired.push(...wrong.map((s) => s.cardId));
      }
      // Give way: between chunks, wait until no answer is being written and the page is idle.
      do await idle(2000);
      while (pendingCount.value > 0);
    }
    return repaired;
  }

  /**
   * Rebuild every card state from the log with the current settings (after the scheduler
   * settings change), so the cache always equals a replay of the log.
   */
  async function rebuildAll(): Promise<number> {
    await flush();
    const repo = useRepository();
    const rebuilt = replay((await repo.events()).events, scheduler());
    await repo.putStates([...rebuilt.values()]);
    replaceStates(rebuilt);
    return rebuilt.size;
  }

  function state(cardId: string): CardState | null {
    return states.value.get(cardId) ?? null;
  }

  // ---- writing -------------------------------------------------------------------------------

  let chain: Promise<void> = Promise.resolve();
  /** Cards with a write not yet stored. */
  const pendingCards = new Map<string, number>();

  /**
   * Apply an event in memory, and write it durably. Resolves when it is stored. The write starts
   * first, in this task, so its transaction is under way before the page re-renders.
   */
  function apply(e: LogEvent, next: CardState): Promise<void> {
    const expected = state(e.cardId)?.lastEventId ?? '';
    const noneWaiting = pendingCount.value === 0;
    pendingCount.value++;
    pendingCards.set(e.cardId, (pendingCards.get(e.cardId) ?? 0) + 1);
    saveStatus.value = 'saving';
    // Writes run one at a time, in order; with none pending this one starts at once.
    const write = noneWaiting ? writeWithRetry(e, next, expected) : chain.then(() => writeWithRetry(e, next, expected));
    chain = write.catch(() => {});
    setState(next);
    recent.value.push(e);
    return write;
  }

  async function writeWithRetry(e: LogEvent, next: CardState, expected: string): Promise<void> {
    const repo = useRepository();
    for (let attempt = 0; ; attempt++) {
      try {
        await repo.commit(e, next, expected);
        break;
      } catch (err) {
        if (err instanceof StaleStateError) {
          // Another tab answered this card first: rebase our event on its state, stamped after it.
          ({ e, next, expected } = await rebase(e));
          continue;
        }
        saveStatus.value = 'error';
        saveError.value = `${(err as Error).message} Your last answer is kept on this screen and will be saved when possible; don't close the app.`;
        await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      }
    }
    pendingCount.value--;
    const left = (pendingCards.get(e.cardId) ?? 1) - 1;
    if (left) pendingCards.set(e.cardId, left);
    else pendingCards.delete(e.cardId);
    saveError.value = null;
    channel?.postMessage({ type: 'commit', event: e, state: next } satisfies TabMessage);
    if (pendingCount.value === 0) saveStatus.value = 'saved';
    if (e.kind === 'review' && persisted.value === null) void askPersist();
  }

  async function rebase(e: LogEvent): Promise<{ e: LogEvent; next: CardState; expected: string }> {
    const events = await useRepository().cardEvents(e.cardId);
    const fresh = replayCard(e.cardId, events, scheduler());
    const last = events[events.length - 1];
    const at = Math.max(now(), (last?.at ?? 0) + 1);
    const moved = { ...e, at, id: eventId(at, randomSuffix()) } as LogEvent;
    if (moved.kind === 'review') moved.from = fresh.phase;
    const next = moved.kind === 'undo' ? replayCard(e.cardId, [...events, moved], scheduler()) : advance(fresh, moved, scheduler());
    const i = recent.value.findIndex((x) => x.id === e.id);
    if (i >= 0) recent.value[i] = moved;
    setState(next);
    return { e: moved, next, expected: fresh.lastEventId };
  }

  async function askPersist() {
    persisted.value = false;
    try {
      const granted = (await navigator.storage?.persist?.()) ?? false;
      persisted.value = granted;
      await useRepository().setValue('persisted', granted);
    } catch {
      // Not supported here; nothing to do.
    }
  }

  /** Wait until every queued write has been stored. */
  function flush(): Promise<void> {
    return chain;
  }

  /**
   * Wait until every queued write has been stored, or one is failing (and being retried): for
   * work that must not wait forever on a full disk, such as exporting a backup.
   */
  function settled(): Promise<void> {
    if (saveStatus.value === 'error') return Promise.resolve();
    return new Promise((resolve) => {
      void chain.then(resolve);
      const stop = watch(saveStatus, (v) => {
        if (v === 'error') {
          stop();
          resolve();
        }
      });
      void chain.then(stop);
    });
  }

  // ---- actions -------------------------------------------------------------------------------

  function answer(cardId: string, grade: Grade, mode: ReviewMode, durationMs: number, correct?: boolean) {
    const at = now();
    const cur = state(cardId);
    const e: LogEvent = {
      kind: 'review',
      id: eventId(at, randomSuffix()),
      cardId,
      grade,
      mode,
      at,
      durationMs: Math.max(0, Math.round(durationMs)),
      from: cur?.phase ?? 0,
      ...(correct === undefined ? {} : { correct }),
    };
    return apply(e, advance(cur, e, scheduler()));
  }

  function cardOp(cardId: string, kind: 'suspend' | 'unsuspend' | 'reset') {
    const at = now();
    const e: LogEvent = { kind, id: eventId(at, randomSuffix()), cardId, at };
    return apply(e, advance(state(cardId), e, scheduler()));
  }

  /** Take back the card's latest review. Returns false if there is none. */
  async function undo(cardId: string): Promise<boolean> {
    await flush();
    const events = await useRepository().cardEvents(cardId);
    const target = undoableReview(events);
    if (!target) return false;
    const at = Math.max(now(), (events[events.length - 1]?.at ?? 0) + 1);
    const e: LogEvent = { kind: 'undo', id: eventId(at, randomSuffix()), cardId, at, target };
    await apply(e, replayCard(cardId, [...events, e], scheduler()));
    return true;
  }

  // ---- today ---------------------------------------------------------------------------------

  /** Reviews answered today that still count (undone ones removed). */
  const todayReviews = computed(() => {
    void states.value; // recompute when anything is answered
    const from = dayStartAt();
    return effectiveReviews(recent.value).filter((e) => e.at >= from);
  });
  const doneToday = computed(() => {
    const r = todayReviews.value;
    return {
      cards: r.length,
      newCards: r.filter((e) => e.from === 0).length,
      reviews: r.filter((e) => e.from === 2).length,
    };
  });

  return {
    states,
    recent,
    loaded,
    problems,
    saveStatus,
    saveError,
    pendingCount,
    persisted,
    scheduler,
    onChange,
    load,
    checkIntegrity,
    rebuildAll,
    announceReplaced,
    state,
    answer,
    cardOp,
    undo,
    flush,
    settled,
    todayReviews,
    doneToday,
  };
});
