import { describe, expect, it, vi } from 'vitest';
import { contentHandlers, dispatch, popupHandlers, type LibraryLike, type Services } from '../../../src/background/handlers.js';
import { TabStates, type SessionArea } from '../../../src/background/tab-state.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import { StoreError } from '../../../src/corpus/store.js';
import { envelope, type ArgsOf, type ContentToBackground, type PageReport, type PageState, type PopupToBackground } from '../../../src/shared/messages.js';
import type { ArticleRecord, Corroboration } from '../../../src/shared/model.js';
import { ok, type Result } from '../../../src/shared/result.js';
import { article, emptyAnalysis } from './records.js';

const pop = <K extends keyof PopupToBackground>(n: K, a: ArgsOf<PopupToBackground, K>) => envelope<PopupToBackground, K>(n, a);
const con = <K extends keyof ContentToBackground>(n: K, a: ArgsOf<ContentToBackground, K>) => envelope<ContentToBackground, K>(n, a);
const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };

/** A library that keeps records in a MemoryStore and reports how many others it holds. */
class FakeLibrary implements LibraryLike {
  failNext: StoreError | null = null;
  constructor(readonly store: MemoryStore, readonly ids = new Set<string>()) {}
  get size() { return this.ids.size; }
  async upsert(r: ArticleRecord) {
    if (this.failNext) { const e = this.failNext; this.failNext = null; throw e; }
    await this.store.put(r);
    this.ids.add(r.id);
  }
  async remove(id: string) {
    await this.store.delete(id);
    this.ids.delete(id);
  }
  corroborate(r: ArticleRecord): Corroboration {
    return { articleId: r.id, claims: [], quotes: [], librarySize: [...this.ids].filter((id) => id !== r.id).length };
  }
}

function setup(page: PageState = { state: 'article', article: article('https://news.example/a'), enabled: true }, session: SessionArea | null = null) {
  const store = new MemoryStore();
  const library = new FakeLibrary(store);
  const sent: { tabId: number; name: string; args: unknown }[] = [];
  const analyze = vi.fn(emptyAnalysis);
  let now = 1000;
  const services: Services = {
    ready: Promise.resolve({ library, store, warning: null }),
    analyze, makeRecord,
    tabs: new TabStates(session),
    toTab: (async (tabId: number, name: string, args: unknown) => {
      sent.push({ tabId, name, args });
      if (tabId === 99) return { ok: false, error: { code: 'no-content', message: 'not running' } };
      if (name === 'page/state') return ok(page);
      return ok(true);
    }) as Services['toTab'],
    isIncognito: async () => false,
    openExtensionPage: async () => 7,
    storageUsage: async () => 1234,
    now: () => (now += 10),
    e2e: false,
    pendingTimeoutMs: 50,
  };
  return { services, library, store, sent, analyze };
}

const fromTab = (tabId: number, incognito = false) => ({ id: self.id, url: 'https://news.example/a', tab: { id: tabId, incognito } });
const fromPopup = { id: self.id, url: 'chrome-extension://ext-id/popup.html?tab=3' };

describe('dispatch', () => {
  it('ignores messages that are not ours', () => {
    const { services } = setup();
    expect(dispatch({ hello: 1 }, fromPopup, self, services)).toBeUndefined();
    expect(dispatch(envelope('nope/nope' as never, {} as never), fromPopup, self, services)).toBeUndefined();
  });

  it('refuses senders other than this extension', async () => {
    const { services } = setup();
    const r = await dispatch(pop('library/stats', {}), { ...fromPopup, id: 'evil' }, self, services);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses popup messages from a web page (content table only there)', () => {
    const { services } = setup();
    expect(dispatch(pop('tab/reveal', { tabId: 1, itemId: 'c0' }), fromTab(1), self, services)).toBeUndefined();
  });

  it('validates arguments', async () => {
    const { services } = setup();
    for (const [name, args] of [
      ['tab/report', { tabId: 'x' }], ['tab/reveal', { tabId: 1, itemId: '<img>' }],
      ['tab/set-enabled', { tabId: 1, enabled: 'yes' }],
    ] as const) {
      expect(await dispatch(envelope<PopupToBackground, keyof PopupToBackground>(name as never, args as never), fromPopup, self, services)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    const bad = await dispatch(con('page/analyze', { article: { url: 1 } } as never), fromTab(1), self, services);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('turns a thrown handler error into an internal failure', async () => {
    const { services } = setup();
    services.analyze = () => { throw new Error('model broke'); };
    const r = await dispatch(con('page/analyze', { article: article('https://x.example/1') }), fromTab(1), self, services);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'model broke' } });
  });

  it('honours e2e/open only in E2E builds', async () => {
    const { services } = setup();
    expect(await dispatch(con('e2e/open', { path: 'popup.html?tab=1' }), fromTab(1), self, services)).toMatchObject({ ok: false });
    services.e2e = true;
    expect(await dispatch(con('e2e/open', { path: 'popup.html?tab=1' }), fromTab(1), self, services)).toEqual({ ok: true, value: { tabId: 7 } });
    expect(await dispatch(con('e2e/open', { path: '../../etc' }), fromTab(1), self, services)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('page/analyze', () => {
  it('analyses, stores, corroborates and remembers the tab', async () => {
    const { services, store } = setup();
    const r = await contentHandlers['page/analyze']({ article: article('https://news.example/a?utm_source=x') }, { services, tabId: 4, incognito: false });
    expect(r.ok).toBe(true);
    const rep = (r as { value: PageReport }).value;
    expect(rep.enabled).toBe(true);
    expect(rep.storageWarning).toBeNull();
    expect(await store.count()).toBe(1);
    expect(await services.tabs.get(4)).toMatchObject({ articleId: rep.articleId, enabled: true });
  });

  it('keeps going with a storage warning when the store is full', async () => {
    const { services, library, store } = setup();
    library.failNext = new StoreError('storage-full', 'Browser storage is full.');
    const r = await contentHandlers['page/analyze']({ article: article('https://news.example/a') }, { services, tabId: 4, incognito: false });
    expect(r).toMatchObject({ ok: true, value: { storageWarning: 'Browser storage is full.' } });
    expect(await store.count()).toBe(0);
  });

  it('analyses incognito tabs without storing them', async () => {
    const { services, store } = setup();
    const r = await dispatch(con('page/analyze', { article: article('https://news.example/a') }), fromTab(5, true), self, services);
    expect(r!.ok).toBe(true);
    expect(await store.count()).toBe(0);
    // the popup's report for that tab does not store it either
    expect((await popupHandlers['tab/report']({ tabId: 5 }, { services })).ok).toBe(true);
    expect(await store.count()).toBe(0);
  });
});

describe('tab/report', () => {
  it('says not-article for pages that are not articles', async () => {
    const { services } = setup({ state: 'not-article', reason: 'No article text found.' });
    expect(await popupHandlers['tab/report']({ tabId: 3 }, { services })).toEqual({ ok: true, value: { notArticle: 'No article text found.' } });
  });

  it('says no-content when no content script answers', async () => {
    const { services } = setup();
    expect(await popupHandlers['tab/report']({ tabId: 99 }, { services })).toMatchObject({ ok: false, error: { code: 'no-content' } });
  });

  it('waits for a pending page, then gives up with a message', async () => {
    const { services } = setup({ state: 'pending' });
    expect(await popupHandlers['tab/report']({ tabId: 3 }, { services })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('reuses a fresh stored record, recorroborates against the grown library and pushes statuses', async () => {
    const { services, library, sent, analyze } = setup();
    await contentHandlers['page/analyze']({ article: article('https://news.example/a') }, { services, tabId: 3, incognito: false });
    expect(analyze).toHaveBeenCalledTimes(1);
    library.ids.add('https://other.example/b');
    const r = await popupHandlers['tab/report']({ tabId: 3 }, { services }) as Result<PageReport>;
    expect(analyze).toHaveBeenCalledTimes(1); // not re-analysed
    expect(r.ok && r.value.corroboration.librarySize).toBe(1);
    expect(sent.at(-1)).toMatchObject({ tabId: 3, name: 'highlights/statuses' });
  });

  it('re-analyses when the page text changed since it was stored', async () => {
    const page: PageState = { state: 'article', article: article('https://news.example/a', 'Updated text: 50 homes.'), enabled: false };
    const { services, analyze, store } = setup(page);
    await contentHandlers['page/analyze']({ article: article('https://news.example/a') }, { services, tabId: 3, incognito: false });
    const r = await popupHandlers['tab/report']({ tabId: 3 }, { services }) as Result<PageReport>;
    expect(analyze).toHaveBeenCalledTimes(2);
    expect(r.ok && r.value.enabled).toBe(false);
    expect((await store.all()).records[0]!.text).toBe('Updated text: 50 homes.');
    expect((await store.all()).records[0]!.firstSeen).toBeLessThan((await store.all()).records[0]!.lastSeen);
  });

  it('works after a worker restart: tab state comes back from storage.session', async () => {
    const data: Record<string, unknown> = {};
    const session: SessionArea = {
      get: async (k) => (k in data ? { [k]: data[k] } : {}),
      set: async (items) => { Object.assign(data, items); },
      remove: async (k) => { delete data[k]; },
    };
    const first = setup(undefined, session);
    await contentHandlers['page/analyze']({ article: article('https://news.example/a') }, { services: first.services, tabId: 3, incognito: false });
    // a new worker: fresh services and memory, same session storage and library contents
    const second = setup(undefined, session);
    await second.store.put((await first.store.all()).records[0]!);
    const r = await popupHandlers['tab/report']({ tabId: 3 }, { services: second.services });
    expect(r.ok).toBe(true);
    expect(second.analyze).not.toHaveBeenCalled();
  });
});

describe('forwarding', () => {
  it('reveal and set-enabled go to the tab; set-enabled is remembered', async () => {
    const { services, sent } = setup();
    await contentHandlers['page/analyze']({ article: article('https://news.example/a') }, { services, tabId: 3, incognito: false });
    expect(await popupHandlers['tab/reveal']({ tabId: 3, itemId: 'q2' }, { services })).toEqual({ ok: true, value: true });
    expect(sent.at(-1)).toEqual({ tabId: 3, name: 'highlights/reveal', args: { itemId: 'q2' } });
    await popupHandlers['tab/set-enabled']({ tabId: 3, enabled: false }, { services });
    expect(sent.at(-1)).toEqual({ tabId: 3, name: 'highlights/set-enabled', args: { enabled: false } });
    expect((await services.tabs.get(3))?.enabled).toBe(false);
  });

  it('library/stats reports size and usage', async () => {
    const { services } = setup();
    expect(await popupHandlers['library/stats']({}, { services })).toEqual({ ok: true, value: { articles: 0, bytes: 1234, warning: null } });
  });
});

describe('TabStates', () => {
  it('falls back to memory when storage.session throws', async () => {
    const broken: SessionArea = { get: async () => { throw new Error('no'); }, set: async () => { throw new Error('no'); }, remove: async () => { throw new Error('no'); } };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = new TabStates(broken);
    await t.set(1, { articleId: 'a', enabled: true, incognito: false, storageWarning: null });
    expect((await t.get(1))?.articleId).toBe('a');
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
