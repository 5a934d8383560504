import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { IdbRepository } from '../../src/storage/idb';
import { MemoryRepository } from '../../src/storage/memory';
import { SCHEMA_VERSION, StaleStateError, type Repository } from '../../src/storage/repository';
import { Scheduler } from '../../src/engine/scheduler';
import { advance, replay, replayCard, newState } from '../../src/engine/replay';
import { eventId, type CardState, type Grade, type LogEvent, type ReviewEvent } from '../../src/engine/types';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const sched = new Scheduler();

function review(cardId: string, grade: Grade, at: number, n: number, from: CardState | null): ReviewEvent {
  return { kind: 'review', id: eventId(at, `t${n}`), cardId, grade, at, mode: 'study', durationMs: 4000, from: from?.phase ?? 0 };
}

/** Answer a card the way the study store does: compute, then commit event and state together. */
async function answer(repo: Repository, states: Map<string, CardState>, cardId: string, grade: Grade, at: number, n: number) {
  const cur = states.get(cardId) ?? null;
  const e = review(cardId, grade, at, n, cur);
  const next = advance(cur, e, sched);
  await repo.commit(e, next, cur?.lastEventId ?? '');
  states.set(cardId, next);
  return e;
}

const repos: [string, () => Repository][] = [
  ['IndexedDB (fake-indexeddb)', () => new IdbRepository('t', new IDBFactory())],
  ['memory', () => new MemoryRepository()],
];

describe.each(repos)('%s repository', (_name, make) => {
  let repo: Repository;
  beforeEach(() => {
    repo = make();
  });

  it('stores the schema version', async () => {
    await repo.loadStates();
    expect(await repo.schemaVersion()).toBe(SCHEMA_VERSION);
  });

  it('writes an answer as event and state together', async () => {
    const states = new Map<string, CardState>();
    const e = await answer(repo, states, 'c1', 3, NOW, 1);
    const { events } = await repo.events();
    expect(events).toEqual([e]);
    const { states: stored } = await repo.loadStates();
    expect(stored).toEqual([states.get('c1')]);
  });

  it('refuses a write over a state changed elsewhere, and writes nothing', async () => {
    const states = new Map<string, CardState>();
    await answer(repo, states, 'c1', 3, NOW, 1);
    const stale = review('c1', 1, NOW + 1000, 2, null);
    await expect(repo.commit(stale, advance(null, stale, sched), '')).rejects.toBeInstanceOf(StaleStateError);
    expect((await repo.events()).events).toHaveLength(1);
    expect((await repo.loadStates()).states).toEqual([states.get('c1')]);
  });

  it('treats a retried write of the same event as done, with no duplicate', async () => {
    const states = new Map<string, CardState>();
    const e = await answer(repo, states, 'c1', 3, NOW, 1);
    await repo.commit(e, states.get('c1')!, '');
    expect((await repo.events()).events).toHaveLength(1);
  });

  it('returns events by time range and by card', async () => {
    const states = new Map<string, CardState>();
    await answer(repo, states, 'a', 3, NOW, 1);
    await answer(repo, states, 'b', 3, NOW + 10_000, 2);
    await answer(repo, states, 'a', 3, NOW + 20_000, 3);
    expect((await repo.events({ from: NOW + 5_000 })).events.map((e) => e.cardId)).toEqual(['b', 'a']);
    expect((await repo.events({ to: NOW + 15_000 })).events.map((e) => e.cardId)).toEqual(['a', 'b']);
    expect((await repo.cardEvents('a')).map((e) => e.at)).toEqual([NOW, NOW + 20_000]);
  });

  it('rebuilds from the log exactly the states it cached (random study histories)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ card: fc.constantFrom('a', 'b', 'c'), grade: fc.constantFrom<Grade>(1, 2, 3, 4), gapMin: fc.integer({ min: 0, max: 20_000 }), op: fc.constantFrom('review', 'review', 'review', 'undo', 'suspend', 'reset') }), { maxLength: 25 }),
        async (steps) => {
          const r = make();
          const states = new Map<string, CardState>();
          let t = NOW;
          let n = 0;
          for (const s of steps) {
            t += s.gapMin * 60_000 + 1;
            n++;
            const cur = states.get(s.card) ?? null;
            if (s.op === 'review') await answer(r, states, s.card, s.grade, t, n);
            else {
              let e: LogEvent;
              let next: CardState;
              if (s.op === 'undo') {
                const last = (await r.cardEvents(s.card)).filter((x) => x.kind === 'review').pop();
                if (!last) continue;
                e = { kind: 'undo', id: eventId(t, `t${n}`), cardId: s.card, at: t, target: last.id };
                next = replayCard(s.card, [...(await r.cardEvents(s.card)), e], sched);
              } else {
                e = { kind: s.op as 'suspend' | 'reset', id: eventId(t, `t${n}`), cardId: s.card, at: t };
                next = advance(cur, e, sched);
              }
              await r.commit(e, next, cur?.lastEventId ?? '');
              states.set(s.card, next);
            }
          }
          const cached = new Map((await r.loadStates()).states.map((x) => [x.cardId, x]));
          const rebuilt = replay((await r.events()).events, sched);
          expect(rebuilt).toEqual(cached);
          expect(cached).toEqual(states);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('skips and reports a record that cannot be read', async () => {
    const states = new Map<string, CardState>();
    await answer(repo, states, 'ok', 3, NOW, 1);
    // A broken record, as a bug or a disk fault might leave.
    await repo.putStates([{ ...newState('bad'), phase: 9 } as unknown as CardState]);
    const { states: read, problems } = await repo.loadStates();
    expect(read.map((s) => s.cardId)).toEqual(['ok']);
    expect(problems).toEqual([expect.objectContaining({ store: 'cards', key: 'bad' })]);
  });
});
