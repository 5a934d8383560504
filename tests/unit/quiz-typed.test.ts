import { describe, expect, it } from 'vitest';
import { generateQuiz } from '../../src/engine/quiz';
import { canTyped } from '../../src/engine/quiz/single';
import type { Fact } from '../../src/deck/types';

const fact = (id: string, answer: string, distractors = ['One thing', 'Another thing', 'A third thing']): Fact => ({
  id, category: 'cause', prompt: `Why ${id}?`, answer, accept: [], distractors, explanation: 'Because it matters to the story.',
  cue: `cue ${id}`, statement: 'It was {answer}.', sources: [{ source: 's', evidence: 'a b c' }], tags: [], related: [],
});

describe('typed questions', () => {
  it('are asked only for short answers, or where no other format exists', () => {
    expect(canTyped(fact('a', 'Khawaja Asif'))).toBe(true);
    expect(canTyped(fact('b', 'India can finance reconstruction'))).toBe(false);
    expect(canTyped(fact('c', 'A long answer with many words in it', []))).toBe(true);
  });

  it('a quiz of typed questions falls back to another format for long answers', () => {
    const qs = generateQuiz([fact('a', 'Khawaja Asif'), fact('b', 'India can finance reconstruction')], { seed: 's', count: 'all', formats: ['typed'] });
    const kinds = new Map(qs.map((q) => [q.factIds[0], q.kind]));
    expect(kinds.get('a')).toBe('typed');
    expect(kinds.get('b')).toBe('choice');
  });
});
