// The per-site switches, the popup's memoised reports, the selection lookup and the tooltip's
// "show in list", through the real dispatcher, handlers and library.
import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Services } from '../../../src/background/handlers.js';
import { ReportCache, notifyingLibrary } from '../../../src/background/report-cache.js';
import { SiteSettings, type KeyValueArea } from '../../../src/background/site-settings.js';
import { TabStates } from '../../../src/background/tab-state.js';
import type { UiServices } from '../../../src/background/ui-services.js';
import { Library } from '../../../src/corpus/library.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import type { Handoff } from '../../../src/shared/handoff.js';
import { envelope, type ArgsOf, type ContentToBackground, type LookupResult, type PageState, type PopupToBackground, type TabReply } from '../../../src/shared/messages.js';
import type { ArticleRecord } from '../../../src/shared/model.js';
import { ok, type Result } from '../../../src/shared/result.js';
import { recordOf, sentenceAnalysis } from '../corpus/helpers.js';
import { article } from './records.js';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const pop = <K extends keyof PopupToBackground>(n: K, a: ArgsOf<PopupToBackground, K>) => envelope<PopupToBackground, K>(n, a);
const con = <K extends keyof ContentToBackground>(n: K, a: ArgsOf<ContentToBackground, K>) => envelope<ContentToBackground, K>(n, a);

class Area implements KeyValueArea {
  data: Record<string, unknown> = {};
  async get(key: string) { return { [key]: this.data[key] }; }
  async set(items: Record<string, unknown>) { Object.assign(this.data, items); }
  async remove(key: string) { delete this.data[key]; }
}

const TEXT = 'The Harbor council said 4,000 homes lost water on Tuesday after a main burst near the port.\n\nCrews were sent to repair the pipe.';
const OTHER = 'About 4,000 homes lost water on Tuesday when a main burst near the port, the Harbor council said.';

async function setup(initial: ArticleRecord[] = []) {
  const store = new MemoryStore(initial);
  const cache = new ReportCache(new Area());
  const library = await Library.open(store);
  const corroborate = vi.spyOn(library, 'corroborate');
  const handoffs: { tabId: number; h: Handoff }[] = [];
  const sent: { tabId: number; name: string; args: unknown }[] = [];
  let page: PageState = { state: 'article', article: article('https://news.example/a', TEXT), enabled: true };
  const ui: UiServices = {
    sites: new SiteSettings(new Area(), new Area(), () => 42),
    reports: cache,
    handoff: async (tabId, h) => { handoffs.push({ tabId, h }); },
    openPopup: async () => false,
  };
  const services: Services = {
    ui,
    ready: Promise.resolve({ library: notifyingLibrary(library, () => cache.libraryChanged()), store, warning: null }),
    analyze: (t: string) => sentenceAnalysis(t), makeRecord, tabs: new TabStates(null),
    toTab: (async (tabId: number, name: string, args: unknown) => {
      sent.push({ tabId, name, args });
      if (name === 'page/state') return ok(page);
      return ok(true);
    }) as Services['toTab'],
    isIncognito: async () => false, openExtensionPage: async () => 1, storageUsage: async () => 1,
    now: () => 1000, e2e: false, pendingTimeoutMs: 50,
  };
  const fromPopup = (m: unknown) => dispatch(m, { id: self.id, url: `${self.origin}popup.html` }, self, services)!;
  const fromTab = (m: unknown, tabId = 5) => dispatch(m, { id: self.id, url: 'https://news.example/a', tab: { id: tabId } }, self, services)!;
  return { services, store, corroborate, handoffs, sent, fromPopup, fromTab, setPage: (p: PageState) => { page = p; } };
}

describe('per-site switches', () => {
  it('a site switched off gets no analysis, nothing stored, and a plain reply', async () => {
    const t = await setup();
    expect(await t.fromPopup(pop('site/set', { site: 'news.example', mode: 'off' }))).toEqual(ok({ sites: [{ site: 'news.example', mode: 'off', since: 42 }] }));
    const r = await t.fromTab(con('page/analyze', { article: article('https://www.news.example/a', TEXT) })) as Result<unknown>;
    expect(r).toMatchObject({ ok: false, error: { code: 'site-off' } });
    expect((await t.store.all()).records).toHaveLength(0);
    expect(await t.fromPopup(pop('tab/report', { tabId: 5 }))).toEqual(ok({ siteOff: { site: 'news.example', mode: 'off', since: 42 } }));
    expect(await t.fromPopup(pop('site/list', {}))).toEqual(ok({ sites: [{ site: 'news.example', mode: 'off', since: 42 }] }));
  });

  it('switching from the popup follows in the tab at once', async () => {
    const t = await setup();
    await t.fromTab(con('page/analyze', { article: article('https://news.example/a', TEXT) }));
    await t.fromPopup(pop('site/set', { site: 'news.example', mode: 'paused', tabId: 5 }));
    expect(t.sent.filter((s) => s.name === 'highlights/set-enabled').map((s) => s.args)).toEqual([{ enabled: false }]);
    expect((await t.services.ui!.reports.reportFor(5, article('https://news.example/a', TEXT)))).toBeUndefined();
    await t.fromPopup(pop('site/set', { site: 'news.example', mode: 'on', tabId: 5 }));
    expect(t.sent.filter((s) => s.name === 'highlights/set-enabled').map((s) => s.args)).toEqual([{ enabled: false }, { enabled: true }]);
    // A switch for another site leaves the tab alone.
    await t.fromPopup(pop('site/set', { site: 'other.example', mode: 'off', tabId: 5 }));
    expect(t.sent.filter((s) => s.name === 'highlights/set-enabled')).toHaveLength(2);
  });

  it('refuses a site that is not a normalised host name', async () => {
    const t = await setup();
    for (const site of ['https://news.example/', 'www.news.example', 'News.Example', '', 'a b']) {
      expect(await t.fromPopup(pop('site/set', { site, mode: 'off' }))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await t.fromPopup({ sourcemark: 1, name: 'site/set', args: { site: 'news.example', mode: 'sometimes' } })).toMatchObject({ ok: false });
  });
});

describe('tab/report memo', () => {
  it('does not corroborate again while the page and the library are unchanged', async () => {
    const t = await setup();
    await t.fromTab(con('page/analyze', { article: article('https://news.example/a', TEXT) }));
    const calls = t.corroborate.mock.calls.length;
    const a = await t.fromPopup(pop('tab/report', { tabId: 5 })) as Result<TabReply>;
    const b = await t.fromPopup(pop('tab/report', { tabId: 5 })) as Result<TabReply>;
    expect(t.corroborate.mock.calls.length).toBe(calls);
    expect(a).toEqual(b);
    // The library changed: corroborate against it now.
    await t.fromTab(con('page/analyze', { article: { ...article('https://other.example/b', OTHER), siteName: 'Other Post' } }), 6);
    const c = await t.fromPopup(pop('tab/report', { tabId: 5 })) as Result<TabReply & { corroboration: { librarySize: number } }>;
    expect(t.corroborate.mock.calls.length).toBeGreaterThan(calls + 1);
    expect(c.ok && c.value.corroboration.librarySize).toBe(1);
    // The page's switch comes from the page even on the memoised answer.
    t.setPage({ state: 'article', article: article('https://news.example/a', TEXT), enabled: false });
    const d = await t.fromPopup(pop('tab/report', { tabId: 5 })) as Result<{ enabled: boolean }>;
    expect(d.ok && d.value.enabled).toBe(false);
  });
});

describe('library/lookup', () => {
  it('finds where else a selection is reported, leaving the reader\'s own article out', async () => {
    const mine = recordOf(TEXT, 'https://news.example/a', 'News Example');
    const other = recordOf(OTHER, 'https://other.example/b', 'Other Post');
    const t = await setup([mine, other]);
    await t.services.tabs.set(5, { articleId: mine.id, enabled: true, incognito: false, storageWarning: null });
    const r = await t.fromPopup(pop('library/lookup', { text: '  The Harbor council said 4,000 homes lost water on Tuesday after a main burst near the port. ', tabId: 5 })) as Result<LookupResult>;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sentences).toHaveLength(1);
    const outlets = r.value.sentences[0]!.report.evidence.map((e) => e.outlet);
    expect(outlets).toContain('Other Post');
    expect(outlets).not.toContain('News Example');
    expect(r.value.sentences[0]!.report.status).toBe('corroborated');
  });

  it('says single source for text nobody else has, and refuses empty text', async () => {
    const t = await setup([recordOf(OTHER, 'https://other.example/b', 'Other Post')]);
    const r = await t.fromPopup(pop('library/lookup', { text: 'Volunteers painted the old lighthouse a bright shade of green last spring.' })) as Result<LookupResult>;
    expect(r.ok && r.value.sentences.every((s) => s.report.status === 'single-source' && s.report.evidence.length === 0)).toBe(true);
    expect(await t.fromPopup(pop('library/lookup', { text: '   ' }))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('item/show', () => {
  it('hands the item to the popup and says whether the popup opened', async () => {
    const t = await setup();
    expect(await t.fromTab(con('item/show', { itemId: 'c3' }))).toEqual(ok({ opened: false }));
    expect(t.handoffs).toEqual([{ tabId: 5, h: { kind: 'focus', itemId: 'c3', at: 1000 } }]);
    expect(await t.fromTab(con('item/show', { itemId: '<img>' }))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
