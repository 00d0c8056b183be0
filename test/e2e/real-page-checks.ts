/**
 * What a user would check on any real page, with and without the extension: no new page errors,
 * marks only inside the article, the page's text unchanged, a clean switch-off from the popup and
 * back on, and highlights on articles (none on non-articles, and the popup says why). One test
 * per check kind per page, so a failure names the page and the check. Each suite writes its
 * per-page results to test-results/real-pages-<browser>-<suite>.json and prints a summary line.
 *
 * How each check decides, and why (each rule is there so the check judges the extension, not the
 * page's own randomness or the gold text's formatting):
 * - New page errors are the errors of the load with the extension that none of the loads without
 *   it logged. Pages log errors of their own that come and go between loads (timers racing
 *   blocked scripts, "uuid is not defined" on one load and not the next); so when the load with
 *   the extension shows one the first plain load did not, the page is loaded plainly again (up
 *   to 3 times) before the error counts. Network noise of blocked requests is ignored (`normalise`).
 * - A mark is inside the article when the gold text (expected.html / ground truth) holds its text,
 *   compared without white space: the gold texts put spaces at element boundaries ("Boeing 's",
 *   "“ Wild Rose ”") that the page does not have. One more case counts, and is reported apart as a
 *   "gold gap": the gold stops in the middle of the mark's paragraph (it holds the paragraph's
 *   beginning, at least half of it, but not its end). A mark in a paragraph whose END is in the
 *   gold but whose middle is not (an inline hover card, a caption inside a <p>) still fails.
 * - The text with the extension must equal the text without it. One difference is the page's own
 *   and does not count: one short piece (at most 200 characters, none of it in a mark of ours) placed
 *   elsewhere, which pages that insert elements by frame timing do from one load to the next (see
 *   text-moves.ts); the summary line counts those pages.
 * - "Articles get highlights" counts the pages page-cases.ts marks `checkworthy`: readerable pages
 *   whose article is English prose. Lorem-ipsum test fixtures and non-English articles are out of
 *   that count (the analysis is English-only) but get every other check.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openPopup, serve, type BrowserName, type Session, type Site } from './harness.ts';
import { collapse, type PageCase } from './page-cases.ts';
import { pageMovedOnePiece } from './text-moves.ts';

/** Everything one page showed, kept for its tests and the summary table. */
export interface PageResult {
  slug: string;
  readerable: boolean;
  checkworthy: boolean;
  /** The content script's final state: done | not-article | error | none (never finished). */
  state: string;
  marks: number;
  outside: string[];
  goldGaps: string[];
  newErrors: string[];
  /** null when the page changes its own text between plain loads. */
  textUnchanged: boolean | null;
  /** The text matched only once one short piece the page placed by its own timing was put back (text-moves.ts). */
  movedByPage: boolean;
  /** The content script's error message when state is 'error'. */
  error: string | null;
  switchOff: 'ok' | 'failed' | 'not run';
  plainLoads: number;
  ms: number;
}

// Errors that come from requests the harness blocks (their timing varies), not from the page's code.
const NETWORK_NOISE = /net::ERR_|NS_ERROR_|NS_BINDING_ABORTED|Failed to load resource|Same Origin Policy|CORS|Loading failed for|was blocked because|Failed to fetch|NetworkError/;
const normalise = (errors: Iterable<string>) => [...new Set([...errors].filter((e) => !NETWORK_NOISE.test(e)))].sort();

const NAV_TIMEOUT = 45000;

/** Loads the page and records its uncaught errors and console errors, waiting for `load` when it comes. */
async function load(ctx: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: NAV_TIMEOUT });
  // A page whose load event never comes (a script waiting forever) is still checked.
  await page.waitForLoadState('load', { timeout: 20000 }).catch(() => {});
  return { page, errors };
}

const bodyText = (page: Page) => page.evaluate(() => document.body?.textContent ?? '');
/** The body's text and, as offsets into it, the text of each of our marks. */
const bodyTextAndMarks = (page: Page) => page.evaluate(() => {
  const ranges: [number, number][] = [];
  let text = '';
  if (document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = (n as Text).data;
      if (n.parentElement?.closest('mark[data-sourcemark-kind]')) ranges.push([text.length, text.length + data.length]);
      text += data;
    }
  }
  return { text, ranges };
});
const markCount = (page: Page) => page.$$eval('mark[data-sourcemark-kind]', (els) => els.length);

interface MarkSeen { text: string; before: string; after: string }

/** Each mark's text with the text of its paragraph before and after it. */
const marksOf = (page: Page): Promise<MarkSeen[]> => page.$$eval('mark[data-sourcemark-kind]', (els) => els.map((el) => {
  const block = el.closest('p, li, blockquote, dd, dt, td, th, h1, h2, h3, h4, h5, h6, figcaption, pre') ?? el.parentElement ?? el;
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEndBefore(el);
  const before = range.toString();
  range.selectNodeContents(block);
  range.setStartAfter(el);
  return { text: el.textContent ?? '', before, after: range.toString() };
}));

/** Returns s as the inside-the-article check compares it: `collapse`d, then without any white space. */
export const squeeze = (s: string) => collapse(s).replace(/\s+/g, '');

/** Returns the length of the longest prefix of `s` that `gold` contains. */
function goldPrefix(gold: string, s: string): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (gold.includes(s.slice(0, mid))) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Returns where a mark lies: inside the gold text, in a paragraph where the gold stops, or outside. */
export function placeMark(gold: string, m: MarkSeen): 'inside' | 'gold-gap' | 'outside' {
  const text = squeeze(m.text);
  if (!text || gold.includes(text)) return 'inside';
  const para = squeeze(m.before + m.text + m.after);
  const covered = goldPrefix(gold, para);
  const end = para.slice(-Math.min(40, squeeze(m.text + m.after).length));
  return covered >= 60 && covered >= para.length / 2 && !gold.includes(end) ? 'gold-gap' : 'outside';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the page shows `want` marks (0) or any (> 0); returns the count seen last. */
async function waitMarks(page: Page, want: 'none' | 'some', ms = 15000): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const n = await markCount(page);
    if ((want === 'none' ? n === 0 : n > 0) || Date.now() > deadline) return n;
    await sleep(150);
  }
}

export interface SuiteOptions {
  /** Share of checkworthy pages that must get a highlight. */
  minShare: number;
  /**
   * Firefox only: relaunch the browser with the extension after this many popups. Over BiDi a
   * moz-extension tab cannot be closed (ESR 153 + playwright-core 1.64.1), so popups pile up.
   */
  popupsPerLaunch?: number;
}

export function realPageChecks(browser: BrowserName, suite: string, cases: () => PageCase[] | null, opts: SuiteOptions): void {
  const list = cases();
  describe(`${suite} in ${browser}`, { timeout: 3_600_000 }, () => {
    let withExt: Session;
    let without: Session;
    let site: Site;
    let popups = 0;
    const results = new Map<string, PageResult>();

    before(async () => {
      if (!list) return;
      site = await serve(new Map(list.map((c) => [`/${c.slug}/`, c.html])));
      // One after the other: two starts at once on a loaded 2-core machine is what once failed in CI.
      withExt = await launch(browser);
      without = await launch(browser, { extension: false });
    });
    after(async () => {
      await withExt?.close();
      await without?.close();
      await site?.close();
      if (list) writeSummary(browser, suite, [...results.values()]);
    });

    if (!list) {
      it(`${suite} data`, (t) => t.skip(`../shared/eval has no ${suite}`));
      return;
    }

    /** A popup for the page, relaunching Firefox first when too many are open (see SuiteOptions). */
    async function popupFor(page: Page, url: string): Promise<{ page: Page; popup: Awaited<ReturnType<typeof openPopup>> }> {
      if (opts.popupsPerLaunch && popups >= opts.popupsPerLaunch) {
        await page.close();
        await withExt.close();
        withExt = await launch(browser);
        popups = 0;
        page = (await load(withExt.ctx, url)).page;
        await waitState(page);
      }
      popups++;
      return { page, popup: await openPopup(withExt, page) };
    }

    for (const c of list) {
      describe(c.slug, () => {
        let page: Page;
        let r: PageResult;
        let baseText = '';
        let extText = '';
        const url = () => `${site.origin}/${c.slug}/`;

        before(async () => {
          const started = Date.now();
          let span = 0;
          // A second look stays open as long as the load with the extension did before its errors
          // were read, so errors the page logs late (service workers, timers) get the same time.
          const plainLoad = async (wait: boolean) => {
            const at = Date.now();
            const plain = await load(without.ctx, url());
            if (wait) await sleep(span - (Date.now() - at));
            const t = await bodyText(plain.page);
            await plain.page.close();
            return { text: t, errors: normalise(plain.errors) };
          };
          const withExtension = async () => {
            const loaded = await load(withExt.ctx, url());
            const state = await waitState(loaded.page);
            const error = state === 'error' ? await loaded.page.evaluate(() => document.documentElement.dataset.sourcemarkError ?? null) : null;
            const { text, ranges } = await bodyTextAndMarks(loaded.page);
            span = Date.now() - started;
            return { page: loaded.page, errors: [...loaded.errors], state, error, text, ranges };
          };
          // The two browsers are separate processes: the first plain load runs beside the other.
          const [ext, first] = await Promise.all([withExtension(), plainLoad(false)]);
          page = ext.page;
          const { errors, state, error, text, ranges } = ext;
          extText = text;
          baseText = first.text;
          const seen = new Set(first.errors);
          let plainLoads = 1;
          let stable = true;
          // Only when something looks wrong: load plainly again to tell our effect from the page's own.
          while (plainLoads < 4 && (normalise(errors).some((e) => !seen.has(e)) || (plainLoads === 1 && text !== baseText))) {
            const again = await plainLoad(true);
            if (plainLoads === 1 && text !== baseText) stable = again.text === baseText;
            for (const e of again.errors) seen.add(e);
            plainLoads++;
          }
          const moved = stable && text !== baseText && pageMovedOnePiece(text, baseText, ranges) !== null;
          const marks = await marksOf(page);
          const gold = squeeze(c.articleText);
          const placed = marks.map((m) => ({ m, where: placeMark(gold, m) }));
          r = {
            slug: c.slug, readerable: c.readerable, checkworthy: c.checkworthy, state, marks: marks.length,
            outside: placed.filter((p) => p.where === 'outside').map((p) => collapse(p.m.text)),
            goldGaps: placed.filter((p) => p.where === 'gold-gap').map((p) => collapse(p.m.text)),
            newErrors: normalise(errors).filter((e) => !seen.has(e)),
            textUnchanged: stable ? text === baseText || moved : null,
            movedByPage: moved, error,
            switchOff: 'not run', plainLoads, ms: 0,
          };
          r.ms = Date.now() - started;
          results.set(c.slug, r);
        });
        after(async () => { await page?.close().catch(() => {}); });

        it('annotation finishes without new page errors', () => {
          assert.notEqual(r.state, 'none', 'the content script never finished');
          assert.notEqual(r.state, 'error', `the content script reported an error: ${r.error ?? '(no message)'}`);
          assert.deepEqual(r.newErrors, []);
        });
        it('marks lie only inside the article', () => {
          assert.deepEqual(r.outside, []);
        });
        it('the page text is unchanged', (t) => {
          if (r.textUnchanged === null) return t.skip('the page changes its own text from one load to the next');
          assert.ok(r.textUnchanged, 'document.body.textContent differs with the extension');
        });
        if (c.readerable) {
          it('switches off cleanly from the popup and back on', async (t) => {
            if (r.marks === 0) return t.skip('nothing was marked: nothing to switch off');
            r.switchOff = 'failed';
            const opened = await popupFor(page, url());
            page = opened.page;
            const { popup } = opened;
            await popup.click('[data-sourcemark-toggle]');
            assert.equal(await waitMarks(page, 'none'), 0, 'marks remain after switching off');
            if (r.textUnchanged !== null) {
              // The same text as before the marks, in this page (which may hold a piece the page moved, see text-moves.ts).
              const now = await bodyText(page);
              assert.ok(now === baseText || now === extText, 'the text differs after switching off');
            }
            await popup.click('[data-sourcemark-toggle]');
            assert.ok(await waitMarks(page, 'some') > 0, 'no marks after switching back on');
            await popup.close();
            r.switchOff = 'ok';
          });
        } else {
          it('a page that is not an article gets no highlights, and the popup says so', async () => {
            assert.equal(r.marks, 0);
            const opened = await popupFor(page, url());
            page = opened.page;
            assert.match(await opened.popup.text(), /doesn.t look like a news article/);
            await opened.popup.close();
          });
        }
      });
    }
    it(`at least ${Math.round(opts.minShare * 100)}% of English articles get highlights`, (t) => {
      const articles = list.filter((c) => c.checkworthy);
      // REAL_PAGES_ONLY can narrow a suite to pages none of which is an English article
      if (articles.length === 0) return t.skip('no English article among the pages run');
      const hit = articles.filter((c) => (results.get(c.slug)?.marks ?? 0) > 0).length;
      const missed = articles.filter((c) => !results.get(c.slug)?.marks).map((c) => c.slug);
      assert.ok(hit / articles.length >= opts.minShare, `${hit}/${articles.length} articles highlighted; missed: ${missed.join(', ')}`);
    });
  });
}

/** Waits for the content script's finished flag (E2E builds); returns it, or 'none'. */
async function waitState(page: Page): Promise<string> {
  await page.waitForFunction(() => ['done', 'not-article', 'error'].includes(document.documentElement.dataset.sourcemarkState ?? ''),
    undefined, { timeout: 60000 }).catch(() => {});
  return page.evaluate(() => document.documentElement.dataset.sourcemarkState ?? 'none');
}

/** Writes the suite's per-page results and prints one summary line (the table in the report). */
function writeSummary(browser: string, suite: string, rows: PageResult[]): void {
  const clean = rows.filter((r) => r.state !== 'none' && r.state !== 'error' && r.newErrors.length === 0 && r.outside.length === 0
    && r.textUnchanged !== false && r.switchOff !== 'failed');
  const articles = rows.filter((r) => r.checkworthy);
  const line = `${suite} in ${browser}: ${clean.length}/${rows.length} pages clean; `
    + `pages with new errors ${rows.filter((r) => r.newErrors.length || r.state === 'none' || r.state === 'error').length}, `
    + `marks outside ${rows.reduce((n, r) => n + r.outside.length, 0)} on ${rows.filter((r) => r.outside.length).length} pages `
    + `(gold gaps ${rows.reduce((n, r) => n + r.goldGaps.length, 0)}), `
    + `text changed ${rows.filter((r) => r.textUnchanged === false).length} (pieces the page moved itself ${rows.filter((r) => r.movedByPage).length}), switch-off failed ${rows.filter((r) => r.switchOff === 'failed').length}, `
    + `highlighted ${articles.filter((r) => r.marks > 0).length}/${articles.length} English articles`;
  console.log(line);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/real-pages-${browser}-${suite}.json`, JSON.stringify({ summary: line, pages: rows }, null, 1));
}
