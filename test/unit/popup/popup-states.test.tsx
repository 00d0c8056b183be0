// @vitest-environment happy-dom
// The popup's first paint from the cached report, its plain states, the per-site switches,
// arrow keys, and hand-offs from the tooltip and the context menu.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageReport, TabReply } from '../../../src/shared/messages.js';
import { fakeReport } from './fake-report.js';

const sendMessage = vi.fn();
const session: Record<string, unknown> = {};
const removed: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: (m: unknown) => sendMessage(m), openOptionsPage: vi.fn(async () => {}) },
    tabs: { query: async () => [{ id: 42 }] },
    storage: {
      session: {
        get: async (k: string) => ({ [k]: structuredClone(session[k]) }),
        remove: async (k: string) => { removed.push(k); delete session[k]; },
      },
    },
  },
}));

const { App } = await import('../../../src/popup/App.js');
const { ReportView } = await import('../../../src/popup/components/ReportView.js');
const { settleFirst, startPreload } = await import('../../../src/popup/preload.js');

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  sendMessage.mockReset();
  for (const k of Object.keys(session)) delete session[k];
  removed.length = 0;
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = async (n = 8) => { for (let i = 0; i < n; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); };
const ready = () => root.querySelector('[data-sourcemark-ready]') !== null;
const status = (id: string) => root.querySelector<HTMLElement>(`[data-item-id="${id}"]`)?.dataset.status;

/** Answers tab/report with `reply` once `gate` resolves; everything else with `other`. */
function background(reply: TabReply, gate: Promise<void> = Promise.resolve(), other: (m: { name: string; args: Record<string, unknown> }) => unknown = () => ({ ok: true, value: true })) {
  sendMessage.mockImplementation(async (m: { name: string; args: Record<string, unknown> }) => {
    if (m.name === 'tab/report') { await gate; return { ok: true, value: structuredClone(reply) }; }
    return other(m);
  });
}

const withStatus = (s: 'corroborated' | 'contradicted'): PageReport => {
  const r = fakeReport();
  r.corroboration.claims[0]!.status = s;
  return r;
};

describe('a library still being read', () => {
  it('says the comparison is partial, asks again quietly, and shows the complete answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const partial = withStatus('corroborated');
      partial.corroboration.libraryPending = 300;
      const complete = withStatus('contradicted');
      let answers = 0;
      sendMessage.mockImplementation(async (m: { name: string }) => {
        if (m.name !== 'tab/report') return { ok: true, value: true };
        answers++;
        return { ok: true, value: structuredClone(answers === 1 ? partial : complete) };
      });
      render(<App search="?tab=42" />, root);
      for (let i = 0; i < 8; i++) await act(async () => { await vi.advanceTimersByTimeAsync(0); });
      expect(root.querySelector('[data-library-pending]')?.textContent).toContain('300 to go');
      expect(status('c0')).toBe('corroborated');
      expect(ready()).toBe(false); // a partial answer is not the end of loading
      await act(async () => { await vi.advanceTimersByTimeAsync(1600); });
      for (let i = 0; i < 4; i++) await act(async () => { await vi.advanceTimersByTimeAsync(0); });
      expect(answers).toBe(2);
      expect(root.querySelector('[data-library-pending]')).toBeNull();
      expect(status('c0')).toBe('contradicted');
      expect(ready()).toBe(true);
      // Complete now: no more asking.
      await act(async () => { await vi.advanceTimersByTimeAsync(5000); });
      expect(answers).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('first paint', () => {
  it('shows the cached report at once, then the background\'s answer; ready only after that', async () => {
    session['report:42'] = withStatus('corroborated');
    let open!: () => void;
    background(withStatus('contradicted'), new Promise((r) => { open = r; }));
    startPreload(42);
    render(<App search="?tab=42" />, root);
    await flush();
    expect(status('c0')).toBe('corroborated');
    expect(ready()).toBe(false);
    open();
    await flush();
    expect(status('c0')).toBe('contradicted');
    expect(ready()).toBe(true);
  });

  it('after settleFirst, the very first render shows the cached items, then the answer replaces them', async () => {
    session['report:42'] = withStatus('corroborated');
    let open!: () => void;
    background(withStatus('contradicted'), new Promise((r) => { open = r; }));
    await settleFirst(startPreload(42), 1000);
    render(<App search="?tab=42" />, root);
    // No flush: the first render itself has the items, not a loading state.
    expect(status('c0')).toBe('corroborated');
    expect(root.querySelector('[aria-busy="true"]')).toBeNull();
    expect(ready()).toBe(false);
    open();
    await flush();
    expect(status('c0')).toBe('contradicted');
    expect(ready()).toBe(true);
  });

  it('after settleFirst with no cached copy, the first render shows the background\'s answer', async () => {
    background(withStatus('contradicted'));
    await settleFirst(startPreload(42), 1000);
    render(<App search="?tab=42" />, root);
    expect(status('c0')).toBe('contradicted');
    await flush();
    expect(status('c0')).toBe('contradicted');
    expect(ready()).toBe(true);
  });

  it('settleFirst gives up after its cap: the popup shows its loading state, then the answer', async () => {
    let open!: () => void;
    background(withStatus('contradicted'), new Promise((r) => { open = r; }));
    await settleFirst(startPreload(42), 20);
    render(<App search="?tab=42" />, root);
    expect(status('c0')).toBeUndefined();
    open();
    await flush();
    expect(status('c0')).toBe('contradicted');
    expect(ready()).toBe(true);
  });

  it('a cached copy that arrives after the cap is still shown until the answer', async () => {
    let cacheRead!: () => void;
    const gate = new Promise<void>((r) => { cacheRead = r; });
    let open!: () => void;
    session['report:42'] = withStatus('corroborated');
    background(withStatus('contradicted'), new Promise((r) => { open = r; }));
    const area = (await import('webextension-polyfill')).default.storage.session;
    const get = area.get;
    const slow = vi.spyOn(area, 'get').mockImplementation(async (k) => { await gate; return get(k as string); });
    await settleFirst(startPreload(42), 20);
    render(<App search="?tab=42" />, root);
    cacheRead();
    await flush();
    expect(status('c0')).toBe('corroborated');
    open();
    await flush();
    expect(status('c0')).toBe('contradicted');
    slow.mockRestore();
  });

  it('an answer is never replaced by an older cached copy', async () => {
    let cacheRead!: () => void;
    const gate = new Promise<void>((r) => { cacheRead = r; });
    session['report:42'] = withStatus('corroborated');
    background(withStatus('contradicted'));
    const get = (await import('webextension-polyfill')).default.storage.session.get;
    const slow = vi.spyOn((await import('webextension-polyfill')).default.storage.session, 'get').mockImplementation(async (k) => { await gate; return get(k as string); });
    startPreload(42);
    render(<App search="?tab=42" />, root);
    await flush();
    expect(status('c0')).toBe('contradicted');
    cacheRead();
    await flush();
    expect(status('c0')).toBe('contradicted');
    slow.mockRestore();
  });

  it('renders the first screen of a long list first, then the rest', async () => {
    const r = fakeReport();
    r.analysis.claims = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, start: 0, end: 10, score: 1, reasons: [] }));
    background(r);
    render(<App search="?tab=42" />, root);
    await act(async () => { await Promise.resolve(); await Promise.resolve(); await Promise.resolve(); });
    const first = root.querySelectorAll('[data-sourcemark-item]').length;
    await flush();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(8);
    expect(root.querySelectorAll('[data-sourcemark-item]').length).toBe(30 + 2 + 1);
    expect(ready()).toBe(true);
    expect(root.querySelector('[data-section="claims"] .count')!.textContent).toBe('30');
  });
});

describe('plain states', () => {
  it('"highlights off on this site", and the way back on', async () => {
    background({ siteOff: { site: 'harbor.example', mode: 'paused', since: 1 } });
    render(<App search="?tab=42" />, root);
    await flush();
    expect(root.querySelector('h1')!.textContent).toBe('Highlights are off on this site');
    expect(root.querySelector('[data-state="site-off"]')!.textContent).toContain('paused Sourcemark on harbor.example until the browser restarts');
    expect(root.querySelectorAll('[data-sourcemark-item]')).toHaveLength(0);
    background(fakeReport(), undefined, (m) => ({ ok: true, value: m.name === 'site/set' ? { sites: [] } : true }));
    await act(async () => { root.querySelector<HTMLElement>('[data-site-on]')!.click(); });
    await flush();
    expect(sendMessage.mock.calls.map((c) => c[0].name)).toContain('site/set');
    expect(sendMessage.mock.calls.find((c) => c[0].name === 'site/set')![0].args).toEqual({ site: 'harbor.example', mode: 'on', tabId: 42 });
    expect(root.querySelectorAll('[data-sourcemark-item]').length).toBeGreaterThan(0);
  });

  it('"nothing to check here" for an article without claims, quotes or attributions', async () => {
    const r = fakeReport();
    r.analysis = { ...r.analysis, claims: [], quotes: [], attributions: [] };
    background(r);
    render(<App search="?tab=42" />, root);
    await flush();
    expect(root.querySelector('[data-state="nothing"]')!.textContent).toContain('no check-worthy claims, quotes or vague attributions');
    expect(root.querySelector('[data-filter-kind]')).toBeNull();
    expect(root.querySelector('[data-export-annotations]')).toBeNull();
  });

  it('"not an English article" when the analysis found the text is in another language', async () => {
    const r = fakeReport();
    r.analysis = { ...r.analysis, claims: [], quotes: [], attributions: [], language: 'other' };
    background(r);
    render(<App search="?tab=42" />, root);
    await flush();
    const p = root.querySelector('[data-state="nothing"]')!;
    expect(p.getAttribute('data-language')).toBe('other');
    expect(p.textContent).toContain('reads English only');
    expect(root.querySelector('[data-filter-kind]')).toBeNull();
  });

  it('pause and always-off from the report name the page\'s site; a failure is shown', async () => {
    background(fakeReport(), undefined, (m) => (m.name === 'site/set' ? { ok: false, error: { code: 'storage', message: 'The setting for harbor.example could not be saved: full' } } : { ok: true, value: true }));
    render(<App search="?tab=42" />, root);
    await flush();
    expect(root.querySelector('[data-site]')!.textContent).toContain('harbor.example');
    await act(async () => { root.querySelector<HTMLElement>('[data-site-off]')!.click(); });
    await flush();
    expect(sendMessage.mock.calls.find((c) => c[0].name === 'site/set')![0].args).toEqual({ site: 'harbor.example', mode: 'off', tabId: 42 });
    expect(root.querySelector('[data-site-error]')!.textContent).toContain('could not be saved');
  });
});

describe('keyboard', () => {
  it('arrow keys, Home and End move between items; not from inside a field', () => {
    render(<ReportView report={fakeReport()} onToggle={() => {}} onReveal={() => {}} />, root);
    const buttons = [...root.querySelectorAll<HTMLElement>('.item-main')];
    const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    buttons[0]!.focus();
    key(buttons[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(buttons[1]);
    key(buttons[1]!, 'End');
    expect(document.activeElement).toBe(buttons.at(-1));
    key(buttons.at(-1)!, 'ArrowDown');
    expect(document.activeElement).toBe(buttons.at(-1));
    key(buttons.at(-1)!, 'Home');
    expect(document.activeElement).toBe(buttons[0]);
    // From a control inside an item (its details), the arrows go to the next item too.
    const summary = root.querySelector<HTMLElement>('[data-item-id="c1"] summary')!;
    summary.focus();
    key(summary, 'ArrowUp');
    expect(document.activeElement).toBe(buttons[0]);
    const search = root.querySelector<HTMLInputElement>('[data-filter-search]')!;
    search.focus();
    key(search, 'ArrowDown');
    expect(document.activeElement).toBe(search);
  });
});

describe('hand-offs', () => {
  it('the tooltip\'s "show in list" focuses the item, opens its details and marks it', async () => {
    session['handoff:42'] = { kind: 'focus', itemId: 'c1', at: Date.now() };
    background(fakeReport());
    render(<App search="?tab=42" />, root);
    await flush();
    const item = root.querySelector<HTMLElement>('[data-item-id="c1"]')!;
    expect(item.classList.contains('item-handed-off')).toBe(true);
    expect(item.contains(document.activeElement)).toBe(true);
    expect(item.querySelector('details')!.open).toBe(true);
  });

  it('the context menu\'s selection is looked up and shown; closing forgets it', async () => {
    session['handoff:42'] = { kind: 'lookup', text: 'About 12,000 homes were affected.', at: Date.now() };
    const lookup = {
      text: 'About 12,000 homes were affected.', librarySize: 2, quote: null,
      sentences: [{ text: 'About 12,000 homes were affected.', report: fakeReport().corroboration.claims[1]! }],
    };
    background(fakeReport(), undefined, (m) => (m.name === 'library/lookup' ? { ok: true, value: lookup } : { ok: true, value: true }));
    render(<App search="?tab=42" />, root);
    await flush();
    expect(sendMessage.mock.calls.find((c) => c[0].name === 'library/lookup')![0].args).toEqual({ text: 'About 12,000 homes were affected.', tabId: 42 });
    const panel = root.querySelector('[data-lookup="done"]')!;
    expect(panel.querySelector('h2')!.textContent).toBe('Where else is this reported?');
    expect(panel.querySelector('[data-outlets="agree"]')!.textContent).toContain('Valley Courier');
    expect(panel.querySelector('[data-outlets="contradict"]')!.textContent).toContain('Metro Wire');
    await act(async () => { root.querySelector<HTMLElement>('[data-lookup-close]')!.click(); });
    expect(root.querySelector('[data-lookup]')).toBeNull();
    expect(removed).toContain('handoff:42');
  });

  it('an old hand-off is ignored, and a lookup with no match says so', async () => {
    session['handoff:42'] = { kind: 'focus', itemId: 'c1', at: Date.now() - 10 * 60_000 };
    background(fakeReport());
    render(<App search="?tab=42" />, root);
    await flush();
    expect(root.querySelector('.item-handed-off')).toBeNull();
    render(null, root);
    session['handoff:42'] = { kind: 'lookup', text: 'Nobody else wrote this sentence.', at: Date.now() };
    background(fakeReport(), undefined, (m) => (m.name === 'library/lookup'
      ? { ok: true, value: { text: 'x', librarySize: 3, quote: null, sentences: [{ text: 'x', report: { claimId: 'c0', status: 'single-source', agreeingOrigins: 0, evidence: [] } }] } }
      : { ok: true, value: true }));
    render(<App search="?tab=42" />, root);
    await flush();
    expect(root.querySelector('[data-lookup-none]')!.textContent).toBe('None of the 3 other articles in your library reports this.');
  });
});
