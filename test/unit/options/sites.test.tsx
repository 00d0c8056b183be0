// @vitest-environment happy-dom
// The library page's per-site switches against the real background handlers.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type Services } from '../../../src/background/handlers.js';
import { ReportCache } from '../../../src/background/report-cache.js';
import { SiteSettings, type KeyValueArea } from '../../../src/background/site-settings.js';
import { TabStates } from '../../../src/background/tab-state.js';
import { Library } from '../../../src/corpus/library.js';
import { MemoryStore } from '../../../src/corpus/memory-store.js';
import { makeRecord } from '../../../src/corpus/record.js';
import { emptyAnalysis } from '../background/records.js';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (m: unknown) => sendMessage(m) } } }));
const { App } = await import('../../../src/options/App.js');

class Area implements KeyValueArea {
  data: Record<string, unknown> = {};
  async get(key: string) { return { [key]: this.data[key] }; }
  async set(items: Record<string, unknown>) { Object.assign(this.data, items); }
}

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
let root: HTMLElement;
let local: Area;

beforeEach(async () => {
  local = new Area();
  sendMessage.mockReset();
  const store = new MemoryStore();
  const library = await Library.open(store);
  let now = 10;
  const services: Services = {
    ui: { sites: new SiteSettings(local, new Area(), () => now++), reports: new ReportCache(null), handoff: async () => {}, openPopup: async () => false },
    ready: Promise.resolve({ library, store, warning: null }),
    analyze: emptyAnalysis, makeRecord, tabs: new TabStates(null),
    toTab: (async () => ({ ok: false, error: { code: 'no-content', message: '' } })) as Services['toTab'],
    isIncognito: async () => false, openExtensionPage: async () => 1, storageUsage: async () => 0,
    now: () => 1, e2e: false,
  };
  sendMessage.mockImplementation((m: unknown) => dispatch(m, { id: self.id, url: `${self.origin}options.html` }, self, services));
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = async () => { for (let i = 0; i < 8; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); };
const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);

async function type(sel: string, value: string) {
  const input = q<HTMLInputElement>(sel)!;
  await act(async () => { input.value = value; input.dispatchEvent(new Event('input', { bubbles: true })); });
}

describe('library page: sites', () => {
  it('switches a typed site off or pauses it, lists it, and turns it back on', async () => {
    render(<App />, root);
    await flush();
    expect(q('[data-sites-empty]')!.textContent).toBe('Sourcemark is on everywhere.');
    await type('[data-site-input]', 'https://www.News.Example.com/politics/story');
    await act(async () => { q<HTMLFormElement>('.site-add')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await flush();
    const row = q('[data-site-row="news.example.com"]')!;
    expect(row.dataset.siteMode).toBe('off');
    expect(row.textContent).toContain('Always off');
    expect(local.data['sites:off']).toEqual({ 'news.example.com': 10 });
    expect(q('[data-library-outcome]')!.textContent).toContain('always off on news.example.com');

    await type('[data-site-input]', 'blog.example');
    const select = q<HTMLSelectElement>('[data-site-mode-select]')!;
    await act(async () => { select.value = 'paused'; select.dispatchEvent(new Event('change', { bubbles: true })); });
    await act(async () => { q<HTMLFormElement>('.site-add')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await flush();
    expect(q('[data-site-row="blog.example"]')!.dataset.siteMode).toBe('paused');

    await act(async () => { q<HTMLElement>('[data-site-on="news.example.com"]')!.click(); });
    await flush();
    expect(q('[data-site-row="news.example.com"]')).toBeNull();
    expect(local.data['sites:off']).toEqual({});
  });

  it('says so when what was typed is not a site, and changes nothing', async () => {
    render(<App />, root);
    await flush();
    await type('[data-site-input]', 'not a site');
    await act(async () => { q<HTMLFormElement>('.site-add')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await flush();
    expect(q('[data-site-error]')!.textContent).toContain('is not a site address');
    expect(q('[data-site-input]')!.getAttribute('aria-invalid')).toBe('true');
    expect(q('[data-sites-empty]')).not.toBeNull();
    expect(sendMessage.mock.calls.some((c) => c[0].name === 'site/set')).toBe(false);
  });
});
