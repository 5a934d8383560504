/**
 * Accessibility in a real browser, at 390×844 (a phone), in the light and the dark theme:
 *
 * - axe-core (WCAG 2.0/2.1 A and AA, plus best practice) finds no violation on any view or state:
 *   Today (welcome, after studying, offline), Study (question, answer), Quiz setup, a question of
 *   each of the five kinds and its feedback, results, the history, Missed cards and both kinds of
 *   missed-cards review, Sources, Timeline, Decks, All cards, a card, Statistics, Settings, More,
 *   and the not-found page.
 * - Every target is at least 44×44 CSS px (WCAG 2.5.5), except links inside a line of text
 *   (WCAG 2.5.8's inline exception); see `smallTargets` for the exact rule.
 * - No view scrolls sideways at 360×640.
 * - Focus moves to the view's h1 after every navigation.
 * - With reduced motion, the answer appears without animation.
 * - A study session and a whole quick quiz (all five kinds of question) work with the keyboard
 *   alone.
 *
 * axe is evaluated through the DevTools protocol (page.evaluate of its source), which the app's
 * Content-Security-Policy (`script-src 'self'`) does not apply to; a script tag would be blocked,
 * and bypassing the CSP would test a different app from the one shipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { CHROME, LAUNCH_ARGS, SKIP, saved, serve, watchErrors, type StaticServer } from './harness';
import { all, kv } from './idb';
import { answerQuestion, answersOf, fetchContent } from './quiz-play';
import type { QuizSession } from '../../src/stores/quiz';
import type { Question, QuizKind } from '../../src/engine/quiz';
import type { Content } from '../../src/deck/load';

const AXE_SOURCE = readFileSync(resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const KINDS: QuizKind[] = ['choice', 'typed', 'truefalse', 'order', 'match'];
const MIN_TARGET = 44;

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A browser with a fresh profile; unlike the harness's `launch`, it can ask for reduced motion. */
async function open(opts: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference'; viewport?: { width: number; height: number } } = {}): Promise<Opened> {
  const profile = mkdtempSync(join(tmpdir(), 'durand-a11y-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME!,
    args: LAUNCH_ARGS,
    viewport: opts.viewport ?? { width: 390, height: 844 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: opts.reducedMotion ?? 'no-preference',
    serviceWorkers: 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Two animation frames: whatever the last change started has been laid out and painted. */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** axe's violations on the page as it is, one line per rule with the nodes it failed on. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})` : ''}`),
    }));
  }, AXE_TAGS);
  return violations.map((v) => `${v.id}: ${v.help}: ${v.nodes.join(' | ')}`);
}

/**
 * Targets smaller than 44×44 CSS px. The rule, precisely:
 *
 * - Targets: visible `a[href]`, `button`, `input` (not hidden), `select`, `textarea`, `summary`
 *   and anything else in the tab order (`tabindex` >= 0). Elements entirely off screen (the skip
 *   link until it is focused) are left out here and checked when focused.
 * - A checkbox or radio button inside a `<label>` is measured by its label: tapping anywhere on
 *   the label toggles it, so the label is the target.
 * - Exempt (WCAG 2.5.8, "inline"): a link that shares its line with text that is not part of it,
 *   i.e. its nearest block container holds non-blank text, outside the link, whose own nearest
 *   block container is the same (a citation "Source: Kaura, MEI", a link in a sentence). A link
 *   alone in its block (a list of links, a nav item) is not exempt.
 */
function smallTargets(page: Page, min = MIN_TARGET): Promise<string[]> {
  return page.evaluate((min) => {
    const BLOCK = /^(block|list-item|flex|grid|table|table-cell|flow-root|inline-block|inline-flex|inline-grid)$/;
    const blockOf = (n: Node): Element => {
      let e = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement!;
      if (n.nodeType === Node.ELEMENT_NODE) e = e.parentElement ?? e;
      while (e.parentElement && !BLOCK.test(getComputedStyle(e).display)) e = e.parentElement;
      return e;
    };
    const inlineInText = (a: Element): boolean => {
      if (!/^inline/.test(getComputedStyle(a).display)) return false;
      const block = blockOf(a);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (a.contains(t) || !t.textContent?.trim()) continue;
        if (blockOf(t) === block) return true;
      }
      return false;
    };
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} “${(e.textContent ?? e.getAttribute('aria-label') ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}”`;
    const out: string[] = [];
    const els = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex^="-"])');
    for (const el of els) {
      const style = getComputedStyle(el);
      // checkVisibility also leaves out the content of a closed <details>.
      if (!el.checkVisibility({ visibilityProperty: true }) || style.display === 'none' || !el.getClientRects().length) continue;
      if (el.closest('.visually-hidden')) continue;
      let box = el.getBoundingClientRect();
      if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth + scrollX + 2000) continue;
      if (el.tagName === 'A' && inlineInText(el)) continue;
      const label = el.closest('label');
      if (el instanceof HTMLInputElement && /^(checkbox|radio)$/.test(el.type) && label) box = label.getBoundingClientRect();
      if (box.width + 0.5 < min || box.height + 0.5 < min) out.push(`${describe(el)}: ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  }, min);
}

/** How wide the page is at 360×640 (then back to the phone size). */
async function widthAt360(page: Page): Promise<number> {
  await page.setViewportSize({ width: 360, height: 640 });
  await settle(page);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  return w;
}

/** The question on screen (from the saved session, which holds the right answers). */
async function currentQuestion(page: Page): Promise<Question> {
  const s = (await kv<QuizSession>(page, 'quiz:current'))!;
  return s.questions[s.answers.length]!;
}

const h1 = (page: Page) => page.locator('main h1');

async function h1Is(page: Page, name: string | RegExp) {
  await expect.poll(async () => (await h1(page).count()) && (await h1(page).first().textContent())?.trim(), { timeout: 15_000 }).toMatch(name);
}

describe.skipIf(SKIP)('accessibility (Chromium, axe-core)', () => {
  let server: StaticServer;
  let content: Content;
  let answers: Map<string, string>;

  beforeAll(async () => {
    server = await serve();
    content = await fetchContent(server.url);
    answers = answersOf(content);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the checker itself works: axe reports a contrast failure, the size check a small button', async () => {
    const b = await open();
    try {
      await b.page.goto(server.url + '/more');
      await h1Is(b.page, 'More');
      expect(await axeViolations(b.page)).toEqual([]);
      await b.page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'faint';
        p.style.color = '#ccc';
        const button = document.createElement('button');
        button.textContent = 'x';
        button.style.minHeight = button.style.minWidth = '0';
        button.style.padding = '0';
        document.querySelector('main')!.append(p, button);
      });
      expect((await axeViolations(b.page)).some((v) => v.startsWith('color-contrast'))).toBe(true);
      expect((await smallTargets(b.page)).some((v) => v.startsWith('button'))).toBe(true);
    } finally {
      await b.close();
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme, 390×844`, () => {
      const axeFound: string[] = [];
      const smallFound: string[] = [];
      const overflowFound: string[] = [];
      const visited: string[] = [];
      let errors: string[] = [];

      it('walks every view and state', async () => {
        const b = await open({ colorScheme: theme });
        const { page } = b;
        errors = b.errors;
        /** Every check on the page as it is now, under a name. */
        const check = async (name: string) => {
          await settle(page);
          visited.push(name);
          for (const v of await axeViolations(page)) axeFound.push(`[${name}] ${v}`);
          if (theme === 'light') {
            // Sizes and layout do not depend on the colours: checked once, in the light theme.
            for (const s of await smallTargets(page)) smallFound.push(`[${name}] ${s}`);
            const w = await widthAt360(page);
            if (w > 360) overflowFound.push(`[${name}] scrollWidth ${w}`);
          }
        };
        const visit = async (path: string, heading: string | RegExp) => {
          await page.goto(server.url + path);
          await h1Is(page, heading);
        };

        try {
          // Today, the first time: the welcome.
          await visit('/', 'Today');
          await page.getByTestId('welcome').waitFor();
          await check('today-welcome');
          // The skip link, when focused, is on screen and big enough.
          await page.keyboard.press('Tab');
          expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
          for (const s of await smallTargets(page)) if (s.includes('Skip')) smallFound.push(`[skip-link] ${s}`);
          await page.getByTestId('welcome-start').click();

          // Study: a card, then its answer; then a few grades (two Agains, so some cards are missed).
          await h1Is(page, 'Study');
          await page.getByTestId('prompt').waitFor();
          await check('study-question');
          await page.getByTestId('reveal').click();
          await page.getByTestId('answer').waitFor();
          if (await page.locator('details.related').count()) await page.locator('details.related summary').click();
          await check('study-answer');
          for (const g of [1, 3, 3, 4, 1, 2, 3]) {
            if (await page.getByTestId('reveal').isVisible()) await page.getByTestId('reveal').click();
            await page.getByTestId(`grade-${g}`).click();
            await page.getByTestId('reveal').waitFor();
          }
          await saved(page);

          // Today after studying (the backup reminder and, where Chromium offers it, the install hint).
          await visit('/', 'Today');
          await page.getByTestId('done-count').filter({ hasText: /[1-9]/ }).waitFor();
          await check('today-studied');
          await b.context.setOffline(true);
          await page.getByText('Offline: everything still works').waitFor();
          await check('today-offline');
          await b.context.setOffline(false);

          // Quiz setup, with the custom quiz opened.
          await visit('/quiz', 'Quiz');
          await check('quiz-setup');
          await page.getByText('Choose your own quiz').click();
          await check('quiz-setup-custom');

          // The quick quiz: a question of each kind and its feedback, some right, some wrong. (Its
          // questions are random: a kind can be missing from one quiz, so play up to four.)
          const seen = new Map<QuizKind, number>();
          for (let round = 0; round < 4 && seen.size < KINDS.length; round++) {
            if (round > 0) await visit('/quiz', 'Quiz');
            await page.getByTestId('quick-quiz').click();
            await page.getByTestId('question').waitFor();
            const total = (await kv<QuizSession>(page, 'quiz:current'))!.questions.length;
            for (let i = 0; i < total; i++) {
              await h1Is(page, `Question ${i + 1} of ${total}`);
              const q = await currentQuestion(page);
              const n = seen.get(q.kind) ?? 0;
              seen.set(q.kind, n + 1);
              if (n === 0) await check(`quiz-${q.kind}`);
              await answerQuestion(page, q, n === 0 ? 'wrong' : 'right', answers);
              await page.getByTestId('feedback').waitFor();
              if (n === 0) {
                if (await page.locator('[data-testid=feedback] details').count()) await page.locator('[data-testid=feedback] details summary').click();
                await check(`quiz-${q.kind}-feedback`);
              }
              await page.getByTestId('next').click();
            }
            await h1Is(page, 'Quiz results');
          }
          expect([...seen.keys()].sort()).toEqual([...KINDS].sort());
          await check('quiz-results');
          await visit('/quiz', 'Quiz');
          await page.getByRole('heading', { name: 'Past quizzes' }).waitFor();
          await check('quiz-history');

          // Missed cards, and both kinds of review over them.
          await visit('/missed', 'Missed cards');
          await page.getByTestId('missed-list').waitFor();
          await check('missed');
          await page.getByTestId('missed-cards').click();
          await page.getByTestId('prompt').waitFor();
          await check('missed-session-card');
          await page.getByTestId('reveal').click();
          await page.getByTestId('answer').waitFor();
          await check('missed-session-answer');
          await visit('/missed', 'Missed cards');
          await page.getByTestId('missed-list').waitFor();
          await check('missed-resume');
          await page.getByTestId('missed-quiz').click();
          await page.getByTestId('option-0').waitFor();
          await check('missed-session-quiz');
          await page.getByTestId('option-0').click();
          await page.getByTestId('next').waitFor();
          await check('missed-session-quiz-answered');

          // Everything else.
          const source = content.sources[0]!.id;
          await visit('/sources', 'Sources');
          await check('sources');
          await visit(`/sources/${source}`, 'Sources');
          await check('source');
          await visit('/timeline', 'Timeline');
          await check('timeline');
          await visit('/decks', 'Decks for daily study');
          await check('decks');
          await visit('/browse', 'All cards');
          await check('browse');
          // A card that was studied (it has a schedule and a history) and has related cards, one
          // of them with a short cue (a one-line link).
          const studied = new Set((await all<{ cardId: string }>(page, 'events')).map((e) => e.cardId));
          const facts = content.decks.flatMap((d) => d.facts);
          const cue = (id: string) => content.decks.flatMap((d) => d.facts).find((f) => f.id === id)?.cue.length ?? Infinity;
          const shortest = (f: (typeof facts)[number]) => Math.min(...f.related.map(cue));
          const card = [...facts.filter((f) => studied.has(f.id) && f.related.length)].sort((a, b) => shortest(a) - shortest(b))[0] ?? facts.find((f) => f.related.length)!;
          await visit(`/card/${card.id}`, 'Card');
          await page.locator('details.related summary').click();
          await check('card');
          await visit('/stats', 'Statistics');
          await page.getByTestId('streak-current').waitFor();
          await check('stats');
          await visit('/settings', 'Settings');
          await check('settings');
          await visit('/more', 'More');
          await check('more');
          await visit('/no/such/page', 'Page not found');
          await check('not-found');
        } finally {
          await b.close();
        }
        expect(visited.length).toBeGreaterThanOrEqual(35);
      }, 240_000);

      it('axe finds no WCAG 2.1 A/AA or best-practice violation', () => {
        expect(axeFound).toEqual([]);
      });

      if (theme === 'light') {
        it('every target is at least 44×44 px (links inside a line of text excepted)', () => {
          expect(smallFound).toEqual([]);
        });
        it('no view scrolls sideways at 360×640', () => {
          expect(overflowFound).toEqual([]);
        });
      }

      it('logged no console error', () => {
        expect(errors).toEqual([]);
      });
    });
  }

  it('moves focus to the h1 of each view it navigates to', async () => {
    const b = await open();
    const { page } = b;
    try {
      await page.goto(server.url + '/');
      await h1Is(page, 'Today');
      const focused = () => page.evaluate(() => (document.activeElement === document.querySelector('main h1') ? document.activeElement!.textContent!.trim() : `not the h1: ${document.activeElement?.outerHTML.slice(0, 80)}`));
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const [link, heading] of [
        ['Study', 'Study'],
        ['Quiz', 'Quiz'],
        ['Missed', 'Missed cards'],
        ['More', 'More'],
        ['Today', 'Today'],
      ] as const) {
        await nav.getByRole('link', { name: link }).click();
        await expect.poll(focused).toBe(heading);
      }
      await nav.getByRole('link', { name: 'More' }).click();
      for (const [link, heading] of [
        ['Statistics', 'Statistics'],
        ['All cards', 'All cards'],
        ['Sources', 'Sources'],
        ['Decks for daily study', 'Decks for daily study'],
        ['Timeline', 'Timeline'],
        ['Settings and backup', 'Settings'],
      ] as const) {
        await page.locator('main').getByRole('link', { name: link, exact: true }).click();
        await expect.poll(focused).toBe(heading);
        await page.goBack();
        await expect.poll(focused).toBe('More');
      }
      // Into a quiz and out of it.
      await nav.getByRole('link', { name: 'Quiz' }).click();
      await page.getByTestId('quick-quiz').click();
      await expect.poll(focused).toMatch(/^Question 1 of \d+$/);
    } finally {
      await b.close();
    }
  });

  it('with reduced motion, the answer appears without animation (and with motion, it animates)', async () => {
    const durations: Record<string, string[]> = {};
    for (const motion of ['reduce', 'no-preference'] as const) {
      const b = await open({ reducedMotion: motion });
      try {
        await b.page.goto(server.url + '/study');
        await b.page.getByTestId('reveal').click();
        await b.page.getByTestId('answer').waitFor();
        // The revealed answer and every element between it and its card.
        durations[motion] = await b.page.getByTestId('answer').evaluate((el) => {
          const out: string[] = [];
          for (let e: Element | null = el; e && !e.matches('article'); e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.animationName !== 'none') out.push(s.animationDuration);
          }
          return out;
        });
      } finally {
        await b.close();
      }
    }
    expect(durations.reduce!.length).toBeGreaterThan(0);
    expect(durations.reduce!.every((d) => d === '0s')).toBe(true);
    expect(durations['no-preference']!.some((d) => d !== '0s')).toBe(true);
  });

  describe('keyboard only', () => {
    let b: Opened;
    let page: Page;
    beforeAll(async () => {
      b = await open();
      page = b.page;
    });
    afterAll(async () => {
      await b?.close();
    });

    const active = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        return { tag: e?.tagName ?? '', text: (e?.textContent ?? '').trim(), label: e?.getAttribute('aria-label') ?? '', testid: e?.getAttribute('data-testid') ?? '', href: e?.getAttribute('href') ?? '' };
      });
    /**
     * Focus Not Obscured (WCAG 2.4.11): the focused element is not entirely hidden, by the fixed
     * bottom bar or a sticky control bar. Sampled at its centre and near its corners, within the
     * viewport: if no sample hits the element, it is hidden.
     */
    const hidden: string[] = [];
    async function checkFocusVisible() {
      const r = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const b = e.getBoundingClientRect();
        const xs = [b.left + 2, (b.left + b.right) / 2, b.right - 2].map((x) => Math.min(Math.max(x, 0), innerWidth - 1));
        const ys = [b.top + 2, (b.top + b.bottom) / 2, b.bottom - 2].filter((y) => y >= 0 && y < innerHeight);
        const seen = ys.some((y) => xs.some((x) => { const h = document.elementFromPoint(x, y); return !!h && (h === e || e.contains(h)); }));
        return seen ? null : `${e.tagName.toLowerCase()} “${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40)}” at y ${Math.round(b.top)}–${Math.round(b.bottom)}`;
      });
      if (r) hidden.push(r);
    }
    /** Press Tab until the focused element passes `ok` (at most `max` presses). */
    async function tabTo(ok: (a: Awaited<ReturnType<typeof active>>) => boolean, what: string, max = 80) {
      for (let i = 0; i < max; i++) {
        if (ok(await active())) return;
        await page.keyboard.press('Tab');
        await checkFocusVisible();
      }
      throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await active())}`);
    }

    it('studies: Tab to Study, Space shows the answer, 1–4 grade, U undoes', async () => {
      await page.goto(server.url + '/');
      await h1Is(page, 'Today');
      await tabTo((a) => a.tag === 'A' && a.href === '/study' && a.text === 'Study', 'the Study link of the bottom bar');
      await page.keyboard.press('Enter');
      await h1Is(page, 'Study');
      for (const [n, g] of ['3', '1', '4', '2'].entries()) {
        const prompt = await page.getByTestId('prompt').textContent();
        expect(prompt).toBeTruthy();
        await page.keyboard.press('Space');
        await page.getByTestId('answer').waitFor();
        expect(await page.getByTestId('grade-1').count()).toBe(1);
        if (n === 0) {
          // Tab through the answer (its source link) to a grade button, and Enter grades.
          await tabTo((a) => a.tag === 'A' && a.href.startsWith('/sources/'), 'the source link');
          await tabTo((a) => a.testid === `grade-${g}`, `the grade ${g} button`);
          await page.keyboard.press('Enter');
        } else await page.keyboard.press(g);
        await page.getByTestId('reveal').waitFor();
      }
      await saved(page);
      expect((await all(page, 'events')).length).toBe(4);
      // U takes back the last grade: that card is shown again, answer revealed.
      await page.keyboard.press('U');
      await page.getByTestId('answer').waitFor();
      await saved(page);
      const events = await all<{ kind?: string }>(page, 'events');
      expect(events.length).toBe(5);
      // And grading it again goes on.
      await page.keyboard.press('3');
      await page.getByTestId('reveal').waitFor();
      await saved(page);
    });

    it('takes the quick quiz: every kind of question, then Next and the results', async () => {
      await page.goto(server.url + '/');
      await h1Is(page, 'Today');
      await tabTo((a) => a.tag === 'A' && a.href === '/quiz', 'the Quiz link of the bottom bar');
      await page.keyboard.press('Enter');
      await h1Is(page, 'Quiz');
      await tabTo((a) => a.testid === 'quick-quiz', 'the quick quiz button');
      await page.keyboard.press('Enter');
      await page.getByTestId('question').waitFor();
      const total = (await kv<QuizSession>(page, 'quiz:current'))!.questions.length;
      const kinds = new Set<QuizKind>();
      let choices = 0;
      for (let i = 0; i < total; i++) {
        await h1Is(page, `Question ${i + 1} of ${total}`);
        const q = await currentQuestion(page);
        kinds.add(q.kind);
        switch (q.kind) {
          case 'choice':
            // The number keys, or Tab to the option and Enter.
            if (choices++ % 2 === 0) await page.keyboard.press(String(q.correctIndex + 1));
            else {
              await tabTo((a) => a.testid === `option-${q.correctIndex}`, 'the right option');
              await page.keyboard.press('Enter');
            }
            break;
          case 'truefalse':
            await page.keyboard.press(q.isTrue ? 't' : 'f');
            break;
          case 'typed':
            await tabTo((a) => a.testid === 'typed-input', 'the answer field');
            await page.keyboard.type(answers.get(q.factId)!);
            await page.keyboard.press('Enter');
            break;
          case 'order': {
            const shown = q.items.map((x) => x.factId);
            for (let k = 0; k < shown.length; k++) {
              let at = shown.indexOf(q.correctOrder[k]!);
              while (at > k) {
                const cue = q.items.find((x) => x.factId === shown[at])!.cue;
                await tabTo((a) => a.label === `Move “${cue}” earlier`, `“Move ${cue} earlier”`);
                await page.keyboard.press('Enter');
                [shown[at - 1], shown[at]] = [shown[at]!, shown[at - 1]!];
                at--;
              }
            }
            await tabTo((a) => a.testid === 'order-submit', 'the order submit button');
            await page.keyboard.press('Enter');
            break;
          }
          case 'match':
            for (let k = 0; k < q.pairs.length; k++) {
              await tabTo((a) => a.testid === `match-${k}`, `select ${k}`);
              // The options: "Choose…", then q.right in order.
              const j = q.right.indexOf(q.pairs[k]!.answer);
              for (let n = 0; n <= j; n++) await page.keyboard.press('ArrowDown');
              expect(await page.getByTestId(`match-${k}`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(q.pairs[k]!.answer);
            }
            await tabTo((a) => a.testid === 'match-submit', 'the match submit button');
            await page.keyboard.press('Enter');
            break;
        }
        await page.getByTestId('feedback').waitFor();
        await expect.poll(() => page.getByTestId('feedback').locator('.verdict').textContent()).toBe('Right');
        // Next (or See results) gets the focus once the answer is stored: Enter and Space both go on.
        await expect.poll(async () => `${q.kind}: ${(await active()).testid}`).toBe(`${q.kind}: next`);
        await checkFocusVisible();
        await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
      }
      expect([...kinds].sort()).toEqual([...KINDS].sort());
      await h1Is(page, 'Quiz results');
      expect(await page.getByTestId('score').textContent()).toBe(`${total} / ${total} right`);
    }, 120_000);

    it('the focused element was never hidden behind the bottom bar or a sticky bar', () => {
      expect(hidden).toEqual([]);
    });

    it('logged no console error', () => {
      expect(b.errors).toEqual([]);
    });
  });
});
