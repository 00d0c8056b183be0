// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startContentScript, type ContentScript, type FinishState } from '../../../src/content/lifecycle.js';
import { envelope, type ArgsOf, type BackgroundToContent } from '../../../src/shared/messages.js';
import type { ExtractedArticle } from '../../../src/shared/model.js';
import type { Result } from '../../../src/shared/result.js';
import { FakeRuntime, fixturePages } from './helpers.js';

const page = fixturePages().find((p) => p.slug === 'news-furniture')!;

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

const fast = () => Promise.resolve();
let cs: ContentScript | null = null;
let runtime: FakeRuntime;
let states: FinishState[];

function start(): ContentScript {
  states = [];
  cs = startContentScript({ doc: document, win: window, runtime, yieldFn: fast, pollMs: 20, settleMs: 20, onState: (s) => states.push(s) });
  return cs;
}

async function send<K extends keyof BackgroundToContent>(name: K, args: ArgsOf<BackgroundToContent, K>, id = 'ext-id'): Promise<Result<unknown>> {
  return (await cs!.handle(envelope<BackgroundToContent, K>(name, args), { id })) as Result<unknown>;
}

beforeEach(() => {
  runtime = new FakeRuntime();
  loadPage(page.html);
});
afterEach(() => {
  cs?.stop();
  cs = null;
});

describe('content script lifecycle', () => {
  it('extracts, asks for analysis, highlights, and reports done', async () => {
    const bodyText = document.body.textContent;
    start();
    await cs!.idle();
    expect(runtime.sent).toHaveLength(1);
    expect(runtime.sent[0]).toMatchObject({ sourcemark: 1, name: 'page/analyze' });
    expect(document.querySelectorAll('mark[data-sourcemark-kind]').length).toBeGreaterThanOrEqual(3);
    expect(document.body.textContent).toBe(bodyText);
    expect(states).toEqual(['done']);
    const r = await send('page/state', {});
    expect(r).toMatchObject({ ok: true, value: { state: 'article', enabled: true } });
  });

  it('switch-off restores the DOM and removes the tooltip; switch-on highlights again', async () => {
    const html = document.body.innerHTML;
    start();
    await cs!.idle();
    expect(document.querySelector('sourcemark-tooltip')).not.toBeNull();
    expect(await send('highlights/set-enabled', { enabled: false })).toEqual({ ok: true, value: true });
    expect(document.body.innerHTML).toBe(html);
    expect(document.querySelector('sourcemark-tooltip')).toBeNull();
    expect(document.getElementById('sourcemark-style')).toBeNull();
    expect(await send('highlights/reveal', { itemId: 'c0' })).toEqual({ ok: true, value: false });
    await send('highlights/set-enabled', { enabled: true });
    expect(document.querySelectorAll('mark[data-sourcemark-id="c0"]').length).toBeGreaterThan(0);
    expect(runtime.sent).toHaveLength(1); // same text: no second analysis
  });

  it('a not-article page answers not-article and does nothing else', async () => {
    document.body.innerHTML = '<nav><a href="/">Home</a></nav><p>Hello.</p>';
    const html = document.documentElement.outerHTML;
    start();
    await cs!.idle();
    expect(runtime.sent).toHaveLength(0);
    expect(states).toEqual(['not-article']);
    expect(await send('page/state', {})).toMatchObject({ ok: true, value: { state: 'not-article' } });
    expect(document.documentElement.outerHTML).toBe(html);
  });

  it('refuses other senders and bad arguments, ignores foreign messages', async () => {
    start();
    await cs!.idle();
    expect(await send('page/state', {}, 'other-ext')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await send('highlights/set-enabled', { enabled: 'yes' as unknown as boolean })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(cs!.handle({ hello: 1 }, { id: 'ext-id' })).toBeUndefined();
    expect(cs!.handle(envelope('tab/report' as never, {} as never), { id: 'ext-id' })).toBeUndefined();
  });

  it('honours a report that says highlights are off', async () => {
    runtime.enabled = false;
    start();
    await cs!.idle();
    expect(document.querySelector('mark')).toBeNull();
    expect(await send('page/state', {})).toMatchObject({ ok: true, value: { state: 'article', enabled: false } });
  });

  it('stops quietly when the extension context is invalidated', async () => {
    runtime.sendMessage = async () => { throw new Error('Extension context invalidated.'); };
    const warn = console.warn;
    let warned = 0;
    console.warn = () => { warned++; };
    try {
      start();
      await cs!.idle();
    } finally {
      console.warn = warn;
    }
    expect(warned).toBe(0);
    expect(runtime.listeners).toHaveLength(0);
    expect(document.querySelector('mark')).toBeNull();
  });

  it('re-reads the page after SPA navigation', async () => {
    start();
    await cs!.idle();
    history.pushState({}, '', '/news/other-story');
    await new Promise((r) => setTimeout(r, 80));
    await cs!.idle();
    expect(runtime.sent.length).toBe(2);
    expect((runtime.sent[1] as { args: { article: ExtractedArticle } }).args.article.url).toMatch(/other-story$/);
  });
});
