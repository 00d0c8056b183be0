/**
 * The seed acceptance of the end-to-end slice, run in a real browser with the built extension:
 * visit seed 000 then seed 002 (two outlets on one event), then check highlights and the popup
 * as a user would see them, from both sides.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, openPopup, type PopupItem as Item, readSeed, serve, visit, type BrowserName, type Session, type Site } from './harness.ts';
import { seedPage } from './seed-pages.ts';

const OUTLET_A = 'Capitol Ledger';      // wraps seed 000
const OUTLET_B = 'Anything Political';  // wraps seed 002
const CHROME_TEXT = ['Related stories', 'Politics', 'Get the morning briefing', 'All rights reserved'];
const LEFTOVERS = ['Skip to content', 'Image', 'author avatar', 'Subscribe now'];

export interface Mark { kind: string; text: string; speaker: string | null; inArticle: boolean }

/** Returns every Sourcemark mark on the page with the text it wraps. */
export async function marksOf(page: Page): Promise<Mark[]> {
  return page.$$eval('mark[data-sourcemark-kind]', (els) => els.map((el) => ({
    kind: el.getAttribute('data-sourcemark-kind') ?? '',
    text: el.textContent ?? '',
    speaker: el.getAttribute('data-sourcemark-speaker'),
    inArticle: Boolean(el.closest('article')),
  })));
}

const find = (items: Item[], kind: string, ...words: string[]) =>
  items.filter((i) => i.kind === kind && words.every((w) => i.text.includes(w)));

// A section front: headlines and teasers, no article body.
const SECTION_FRONT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Politics | ${OUTLET_A}</title></head>
<body><header><a href="/">${OUTLET_A}</a></header><main><h1>Politics</h1><ul>
${['Senate passes budget bill', 'Election security hearing set', 'Governor signs transit plan', 'Poll: voters split on tariffs']
    .map((h, i) => `<li><a href="/p/${i}">${h}</a><p>Read the latest on this story.</p></li>`).join('\n')}
</ul></main><footer>All rights reserved.</footer></body></html>`;

const joined = (marks: Mark[], kind: string) => marks.filter((m) => m.kind === kind).map((m) => m.text).join(' | ');

export function seedAcceptance(browser: BrowserName): void {
  describe(`seed acceptance in ${browser}`, { timeout: 180000 }, () => {
    let session: Session;
    let site: Site;
    let pageA: Page;
    let pageB: Page;
    let skip: string | false = false;

    before(async () => {
      const [seedA, seedB] = [await readSeed('000'), await readSeed('002')];
      if (!seedA || !seedB) { skip = '../shared/seeds is absent'; return; }
      site = await serve(new Map([
        ['/politics/trump-campaign-iran-hack', seedPage(seedA, { outlet: OUTLET_A, path: '/politics/trump-campaign-iran-hack', related: ['Senate passes budget bill', 'Election security hearing set'] })],
        ['/2024/08/trump-campaign-hacked', seedPage(seedB, { outlet: OUTLET_B, path: '/2024/08/trump-campaign-hacked', related: ['Vance debate preview', 'Markets close higher'] })],
      ]));
      session = await launch(browser);
      site.pages.set('/politics', SECTION_FRONT);
      pageA = await visit(session, `${site.origin}/politics/trump-campaign-iran-hack`);
      pageB = await visit(session, `${site.origin}/2024/08/trump-campaign-hacked`);
    });
    after(async () => {
      await session?.close();
      await site?.close();
    });

    it('highlights all three kinds on seed 000, only inside the article', async (t) => {
      if (skip) return t.skip(skip);
      const marks = await marksOf(pageA);
      for (const kind of ['claim', 'quote', 'attribution']) assert.ok(marks.some((m) => m.kind === kind), `no ${kind} mark`);
      assert.deepEqual(marks.filter((m) => !m.inArticle).map((m) => m.text), []);
      for (const text of [...CHROME_TEXT, ...LEFTOVERS]) assert.ok(!marks.some((m) => m.text.trim() === text), `chrome text marked: ${text}`);
    });

    it('ties the quote before the speaker line to Steven Cheung (000)', async (t) => {
      if (skip) return t.skip(skip);
      const marks = await marksOf(pageA);
      const iranians = marks.find((m) => m.kind === 'quote' && m.text.includes('The Iranians know'));
      assert.ok(iranians, 'quote "The Iranians know ..." not marked');
      assert.match(iranians.speaker ?? '', /Steven Cheung/);
      const documents = marks.find((m) => m.kind === 'quote' && m.text.includes('These documents were obtained illegally'));
      assert.match(documents?.speaker ?? '', /Cheung/);
    });

    it('marks the vague attributions of 000', async (t) => {
      if (skip) return t.skip(skip);
      const text = joined(await marksOf(pageA), 'attribution');
      for (const cue of ['reportedly', 'no concrete evidence has been provided', 'according to multiple intelligence assessments']) {
        assert.ok(text.includes(cue), `attribution "${cue}" not marked; marked: ${text}`);
      }
    });

    it('marks the vague attributions of 002', async (t) => {
      if (skip) return t.skip(skip);
      const marks = await marksOf(pageB);
      const text = joined(marks, 'attribution');
      for (const cue of ['anonymous source', 'allegedly', 'remain unsubstantiated']) {
        assert.ok(text.includes(cue), `attribution "${cue}" not marked; marked: ${text}`);
      }
      for (const text of [...CHROME_TEXT, ...LEFTOVERS]) assert.ok(!marks.some((m) => m.text.trim() === text), `leftover marked: ${text}`);
    });

    it('shows corroboration for 000 in the popup', async (t) => {
      if (skip) return t.skip(skip);
      const popup = await openPopup(session, pageA);
      const items = await popup.items();
      const microsoft = find(items, 'claim', 'Microsoft report', 'June 2024');
      assert.ok(microsoft.length > 0, 'no Microsoft report claim');
      assert.equal(microsoft[0]!.status, 'corroborated');
      assert.ok(microsoft[0]!.text.includes(OUTLET_B), 'corroborating outlet not named');

      const breach = items.filter((i) => i.kind === 'claim' && /breach|hack/i.test(i.text) && /Iran/i.test(i.text)
        && ['contradicted', 'mixed'].includes(i.status));
      assert.ok(breach.length > 0, `no hack claim shows Iran's denial: ${JSON.stringify(items.filter((i) => /breach/i.test(i.text)))}`);
      assert.ok(breach.some((i) => i.text.includes('denied')), 'the denial sentence is not shown');

      const jcpoa = find(items, 'claim', '2018', 'Joint Comprehensive');
      assert.ok(jcpoa.length > 0, 'no JCPOA claim');
      assert.equal(jcpoa[0]!.status, 'single-source');

      for (const s of find(items, 'claim', 'Soleimani')) {
        if (s.status !== 'single-source') assert.ok(s.text.includes('2020 drone strike'), `wrong Soleimani evidence: ${s.text}`);
      }

      const iranians = find(items, 'quote', 'The Iranians know');
      assert.ok(iranians.length > 0, 'no "Iranians know" quote item');
      assert.equal(iranians[0]!.status, 'single-source');
      assert.ok(iranians[0]!.text.includes('Steven Cheung'));

      const documents = find(items, 'quote', 'These documents were obtained illegally');
      assert.ok(documents.length > 0, 'no "These documents" quote item');
      assert.ok(['verbatim', 'variant'].includes(documents[0]!.status), `status ${documents[0]!.status}`);
      assert.ok(documents[0]!.text.includes(OUTLET_B), '002 not named for the quote');
      await popup.close();
    });

    it('shows corroboration for 002 in the popup', async (t) => {
      if (skip) return t.skip(skip);
      const popup = await openPopup(session, pageB);
      const items = await popup.items();
      const microsoft = items.filter((i) => i.kind === 'claim' && i.text.includes('June 2024') && /Microsoft|report/.test(i.text)
        && i.status === 'corroborated');
      assert.ok(microsoft.length > 0, `no corroborated June 2024 claim: ${JSON.stringify(find(items, 'claim', 'June'))}`);
      assert.ok(microsoft.some((i) => i.text.includes(OUTLET_A)), '000 not named');
      const documents = find(items, 'quote', 'These documents were obtained illegally');
      assert.ok(documents.length > 0, 'no "These documents" quote item');
      assert.ok(['verbatim', 'variant'].includes(documents[0]!.status));
      assert.ok(documents[0]!.text.includes(OUTLET_A));
      await popup.close();
    });

    it('clicking a popup item scrolls the page to its highlight and flashes it', async (t) => {
      if (skip) return t.skip(skip);
      await pageA.evaluate(() => window.scrollTo(0, 0));
      const popup = await openPopup(session, pageA);
      // The last quote stands at the end of the article, below the first screen.
      await popup.click('[data-sourcemark-item][data-kind="quote"]:last-of-type .item-main');
      // The scroll may be smooth: wait until the flashed highlight is in view.
      const inView = await pageA.waitForFunction(() => {
        const m = document.querySelector('mark.sourcemark-flash');
        if (!m) return false;
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight && scrollY > 0 ? m.getAttribute('data-sourcemark-kind') : false;
      }, undefined, { timeout: 10000 }).then((h) => h.jsonValue()).catch(() => null);
      assert.equal(inView, 'quote', 'no flashed quote highlight scrolled into view');
      await popup.close();
    });

    it('switches highlights off and on from the popup, restoring the text', async (t) => {
      if (skip) return t.skip(skip);
      const before = await pageA.evaluate(() => document.body.textContent);
      const popup = await openPopup(session, pageA);
      await popup.click('[data-sourcemark-toggle]');
      await pageA.waitForFunction(() => document.querySelectorAll('mark[data-sourcemark-kind]').length === 0, undefined, { timeout: 10000 });
      assert.equal(await pageA.evaluate(() => document.body.textContent), before);
      await popup.click('[data-sourcemark-toggle]');
      await pageA.waitForFunction(() => document.querySelectorAll('mark[data-sourcemark-kind]').length > 0, undefined, { timeout: 10000 });
      await popup.close();
    });

    it('says plainly when a page is not an article, and marks nothing there', async (t) => {
      if (skip) return t.skip(skip);
      const front = await visit(session, `${site.origin}/politics`);
      assert.equal(await front.evaluate(() => document.documentElement.dataset.sourcemarkState), 'not-article');
      assert.equal(await front.$$eval('mark[data-sourcemark-kind]', (els) => els.length), 0);
      const popup = await openPopup(session, front);
      assert.match(await popup.text(), /doesn.t look like a news article/);
      assert.deepEqual(await popup.items(), []);
      await popup.close();
    });

    it('sends nothing off the machine', async (t) => {
      if (skip) return t.skip(skip);
      if (browser === 'firefox') return t.skip('requests are observed in Chromium only (see harness.ts)');
      assert.deepEqual(session.outbound, []);
    });
  });
}
