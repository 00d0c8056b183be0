// Private (incognito) windows store nothing unless the user opted in on the options page.
import { describe, expect, it } from 'vitest';
import { dispatch, popupHandlers, type Services } from '../../../src/background/handlers.js';
import { TabStates } from '../../../src/background/tab-state.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import { Library } from '../../../src/corpus/library.js';
import { envelope, type ContentToBackground, type PageState } from '../../../src/shared/messages.js';
import { DEFAULT_SETTINGS, parseSettings } from '../../../src/shared/settings.js';
import { ok } from '../../../src/shared/result.js';
import { article, emptyAnalysis } from './records.js';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const privateTab = (id: number) => ({ id: self.id, url: 'https://news.example/a', tab: { id, incognito: true } });
const normalTab = (id: number) => ({ id: self.id, url: 'https://news.example/a', tab: { id, incognito: false } });
const analyzeMsg = (url: string) => envelope<ContentToBackground, 'page/analyze'>('page/analyze', { article: article(url) });

async function setup(storePrivateWindows?: () => Promise<boolean>) {
  const store = new MemoryStore();
  const library = await Library.open(store);
  const page: PageState = { state: 'article', article: article('https://news.example/p'), enabled: true };
  const services: Services = {
    ready: Promise.resolve({ library, store, warning: null }),
    analyze: emptyAnalysis, makeRecord, tabs: new TabStates(null),
    toTab: (async (_t: number, name: string) => (name === 'page/state' ? ok(page) : ok(true))) as Services['toTab'],
    isIncognito: async () => true, openExtensionPage: async () => 1, storageUsage: async () => null,
    now: () => 5, e2e: false, pendingTimeoutMs: 50,
    ...(storePrivateWindows ? { storePrivateWindows } : {}),
  };
  return { services, store };
}

describe('private windows', () => {
  it('store nothing by default, from the page or from the popup', async () => {
    const { services, store } = await setup(async () => false);
    const r = await dispatch(analyzeMsg('https://news.example/p'), privateTab(3), self, services);
    expect(r).toMatchObject({ ok: true, value: { storageWarning: null } });
    expect((await popupHandlers['tab/report']({ tabId: 3 }, { services })).ok).toBe(true);
    expect(await store.count()).toBe(0);
  });

  it('store nothing when the background has no setting reader, or it fails', async () => {
    for (const reader of [undefined, async () => { throw new Error('storage.local unavailable'); }]) {
      const { services, store } = await setup(reader);
      await dispatch(analyzeMsg('https://news.example/p'), privateTab(3), self, services);
      expect(await store.count()).toBe(0);
    }
  });

  it('are stored once the user opted in, read at the time of storing', async () => {
    let optedIn = false;
    const { services, store } = await setup(async () => optedIn);
    await dispatch(analyzeMsg('https://news.example/one'), privateTab(3), self, services);
    expect(await store.count()).toBe(0);
    optedIn = true;
    await dispatch(analyzeMsg('https://news.example/two'), privateTab(4), self, services);
    expect((await store.all()).records.map((r) => r.url)).toEqual(['https://news.example/two']);
  });

  it('normal windows are stored whatever the setting says', async () => {
    const { services, store } = await setup(async () => false);
    await dispatch(analyzeMsg('https://news.example/n'), normalTab(3), self, services);
    expect(await store.count()).toBe(1);
  });
});

describe('parseSettings', () => {
  it('opts in only on an explicit true', () => {
    expect(parseSettings({ storePrivateWindows: true })).toEqual({ storePrivateWindows: true });
    for (const v of [undefined, null, 'true', 1, [], { storePrivateWindows: 'yes' }, { storePrivateWindows: 1 }, { other: true }]) {
      expect(parseSettings(v)).toEqual(DEFAULT_SETTINGS);
    }
    expect(DEFAULT_SETTINGS.storePrivateWindows).toBe(false);
  });
});
