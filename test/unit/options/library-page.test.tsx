// @vitest-environment happy-dom
// The library page against the real background handlers and library, over a mocked polyfill.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type Services } from '../../../src/background/handlers.js';
import { TabStates } from '../../../src/background/tab-state.js';
import { Library } from '../../../src/corpus/library.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import type { ArticleRecord } from '../../../src/shared/model.js';
import { emptyAnalysis, record } from '../background/records.js';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (m: unknown) => sendMessage(m) } } }));
const { App } = await import('../../../src/options/App.js');

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
let root: HTMLElement;
let store: MemoryStore;
let blobs: Blob[];

async function background(initial: ArticleRecord[]) {
  store = new MemoryStore(initial);
  const library = await Library.open(store);
  const services: Services = {
    ready: Promise.resolve({ library, store, warning: null }),
    analyze: emptyAnalysis, makeRecord, tabs: new TabStates(null),
    toTab: (async () => ({ ok: false, error: { code: 'no-content', message: '' } })) as Services['toTab'],
    isIncognito: async () => false, openExtensionPage: async () => 1, storageUsage: async () => 3 * 1024 * 1024,
    now: () => Date.UTC(2026, 10, 23), e2e: false,
  };
  sendMessage.mockImplementation((m: unknown) => dispatch(m, { id: self.id, url: `${self.origin}options.html` }, self, services));
}

const article = (id: string, over: Partial<ArticleRecord>, claims = 0): ArticleRecord => {
  const r = record(id, over);
  r.analysis.claims = Array.from({ length: claims }, (_, i) => ({ id: `c${i}`, start: 0, end: 1, score: 1, reasons: [] }));
  return r;
};

const library = () => [
  article('a', { outlet: 'Harbor Ledger', title: 'Water alert lifted', url: 'https://harbor.example/a', lastSeen: 30, publishedTime: '2026-03-04T10:00:00Z' }, 3),
  article('b', { outlet: 'Valley Courier', title: 'Boil notice ends', url: 'https://valley.example/b', lastSeen: 20 }, 1),
  article('c', { outlet: 'Metro Wire', title: '<img src=x onerror=alert(1)> Ça va', url: 'javascript:alert(1)', lastSeen: 10 }, 0),
];

const flush = async () => { for (let i = 0; i < 10; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); };
const rows = () => [...root.querySelectorAll<HTMLElement>('[data-library-article]')];
const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const click = async (sel: string | Element) => { await act(async () => { (typeof sel === 'string' ? q(sel) : sel as HTMLElement).click(); }); await flush(); };

async function mount(initial = library()) {
  await background(initial);
  await act(async () => { render(<App />, root); });
  await flush();
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  blobs = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => { blobs.push(b as Blob); return 'blob:x'; });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  sendMessage.mockReset();
});

describe('library page', () => {
  it('lists every article with outlet, title, date and number of claims, and the storage used', async () => {
    await mount();
    expect(rows().map((r) => [r.dataset.articleId, r.querySelector('.outlet')!.textContent, r.querySelector('.claims')!.textContent]))
      .toEqual([['a', 'Harbor Ledger', '3'], ['b', 'Valley Courier', '1'], ['c', 'Metro Wire', '0']]);
    expect(rows()[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-04T10:00:00.000Z');
    expect(q('[data-library-count]').textContent).toBe('3 articles');
    expect(q('[data-library-bytes]').textContent).toBe('Storage used: 3.0 MB');
  });

  it('shows library text as text, never as HTML, and links only http(s) addresses', async () => {
    await mount();
    const c = rows()[2]!;
    expect(c.querySelector('img')).toBeNull();
    expect(c.querySelector('.title')!.textContent).toBe('<img src=x onerror=alert(1)> Ça va');
    expect(c.querySelector('a')).toBeNull();
    const a = rows()[0]!.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://harbor.example/a');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('searches outlet, title and address, ignoring case and accents', async () => {
    await mount();
    const input = q<HTMLInputElement>('[data-library-search]');
    const type = async (v: string) => { await act(async () => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); }); };
    await type('valley');
    expect(rows().map((r) => r.dataset.articleId)).toEqual(['b']);
    await type('ca VA');
    expect(rows().map((r) => r.dataset.articleId)).toEqual(['c']);
    await type('harbor alert');
    expect(rows().map((r) => r.dataset.articleId)).toEqual(['a']);
    await type('nothing like this');
    expect(rows()).toEqual([]);
    expect(q('[data-library-no-match]').textContent).toContain('nothing like this');
  });

  it('deletes one article', async () => {
    await mount();
    await click(rows()[1]!.querySelector<HTMLElement>('[data-library-delete]')!);
    expect(rows().map((r) => r.dataset.articleId)).toEqual(['a', 'c']);
    expect(await store.get('b')).toBeUndefined();
    expect(q('[data-library-outcome]').textContent).toContain('Deleted “Boil notice ends”');
  });

  it('deletes all only after a confirmation, and cancel keeps everything', async () => {
    await mount();
    await click('[data-library-clear]');
    expect(await store.count()).toBe(3);
    expect(root.textContent).toContain('Delete all 3 articles?');
    await click('[data-library-clear-cancel]');
    expect(await store.count()).toBe(3);
    await click('[data-library-clear]');
    await click('[data-library-clear-confirm]');
    expect(await store.count()).toBe(0);
    expect(rows()).toEqual([]);
    expect(q('[data-library-empty]')).toBeTruthy();
    expect(q<HTMLButtonElement>('[data-library-clear]').disabled).toBe(true);
  });

  it('exports the whole library as one versioned JSON file through a Blob URL', async () => {
    await mount();
    await click('[data-library-export]');
    expect(blobs).toHaveLength(1);
    const file = JSON.parse(await blobs[0]!.text());
    expect(file).toMatchObject({ format: 'sourcemark-library', version: 1 });
    expect(file.articles.map((r: ArticleRecord) => r.id).sort()).toEqual(['a', 'b', 'c']);
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalledTimes(1);
    expect(q('[data-library-outcome]').textContent).toBe('Exported 3 articles.');
  });

  async function choose(text: string, name = 'library.json') {
    const input = q<HTMLInputElement>('[data-library-import]');
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name, { type: 'application/json' })] });
    await act(async () => { input.dispatchEvent(new Event('change', { bubbles: true })); });
    await flush();
  }

  it('imports a library file, adding and updating articles', async () => {
    await mount([library()[0]!]);
    const file = { format: 'sourcemark-library', version: 1, exportedAt: '2026-11-01T00:00:00Z', articles: [library()[0]!, library()[1]!] };
    await choose(JSON.stringify(file));
    expect(q('[data-library-outcome]').textContent).toBe('Imported library.json: 1 new, 1 updated.');
    expect(rows().map((r) => r.dataset.articleId)).toEqual(['a', 'b']);
  });

  it('refuses a bad file with a clear error and changes nothing', async () => {
    await mount();
    for (const [text, says] of [
      ['{not json', 'not valid JSON'],
      [JSON.stringify({ format: 'sourcemark-library', version: 7, articles: [] }), 'schema version 7'],
      [JSON.stringify({ format: 'sourcemark-library', version: 1, articles: [record('z'), { id: 'broken' }] }), 'Article 2'],
    ] as const) {
      await choose(text, 'bad.json');
      const out = q('[data-library-outcome]');
      expect(out.dataset.libraryOutcome).toBe('error');
      expect(out.getAttribute('role')).toBe('alert');
      expect(out.textContent).toContain(says);
      expect(out.textContent).toContain('Nothing was changed.');
      expect((await store.all()).records.map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    }
  });
});
