/** An in-memory repository with the same contract as the IndexedDB one (component tests). */
import { eventId } from '../engine/types';
import type { CardState, LogEvent } from '../engine/types';
import { cardStateProblem, logEventProblem } from './guards';
import type { BackupData } from './backup';
import { SCHEMA_VERSION, StaleStateError, WriteError, type Repository, type StorageProblem } from './repository';

export class MemoryRepository implements Repository {
  readonly cards = new Map<string, unknown>();
  readonly log = new Map<string, unknown>();
  readonly kv = new Map<string, unknown>([['schemaVersion', SCHEMA_VERSION]]);
  /** Set to make the next writes fail (tests of failure handling). */
  failWrites: null | 'quota' | 'error' = null;

  async loadStates() {
    const states: CardState[] = [];
    const problems: StorageProblem[] = [];
    for (const [key, v] of this.cards) {
      const why = cardStateProblem(v);
      if (why) problems.push({ store: 'cards', key, reason: why });
      else states.push(structuredClone(v) as CardState);
    }
    return { states, problems };
  }

  async commit(event: LogEvent, state: CardState, expectedLastEventId: string) {
    const stored = this.cards.get(state.cardId);
    const storedLast = stored && !cardStateProblem(stored) ? (stored as CardState).lastEventId : '';
    if (storedLast === event.id) return;
    if (storedLast !== expectedLastEventId && !(stored && cardStateProblem(stored))) throw new StaleStateError(state.cardId);
    if (this.failWrites) throw new WriteError(this.failWrites === 'quota' ? 'The device is out of storage space for Durand.' : 'Saving failed.', this.failWrites === 'quota');
    this.log.set(event.id, structuredClone(event));
    this.cards.set(state.cardId, structuredClone(state));
  }

  async events(range: { from?: number; to?: number } = {}) {
    const lo = range.from === undefined ? '' : eventId(range.from, '');
    const hi = range.to === undefined ? null : eventId(range.to, '');
    const events: LogEvent[] = [];
    const problems: StorageProblem[] = [];
    for (const key of [...this.log.keys()].sort()) {
      if (key < lo || (hi !== null && key >= hi)) continue;
      const v = this.log.get(key);
      const why = logEventProblem(v);
      if (why) problems.push({ store: 'events', key, reason: why });
      else events.push(structuredClone(v) as LogEvent);
    }
    return { events, problems };
  }

  async cardEvents(cardId: string) {
    return (await this.events()).events.filter((e) => e.cardId === cardId);
  }

  async cardEventsMany(cardIds: readonly string[]) {
    const all = (await this.events()).events;
    return new Map(cardIds.map((id) => [id, all.filter((e) => e.cardId === id)] as const));
  }

  async loggedCardIds() {
    return [...new Set((await this.events()).events.map((e) => e.cardId))].sort();
  }

  async putStates(states: CardState[]) {
    if (this.failWrites) throw new WriteError('Saving failed.', this.failWrites === 'quota');
    for (const s of states) this.cards.set(s.cardId, structuredClone(s));
  }

  async getValue<T>(key: string) {
    const v = this.kv.get(key);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }

  async setValue(key: string, value: unknown) {
    if (this.failWrites) throw new WriteError('Saving failed.', this.failWrites === 'quota');
    this.kv.set(key, structuredClone(value));
  }

  async exportAll(): Promise<BackupData> {
    const kv: Record<string, unknown> = {};
    for (const [k, v] of this.kv) if (k !== 'schemaVersion') kv[k] = structuredClone(v);
    return {
      events: [...this.log.keys()].sort().map((k) => structuredClone(this.log.get(k)) as LogEvent),
      cards: [...this.cards.values()].map((c) => structuredClone(c) as CardState),
      kv,
    };
  }

  async replaceAll(data: BackupData) {
    if (this.failWrites) throw new WriteError('Replacing the stored data failed; nothing was changed.', this.failWrites === 'quota');
    this.log.clear();
    this.cards.clear();
    this.kv.clear();
    for (const e of data.events) this.log.set(e.id, structuredClone(e));
    for (const c of data.cards) this.cards.set(c.cardId, structuredClone(c));
    for (const [k, v] of Object.entries(data.kv)) this.kv.set(k, structuredClone(v));
    this.kv.set('schemaVersion', SCHEMA_VERSION);
  }

  async schemaVersion() {
    return (this.kv.get('schemaVersion') as number | undefined) ?? 0;
  }
}
