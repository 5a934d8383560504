/** Small, fixed content for component tests (independent of the real decks). */
import type { Content } from '../../src/deck/load';
import type { Fact } from '../../src/deck/types';

export function fact(id: string, over: Partial<Fact> = {}): Fact {
  return {
    id,
    category: 'date',
    prompt: `Question ${id}?`,
    answer: `Answer ${id}`,
    accept: [],
    distractors: ['x', 'y', 'z'],
    explanation: `Why ${id} matters, in a sentence.`,
    cue: `Cue ${id}`,
    statement: `The answer is {answer}.`,
    sources: [{ source: 'kaura-mei-2022', evidence: 'some words here' }],
    tags: [],
    related: [],
    ...over,
  };
}

export const CONTENT: Content = {
  sources: [
    { id: 'kaura-mei-2022', label: 'Kaura, Middle East Institute, December 2022', title: null, author: 'Vinay Kaura', outlet: 'Middle East Institute', written: '2022-12', summary: 'An analysis.' },
  ],
  decks: [
    {
      id: 'test',
      title: 'Test deck',
      description: 'For tests.',
      facts: [fact('a', { disagreement: 'The articles give different figures for this.' }), fact('b', { related: ['a'] }), fact('c')],
    },
  ],
};
