// While the library is still being indexed after a worker start, pages are answered at once with
// a partial comparison, and each such tab gets its complete statuses when the indexing ends.
import { describe, expect, it } from 'vitest';
import { contentHandlers, popupHandlers, type OpenedLibrary, type Services } from '../../../src/background/handlers.js';
import { TabStates } from '../../../src/background/tab-state.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import type { PageState } from '../../../src/shared/messages.js';
import type { ArticleRecord, Corroboration } from '../../../src/shared/model.js';
import { ok } from '../../../src/shared/result.js';
import { article, emptyAnalysis } from './records.js';

/** A library whose indexing ends when the test says so; until then it has `pending` articles left. */
function openingLibrary(store: MemoryStore) {
  let finish!: () => void;
  const indexed = new Promise<void>((r) => { finish = () => { pending = 0; r(); }; });
  let pending = 500;
  const library = {
    get size() { return 10; },
    async upsert(r: ArticleRecord) { await store.put(r); },
    async remove(id: string) { await store.delete(id); },
    corroborate(r: ArticleRecord): Corroboration {
      return { articleId: r.id, claims: [], quotes: [], librarySize: pending ? 10 : 510, ...(pending ? { libraryPending: pending } : {}) };
    },
  };
  const opened: OpenedLibrary = { library, store, warning: null, indexed };
  return { opened, finish: () => finish() };
}

function setup(page: PageState) {
  const store = new MemoryStore();
  const { opened, finish } = openingLibrary(store);
  const sent: { tabId: number; name: string; args: unknown }[] = [];
  let now = 1000;
  const services: Services = {
    ready: Promise.resolve(opened),
    analyze: emptyAnalysis, makeRecord,
    tabs: new TabStates(null),
    toTab: (async (tabId: number, name: string, args: unknown) => {
      sent.push({ tabId, name, args });
      return name === 'page/state' ? ok(page) : ok(true);
    }) as Services['toTab'],
    isIncognito: async () => false,
    openExtensionPage: async () => 7,
    storageUsage: async () => null,
    now: () => (now += 10),
    e2e: false,
    pendingTimeoutMs: 50,
  };
  return { services, sent, finish };
}

const statusesFor = (sent: { tabId: number; name: string; args: unknown }[], tabId: number) =>
  sent.filter((m) => m.tabId === tabId && m.name === 'highlights/statuses').map((m) => (m.args as { corroboration: Corroboration }).corroboration);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('answers while the library is still being read', () => {
  it('page/analyze answers at once, partial, then sends the tab its complete statuses', async () => {
    const a = article('https://news.example/a');
    const { services, sent, finish } = setup({ state: 'article', article: a, enabled: true });
    const r = await contentHandlers['page/analyze']({ article: a }, { services, tabId: 4, incognito: false });
    expect(r).toMatchObject({ ok: true, value: { corroboration: { libraryPending: 500 } } });
    await settle();
    expect(statusesFor(sent, 4)).toEqual([]);
    finish();
    await settle(); await settle();
    const pushed = statusesFor(sent, 4);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.librarySize).toBe(510);
    expect(pushed[0]!.libraryPending).toBeUndefined();
  });

  it('a tab that moved on to another article meanwhile is not sent the old one', async () => {
    const a = article('https://news.example/a');
    const { services, sent, finish } = setup({ state: 'article', article: a, enabled: true });
    await contentHandlers['page/analyze']({ article: a }, { services, tabId: 4, incognito: false });
    await contentHandlers['page/analyze']({ article: a }, { services, tabId: 5, incognito: false });
    const five = (await services.tabs.get(5))!;
    await services.tabs.set(5, { ...five, articleId: 'another-article' });
    finish();
    await settle(); await settle();
    expect(statusesFor(sent, 4)).toHaveLength(1);
    expect(statusesFor(sent, 5)).toEqual([]);
  });
});
