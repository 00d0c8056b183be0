/**
 * What a user would check on any real page, with and without the extension: no new page errors,
 * marks only inside the article, the page's text unchanged, a clean switch-off from the popup,
 * and highlights on articles (none on non-articles). One test per check kind per page.
 *
 * "Articles get highlights" counts the pages page-cases.ts marks `checkworthy`: readerable pages
 * whose article is English prose (metadata language English or undeclared, and common English
 * function words make up at least 5% of the gold text's words). Lorem-ipsum test fixtures and
 * non-English articles are out of that count (the analysis is English-only) but get every other
 * check. "Marks inside the article" compares mark and gold text after the same normalisation
 * (`collapse`: quotes, dashes, zero-width characters, white space).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openPopup, serve, visit, type BrowserName, type Session, type Site } from './harness.ts';
import { collapse, type PageCase } from './page-cases.ts';

interface Observed {
  errors: string[];
  text: string;
  /** False when two loads without the extension already differ (the page writes dates, ids...). */
  stable: boolean;
}

/** Loads the page and records its uncaught errors and console errors. */
async function load(ctx: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

// Errors that differ between runs for reasons of their own (a blocked request's timing), not ours.
const normalise = (errors: string[]) => [...new Set(errors.filter((e) => !/net::ERR_|NS_ERROR_|Failed to load resource/.test(e)))].sort();

export function realPageChecks(browser: BrowserName, suite: string, cases: () => PageCase[] | null, minShare: number): void {
  const list = cases();
  describe(`${suite} in ${browser}`, { timeout: 1800000 }, () => {
    let withExt: Session;
    let without: Session;
    let site: Site;
    const highlighted = new Map<string, boolean>();

    before(async () => {
      if (!list) return;
      site = await serve(new Map(list.map((c) => [`/${c.slug}/`, c.html])));
      withExt = await launch(browser);
      without = await launch(browser, { extension: false });
    });
    after(async () => {
      await withExt?.close();
      await without?.close();
      await site?.close();
    });

    if (!list) {
      it(`${suite} data`, (t) => t.skip(`../shared/eval has no ${suite}`));
      return;
    }
    for (const c of list) {
      describe(c.slug, () => {
        let base: Observed;
        let page: Page;
        let errors: string[];
        let state = '';
        before(async () => {
          const plain = await load(without.ctx, `${site.origin}/${c.slug}/`);
          const again = await load(without.ctx, `${site.origin}/${c.slug}/`);
          const text = await plain.page.evaluate(() => document.body?.textContent ?? '');
          const stable = text === await again.page.evaluate(() => document.body?.textContent ?? '');
          base = { errors: plain.errors, text, stable };
          await plain.page.close();
          await again.page.close();
          ({ page, errors } = await load(withExt.ctx, `${site.origin}/${c.slug}/`));
          await page.waitForFunction(() => ['done', 'not-article', 'error'].includes(document.documentElement.dataset.sourcemarkState ?? ''),
            undefined, { timeout: 60000 }).catch(() => {});
          state = await page.evaluate(() => document.documentElement.dataset.sourcemarkState ?? 'none');
        });
        after(async () => { await page?.close(); });

        it('annotation finishes without new page errors', () => {
          assert.notEqual(state, 'none', 'the content script never finished');
          assert.notEqual(state, 'error', 'the content script reported an error');
          assert.deepEqual(normalise(errors), normalise(base.errors));
        });
        it('marks lie only inside the article', async () => {
          const marks = await page.$$eval('mark[data-sourcemark-kind]', (els) => els.map((e) => e.textContent ?? ''));
          highlighted.set(c.slug, marks.length > 0);
          const outside = marks.map(collapse).filter((m) => m.length > 0 && !c.articleText.includes(m));
          assert.deepEqual(outside, []);
        });
        it('the page text is unchanged', async (t) => {
          if (!base.stable) return t.skip('the page changes its own text from one load to the next');
          assert.equal(await page.evaluate(() => document.body?.textContent ?? ''), base.text);
        });
        it('switches off cleanly from the popup', async () => {
          if (state !== 'done') return; // nothing was marked: nothing to switch off
          const popup = await openPopup(withExt, page);
          await popup.click('[data-sourcemark-toggle]');
          await page.waitForFunction(() => document.querySelectorAll('mark[data-sourcemark-kind]').length === 0, undefined, { timeout: 10000 });
          if (base.stable) assert.equal(await page.evaluate(() => document.body?.textContent ?? ''), base.text);
          await popup.close();
        });
        if (!c.readerable) {
          it('a page that is not an article gets no highlights', async () => {
            assert.equal(await page.$$eval('mark[data-sourcemark-kind]', (els) => els.length), 0);
          });
        }
      });
    }
    it(`at least ${Math.round(minShare * 100)}% of English articles get highlights`, () => {
      const articles = list.filter((c) => c.checkworthy);
      const hit = articles.filter((c) => highlighted.get(c.slug)).length;
      const missed = articles.filter((c) => !highlighted.get(c.slug)).map((c) => c.slug);
      assert.ok(hit / articles.length >= minShare, `${hit}/${articles.length} articles highlighted; missed: ${missed.join(', ')}`);
    });
  });
}
