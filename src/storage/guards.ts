/** Shape checks for records read back from storage: a record that fails is skipped and reported. */
import type { CardState, LogEvent } from '../engine/types';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const str = (x: unknown) => typeof x === 'string';

/** Why `x` is not a card state, or null if it is one. */
export function cardStateProblem(x: unknown): string | null {
  if (!isObj(x)) return 'not an object';
  if (!str(x.cardId)) return 'cardId missing';
  if (![0, 1, 2, 3].includes(x.phase as number)) return 'phase invalid';
  for (const k of ['due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses'] as const) {
    if (!num(x[k])) return `${k} not a number`;
  }
  if (x.lastReview !== null && !num(x.lastReview)) return 'lastReview invalid';
  if (typeof x.suspended !== 'boolean') return 'suspended invalid';
  if (!str(x.lastEventId)) return 'lastEventId missing';
  return null;
}

/** Why `x` is not a log event, or null if it is one. */
export function logEventProblem(x: unknown): string | null {
  if (!isObj(x)) return 'not an object';
  if (!str(x.id) || !str(x.cardId) || !num(x.at)) return 'id, cardId or at missing';
  switch (x.kind) {
    case 'review':
      if (![1, 2, 3, 4].includes(x.grade as number)) return 'grade invalid';
      if (!['study', 'quiz', 'missed'].includes(x.mode as string)) return 'mode invalid';
      if (!num(x.durationMs)) return 'durationMs invalid';
      if (![0, 1, 2, 3].includes(x.from as number)) return 'from invalid';
      return null;
    case 'undo':
      return str(x.target) ? null : 'target missing';
    case 'suspend':
    case 'unsuspend':
    case 'reset':
      return null;
    default:
      return 'kind invalid';
  }
}

export const asCardState = (x: unknown) => x as CardState;
export const asLogEvent = (x: unknown) => x as LogEvent;
