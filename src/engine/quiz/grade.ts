/**
 * Grading a response to a question. Order and match questions test four facts: each fact is
 * graded on its own (an order item in its right place, a cue matched with its own answer), and the
 * question is right only when all four are.
 */
import type { Fact } from '../../deck/types.ts';
import { formatDate } from '../../deck/dates.ts';
import { answerKey } from '../../deck/validate.ts';
import { matchAnswer } from './match.ts';
import { type FactLookup, type GradeResult, type Question, type Response, QuizError } from './types.ts';

function factById(facts: FactLookup, id: string): Fact {
  const fact = 'get' in facts ? facts.get(id) : facts.find((f) => f.id === id);
  if (!fact) throw new QuizError(`fact "${id}" is not among the facts given to gradeResponse`);
  return fact;
}

/** The right answer, readable, for the walk through mistakes. A typed question's answer is read from its fact. */
export function expectedAnswer(q: Question, facts: FactLookup): string {
  switch (q.kind) {
    case 'choice':
      return q.options[q.correctIndex] ?? '';
    case 'typed':
      return factById(facts, q.factId).answer;
    case 'truefalse':
      return q.isTrue ? 'True' : `False: the answer is ${q.correctAnswer}`;
    case 'order': {
      const byId = new Map(q.items.map((it) => [it.factId, it]));
      return q.correctOrder.map((id) => byId.get(id)).map((it) => (it ? `${it.cue} (${formatDate(it.date)})` : '')).join(' → ');
    }
    case 'match':
      return q.pairs.map((p) => `${p.cue}: ${p.answer}`).join('; ');
  }
}

const each = (factIds: readonly string[], correct: boolean) => factIds.map((factId) => ({ factId, correct }));

/**
 * Grade a response. `response` null means no answer (time ran out): wrong.
 * `facts` must hold the question's facts when it is a typed question (the matcher reads the
 * accepted forms and distractors there); other kinds carry their own truth.
 *
 * @throws QuizError when the response is for another kind of question, or a typed question's fact is missing
 */
export function gradeResponse(question: Question, response: Response | null, facts: FactLookup): GradeResult {
  if (response && response.kind !== question.kind) {
    throw new QuizError(`a ${response.kind} response cannot answer ${question.kind} question ${question.id}`);
  }
  const expected = expectedAnswer(question, facts);
  if (!response) return { correct: false, expected, byFact: each(question.factIds, false) };

  switch (question.kind) {
    case 'choice': {
      const correct = response.kind === 'choice' && response.index === question.correctIndex;
      return { correct, expected, byFact: each(question.factIds, correct) };
    }
    case 'typed': {
      const text = response.kind === 'typed' ? response.text : '';
      const { verdict } = matchAnswer(text, factById(facts, question.factId));
      const correct = verdict === 'right';
      return { correct, near: verdict === 'near', expected, byFact: each(question.factIds, correct) };
    }
    case 'truefalse': {
      const correct = response.kind === 'truefalse' && response.value === question.isTrue;
      return { correct, expected, byFact: each(question.factIds, correct) };
    }
    case 'order': {
      const given = response.kind === 'order' ? response.order : [];
      const byFact = question.correctOrder.map((factId, i) => ({ factId, correct: given[i] === factId }));
      const complete = given.length === question.correctOrder.length && new Set(given).size === given.length;
      return { correct: complete && byFact.every((b) => b.correct), expected, byFact };
    }
    case 'match': {
      const chosen = response.kind === 'match' ? response.chosen : [];
      const byFact = question.pairs.map((pair, i) => {
        const index = chosen[i];
        const answer = index === null || index === undefined ? undefined : question.right[index];
        return { factId: pair.factId, correct: answer !== undefined && answerKey(answer) === answerKey(pair.answer) };
      });
      return { correct: byFact.every((b) => b.correct), expected, byFact };
    }
  }
}
