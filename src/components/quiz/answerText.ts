/** The student's answer to a question, as text for the feedback and the results. */
import type { Question, Response } from '../../engine/quiz';

export function answerText(q: Question, r: Response | null): string {
  if (!r) return '';
  if (q.kind === 'choice' && r.kind === 'choice') return q.options[r.index] ?? '';
  if (q.kind === 'typed' && r.kind === 'typed') return r.text;
  if (q.kind === 'truefalse' && r.kind === 'truefalse') return r.value ? 'True' : 'False';
  if (q.kind === 'order' && r.kind === 'order') return r.order.map((id) => q.items.find((i) => i.factId === id)?.cue ?? id).join(' → ');
  if (q.kind === 'match' && r.kind === 'match') return q.left.map((l, i) => `${l.cue}: ${r.chosen[i] === null ? '—' : q.right[r.chosen[i]!]}`).join('; ');
  return '';
}
