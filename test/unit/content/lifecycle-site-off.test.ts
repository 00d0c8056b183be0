// @vitest-environment jsdom
// The content script on a site the reader switched off: no highlights, no error, and switching
// the site on again reads the page and highlights it without a reload.
import { afterEach, expect, it } from 'vitest';
import { startContentScript, type ContentScript, type FinishState, type MessageListener } from '../../../src/content/lifecycle.js';
import { envelope, type BackgroundToContent, type PageReport } from '../../../src/shared/messages.js';
import type { ExtractedArticle } from '../../../src/shared/model.js';
import { fail, ok, type Result } from '../../../src/shared/result.js';
import { fakeAnalysis, fixturePages } from './helpers.js';

const page = fixturePages().find((p) => p.slug === 'news-furniture')!;
const CLAIM = 'Officials said the barrier would cost about £12 million and take two years to finish.';
let cs: ContentScript | null = null;
afterEach(() => { cs?.stop(); cs = null; });

it('stays unmarked while the site is off, and marks the page once it is on', async () => {
  const parsed = new DOMParser().parseFromString(page.html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  let off = true;
  let asked = 0;
  const listeners: MessageListener[] = [];
  const runtime = {
    id: 'ext-id',
    onMessage: { addListener: (f: MessageListener) => { listeners.push(f); }, removeListener: () => {} },
    async sendMessage(message: unknown): Promise<unknown> {
      asked++;
      if (off) return fail('site-off', 'Sourcemark is off on news.example.');
      const { article } = (message as { args: { article: ExtractedArticle } }).args;
      const report: PageReport = {
        articleId: 'a1', url: article.url, outlet: 'x', title: article.title, text: article.text,
        analysis: fakeAnalysis(article.text, { claims: [CLAIM], quotes: [], attributions: [] }),
        corroboration: { articleId: 'a1', claims: [], quotes: [], librarySize: 0 }, enabled: true, storageWarning: null,
      };
      return ok(report);
    },
  };
  const states: FinishState[] = [];
  const text = document.body.textContent;
  cs = startContentScript({ doc: document, win: window, runtime, yieldFn: () => Promise.resolve(), pollMs: 20, settleMs: 20, onState: (s) => states.push(s) });
  await cs.idle();
  expect(states).toEqual(['done']);
  expect(document.querySelectorAll('mark[data-sourcemark-kind]')).toHaveLength(0);
  const state = await cs.handle(envelope<BackgroundToContent, 'page/state'>('page/state', {}), { id: 'ext-id' }) as Result<{ state: string; enabled: boolean }>;
  expect(state).toMatchObject({ ok: true, value: { state: 'article', enabled: false } });

  off = false;
  await cs.handle(envelope<BackgroundToContent, 'highlights/set-enabled'>('highlights/set-enabled', { enabled: true }), { id: 'ext-id' });
  await cs.idle();
  expect(asked).toBe(2);
  expect(document.querySelectorAll('mark[data-sourcemark-kind="claim"]').length).toBeGreaterThan(0);
  expect(document.body.textContent).toBe(text);
});
