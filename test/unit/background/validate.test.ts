// What crosses into the background is checked: message arguments (one validator per message, a
// handler never sees unchecked input), records read back from IndexedDB, and the sender.
import { describe, expect, it } from 'vitest';
import { dispatch, type Services } from '../../../src/background/handlers.js';
import { TabStates } from '../../../src/background/tab-state.js';
import { argChecks, isAnalysis, isArticleRecord, isExtractedArticle, isTabId, MAX_TEXT_LENGTH } from '../../../src/background/validate.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { Library } from '../../../src/corpus/library.js';
import { makeRecord } from '../../../src/corpus/record.js';
import { envelope, type ContentToBackground, type PopupToBackground } from '../../../src/shared/messages.js';
import { article, emptyAnalysis, record } from './records.js';

type Check = (a: Record<string, unknown>) => boolean;
const check = (name: keyof typeof argChecks) => argChecks[name] as Check;

describe('argChecks', () => {
  const cases: Record<keyof typeof argChecks, { good: Record<string, unknown>[]; bad: Record<string, unknown>[] }> = {
    'page/analyze': {
      good: [{ article: article('https://a.example/1') }],
      bad: [{}, { article: null }, { article: [] }, { article: { ...article('https://a.example/1'), text: 5 } },
        { article: { ...article('https://a.example/1'), title: undefined } }, { article: { ...article('https://a.example/1'), lang: 3 } },
        { article: { ...article('https://a.example/1'), text: 'x'.repeat(MAX_TEXT_LENGTH + 1) } }],
    },
    'e2e/open': {
      good: [{ path: 'popup.html' }, { path: 'popup.html?tab=12' }, { path: 'options.html' }],
      bad: [{ path: '../secret' }, { path: 'https://evil.example/' }, { path: 'javascript:alert(1)' }, { path: '/abs' }, { path: 3 }, {}],
    },
    'tab/report': { good: [{ tabId: 0 }, { tabId: 41 }], bad: [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '3' }, { tabId: NaN }, {}] },
    'tab/reveal': {
      good: [{ tabId: 1, itemId: 'c0' }, { tabId: 1, itemId: 'q123' }],
      bad: [{ tabId: 1, itemId: '<img src=x>' }, { tabId: 1, itemId: 'c' }, { tabId: 1, itemId: 'c1234567' }, { tabId: 1 }, { itemId: 'c0' }],
    },
    'tab/set-enabled': { good: [{ tabId: 2, enabled: false }], bad: [{ tabId: 2, enabled: 'false' }, { tabId: 2 }, { tabId: -3, enabled: true }] },
    'library/stats': { good: [{}], bad: [] },
    'tab/source': { good: [{ tabId: 9 }], bad: [{ tabId: null }, {}] },
    'library/list': { good: [{}], bad: [] },
    'library/delete': { good: [{ id: 'https://a.example/1' }], bad: [{ id: '' }, { id: 7 }, { id: 'x'.repeat(5000) }, {}] },
    'library/clear': { good: [{}], bad: [] },
    'library/export': { good: [{}], bad: [] },
    'library/import': { good: [{ file: {} }], bad: [{}] },
    'item/show': { good: [{ itemId: 'c3' }], bad: [{ itemId: '<b>' }, { itemId: 3 }, {}] },
    'site/list': { good: [{}], bad: [] },
    'site/set': {
      good: [{ site: 'news.example', mode: 'off' }, { site: 'news.example', mode: 'paused', tabId: 2 }],
      bad: [{ site: 'news.example', mode: 'maybe' }, { site: 'javascript:alert(1)', mode: 'off' }, { site: 'news.example', mode: 'on', tabId: -1 }, { mode: 'on' }],
    },
    'library/lookup': { good: [{ text: 'the bridge vote' }], bad: [{ text: '   ' }, { text: 'x'.repeat(100_001) }, { text: 'ok', tabId: 'x' }, {}] },
  };
  for (const [name, { good, bad }] of Object.entries(cases) as [keyof typeof argChecks, (typeof cases)[keyof typeof argChecks]][]) {
    it(`${name}: accepts its shape, refuses others`, () => {
      for (const a of good) expect(check(name)(a), JSON.stringify(a).slice(0, 80)).toBe(true);
      for (const a of bad) expect(check(name)(a), JSON.stringify(a).slice(0, 80)).toBe(false);
    });
  }
  it('has a validator for every message name the handlers answer', async () => {
    const { contentHandlers, popupHandlers } = await import('../../../src/background/handlers.js');
    expect(Object.keys(argChecks).sort()).toEqual([...Object.keys(contentHandlers), ...Object.keys(popupHandlers)].sort());
  });
});

describe('record shapes read back from the store', () => {
  it('accepts a complete record and refuses corrupt or foreign ones', () => {
    expect(isArticleRecord(record('a'))).toBe(true);
    for (const bad of [null, 'x', [], {}, { ...record('a'), id: '' }, { ...record('a'), analysis: null },
      { ...record('a'), firstSeen: Infinity }, { ...record('a'), lastSeen: '1' }, { ...record('a'), wire: 0 },
      { ...record('a'), analysis: { ...emptyAnalysis('t'), claims: [{ start: 5, end: 2, id: 'c0' }] } },
      { ...record('a'), analysis: { ...emptyAnalysis('t'), quotes: [{ start: 0, end: 2, id: 'q0' }] } },
      { id: 'b', kind: 'bookmark' }]) {
      expect(isArticleRecord(bad)).toBe(false);
    }
  });
  it('isAnalysis, isExtractedArticle, isTabId edge cases', () => {
    expect(isAnalysis(emptyAnalysis('text'))).toBe(true);
    expect(isAnalysis({ ...emptyAnalysis('text'), version: NaN })).toBe(false);
    expect(isAnalysis({ ...emptyAnalysis('text'), sentences: {} })).toBe(false);
    expect(isExtractedArticle(article('https://a.example/1'))).toBe(true);
    expect(isExtractedArticle({ ...article('https://a.example/1'), canonicalUrl: 5 })).toBe(false);
    expect([0, 7].map(isTabId)).toEqual([true, true]);
    expect([-1, 0.5, '1', null, undefined].map(isTabId)).toEqual([false, false, false, false, false]);
  });
});

describe('dispatch: only this extension\'s own contexts are answered', () => {
  const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
  async function services(): Promise<{ services: Services; store: MemoryStore }> {
    const store = new MemoryStore();
    return {
      store,
      services: {
        ready: Promise.resolve({ library: await Library.open(store), store, warning: null }),
        analyze: emptyAnalysis, makeRecord, tabs: new TabStates(null),
        toTab: (async () => ({ ok: false, error: { code: 'no-content', message: '' } })) as Services['toTab'],
        isIncognito: async () => false, openExtensionPage: async () => 1, storageUsage: async () => null,
        now: () => 1, e2e: false,
      },
    };
  }
  const analyze = envelope<ContentToBackground, 'page/analyze'>('page/analyze', { article: article('https://a.example/1') });
  const clear = envelope<PopupToBackground, 'library/clear'>('library/clear', {});

  it('refuses a content message from another extension, a sender without a tab, or tab -1', async () => {
    const { services: s, store } = await services();
    for (const sender of [
      { id: 'other-ext', url: 'https://a.example/1', tab: { id: 1 } },
      { url: 'https://a.example/1', tab: { id: 1 } },
      { id: self.id, url: 'https://a.example/1' },
      { id: self.id, url: 'https://a.example/1', tab: { id: -1 } },
    ]) {
      expect(await dispatch(analyze, sender, self, s)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await store.count()).toBe(0);
  });

  it('ignores popup-only messages (delete the library...) from a content script in a web page', async () => {
    const { services: s, store } = await services();
    await store.put(record('keep'));
    expect(dispatch(clear, { id: self.id, url: 'https://evil.example/', tab: { id: 1 } }, self, s)).toBeUndefined();
    // A page that names itself like the extension's origin is still a page: the origin must match exactly.
    expect(dispatch(clear, { id: self.id, url: 'https://chrome-extension.example/ext-id/', tab: { id: 1 } }, self, s)).toBeUndefined();
    expect(await store.count()).toBe(1);
  });

  it('refuses a popup message from another extension\'s page', async () => {
    const { services: s, store } = await services();
    await store.put(record('keep'));
    const r = await dispatch(clear, { id: 'other', url: 'chrome-extension://other/popup.html' }, self, s);
    expect(r === undefined || (r && (await r).ok === false)).toBe(true);
    expect(await store.count()).toBe(1);
  });

  it('answers its own popup and library page', async () => {
    const { services: s } = await services();
    expect(await dispatch(envelope<PopupToBackground, 'library/stats'>('library/stats', {}), { id: self.id, url: `${self.origin}popup.html?tab=1` }, self, s)).toMatchObject({ ok: true });
    expect(await dispatch(envelope<PopupToBackground, 'library/list'>('library/list', {}), { id: self.id, url: `${self.origin}options.html` }, self, s)).toMatchObject({ ok: true });
  });
});
