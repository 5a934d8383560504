/** What the browser tests share to play a quiz: the decks as served, and answering a question. */
import type { Page } from 'playwright-core';
import type { Content } from '../../src/deck/load';
import type { ContentIndex } from '../../src/deck/content';
import type { Fact } from '../../src/deck/types';
import type { Question } from '../../src/engine/quiz';

/** The decks as the built app serves them (the index and every chunk of card text), whole. */
export async function fetchContent(origin: string): Promise<Content> {
  const get = async <T>(path: string) => {
    const res = await fetch(`${origin}/${path}`);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const index = await get<ContentIndex>('content.json');
  const chunks = await Promise.all(index.chunks.map((c) => get<Fact[]>(c)));
  const byId = new Map(chunks.flat().map((f) => [f.id, f]));
  return {
    sources: index.sources,
    decks: index.decks.map((d) => ({ id: d.id, title: d.title, description: d.description, facts: d.cards.map((c) => byId.get(c.id)!) })),
  };
}

/** Each card's answer, by card id. */
export function answersOf(content: Content): Map<string, string> {
  return new Map(content.decks.flatMap((d) => d.facts.map((f) => [f.id, f.answer] as const)));
}

/** Answer the question on screen with the mouse, right or wrong. */
export async function answerQuestion(page: Page, q: Question, how: 'right' | 'wrong', answers: Map<string, string>) {
  const right = how === 'right';
  switch (q.kind) {
    case 'choice':
      return page.getByTestId(`option-${right ? q.correctIndex : (q.correctIndex + 1) % q.options.length}`).click();
    case 'truefalse':
      return page.getByTestId(q.isTrue === right ? 'tf-true' : 'tf-false').click();
    case 'typed':
      await page.getByTestId('typed-input').fill(right ? answers.get(q.factId)! : 'certainly not this');
      return page.getByTestId('typed-submit').click();
    case 'order': {
      // Wrong: as shown (unless that happens to be right); right: moved into place.
      if (right) {
        const shown = q.items.map((i) => i.factId);
        for (let i = 0; i < shown.length; i++) {
          let at = shown.indexOf(q.correctOrder[i]!);
          while (at > i) {
            const cue = q.items.find((x) => x.factId === shown[at])!.cue;
            await page.getByRole('button', { name: `Move “${cue}” earlier` }).click();
            [shown[at - 1], shown[at]] = [shown[at]!, shown[at - 1]!];
            at--;
          }
        }
      }
      return page.getByTestId('order-submit').click();
    }
    case 'match':
      if (right) for (let i = 0; i < q.pairs.length; i++) await page.getByTestId(`match-${i}`).selectOption({ label: q.pairs[i]!.answer });
      return page.getByTestId('match-submit').click();
  }
}
