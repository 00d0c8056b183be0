import { describe, expect, it } from 'vitest';
import { dispatch, type Services } from '../../../src/background/handlers.js';
import { TabStates } from '../../../src/background/tab-state.js';
import { Library } from '../../../src/corpus/library.js';
import { LIBRARY_FILE_VERSION } from '../../../src/corpus/library-file.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import { StoreError } from '../../../src/corpus/store.js';
import { envelope, type ArgsOf, type PopupToBackground, type ReplyOf } from '../../../src/shared/messages.js';
import type { ArticleRecord } from '../../../src/shared/model.js';
import type { Result } from '../../../src/shared/result.js';
import { emptyAnalysis, record } from './records.js';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const fromOptions = { id: self.id, url: 'chrome-extension://ext-id/options.html' };

/** A MemoryStore whose put fails once, after `failAfter` more puts have succeeded. */
class FlakyStore extends MemoryStore {
  failAfter = Infinity;
  override async put(r: ArticleRecord) {
    if (this.failAfter-- === 0) throw new StoreError('storage-full', 'Browser storage is full.');
    return super.put(r);
  }
}

async function setup(initial: ArticleRecord[] = []) {
  const store = new FlakyStore(initial);
  const library = await Library.open(store);
  const services: Services = {
    ready: Promise.resolve({ library, store, warning: null }),
    analyze: emptyAnalysis, makeRecord, tabs: new TabStates(null),
    toTab: (async () => ({ ok: false, error: { code: 'no-content', message: '' } })) as Services['toTab'],
    isIncognito: async () => false, openExtensionPage: async () => 1, storageUsage: async () => 4096,
    now: () => Date.UTC(2026, 10, 23, 12), e2e: false,
  };
  const ask = <K extends keyof PopupToBackground>(name: K, args: ArgsOf<PopupToBackground, K>) =>
    dispatch(envelope<PopupToBackground, K>(name, args), fromOptions, self, services) as Promise<Result<ReplyOf<PopupToBackground, K>>>;
  return { store, library, ask };
}

const withClaims = (id: string, n: number, over: Partial<ArticleRecord> = {}): ArticleRecord => {
  const r = record(id, over);
  r.analysis.claims = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, start: 0, end: 4, score: 0.9, reasons: ['number' as const] }));
  return r;
};

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('library/list', () => {
  it('lists every article with outlet, title, date and claim count, newest visit first', async () => {
    const { ask } = await setup([
      withClaims('a', 2, { lastSeen: 10, outlet: 'Harbor Ledger', publishedTime: '2026-01-02T00:00:00Z' }),
      withClaims('b', 0, { lastSeen: 20 }),
    ]);
    const { articles, skipped } = value(await ask('library/list', {}));
    expect(skipped).toBe(0);
    expect(articles.map((a) => [a.id, a.outlet, a.claims])).toEqual([['b', 'Example Times', 0], ['a', 'Harbor Ledger', 2]]);
    expect(articles[1]).toMatchObject({ title: 'Title a', url: 'https://example.org/a', publishedTime: '2026-01-02T00:00:00Z' });
    expect(articles[0]).not.toHaveProperty('text');
  });
});

describe('library/delete and library/clear', () => {
  it('deletes one article from store and index', async () => {
    const { ask, store, library } = await setup([record('a'), record('b')]);
    expect(value(await ask('library/delete', { id: 'a' }))).toBe(true);
    expect(await store.get('a')).toBeUndefined();
    expect(library.size).toBe(1);
    expect(value(await ask('library/delete', { id: 'zzz' }))).toBe(false);
  });

  it('refuses a delete without an id', async () => {
    const { ask } = await setup();
    expect(await ask('library/delete', { id: '' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('clears everything', async () => {
    const { ask, store, library } = await setup([record('a'), record('b'), record('c')]);
    expect(value(await ask('library/clear', {}))).toEqual({ removed: 3 });
    expect(await store.count()).toBe(0);
    expect(library.size).toBe(0);
  });
});

describe('library/export and library/import', () => {
  it('round-trips the whole library through one versioned file', async () => {
    const a = withClaims('a', 1, { firstSeen: 5 });
    const b = record('b', { firstSeen: 3 });
    const src = await setup([a, b]);
    const file = value(await src.ask('library/export', {}));
    expect(file).toMatchObject({ format: 'sourcemark-library', version: LIBRARY_FILE_VERSION, exportedAt: '2026-11-23T12:00:00.000Z' });
    expect(file.articles.map((r) => r.id)).toEqual(['b', 'a']);

    const dst = await setup([record('b', { title: 'old b' })]);
    // Through JSON, as the file on disk would be.
    expect(value(await dst.ask('library/import', { file: JSON.parse(JSON.stringify(file)) }))).toEqual({ added: 1, replaced: 1 });
    expect(await dst.store.get('a')).toEqual(a);
    expect((await dst.store.get('b'))!.title).toBe('Title b');
    expect(dst.library.size).toBe(2);
  });

  it('changes nothing on a bad file and says why', async () => {
    const { ask, store } = await setup([record('keep')]);
    const good = { format: 'sourcemark-library', version: 1, exportedAt: 'x', articles: [record('n1')] };
    const cases: [unknown, RegExp][] = [
      [null, /not a Sourcemark library/],
      [{ ...good, format: 'other' }, /not a Sourcemark library/],
      [{ ...good, version: 99 }, /newer than this Sourcemark/],
      [{ ...good, version: undefined }, /no schema version/],
      [{ ...good, articles: 'x' }, /no "articles"/],
      [{ ...good, articles: [record('n1'), { ...record('n2'), text: 5 }] }, /Article 2 .*damaged/],
      [{ ...good, articles: [record('n1'), record('n1')] }, /repeats/],
    ];
    for (const [file, message] of cases) {
      const r = await ask('library/import', { file });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad-request');
        expect(r.error.message).toMatch(message);
      }
    }
    expect((await store.all()).records.map((r) => r.id)).toEqual(['keep']);
  });

  it('undoes a partly stored import when storage fails', async () => {
    const { ask, store, library } = await setup([record('b', { title: 'old b' })]);
    store.failAfter = 2;
    const file = { format: 'sourcemark-library', version: 1, exportedAt: 'x', articles: [record('a'), record('b'), record('c')] };
    const r = await ask('library/import', { file });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect((await store.all()).records.map((x) => [x.id, x.title])).toEqual([['b', 'old b']]);
    expect(library.size).toBe(1);
  });
});

describe('tab/source', () => {
  it('returns the page\'s URL and canonical URL from its content script', async () => {
    const store = new MemoryStore();
    const article = { url: 'https://www.news.example/a?utm_source=x', canonicalUrl: 'https://news.example/a', title: 'T', byline: null, siteName: null, publishedTime: null, lang: 'en', text: 'x' };
    const services: Services = {
      ready: Library.open(store).then((library) => ({ library, store, warning: null })),
      analyze: emptyAnalysis, makeRecord, tabs: new TabStates(null),
      toTab: (async (tabId: number) => (tabId === 5
        ? { ok: true, value: { state: 'article', article, enabled: true } }
        : { ok: true, value: { state: 'not-article', reason: 'no' } })) as Services['toTab'],
      isIncognito: async () => false, openExtensionPage: async () => 1, storageUsage: async () => null, now: () => 0, e2e: false,
    };
    const ask = (tabId: number) => dispatch(envelope<PopupToBackground, 'tab/source'>('tab/source', { tabId }), fromOptions, self, services);
    expect(await ask(5)).toEqual({ ok: true, value: { url: article.url, canonicalUrl: 'https://news.example/a', lang: 'en' } });
    expect(await ask(6)).toMatchObject({ ok: false, error: { code: 'not-article' } });
  });
});
